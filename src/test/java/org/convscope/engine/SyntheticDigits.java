package org.convscope.engine;

import java.util.SplittableRandom;

/**
 * A small, deterministic stand-in for MNIST in unit tests: 28×28 uint8 images of ten classes, class c being a bar
 * (horizontal for even c, vertical for odd c) at a class-specific position, jittered by ±2 pixels, with sparse
 * noise. Learnable in a few dozen steps, so tests stay fast.
 */
record SyntheticDigits(byte[] images, byte[] labels, int count) {

    static SyntheticDigits make(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] images = new byte[count * 784], labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int c = r.nextInt(10);
            labels[i] = (byte) c;
            int pos = 4 + 2 * c + r.nextInt(5) - 2, along = r.nextInt(5) - 2;
            for (int a = 4; a < 24; a++)
                for (int t = 0; t < 3; t++) {
                    int y = c % 2 == 0 ? pos + t : a + along, x = c % 2 == 0 ? a + along : pos + t;
                    if (y >= 0 && y < 28 && x >= 0 && x < 28) images[i * 784 + y * 28 + x] = (byte) (200 + r.nextInt(56));
                }
            for (int k = 0; k < 30; k++) images[i * 784 + r.nextInt(784)] = (byte) r.nextInt(256);
        }
        return new SyntheticDigits(images, labels, count);
    }

    /** Image i as floats in 0..1, as the trainer sees it. */
    float[] image(int i) {
        float[] x = new float[784];
        for (int p = 0; p < 784; p++) x[p] = (images[i * 784 + p] & 0xff) / 255f;
        return x;
    }

    float[] allAsFloats() {
        float[] x = new float[count * 784];
        for (int p = 0; p < x.length; p++) x[p] = (images[p] & 0xff) / 255f;
        return x;
    }

    int[] labelsAsInts() {
        int[] l = new int[count];
        for (int i = 0; i < count; i++) l[i] = labels[i];
        return l;
    }
}
