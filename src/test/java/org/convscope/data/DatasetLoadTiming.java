package org.convscope.data;

import java.util.Arrays;

/**
 * How long loading the bundled datasets takes (a measurement, not a test). Run after test-compile:
 * <pre>
 *   java -cp target/classes:target/test-classes org.convscope.data.DatasetLoadTiming [repeats]
 * </pre>
 * Prints the first load in a fresh JVM (what a user waits for at startup) and the median of the repeats.
 */
public final class DatasetLoadTiming {
    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (DatasetKind kind : DatasetKind.values()) {
            double[] ms = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                Dataset train = DatasetLoader.loadBundled(kind, Split.TRAIN, LoadProgress.NONE);
                Dataset test = DatasetLoader.loadBundled(kind, Split.TEST, LoadProgress.NONE);
                ms[r] = (System.nanoTime() - t0) / 1e6;
                if (train.count() + test.count() != 70_000) throw new AssertionError("wrong count");
            }
            double first = ms[0];
            Arrays.sort(ms);
            System.out.printf("%-14s train+test (70,000 images): first load %.0f ms, median of %d %.0f ms%n",
                    kind.id(), first, repeats, ms[repeats / 2]);
        }
    }
}
