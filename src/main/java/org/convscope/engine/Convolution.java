package org.convscope.engine;

/**
 * A single 2-D convolution on plain arrays, written straight from the definition: the reference the views use for
 * arbitrary kernels, padding and stride (the kernel-sliding view), checked against the engine's convolution layer
 * in ConvolutionTest. Layout NCHW without N, as in DJL's Conv2d: input (Ci, H, W), weights (Co, Ci, K, K), bias (Co),
 * output (Co, Ho, Wo) with Ho = (H + 2p − K) / s + 1 (integer division) and likewise Wo.
 *
 * <p>Like every deep-learning library this is a cross-correlation (the kernel is not flipped). Each output value is
 * accumulated in one fixed order — bias first, then channel by channel, row by row, column by column — which is the
 * order {@link #dot} uses, so a view that adds the products one by one arrives at exactly this value.
 */
public final class Convolution {
    private Convolution() {}

    /** Ho for input size h: (h + 2·pad − k) / stride + 1; throws with a plain message when the kernel does not fit. */
    public static int outputSize(int h, int k, int pad, int stride) {
        if (k < 1) throw new IllegalArgumentException("kernel size must be at least 1");
        if (pad < 0) throw new IllegalArgumentException("padding cannot be negative");
        if (stride < 1) throw new IllegalArgumentException("stride must be at least 1");
        int padded = h + 2 * pad;
        if (k > padded) throw new IllegalArgumentException("kernel " + k + "\u00d7" + k + " is larger than its padded input "
                + padded + "\u00d7" + padded + "; use more padding or a smaller kernel");
        return (padded - k) / stride + 1;
    }

    /**
     * out (Co, Ho, Wo) = bias + Σ_ci Σ_ky Σ_kx w[o][ci][ky][kx] · x[ci][y·s + ky − p][x·s + kx − p], zero outside x.
     *
     * @param x       input (ci, h, w), row-major
     * @param weights (co, ci, k, k), row-major
     * @param bias    (co), or null for no bias
     */
    public static float[] forward(float[] x, int ci, int h, int w, float[] weights, float[] bias, int co, int k,
                                  int pad, int stride) {
        if (x.length != ci * h * w) throw new IllegalArgumentException("input has " + x.length + " values, expected "
                + ci + "\u00d7" + h + "\u00d7" + w + " = " + ci * h * w);
        if (weights.length != co * ci * k * k) throw new IllegalArgumentException("weights have " + weights.length
                + " values, expected " + co + "\u00d7" + ci + "\u00d7" + k + "\u00d7" + k + " = " + co * ci * k * k);
        if (bias != null && bias.length != co) throw new IllegalArgumentException("bias has " + bias.length + " values, expected " + co);
        int ho = outputSize(h, k, pad, stride), wo = outputSize(w, k, pad, stride);
        float[] out = new float[co * ho * wo];
        for (int o = 0; o < co; o++) {
            float b = bias == null ? 0f : bias[o];
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    out[(o * ho + oy) * wo + ox] = dot(x, ci, h, w, weights, o * ci * k * k, k,
                            oy * stride - pad, ox * stride - pad, b);
                }
            }
        }
        return out;
    }

    /**
     * One output value: init + the products of the k×k×ci window whose top-left corner is at (y0, x0) in input
     * coordinates (negative or past the edge inside the padding, where the input counts as zero) with the kernel
     * at weights[wOff ..], added in the order channel, row, column.
     */
    public static float dot(float[] x, int ci, int h, int w, float[] weights, int wOff, int k, int y0, int x0, float init) {
        float acc = init;
        for (int c = 0; c < ci; c++) {
            for (int ky = 0; ky < k; ky++) {
                int y = y0 + ky;
                if (y < 0 || y >= h) continue; // a padding row: its products are all 0
                for (int kx = 0; kx < k; kx++) {
                    int xx = x0 + kx;
                    if (xx < 0 || xx >= w) continue;
                    acc += x[(c * h + y) * w + xx] * weights[wOff + (c * k + ky) * k + kx];
                }
            }
        }
        return acc;
    }
}
