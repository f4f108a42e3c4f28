package org.convscope.app.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.convscope.engine.TrainingSnapshot.TestPredictions;

/**
 * Which class the network predicted for which true class, counted over a set of test images:
 * count(actual, predicted). The diagonal is what it got right; the largest off-diagonal cells are the
 * confusions worth showing (on Fashion-MNIST: shirt, T-shirt/top, pullover and coat). No JavaFX.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final int[][] counts;
    private final int[] testIndices;   // the evaluated test images
    private final int[] actual, predicted;
    private final int total;

    private ConfusionMatrix(int classes, int[] testIndices, int[] actual, int[] predicted) {
        this.classes = classes;
        this.testIndices = testIndices;
        this.actual = actual;
        this.predicted = predicted;
        this.counts = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) counts[actual[i]][predicted[i]]++;
        this.total = actual.length;
    }

    /** From the session's evaluation; labels are the test set's labels (indexed by test image). */
    public static ConfusionMatrix of(byte[] labels, TestPredictions e, int classes) {
        int n = e.size();
        int[] actual = new int[n];
        for (int i = 0; i < n; i++) {
            int l = labels[e.indices()[i]];
            if (l < 0 || l >= classes) throw new IllegalArgumentException("label " + l + " outside 0.." + (classes - 1));
            int p = e.predicted()[i];
            if (p < 0 || p >= classes) throw new IllegalArgumentException("prediction " + p + " outside 0.." + (classes - 1));
            actual[i] = l;
        }
        return new ConfusionMatrix(classes, e.indices(), actual, e.predicted());
    }

    /** From plain arrays (tests, other callers): image i has true class actual[i] and predicted class predicted[i]. */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
        if (actual.length != predicted.length) throw new IllegalArgumentException("actual and predicted differ in length");
        int[] idx = new int[actual.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        for (int i = 0; i < actual.length; i++)
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes)
                throw new IllegalArgumentException("class outside 0.." + (classes - 1) + " at " + i);
        return new ConfusionMatrix(classes, idx, actual.clone(), predicted.clone());
    }

    public int classes() { return classes; }
    public int total() { return total; }
    public int count(int actualClass, int predictedClass) { return counts[actualClass][predictedClass]; }

    public int rowTotal(int actualClass) {
        int s = 0;
        for (int c : counts[actualClass]) s += c;
        return s;
    }

    public int correct() {
        int s = 0;
        for (int c = 0; c < classes; c++) s += counts[c][c];
        return s;
    }

    public double accuracy() { return total == 0 ? Double.NaN : (double) correct() / total; }

    /** Share of class c's images that were recognised as c (recall), NaN when the class did not occur. */
    public double classAccuracy(int c) {
        int r = rowTotal(c);
        return r == 0 ? Double.NaN : (double) counts[c][c] / r;
    }

    /** count(actual, predicted) / rowTotal(actual): what the colour of a cell shows. */
    public double rowShare(int actualClass, int predictedClass) {
        int r = rowTotal(actualClass);
        return r == 0 ? 0 : (double) counts[actualClass][predictedClass] / r;
    }

    /** Test-image indices of the images in cell (actual, predicted), in test-set order, at most limit. */
    public int[] examples(int actualClass, int predictedClass, int limit) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < actual.length && out.size() < limit; i++)
            if (actual[i] == actualClass && predicted[i] == predictedClass) out.add(testIndices[i]);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One off-diagonal cell. */
    public record Confusion(int actual, int predicted, int count) {}

    /** The k largest off-diagonal cells, largest first (ties: lower actual class, then predicted). */
    public List<Confusion> topConfusions(int k) {
        List<Confusion> all = new ArrayList<>();
        for (int a = 0; a < classes; a++)
            for (int p = 0; p < classes; p++)
                if (a != p && counts[a][p] > 0) all.add(new Confusion(a, p, counts[a][p]));
        all.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparingInt(Confusion::actual).thenComparingInt(Confusion::predicted));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
