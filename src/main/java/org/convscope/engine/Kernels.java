package org.convscope.engine;

/**
 * The numeric kernels every layer is built from, over flat float buffers. Two implementations sit side by side:
 * {@link ScalarKernels}, plain loops written straight from the definitions (the reference), and
 * {@link VectorKernels}, the same operations with the Vector API (register-blocked GEMM, vectorised im2col, pooling
 * and activations). Tests run both on the same inputs; the benchmark reports both.
 *
 * <p>{@link #preferred()} is what the engine uses unless told otherwise: the vector kernels, or the scalar ones when
 * the JVM runs with {@code -Dconvscope.scalar=true} (as llama3.java does), which switches the whole engine.
 *
 * <p>Layout. Activations of a chunk of n images are stored {@code [C][H][W][n]}: the n images innermost, so that the
 * batch kernels ({@code *Lanes}) hold one pixel of 16 images in one 512-bit vector and every convolution, pooling
 * window and activation is plain lane-wise arithmetic with no unfolding and no shuffles. A vector of F features is
 * the case H = W = 1: {@code [F][n]}. For n = 1 this is the ordinary C×H×W layout of one image; the single-image
 * kernels (im2col + gemm, pool on planes) vectorise along the image instead.
 */
public sealed interface Kernels permits ScalarKernels, VectorKernels {

    /** The vector kernels, or the scalar reference when {@code -Dconvscope.scalar=true}. */
    static Kernels preferred() { return KernelSelection.PREFERRED; }

    static Kernels scalar() { return ScalarKernels.INSTANCE; }

    static Kernels vector() { return VectorKernels.INSTANCE; }

    /** "vector-512" or "scalar": what is running, for benchmark output and logs. */
    String name();

    /**
     * C = init + A·B, with A (m×k) read through strides so that A or Aᵀ can be passed without copying.
     * <pre>
     * A(i,p) = a[aOff + i*aRowStride + p*aColStride]   (i < m, p < k)
     * B(p,j) = b[bOff + p*ldb + j]                      (p < k, j < n)
     * C(i,j) = c[cOff + i*ldc + j]                      (i < m, j < n)
     * init   = C(i,j) if accumulate, else rowBias[biasOff + i] if rowBias != null, else 0
     * </pre>
     */
    void gemm(int m, int n, int k,
              float[] a, int aOff, int aRowStride, int aColStride,
              float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc,
              float[] rowBias, int biasOff, boolean accumulate);

    /**
     * C = init + A·Bᵀ: each C(i,j) is a dot product of row i of A and row j of B, both of length l.
     * <pre>
     * A(i,p) = a[aOff + i*lda + p],  B(j,p) = b[bOff + j*ldb + p],  C(i,j) = c[cOff + i*ldc + j]
     * init   = C(i,j) if accumulate, else colBias[biasOff + j] if colBias != null, else 0
     * </pre>
     */
    void gemmNT(int m, int n, int l,
                float[] a, int aOff, int lda,
                float[] b, int bOff, int ldb,
                float[] c, int cOff, int ldc,
                float[] colBias, int biasOff, boolean accumulate);

    /**
     * Unfolds the receptive fields of one image x (C × h × w) into col (C·kernel·kernel rows of ldCol ≥ ho·wo
     * floats): col[((ci·K + ky)·K + kx)·ldCol + y·wo + x] = x[ci][y·stride + ky − pad][x·stride + kx − pad], zero
     * outside the image. Columns ho·wo..ldCol of each row are left undefined (they let the product that follows run
     * in whole vectors).
     */
    void im2col(float[] x, int channels, int h, int w, int kernel, int pad, int stride, int ho, int wo, float[] col, int ldCol);

    /**
     * Stride-1 convolution of one image without unfolding it: out[o·cols + j] = p[bOff + o] +
     * Σ_{c,ky,kx} p[wOff + ((o·ci + c)·k + ky)·k + kx] · xp[(c·hp + ky)·wp + kx + j] for j &lt; cols. xp is the zero-padded
     * image (ci × hp × wp); output pixel (y, x) is column y·wp + x, the columns x ≥ wp − k + 1 are wrap-around garbage,
     * and cols (a multiple of 16, ≥ (hp − k + 1)·wp) may read past the last plane: values past xp.length count as 0.
     */
    void convWide(float[] xp, int ci, int hp, int wp, float[] p, int wOff, int bOff, int co, int k, float[] out, int cols, int[] taps);

