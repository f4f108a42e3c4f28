package org.convscope.app.kernel;

/**
 * Classic hand-made 3×3 kernels (image processing before CNNs learned their own). Values row-major; the I18n key
 * "kernel.preset.NAME" names each one.
 */
public enum KernelPreset {
    /** Responds to a dark-to-bright change from right to left: vertical edges. */
    VERTICAL_EDGE(1, 0, -1, 1, 0, -1, 1, 0, -1),
    HORIZONTAL_EDGE(1, 1, 1, 0, 0, 0, -1, -1, -1),
    SOBEL_X(-1, 0, 1, -2, 0, 2, -1, 0, 1),
    SOBEL_Y(-1, -2, -1, 0, 0, 0, 1, 2, 1),
    /** Gaussian blur, weights 1-2-1 × 1-2-1 / 16: sums to 1, so brightness is kept. */
    BLUR(1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f),
    SHARPEN(0, -1, 0, -1, 5, -1, 0, -1, 0),
    IDENTITY(0, 0, 0, 0, 1, 0, 0, 0, 0);

    private final float[] values;

    KernelPreset(float... values) { this.values = values; }

    public int size() { return 3; }

    /** A copy of the 3×3 weights, row-major. */
    public float[] weights() { return values.clone(); }

    public String key() { return "kernel.preset." + name().toLowerCase(java.util.Locale.ROOT); }
}
