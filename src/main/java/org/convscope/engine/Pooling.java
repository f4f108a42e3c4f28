package org.convscope.engine;

/**
 * Max or average pooling of independent planes on plain arrays, written straight from the definition: the reference
 * the pooling view uses, checked against the engine's pooling layer in PoolingTest. Input (C, H, W), output
 * (C, Ho, Wo) with Ho = (H − window) / stride + 1, no padding. Pooling has no parameters.
 */
public final class Pooling {
    private Pooling() {}

    /** Ho for input size h; throws with a plain message when the window does not fit. */
    public static int outputSize(int h, int window, int stride) {
        if (window < 1) throw new IllegalArgumentException("pooling window must be at least 1");
        if (stride < 1) throw new IllegalArgumentException("pooling stride must be at least 1");
        if (window > h) throw new IllegalArgumentException("pooling window " + window + " is larger than its input " + h);
        return (h - window) / stride + 1;
    }

    /** y[c][oy][ox] = max (or mean) of x[c][oy·s .. oy·s + window)[ox·s .. ox·s + window). */
    public static float[] forward(PoolKind kind, float[] x, int channels, int h, int w, int window, int stride) {
        if (x.length != channels * h * w) throw new IllegalArgumentException("input has " + x.length
                + " values, expected " + channels + "\u00d7" + h + "\u00d7" + w + " = " + channels * h * w);
        int ho = outputSize(h, window, stride), wo = outputSize(w, window, stride);
        float[] y = new float[channels * ho * wo];
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    y[(c * ho + oy) * wo + ox] = window(kind, x, c * h * w, w, oy * stride, ox * stride, window);
                }
            }
        }
        return y;
    }

    /**
     * One window of one plane (starting at x[planeOff]) with top-left corner (y0, x0): its maximum, or its mean as
     * (sum in row-major order) · (1 / window²) — the order a view that adds the values one by one follows.
     */
    public static float window(PoolKind kind, float[] x, int planeOff, int w, int y0, int x0, int window) {
        if (kind == PoolKind.MAX) {
            float m = Float.NEGATIVE_INFINITY;
            for (int dy = 0; dy < window; dy++)
                for (int dx = 0; dx < window; dx++) m = Math.max(m, x[planeOff + (y0 + dy) * w + x0 + dx]);
            return m;
        }
        float s = 0f;
        for (int dy = 0; dy < window; dy++)
            for (int dx = 0; dx < window; dx++) s += x[planeOff + (y0 + dy) * w + x0 + dx];
        return s * (1f / (window * window)); // as the engine's layer: exact for window 2
    }
}
