package org.convscope.app.draw;

import java.util.Locale;

/**
 * Command, not a test: what one pen movement costs on the FX thread before the network runs, i.e. rasterising the
 * new stroke segment and the MNIST preprocessing of the whole 448 x 448 pad (crop, area-average to 20 x 20, centre of
 * mass into 28 x 28). A plain timing loop (JMH's annotation processor is not enabled in this build): 2 s warm-up,
 * then the mean over 3 s.
 * Run: java --add-modules=jdk.incubator.vector -cp target/classes:target/test-classes org.convscope.app.draw.PenEventBench
 */
public final class PenEventBench {
    public static void main(String[] args) {
        Drawing drawing = new Drawing();
        for (double[][] s : DigitStrokes.of(8)) {
            double[][] d = DigitStrokes.dense(s, 6);
            drawing.begin((float) d[0][0], (float) d[0][1], 34, false);
            for (int i = 1; i < d.length; i++) drawing.extend((float) d[i][0], (float) d[i][1]);
            drawing.end();
        }
        GrayImage pad = drawing.view();
        Drawing scratch = new Drawing();
        scratch.begin(100, 100, 34, false);
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            boolean measure = round == 1;
            long until = System.nanoTime() + (measure ? 3_000_000_000L : 2_000_000_000L);
            long n = 0, t0 = System.nanoTime();
            while (System.nanoTime() < until) {
                int step = (int) (n % 40);
                sink += scratch.extend(100 + 8 * step, 100 + (step % 2)).x1(); // one 8-pixel segment, 34 px wide
                n++;
            }
            double segmentUs = (System.nanoTime() - t0) / 1e3 / n;
            until = System.nanoTime() + (measure ? 3_000_000_000L : 2_000_000_000L);
            long m = 0;
            t0 = System.nanoTime();
            while (System.nanoTime() < until) {
                sink += Preprocessing.mnist(pad).offsetX();
                m++;
            }
            double preprocessUs = (System.nanoTime() - t0) / 1e3 / m;
            if (measure) {
                System.out.printf(Locale.ROOT, "segment (34 px wide, 8 px long): %.1f us%n", segmentUs);
                System.out.printf(Locale.ROOT, "MNIST preprocessing of the 448x448 pad: %.1f us%n", preprocessUs);
            }
        }
        if (sink == 42) System.out.println();
    }
}
