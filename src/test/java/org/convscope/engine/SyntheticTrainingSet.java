package org.convscope.engine;

import java.util.SplittableRandom;

/**
 * Made-up 28x28 images in ten classes for the training view's tests, as {@link LabeledImages}: class c is a bright
 * bar (row 2c + 4, columns 4..23) plus a bright block whose column depends on c, on faint noise. Learnable in a
 * few batches by every model.
 */
public final class SyntheticTrainingSet {
    private SyntheticTrainingSet() {}

    public static LabeledImages make(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] images = new byte[n * 784], labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(10);
            labels[i] = (byte) c;
            int base = i * 784;
            for (int p = 0; p < 784; p++) images[base + p] = (byte) r.nextInt(40);
            int row = 2 * c + 4 + r.nextInt(2);
            for (int x = 4; x < 24; x++) images[base + row * 28 + x] = (byte) (200 + r.nextInt(56));
            int col = 2 * c + 4;
            for (int y = 22; y < 26; y++) for (int x = col; x < col + 3; x++) images[base + y * 28 + x] = (byte) 230;
        }
        return new LabeledImages(images, labels, n, 784);
    }
}
