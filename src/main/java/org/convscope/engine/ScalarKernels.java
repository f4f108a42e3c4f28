package org.convscope.engine;

import java.util.Arrays;

/**
 * The reference kernels: one plain loop nest per definition, no blocking, no vectors. Each dot product is summed into
 * a single float accumulator in index order, which C2 cannot auto-vectorise (float addition is not associative), so
 * this really is scalar code. {@link VectorKernels} must agree with it within rounding.
 */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override public String name() { return "scalar"; }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRowStride, int aColStride, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, float[] rowBias, int biasOff, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            float init = rowBias == null ? 0f : rowBias[biasOff + i];
            for (int j = 0; j < n; j++) {
                float s = accumulate ? c[cOff + i * ldc + j] : init;
                for (int p = 0; p < k; p++) s += a[aOff + i * aRowStride + p * aColStride] * b[bOff + p * ldb + j];
                c[cOff + i * ldc + j] = s;
            }
        }
    }

    @Override
    public void gemmNT(int m, int n, int l, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                       int ldc, float[] colBias, int biasOff, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = accumulate ? c[cOff + i * ldc + j] : colBias == null ? 0f : colBias[biasOff + j];
                for (int p = 0; p < l; p++) s += a[aOff + i * lda + p] * b[bOff + j * ldb + p];
                c[cOff + i * ldc + j] = s;
            }
        }
    }

    @Override
    public void im2col(float[] x, int channels, int h, int w, int kernel, int pad, int stride, int ho, int wo, float[] col, int ldCol) {
        for (int ci = 0; ci < channels; ci++)
            for (int ky = 0; ky < kernel; ky++)
                for (int kx = 0; kx < kernel; kx++) {
                    int row = ((ci * kernel + ky) * kernel + kx) * ldCol;
                    for (int y = 0; y < ho; y++) {
                        int iy = y * stride + ky - pad;
                        for (int xo = 0; xo < wo; xo++) {
                            int ix = xo * stride + kx - pad;
                            boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                            col[row + y * wo + xo] = inside ? x[(ci * h + iy) * w + ix] : 0f;
                        }
                    }
                }
    }

    @Override
    public void convWide(float[] xp, int ci, int hp, int wp, float[] p, int wOff, int bOff, int co, int k, float[] out, int cols,
                         int[] taps) { // the reference loops over (c, ky, kx) itself
        for (int o = 0; o < co; o++)
            for (int j = 0; j < cols; j++) {
                float s = p[bOff + o];
                for (int c = 0; c < ci; c++)
                    for (int ky = 0; ky < k; ky++)
                        for (int kx = 0; kx < k; kx++) {
                            int q = (c * hp + ky) * wp + kx + j;
                            if (q < xp.length) s += p[wOff + ((o * ci + c) * k + ky) * k + kx] * xp[q];
                        }
                out[o * cols + j] = s;
            }
    }

    @Override
    public void col2im(float[] col, int ldCol, int channels, int h, int w, int kernel, int pad, int stride, int ho, int wo, float[] dx) {
        Arrays.fill(dx, 0, channels * h * w, 0f);
        for (int ci = 0; ci < channels; ci++)
            for (int ky = 0; ky < kernel; ky++)
                for (int kx = 0; kx < kernel; kx++) {
                    int row = ((ci * kernel + ky) * kernel + kx) * ldCol;
                    for (int y = 0; y < ho; y++) {
                        int iy = y * stride + ky - pad;
                        if (iy < 0 || iy >= h) continue;
                        for (int xo = 0; xo < wo; xo++) {
                            int ix = xo * stride + kx - pad;
                            if (ix >= 0 && ix < w) dx[(ci * h + iy) * w + ix] += col[row + y * wo + xo];
                        }
                    }
                }
    }

    @Override
    public void addRowSums(float[] a, int off, int rows, int cols, int ld, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            float s = 0f;
            for (int c = 0; c < cols; c++) s += a[off + r * ld + c];
            out[outOff + r] += s;
        }
    }

    @Override
    public void transpose(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff) {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) dst[dstOff + c * rows + r] = src[srcOff + r * cols + c];
    }

    @Override
    public void convLanes(float[] x, int ci, int hp, int wp, float[] p, int wOff, int bOff, int co, int k, int stride,
                          float[] y, int ho, int wo, int n, int[] taps, boolean relu) {
        for (int o = 0; o < co; o++)
            for (int oy = 0; oy < ho; oy++)
                for (int ox = 0; ox < wo; ox++)
                    for (int j = 0; j < n; j++) {
                        float s = p[bOff + o];
                        for (int c = 0; c < ci; c++)
                            for (int ky = 0; ky < k; ky++)
                                for (int kx = 0; kx < k; kx++)
                                    s += p[wOff + ((o * ci + c) * k + ky) * k + kx]
                                            * x[((c * hp + oy * stride + ky) * wp + ox * stride + kx) * n + j];
                        y[((o * ho + oy) * wo + ox) * n + j] = s;
                    }
        if (relu) activate(Activation.RELU, y, y, co * ho * wo * n);
    }

    @Override
    public void convLanesWeightGrad(float[] x, int ci, int hp, int wp, float[] dy, int co, int k, int stride, int ho, int wo,
                                    int n, float[] g, int wOff, int bOff) {
        for (int o = 0; o < co; o++) {
            for (int c = 0; c < ci; c++)
                for (int ky = 0; ky < k; ky++)
                    for (int kx = 0; kx < k; kx++) {
                        float s = 0f;
                        for (int oy = 0; oy < ho; oy++)
                            for (int ox = 0; ox < wo; ox++)
                                for (int j = 0; j < n; j++)
                                    s += dy[((o * ho + oy) * wo + ox) * n + j]
                                            * x[((c * hp + oy * stride + ky) * wp + ox * stride + kx) * n + j];
                        g[wOff + ((o * ci + c) * k + ky) * k + kx] += s;
                    }
            float b = 0f;
            for (int i = 0; i < ho * wo * n; i++) b += dy[o * ho * wo * n + i];
            g[bOff + o] += b;
        }
    }

    @Override
    public void convLanesInputGrad(float[] p, int wOff, float[] dy, int co, int k, int stride, int ho, int wo, int n,
                                   float[] dxp, int ci, int hp, int wp) {
        Arrays.fill(dxp, 0, ci * hp * wp * n, 0f);
        for (int o = 0; o < co; o++)
            for (int c = 0; c < ci; c++)
                for (int ky = 0; ky < k; ky++)
                    for (int kx = 0; kx < k; kx++) {
                        float wv = p[wOff + ((o * ci + c) * k + ky) * k + kx];
                        for (int oy = 0; oy < ho; oy++)
                            for (int ox = 0; ox < wo; ox++)
                                for (int j = 0; j < n; j++)
                                    dxp[((c * hp + oy * stride + ky) * wp + ox * stride + kx) * n + j]
                                            += wv * dy[((o * ho + oy) * wo + ox) * n + j];
                    }
    }

    @Override
    public void poolLanes(PoolKind kind, float[] x, float[] y, int c, int h, int w, int window, int stride, int n) {
        int ho = (h - window) / stride + 1, wo = (w - window) / stride + 1;
        float inv = 1f / (window * window);
        for (int ch = 0; ch < c; ch++)
            for (int oy = 0; oy < ho; oy++)
                for (int ox = 0; ox < wo; ox++)
                    for (int j = 0; j < n; j++) {
                        int corner = ((ch * h + oy * stride) * w + ox * stride) * n + j;
                        float r = kind == PoolKind.MAX ? x[corner] : 0f;
                        for (int wy = 0; wy < window; wy++)
                            for (int wx = 0; wx < window; wx++) {
                                float v = x[corner + (wy * w + wx) * n];
                                r = kind == PoolKind.MAX ? Math.max(r, v) : r + v;
                            }
                        y[((ch * ho + oy) * wo + ox) * n + j] = kind == PoolKind.MAX ? r : r * inv;
                    }
    }

    @Override
    public void poolLanesBackward(PoolKind kind, float[] x, float[] y, float[] dy, float[] dx, int c, int h, int w,
                                  int window, int stride, int n, boolean reluBelow) {
        int ho = (h - window) / stride + 1, wo = (w - window) / stride + 1;
        float inv = 1f / (window * window);
        Arrays.fill(dx, 0, c * h * w * n, 0f);
        for (int ch = 0; ch < c; ch++)
            for (int oy = 0; oy < ho; oy++)
                for (int ox = 0; ox < wo; ox++)
                    for (int j = 0; j < n; j++) {
                        int corner = ((ch * h + oy * stride) * w + ox * stride) * n + j, out = ((ch * ho + oy) * wo + ox) * n + j;
                        float g = dy[out];
                        if (kind == PoolKind.MAX) {
                            found:
                            for (int wy = 0; wy < window; wy++)
                                for (int wx = 0; wx < window; wx++)
                                    if (x[corner + (wy * w + wx) * n] == y[out]) { dx[corner + (wy * w + wx) * n] += g; break found; }
                        } else {
                            for (int wy = 0; wy < window; wy++)
                                for (int wx = 0; wx < window; wx++) dx[corner + (wy * w + wx) * n] += g * inv;
                        }
                    }
        if (reluBelow) activateBackward(Activation.RELU, x, dx, dx, c * h * w * n);
    }

    @Override
    public void activate(Activation fn, float[] x, float[] y, int len) {
        for (int i = 0; i < len; i++) y[i] = fn.apply(x[i]);
    }

    @Override
    public void activateBackward(Activation fn, float[] y, float[] dy, float[] dx, int len) {
        for (int i = 0; i < len; i++) dx[i] = dy[i] * derivativeFromOutput(fn, y[i]);
    }

    /** The activation's derivative expressed through its output y = fn(x). */
    static float derivativeFromOutput(Activation fn, float y) {
        return switch (fn) {
            case SIGMOID -> y * (1f - y);
            case TANH -> 1f - y * y;
            case RELU -> y > 0f ? 1f : 0f;
        };
    }

    @Override
    public void pool(PoolKind kind, float[] x, float[] y, int planes, int h, int w, int window, int stride) {
        int ho = (h - window) / stride + 1, wo = (w - window) / stride + 1;
        float inv = 1f / (window * window);
        for (int pl = 0; pl < planes; pl++) {
            int src = pl * h * w, dst = pl * ho * wo;
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    int corner = src + oy * stride * w + ox * stride;
                    float r;
                    if (kind == PoolKind.MAX) {
                        r = x[corner];
                        for (int dy = 0; dy < window; dy++)
                            for (int dx = 0; dx < window; dx++) r = Math.max(r, x[corner + dy * w + dx]);
                    } else {
                        r = 0f;
                        for (int dy = 0; dy < window; dy++)
                            for (int dx = 0; dx < window; dx++) r += x[corner + dy * w + dx];
                        r *= inv;
                    }
                    y[dst + oy * wo + ox] = r;
                }
            }
        }
    }

    @Override
    public void poolBackward(PoolKind kind, float[] x, float[] y, float[] dy, float[] dx, int planes, int h, int w,
                             int window, int stride) {
        int ho = (h - window) / stride + 1, wo = (w - window) / stride + 1;
        float inv = 1f / (window * window);
        Arrays.fill(dx, 0, planes * h * w, 0f);
        for (int pl = 0; pl < planes; pl++) {
            int src = pl * h * w, dst = pl * ho * wo;
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    int corner = src + oy * stride * w + ox * stride;
                    float g = dy[dst + oy * wo + ox];
                    if (kind == PoolKind.MAX) {
                        float best = y[dst + oy * wo + ox];
                        found:
                        for (int wy = 0; wy < window; wy++)
                            for (int wx = 0; wx < window; wx++)
                                if (x[corner + wy * w + wx] == best) { dx[corner + wy * w + wx] += g; break found; }
                    } else {
                        for (int wy = 0; wy < window; wy++)
                            for (int wx = 0; wx < window; wx++) dx[corner + wy * w + wx] += g * inv;
                    }
                }
            }
        }
    }

    @Override
    public double softmaxCrossEntropy(float[] logits, int classes, int n, int count, int[] labels, float scale, float[] dlogits) {
        return softmaxCrossEntropyReference(logits, classes, n, count, labels, scale, dlogits);
    }

    /** Shared by both kernel sets: ten classes per image is too little work to vectorise. */
    static double softmaxCrossEntropyReference(float[] logits, int classes, int n, int count, int[] labels, float scale,
                                               float[] dlogits) {
        double loss = 0;
        for (int j = count; j < n; j++) for (int c = 0; c < classes; c++) dlogits[c * n + j] = 0f; // padding images
        for (int j = 0; j < count; j++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) max = Math.max(max, logits[c * n + j]);
            double sum = 0;
            for (int c = 0; c < classes; c++) sum += Math.exp(logits[c * n + j] - max);
            int label = labels[j];
            // -log p[label] = log Σ exp(z - max) - (z[label] - max): no overflow, no log(0)
            loss += Math.log(sum) - (logits[label * n + j] - max);
            for (int c = 0; c < classes; c++) {
                float p = (float) (Math.exp(logits[c * n + j] - max) / sum);
                dlogits[c * n + j] = (p - (c == label ? 1f : 0f)) * scale;
            }
        }
        return loss;
    }

    @Override
    public void add(float[] dst, float[] src, int from, int to) {
        for (int i = from; i < to; i++) dst[i] += src[i];
    }

    @Override
    public void bytesToLanes(byte[] src, int[] from, int count, int pixels, float[] dst, int n) {
        for (int j = 0; j < n; j++)
            for (int q = 0; q < pixels; q++) dst[q * n + j] = j < count ? (src[from[j] + q] & 0xff) / 255f : 0f;
    }

    @Override
    public void sgd(float[] p, float[] g, float[] v, int from, int to, float lr, float momentum, float weightDecay) {
        for (int i = from; i < to; i++) {
            float gi = g[i] + weightDecay * p[i];
            if (momentum > 0f) {
                v[i] = momentum * v[i] + gi;
                gi = v[i];
            }
            p[i] -= lr * gi;
        }
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1, float beta2,
                     float eps, float weightDecay, float c1, float c2) {
        for (int i = from; i < to; i++) {
            float gi = g[i] + weightDecay * p[i];
            m[i] = beta1 * m[i] + (1f - beta1) * gi;
            v[i] = beta2 * v[i] + (1f - beta2) * gi * gi;
            p[i] -= lr * (m[i] / c1) / ((float) Math.sqrt(v[i] / c2) + eps);
        }
    }
}
