package org.convscope.app.kernel;

import org.convscope.engine.Convolution;

/**
 * One convolution kernel sliding over one input, position by position: the model behind the kernel-sliding view.
 * Pure Java (no JavaFX), immutable.
 *
 * <p>Shapes: input (C, H, W); kernel (C, K, K), one K×K slice per input channel; one bias; padding p, stride s;
 * output (Ho, Wo) with Ho = (H + 2p − K) / s + 1 (see {@link OutputSize}). Positions are numbered row-major over the
 * output: position = oy·Wo + ox; the window of a position has its top-left corner at (oy·s − p, ox·s − p) in input
 * coordinates, so with padding it can start outside the image, where the input counts as 0.
 *
 * <p>At each position there are C·K·K terms (multiply-adds), numbered t = (c·K + ky)·K + kx — the order in which
 * {@link Convolution#dot} adds them, so the running sum after the last term plus the bias is the engine's value.
 * The finished output map comes from {@link Convolution#forward}; every per-position number here is derived from
 * the same input and kernel and tested against it.
 */
public final class KernelSweep {
    private final float[] input;
    private final int channels, height, width;
    private final float[] kernel;
    private final int k;
    private final float bias;
    private final int pad, stride;
    private final OutputSize rows, cols;
    private final float[] output;

    /**
     * @param input  (channels, height, width) row-major; copied
     * @param kernel (channels, k, k) row-major; copied
     * @throws IllegalArgumentException with a plain message when sizes do not fit (e.g. a kernel larger than the
     *         padded input)
     */
    public KernelSweep(float[] input, int channels, int height, int width, float[] kernel, int k, float bias, int pad, int stride) {
        if (channels < 1 || height < 1 || width < 1) throw new IllegalArgumentException("the input is empty");
        if (input.length != channels * height * width) throw new IllegalArgumentException("input has " + input.length
                + " values, expected " + channels + "\u00d7" + height + "\u00d7" + width);
        if (kernel.length != channels * k * k) throw new IllegalArgumentException("the kernel needs one " + k + "\u00d7" + k
                + " slice per input channel (" + channels + "), got " + kernel.length + " numbers");
        this.rows = OutputSize.of(height, k, pad, stride);
        this.cols = OutputSize.of(width, k, pad, stride);
        this.input = input.clone();
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.kernel = kernel.clone();
        this.k = k;
        this.bias = bias;
        this.pad = pad;
        this.stride = stride;
        this.output = Convolution.forward(this.input, channels, height, width, this.kernel, new float[] {bias}, 1, k, pad, stride);
    }

    public int channels() { return channels; }
    public int inputHeight() { return height; }
    public int inputWidth() { return width; }
    public int kernelSize() { return k; }
    public float bias() { return bias; }
    public int padding() { return pad; }
    public int stride() { return stride; }
    /** The formula for the output height, with this sweep's numbers. */
    public OutputSize rowsFormula() { return rows; }
    public OutputSize colsFormula() { return cols; }
    public int outputHeight() { return rows.result(); }
    public int outputWidth() { return cols.result(); }
    public int positions() { return rows.result() * cols.result(); }
    /** Multiply-adds per position: C·K·K. */
    public int terms() { return channels * k * k; }

    public int outY(int position) { return position / outputWidth(); }
    public int outX(int position) { return position % outputWidth(); }
    public int positionAt(int oy, int ox) { return oy * outputWidth() + ox; }
    /** Input row of the window's top edge (negative inside the top padding). */
    public int windowTop(int position) { return outY(position) * stride - pad; }
    public int windowLeft(int position) { return outX(position) * stride - pad; }

    /** Input value x[c][y][x], 0 outside the image (the padding). */
    public float inputAt(int c, int y, int x) {
        return y < 0 || y >= height || x < 0 || x >= width ? 0f : input[(c * height + y) * width + x];
    }

    public boolean inImage(int y, int x) { return y >= 0 && y < height && x >= 0 && x < width; }

    public float kernelAt(int c, int ky, int kx) { return kernel[(c * k + ky) * k + kx]; }

    /** A copy of the kernel, (C, K, K). */
    public float[] kernel() { return kernel.clone(); }

    /** A copy of the input, (C, H, W). */
    public float[] input() { return input.clone(); }

    /** The patch value under kernel cell (c, ky, kx) at a position (0 in the padding). */
    public float patchAt(int position, int c, int ky, int kx) {
        return inputAt(c, windowTop(position) + ky, windowLeft(position) + kx);
    }

    /** Whether kernel cell (ky, kx) lies over the padding at this position. */
    public boolean inPadding(int position, int ky, int kx) {
        return !inImage(windowTop(position) + ky, windowLeft(position) + kx);
    }

    public float productAt(int position, int c, int ky, int kx) {
        return patchAt(position, c, ky, kx) * kernelAt(c, ky, kx);
    }

    /** Term t's channel, row and column (t = (c·K + ky)·K + kx). */
    public int termChannel(int t) { return t / (k * k); }
    public int termRow(int t) { return t / k % k; }
    public int termCol(int t) { return t % k; }

    /**
     * Sum of the first `done` products at a position, added in term order starting from `init`. With init = bias
     * and done = terms() this is exactly the engine's value (same order as {@link Convolution#dot}).
     */
    public float runningSum(int position, int done, float init) {
        float acc = init;
        for (int t = 0; t < done; t++) {
            int c = termChannel(t), ky = termRow(t), kx = termCol(t);
            if (inPadding(position, ky, kx)) continue; // 0·w: the engine skips it too, and x + 0 == x anyway
            acc += productAt(position, c, ky, kx);
        }
        return acc;
    }

    /** Sum of the first `done` products without the bias. */
    public float runningSum(int position, int done) { return runningSum(position, done, 0f); }

    /** Slice c's partial sum at a position: the products of that channel only, counting the first `done` terms. */
    public float sliceSum(int position, int c, int done) {
        float acc = 0f;
        int from = c * k * k, to = Math.min(done, from + k * k);
        for (int t = from; t < to; t++) {
            int ky = termRow(t), kx = termCol(t);
            if (!inPadding(position, ky, kx)) acc += productAt(position, c, ky, kx);
        }
        return acc;
    }

    /** The finished value at a position: bias + all products, from the engine's convolution. */
    public float output(int position) { return output[position]; }

    /** The finished output map (Ho, Wo), a copy. */
    public float[] outputMap() { return output.clone(); }

    /** The cut-out of one input channel used as a template kernel: (k, k) from (y0, x0), values outside are 0. */
    public static float[] template(float[] input, int channel, int height, int width, int y0, int x0, int k, boolean zeroMean) {
        float[] t = new float[k * k];
        double mean = 0;
        for (int dy = 0; dy < k; dy++) {
            for (int dx = 0; dx < k; dx++) {
                int y = y0 + dy, x = x0 + dx;
                float v = y < 0 || y >= height || x < 0 || x >= width ? 0f : input[(channel * height + y) * width + x];
                t[dy * k + dx] = v;
                mean += v;
            }
        }
        if (zeroMean) {
            float m = (float) (mean / t.length);
            for (int i = 0; i < t.length; i++) t[i] -= m;
        }
        return t;
    }
}