    /** The adjoint of {@link #im2col}: overwrites dx (C × h × w) with the sum of every col entry read from each pixel. */
    void col2im(float[] col, int ldCol, int channels, int h, int w, int kernel, int pad, int stride, int ho, int wo, float[] dx);

    /** out[outOff + r] += Σ_c a[off + r*ld + c] for r < rows, c < cols (bias gradients). */
    void addRowSums(float[] a, int off, int rows, int cols, int ld, float[] out, int outOff);

    /** dst[dstOff + c*rows + r] = src[srcOff + r*cols + c]: a rows×cols matrix transposed. */
    void transpose(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff);

    // ------------------------------------------------------------------ batch kernels, layout [C][H][W][n]

    /**
     * Convolution of a chunk: y[o][oy][ox][j] = p[bOff + o] + Σ_{c,ky,kx} p[wOff + ((o·ci + c)·k + ky)·k + kx] ·
     * x[c][oy·stride + ky][ox·stride + kx][j]. x is already zero-padded to hp × wp; y is ho × wo, overwritten.
     */
    default void convLanes(float[] x, int ci, int hp, int wp, float[] p, int wOff, int bOff, int co, int k, int stride,
                           float[] y, int ho, int wo, int n, int[] taps) {
        convLanes(x, ci, hp, wp, p, wOff, bOff, co, k, stride, y, ho, wo, n, taps, false);
    }

    /**
     * {@link #convLanes} followed, when relu is set, by ReLU on its output (max(y, 0), as {@link #activate} computes it):
     * the same values, bit for bit, without a second pass over the output (the layer of a convolution followed by
     * ReLU, see LayerOp).
     */
    void convLanes(float[] x, int ci, int hp, int wp, float[] p, int wOff, int bOff, int co, int k, int stride,
                   float[] y, int ho, int wo, int n, int[] taps, boolean relu);

    /**
     * The kernel taps of a convolution over a padded input as offsets in pixels: taps[(c·k + ky)·k + kx] =
     * (c·hp + ky)·wp + kx. The convolution kernels take this table (made once per layer) so that their inner loop is
     * one flat loop over the taps.
     */
    static int[] taps(int ci, int hp, int wp, int k) {
        int[] t = new int[ci * k * k];
        for (int c = 0, q = 0; c < ci; c++)
            for (int ky = 0; ky < k; ky++)
                for (int kx = 0; kx < k; kx++, q++) t[q] = (c * hp + ky) * wp + kx;
        return t;
    }

    /**
     * Parameter gradients of {@link #convLanes}: g[wOff + ((o·ci + c)·k + ky)·k + kx] += Σ_{oy,ox,j} dy[o][oy][ox][j] ·
     * x[c][oy·stride + ky][ox·stride + kx][j] and g[bOff + o] += Σ dy[o].
     */
    void convLanesWeightGrad(float[] x, int ci, int hp, int wp, float[] dy, int co, int k, int stride, int ho, int wo,
                             int n, float[] g, int wOff, int bOff);

    /**
     * Input gradient of {@link #convLanes}: overwrites dxp (ci × hp × wp × n, padded like x) with
     * Σ_{o,ky,kx} p[wOff + ((o·ci + c)·k + ky)·k + kx] · dy[o][oy][ox][j] at [c][oy·stride + ky][ox·stride + kx][j].
     */
    void convLanesInputGrad(float[] p, int wOff, float[] dy, int co, int k, int stride, int ho, int wo, int n,
                            float[] dxp, int ci, int hp, int wp);

    /** Max or average pooling of a chunk (c × h × w × n), window × window, stride, no padding. */
    void poolLanes(PoolKind kind, float[] x, float[] y, int c, int h, int w, int window, int stride, int n);

