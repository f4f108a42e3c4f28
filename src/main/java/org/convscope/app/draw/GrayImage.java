package org.convscope.app.draw;

import java.util.Arrays;

/**
 * A single-channel picture, row-major, values 0..1 with ink = 1 and background = 0 (white digit on black, as MNIST).
 * The array is owned by the record: callers that keep one must not write it afterwards.
 */
public record GrayImage(int width, int height, float[] pixels) {

    public GrayImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image must be at least 1x1, got " + width + "x" + height);
        if (pixels.length != width * height) throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
    }

    public static GrayImage blank(int width, int height) { return new GrayImage(width, height, new float[width * height]); }

    public float at(int x, int y) { return pixels[y * width + x]; }

    public float max() {
        float m = 0f;
        for (float v : pixels) m = Math.max(m, v);
        return m;
    }

    public float sum() {
        double s = 0;
        for (float v : pixels) s += v;
        return (float) s;
    }

    public GrayImage copy() { return new GrayImage(width, height, pixels.clone()); }

    @Override public boolean equals(Object o) {
        return o instanceof GrayImage g && g.width == width && g.height == height && Arrays.equals(g.pixels, pixels);
    }

    @Override public int hashCode() { return 31 * (31 * width + height) + Arrays.hashCode(pixels); }

    @Override public String toString() { return "GrayImage[" + width + "x" + height + "]"; }
}
