package org.convscope.app.lesson;

import java.util.Arrays;
import java.util.Objects;

/**
 * The picture a lesson step puts in front of every view: an image of a bundled dataset's test split
 * ({@code index >= 0}), or a picture stored in the lesson itself (28 x 28 grey values 0..255, e.g. a digit the
 * teacher drew; {@code pixels != null}).
 */
public record ImageRef(String dataset, int index, byte[] pixels) {
    public static final int SIDE = 28, PIXELS = SIDE * SIDE;

    public ImageRef {
        Objects.requireNonNull(dataset, "dataset");
        if ((pixels == null) == (index < 0)) throw new IllegalArgumentException("an image is either an index or pixels");
        if (pixels != null && pixels.length != PIXELS) throw new IllegalArgumentException("an image has 784 pixels");
        if (pixels != null) pixels = pixels.clone();
    }

    public static ImageRef test(String dataset, int index) { return new ImageRef(dataset, index, null); }

    public static ImageRef drawn(String dataset, byte[] pixels) { return new ImageRef(dataset, -1, pixels); }

    /** 0..1 values as the views use them ({@code / 255f}, exactly as in training). */
    public float[] toFloats() {
        float[] f = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) f[i] = (pixels[i] & 0xFF) / 255f;
        return f;
    }

    /** The nearest 0..255 grey values of 0..1 pixels. */
    public static byte[] toBytes(float[] values) {
        byte[] b = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) b[i] = (byte) Math.round(Math.clamp(values[i], 0f, 1f) * 255f);
        return b;
    }

    @Override public byte[] pixels() { return pixels == null ? null : pixels.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof ImageRef r && r.dataset.equals(dataset) && r.index == index && Arrays.equals(r.pixels, pixels);
    }

    @Override public int hashCode() { return Objects.hash(dataset, index, Arrays.hashCode(pixels)); }

    @Override public String toString() {
        return pixels == null ? dataset + " test #" + index : dataset + " (picture in the lesson)";
    }
}
