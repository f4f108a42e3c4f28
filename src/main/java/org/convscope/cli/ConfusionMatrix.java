package org.convscope.cli;

import java.util.List;
import java.util.Locale;

/**
 * Counts of (true class, predicted class) pairs. Row = the true class, column = what the network said;
 * the diagonal holds the correct answers, and a large off-diagonal cell is a pair of classes the network
 * confuses (on Fashion-MNIST: shirt, T-shirt/top, pullover and coat).
 */
public final class ConfusionMatrix {
    private final int classes;
    private final long[] counts; // (classes, classes), row-major: counts[truth * classes + predicted]

    public ConfusionMatrix(int classes) {
        if (classes < 1) throw new IllegalArgumentException("at least one class");
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    /** The engine's counts (Trainer.evaluate), confusion[truth][predicted]. */
    public static ConfusionMatrix of(org.convscope.engine.Evaluation e) {
        int[][] c = e.confusion();
        ConfusionMatrix cm = new ConfusionMatrix(c.length);
        for (int t = 0; t < c.length; t++)
            for (int p = 0; p < c.length; p++) cm.counts[t * c.length + p] = c[t][p];
        return cm;
    }

    public int classes() { return classes; }

    public void add(int truth, int predicted) {
        if (truth < 0 || truth >= classes || predicted < 0 || predicted >= classes)
            throw new IllegalArgumentException("class outside 0.." + (classes - 1) + ": truth " + truth + ", predicted " + predicted);
        counts[truth * classes + predicted]++;
    }

    public long count(int truth, int predicted) { return counts[truth * classes + predicted]; }

    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }

    public long correct() {
        long t = 0;
        for (int c = 0; c < classes; c++) t += count(c, c);
        return t;
    }

    /** Share of correct answers, NaN when nothing was counted. */
    public double accuracy() { long n = total(); return n == 0 ? Double.NaN : correct() / (double) n; }

    /** Images of class c that were recognised as c (recall), NaN when the class did not occur. */
    public double classAccuracy(int c) {
        long row = 0;
        for (int p = 0; p < classes; p++) row += count(c, p);
        return row == 0 ? Double.NaN : count(c, c) / (double) row;
    }

    /**
     * A text table: one row per true class (with its name and accuracy), one column per predicted class (by index,
     * so that the table stays narrow even with names like "Ankle boot").
     */
    public String table(List<String> names) {
        if (names.size() != classes) throw new IllegalArgumentException(names.size() + " names for " + classes + " classes");
        int nameWidth = "true \\ predicted".length();
        for (int c = 0; c < classes; c++) nameWidth = Math.max(nameWidth, (c + " " + names.get(c)).length());
        long max = 0;
        for (long v : counts) max = Math.max(max, v);
        int cell = Math.max(3, Long.toString(max).length()) + 1;
        StringBuilder sb = new StringBuilder();
        sb.append(pad("true \\ predicted", nameWidth, false));
        for (int p = 0; p < classes; p++) sb.append(pad(Integer.toString(p), cell, true));
        sb.append(pad("acc", 8, true)).append('\n');
        for (int t = 0; t < classes; t++) {
            sb.append(pad(t + " " + names.get(t), nameWidth, false));
            for (int p = 0; p < classes; p++) sb.append(pad(Long.toString(count(t, p)), cell, true));
            double a = classAccuracy(t);
            sb.append(pad(Double.isNaN(a) ? "-" : String.format(Locale.ROOT, "%.3f", a), 8, true)).append('\n');
        }
        return sb.toString();
    }

    /** The k largest off-diagonal cells, e.g. "Shirt -> T-shirt/top: 142". */
    public List<String> worstConfusions(List<String> names, int k) {
        record Cell(int t, int p, long n) {}
        return java.util.stream.IntStream.range(0, classes * classes)
                .filter(i -> i / classes != i % classes && counts[i] > 0)
                .mapToObj(i -> new Cell(i / classes, i % classes, counts[i]))
                .sorted((a, b) -> Long.compare(b.n, a.n)).limit(k)
                .map(c -> names.get(c.t) + " taken for " + names.get(c.p) + ": " + c.n).toList();
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) return right ? " " + s : s + " ";
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