    /** Gradient of {@link #poolLanes}; overwrites dx. Max: the first position (row-major) equal to the maximum. */
    default void poolLanesBackward(PoolKind kind, float[] x, float[] y, float[] dy, float[] dx, int c, int h, int w, int window,
                                   int stride, int n) {
        poolLanesBackward(kind, x, y, dy, dx, c, h, w, window, stride, n, false);
    }

    /**
     * {@link #poolLanesBackward} followed, when reluBelow is set, by ReLU's backward pass on dx, for a pooling layer
     * whose input x is the output of a ReLU: dx = 0 wherever x ≤ 0 ({@link #activateBackward} in place, the same values
     * bit for bit, without a second pass).
     */
    void poolLanesBackward(PoolKind kind, float[] x, float[] y, float[] dy, float[] dx, int c, int h, int w, int window,
                           int stride, int n, boolean reluBelow);

    // ------------------------------------------------------------------ element-wise, loss, optimiser

    /** y[i] = fn(x[i]) for i in [0, len). */
    void activate(Activation fn, float[] x, float[] y, int len);

    /** dx[i] = dy[i] · fn'(x_i), computed from the output y[i] = fn(x_i) (σ' = y(1−y), tanh' = 1−y², ReLU' = [y > 0]). */
    void activateBackward(Activation fn, float[] y, float[] dy, float[] dx, int len);

    /**
     * Pooling of `planes` independent h×w planes (x: planes·h·w, y: planes·ho·wo), window×window, given stride, no
     * padding; ho = (h − window)/stride + 1, likewise wo.
     */
    void pool(PoolKind kind, float[] x, float[] y, int planes, int h, int w, int window, int stride);

    /**
     * Gradient of {@link #pool}: overwrites dx. Max pooling sends each dy to the first position (row-major in the
     * window) whose x equals the window's maximum y; average pooling spreads dy/window² over the window.
     */
    void poolBackward(PoolKind kind, float[] x, float[] y, float[] dy, float[] dx,
                      int planes, int h, int w, int window, int stride);

    /**
     * Softmax + cross-entropy for the first {@code count} of n images whose logits are stored [classes][n]. Writes
     * the gradient (p − onehot(label))·scale to dlogits (same layout; zero for images count..n−1, which are padding)
     * and returns Σ_j −log p_j[label_j] in double. Numerically stable: log-sum-exp with the maximum subtracted.
     */
    double softmaxCrossEntropy(float[] logits, int classes, int n, int count, int[] labels, float scale, float[] dlogits);

    /** dst[i] += src[i] for i in [from, to). */
    void add(float[] dst, float[] src, int from, int to);

    /**
     * A chunk's input: dst[q·n + j] = (src[from[j] + q] &amp; 0xff) / 255 for pixels q &lt; pixels and images j &lt; count
     * (uint8 pixels scaled to 0..1, image j in lane j); lanes count..n−1 of every pixel become 0.
     */
    void bytesToLanes(byte[] src, int[] from, int count, int pixels, float[] dst, int n);

    /**
     * SGD on [from, to) (PyTorch semantics): g' = g + wd·p; with momentum μ &gt; 0: v = μ·v + g', p −= lr·v;
     * otherwise p −= lr·g'.
     */
    void sgd(float[] p, float[] g, float[] v, int from, int to, float lr, float momentum, float weightDecay);

    /**
     * Adam on [from, to) (PyTorch semantics with L2 weight decay): g' = g + wd·p; m = β1·m + (1−β1)·g';
     * v = β2·v + (1−β2)·g'²; p −= lr·(m/c1) / (√(v/c2) + ε), where c1 = 1−β1ᵗ and c2 = 1−β2ᵗ.
     */
    void adam(float[] p, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1, float beta2,
              float eps, float weightDecay, float c1, float c2);
}

/** Holds the system-property choice, read once at class initialisation. */
final class KernelSelection {
    private KernelSelection() {}
    static final Kernels PREFERRED = Boolean.getBoolean("convscope.scalar") ? ScalarKernels.INSTANCE : VectorKernels.INSTANCE;
}
