package org.convscope.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * The fast kernels, written with the Vector API. {@link #S} is the one place where the vector width is chosen
 * (the platform's preferred species: 512 bits = 16 floats with AVX-512). Loops run to {@code S.loopBound(n)} and end
 * in a masked vector tail (AVX-512 masks are cheap) or a scalar tail, each marked. Anything that has no vector
 * version (strided im2col, pooling windows other than 2×2/2) falls back to {@link ScalarKernels}.
 *
 * <p>The matrix products are register-blocked: a 6-row × 4-vector tile keeps 24 accumulators in registers, so each
 * loaded B vector feeds 6 FMAs and each broadcast A value feeds 4, hiding the FMA latency (Lucene's
 * PanamaVectorUtilSupport uses several accumulators for the same reason).
 */
final class VectorKernels implements Kernels {
    static final VectorKernels INSTANCE = new VectorKernels();

    /** The vector species, chosen here and nowhere else. */
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private static final ScalarKernels REF = ScalarKernels.INSTANCE;
    /**
     * How often a whole call was handed to the scalar reference (odd sizes, strides, windows): KernelsTest asserts that
     * LeNet's sizes never take this way, so that its vector-versus-scalar comparisons do not compare the scalar code
     * with itself. Counted only on these rare hand-overs, never per element.
     */
    static final java.util.concurrent.atomic.LongAdder FALLBACKS = new java.util.concurrent.atomic.LongAdder();

    // Lane permutations for 2x2/2 pooling on pairs of vectors (a | b) holding 2L consecutive pixels of one row.
    private static final VectorShuffle<Float> EVEN = shuffle(i -> 2 * i);          // a0 a2 .. b0 b2 ..
    private static final VectorShuffle<Float> ODD = shuffle(i -> 2 * i + 1);       // a1 a3 .. b1 b3 ..
    private static final VectorShuffle<Float> ZIP_LO = shuffle(i -> (i % 2 == 0 ? 0 : L) + i / 2);      // a0 b0 a1 b1 ..
    private static final VectorShuffle<Float> ZIP_HI = shuffle(i -> (i % 2 == 0 ? 0 : L) + L / 2 + i / 2); // a(L/2) b(L/2) ..

    // Lane sums as a fixed tree of exact permutes and adds: VectorOperators.ADD in reduceLanes may sum in a different
    // order once C2 compiles the code than before, and then the same seed would not give the same bits.
    private static final VectorShuffle<Float> FOLD8 = shuffle(i -> L >= 16 ? i ^ 8 : i), FOLD4 = shuffle(i -> L >= 8 ? i ^ 4 : i),
            FOLD2 = shuffle(i -> i ^ 2), FOLD1 = shuffle(i -> i ^ 1);

    /** Σ of the lanes, always in the same order (for 16 lanes: pairs 8 apart, then 4, 2, 1). */
    static float sumLanes(FloatVector v) {
        if (L >= 16) v = v.add(v.rearrange(FOLD8));
        if (L >= 8) v = v.add(v.rearrange(FOLD4));
        v = v.add(v.rearrange(FOLD2));
        return v.add(v.rearrange(FOLD1)).lane(0);
    }

    private static VectorShuffle<Float> shuffle(java.util.function.IntUnaryOperator lane) {
        int[] idx = new int[L];
        for (int i = 0; i < L; i++) idx[i] = lane.applyAsInt(i); // indices >= L select from the second vector
        return VectorShuffle.fromArray(S, idx, 0);
    }

    private VectorKernels() {}

    @Override public String name() { return "vector-" + S.vectorBitSize(); }

    // ---------------------------------------------------------------- matrix products

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRowStride, int aColStride, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, float[] rowBias, int biasOff, boolean accumulate) {
        if (m <= 0 || n <= 0) return;
        for (int i0 = 0; i0 < m; i0 += 6) {
            int j = 0;
            for (; j + 4 * L <= n; j += 4 * L)
                tile6x4(k, a, aOff, aRowStride, aColStride, m, i0, b, bOff, ldb, c, cOff, ldc, j, rowBias, biasOff, accumulate);
            if (j + 2 * L <= n) {
                tile6x2(k, a, aOff, aRowStride, aColStride, m, i0, b, bOff, ldb, c, cOff, ldc, j, rowBias, biasOff, accumulate);
                j += 2 * L;
            }
            for (; j + L <= n; j += L)
                tile6x1(k, a, aOff, aRowStride, aColStride, m, i0, b, bOff, ldb, c, cOff, ldc, j, rowBias, biasOff, accumulate);
            if (j < n) // vector tail: fewer than L columns, one masked vector per row
                for (int i = i0; i < Math.min(m, i0 + 6); i++)
                    rowTail(k, a, aOff + i * aRowStride, aColStride, b, bOff + j, ldb, c, cOff + i * ldc + j,
                            rowBias == null ? 0f : rowBias[biasOff + i], accumulate, n - j);
        }
    }

    private static int ceil(int a, int b) { return (a + b - 1) / b; }

    /**
     * One row of C, the last {@code cols} (< L) columns as one masked vector. A small method on its own (see
     * tools/gen_tiles.py on C1); it takes the column count, not a mask: a vector or mask passed to a method that C2
     * does not inline is boxed, i.e. allocated.
     */
    private static void rowTail(int k, float[] a, int pa, int acs, float[] b, int pb, int ldb, float[] c, int pc, float init,
                                boolean acc, int cols) {
        VectorMask<Float> mask = S.indexInRange(0, cols);
        FloatVector x = acc ? FloatVector.fromArray(S, c, pc, mask) : FloatVector.broadcast(S, init);
        for (int p = 0; p < k; p++, pb += ldb, pa += acs)
            x = FloatVector.fromArray(S, b, pb, mask).fma(FloatVector.broadcast(S, a[pa]), x);
        x.intoArray(c, pc, mask);
    }

    /** Σ a[pa + q]·b[pb + q] for q in [p, l): the scalar tail of a dot product. */
    private static float dotTail(float[] a, int pa, float[] b, int pb, int p, int l) {
        float s = 0f;
        for (; p < l; p++) s += a[pa + p] * b[pb + p];
        return s;
    }

    @Override
    public void gemmNT(int m, int n, int l, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                       int ldc, float[] colBias, int biasOff, boolean accumulate) {
        if (m <= 0 || n <= 0) return;
        if (n >= 3) {
            // 4x4 or 6x3 tiles, whichever computes fewer repeated rows (6 output channels: 6x3; 16: 4x4)
            if (ceil(m, 4) * ceil(n, 4) * 16 <= ceil(m, 6) * ceil(n, 3) * 18) {
                for (int i0 = 0; i0 < m; i0 += 4)
                    for (int j0 = 0; j0 < n; j0 += 4)
                        dot4x4(l, a, aOff, lda, m, i0, b, bOff, ldb, n, j0, c, cOff, ldc, colBias, biasOff, accumulate);
            } else {
                for (int i0 = 0; i0 < m; i0 += 6)
                    for (int j0 = 0; j0 < n; j0 += 3)
                        dot6x3(l, a, aOff, lda, m, i0, b, bOff, ldb, n, j0, c, cOff, ldc, colBias, biasOff, accumulate);
            }
        } else { // matrix times a few vectors (one image through a dense layer): 8 rows of A per B row
            for (int j0 = 0; j0 < n; j0++)
                for (int i0 = 0; i0 < m; i0 += 8)
                    dot8x1(l, a, aOff, lda, m, i0, b, bOff, ldb, n, j0, c, cOff, ldc, colBias, biasOff, accumulate);
        }
    }


    // ---------------------------------------------------------------- convolution unfolding

    @Override
    public void im2col(float[] x, int channels, int h, int w, int kernel, int pad, int stride, int ho, int wo, float[] col, int ldCol) {
        if (stride != 1 || pad != 0) { // the layers pad their inputs first, so this is the one that matters
            FALLBACKS.increment(); REF.im2col(x, channels, h, w, kernel, pad, stride, ho, wo, col, ldCol);
            return;
        }
        for (int ci = 0; ci < channels; ci++)
            for (int ky = 0; ky < kernel; ky++)
                for (int kx = 0; kx < kernel; kx++) {
                    int src = (ci * h + ky) * w + kx, dst = ((ci * kernel + ky) * kernel + kx) * ldCol;
                    // rows are written in increasing order, so a copy may spill past its end: the next one overwrites it
                    for (int y = 0; y < ho; y++) copySpilling(x, src + y * w, col, dst + y * wo, wo);
                }
    }

    @Override
    public void convWide(float[] xp, int ci, int hp, int wp, float[] p, int wOff, int bOff, int co, int k, float[] out, int cols,
                         int[] taps) {
        if (cols % L != 0 || (ci - 1) * hp * wp + (k - 1) * wp + (k - 1) + cols > xp.length) { // no slack to read into
            FALLBACKS.increment(); REF.convWide(xp, ci, hp, wp, p, wOff, bOff, co, k, out, cols, taps);
            return;
        }
        int kk = ci * k * k;
        for (int c0 = 0; c0 < co; c0 += 6) {
            int j = 0;
            for (; j + 4 * L <= cols; j += 4 * L) wideTile6x4(xp, taps, kk, p, wOff, bOff, co, c0, out, cols, j);
            if (j + 2 * L <= cols) {
                wideTile6x2(xp, taps, kk, p, wOff, bOff, co, c0, out, cols, j);
                j += 2 * L;
            }
            for (; j < cols; j += L) wideTile6x1(xp, taps, kk, p, wOff, bOff, co, c0, out, cols, j);
        }
    }

    /**
     * dst[d..d+len) = src[s..s+len) in whole vectors, possibly writing up to L−1 floats of garbage after d+len
     * (within dst): unmasked vector copies are several times cheaper than masked ones.
     */
    private static void copySpilling(float[] src, int s, float[] dst, int d, int len) {
        int i = 0;
        for (; i < len; i += L) {
            if (s + i + L > src.length || d + i + L > dst.length) break;
            FloatVector.fromArray(S, src, s + i).intoArray(dst, d + i);
        }
        if (i < len) copyMasked(src, s + i, dst, d + i, len - i); // at the end of an array: tail
    }

    private static void copyMasked(float[] src, int s, float[] dst, int d, int len) {
        for (int i = 0; i < len; i += L) {
            VectorMask<Float> m = S.indexInRange(i, len);
            FloatVector.fromArray(S, src, s + i, m).intoArray(dst, d + i, m);
        }
    }

    @Override
    public void col2im(float[] col, int ldCol, int channels, int h, int w, int kernel, int pad, int stride, int ho, int wo, float[] dx) {
        if (stride != 1 || pad != 0) {
            FALLBACKS.increment(); REF.col2im(col, ldCol, channels, h, w, kernel, pad, stride, ho, wo, dx);
            return;
        }
        Arrays.fill(dx, 0, channels * h * w, 0f);
        for (int ci = 0; ci < channels; ci++)
            for (int ky = 0; ky < kernel; ky++)
                for (int kx = 0; kx < kernel; kx++)
                    addRows(col, ((ci * kernel + ky) * kernel + kx) * ldCol, dx, (ci * h + ky) * w + kx, ho, wo, w);
    }

    /** dst[d + y·w + x] += src[s + y·wo + x] for y < rows, x < wo: one kernel offset of one image, folded back. */
    private static void addRows(float[] src, int s, float[] dst, int d, int rows, int wo, int w) {
        for (int x0 = 0; x0 < wo; x0 += L) {
            VectorMask<Float> m = S.indexInRange(x0, wo);
            for (int y = 0; y < rows; y++) {
                int ps = s + y * wo + x0, pd = d + y * w + x0;
                FloatVector.fromArray(S, dst, pd, m).add(FloatVector.fromArray(S, src, ps, m)).intoArray(dst, pd, m);
            }
        }
    }

    // ---------------------------------------------------------------- small reductions and copies

    @Override
    public void addRowSums(float[] a, int off, int rows, int cols, int ld, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            int base = off + r * ld, c = 0;
            FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
            for (int bound = cols - 2 * L; c <= bound; c += 2 * L) { // two accumulators: the adds are independent
                s0 = s0.add(FloatVector.fromArray(S, a, base + c));
                s1 = s1.add(FloatVector.fromArray(S, a, base + c + L));
            }
            for (; c < cols; c += L) s0 = s0.add(FloatVector.fromArray(S, a, base + c, S.indexInRange(c, cols)));
            out[outOff + r] += sumLanes(s0.add(s1));
        }
    }

    @Override
    public void transpose(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff) {
        REF.transpose(src, srcOff, rows, cols, dst, dstOff); // a few hundred values per image: not worth shuffles
    }

    // ---------------------------------------------------------------- batch kernels: [C][H][W][n], images in the lanes
    // One vector = one pixel of L images, so a convolution is a direct, register-blocked sum over kernel taps with no
    // unfolding, and pooling is lane-wise max/add. Chunks whose width n is not a multiple of L use the reference.

    @Override
    public void convLanes(float[] x, int ci, int hp, int wp, float[] p, int wOff, int bOff, int co, int k, int stride,
                          float[] y, int ho, int wo, int n, int[] taps, boolean relu) {
        if (n % L != 0) {
            FALLBACKS.increment(); REF.convLanes(x, ci, hp, wp, p, wOff, bOff, co, k, stride, y, ho, wo, n, taps, false);
            if (relu) activate(Activation.RELU, y, y, co * ho * wo * n); // this class's ReLU, as the fused one computes it
            return;
        }
        int kk = ci * k * k;
        int pixels = ho * wo, cs = pixels * n;
        // 4 pixels x 6 channels or 6 pixels x 4 channels, whichever repeats fewer rows (6 channels: the first)
        boolean six = ceil(pixels, 4) * 4 * ceil(co, 6) * 6 <= ceil(pixels, 6) * 6 * ceil(co, 4) * 4;
        int tile = six ? 4 : 6;
        for (int v = 0; v < n; v += L)
            for (int c0 = 0; c0 < co; c0 += six ? 6 : 4) {
                // walk the output pixels in tiles; pixel (oy, ox) reads from (oy·stride, ox·stride) in x and writes
                // p·n + v in y (pixels past the end repeat the last one)
                for (int p0 = 0, oy = 0, ox = 0; p0 < pixels; p0 += tile) {
                    int q = p0, y0 = oy, x0 = ox;
                    int xo0 = (y0 * stride * wp + x0 * stride) * n + v, yo0 = q * n + v;
                    if (q + 1 < pixels) { q++; if (++x0 == wo) { x0 = 0; y0++; } }
                    int xo1 = (y0 * stride * wp + x0 * stride) * n + v, yo1 = q * n + v;
                    if (q + 1 < pixels) { q++; if (++x0 == wo) { x0 = 0; y0++; } }
                    int xo2 = (y0 * stride * wp + x0 * stride) * n + v, yo2 = q * n + v;
                    if (q + 1 < pixels) { q++; if (++x0 == wo) { x0 = 0; y0++; } }
                    int xo3 = (y0 * stride * wp + x0 * stride) * n + v, yo3 = q * n + v;
                    if (six) {
                        convTile4x6(x, n, xo0, xo1, xo2, xo3, yo0, yo1, yo2, yo3, taps, kk, p, wOff, c0, co, p, bOff, y, cs, relu);
                    } else {
                        if (q + 1 < pixels) { q++; if (++x0 == wo) { x0 = 0; y0++; } }
                        int xo4 = (y0 * stride * wp + x0 * stride) * n + v, yo4 = q * n + v;
                        if (q + 1 < pixels) { q++; if (++x0 == wo) { x0 = 0; y0++; } }
                        int xo5 = (y0 * stride * wp + x0 * stride) * n + v, yo5 = q * n + v;
                        convTile6x4(x, n, xo0, xo1, xo2, xo3, xo4, xo5, yo0, yo1, yo2, yo3, yo4, yo5, taps, kk,
                                p, wOff, c0, co, p, bOff, y, cs, relu);
                    }
                    for (int t = 0; t < tile; t++) if (++ox == wo) { ox = 0; oy++; } // the next tile's first pixel
                }
            }
    }

    @Override
    public void convLanesWeightGrad(float[] x, int ci, int hp, int wp, float[] dy, int co, int k, int stride, int ho, int wo,
                                    int n, float[] g, int wOff, int bOff) {
        if (n % L != 0) { FALLBACKS.increment(); REF.convLanesWeightGrad(x, ci, hp, wp, dy, co, k, stride, ho, wo, n, g, wOff, bOff); return; }
        int pixels = ho * wo, kk = ci * k * k;
        boolean six = ceil(co, 6) * 6 * ceil(kk, 4) * 4 <= ceil(co, 4) * 4 * ceil(kk, 6) * 6;
        for (int v = 0; v < n; v += L) {
            if (six) {
                for (int c0 = 0; c0 < co; c0 += 6)
                    for (int t0 = 0; t0 < kk; t0 += 4)
                        convWeightTile6x4(x, dy, n, v, pixels, wo, stride, wp, hp, k, kk, c0, co, t0, g, wOff);
            } else {
                for (int c0 = 0; c0 < co; c0 += 4)
                    for (int t0 = 0; t0 < kk; t0 += 6)
                        convWeightTile4x6(x, dy, n, v, pixels, wo, stride, wp, hp, k, kk, c0, co, t0, g, wOff);
            }
        }
        addRowSums(dy, 0, co, pixels * n, pixels * n, g, bOff);
    }

    @Override
    public void convLanesInputGrad(float[] p, int wOff, float[] dy, int co, int k, int stride, int ho, int wo, int n,
                                   float[] dxp, int ci, int hp, int wp) {
        if (n % L != 0) { FALLBACKS.increment(); REF.convLanesInputGrad(p, wOff, dy, co, k, stride, ho, wo, n, dxp, ci, hp, wp); return; }
        Arrays.fill(dxp, 0, ci * hp * wp * n, 0f);
        int pixels = ho * wo, kk = ci * k * k, plane = hp * wp * n, ds = pixels * n;
        if (stride == 1 && k == 5 && wo % 5 == 0) { // LeNet's conv2: row tiles that keep their targets in registers
            for (int v = 0; v < n; v += L)
                for (int y = 0; y < hp; y++)
                    for (int ox0 = 0; ox0 < wo; ox0 += 5)
                        for (int cg = 0; cg < ci; cg += 2)
                            convInputRow5x2k5(p, wOff, dy, co, ci, ho, wo, n, v, dxp, plane, wp, y, ox0, cg);
            return;
        }
        for (int tap = 0; tap < k * k; tap++) { // one kernel tap at a time: the pixels of a tile then hit distinct targets
            int shift = ((tap / k) * wp + tap % k) * n;
            for (int v = 0; v < n; v += L)
                for (int p0 = 0, oy = 0, ox = 0; p0 < pixels; p0 += 4) {
                    int q = p0, y0 = oy, x0 = ox;
                    int xo0 = (y0 * stride * wp + x0 * stride) * n + v + shift, do0 = q * n + v;
                    if (q + 1 < pixels) { q++; if (++x0 == wo) { x0 = 0; y0++; } }
                    int xo1 = (y0 * stride * wp + x0 * stride) * n + v + shift, do1 = q * n + v;
                    if (q + 1 < pixels) { q++; if (++x0 == wo) { x0 = 0; y0++; } }
                    int xo2 = (y0 * stride * wp + x0 * stride) * n + v + shift, do2 = q * n + v;
                    if (q + 1 < pixels) { q++; if (++x0 == wo) { x0 = 0; y0++; } }
                    int xo3 = (y0 * stride * wp + x0 * stride) * n + v + shift, do3 = q * n + v;
                    for (int c0 = 0; c0 < ci; c0 += 6)
                        convInputTile4x6(p, wOff, dy, ds, do0, do1, do2, do3, xo0, xo1, xo2, xo3, co, c0, ci, kk, tap, dxp, plane);
                    for (int t = 0; t < 4; t++) if (++ox == wo) { ox = 0; oy++; }
                }
        }
    }

    @Override
    public void poolLanes(PoolKind kind, float[] x, float[] y, int c, int h, int w, int window, int stride, int n) {
        if (n % L != 0) { FALLBACKS.increment(); REF.poolLanes(kind, x, y, c, h, w, window, stride, n); return; }
        int ho = (h - window) / stride + 1, wo = (w - window) / stride + 1;
        boolean max = kind == PoolKind.MAX;
        float inv = 1f / (window * window);
        for (int ch = 0; ch < c; ch++)
            for (int oy = 0; oy < ho; oy++)
                for (int ox = 0; ox < wo; ox++) {
                    int corner = ((ch * h + oy * stride) * w + ox * stride) * n, out = ((ch * ho + oy) * wo + ox) * n;
                    for (int v = 0; v < n; v += L) {
                        FloatVector r = FloatVector.fromArray(S, x, corner + v);
                        for (int wy = 0; wy < window; wy++)
                            for (int wx = (wy == 0 ? 1 : 0); wx < window; wx++) {
                                FloatVector e = FloatVector.fromArray(S, x, corner + (wy * w + wx) * n + v);
                                r = max ? r.max(e) : r.add(e);
                            }
                        (max ? r : r.mul(inv)).intoArray(y, out + v);
                    }
                }
    }

    @Override
    public void poolLanesBackward(PoolKind kind, float[] x, float[] y, float[] dy, float[] dx, int c, int h, int w,
                                  int window, int stride, int n, boolean reluBelow) {
        boolean max = kind == PoolKind.MAX;
        if (n % L != 0 || (max && window != 2)) { // max pooling over other windows is rare: the reference does it
            FALLBACKS.increment(); REF.poolLanesBackward(kind, x, y, dy, dx, c, h, w, window, stride, n, false);
            if (reluBelow) activateBackward(Activation.RELU, x, dx, dx, c * h * w * n); // this class's, as the fused one
            return;
        }
        if (reluBelow && !max) { // averages spread the gradient everywhere: ReLU's mask needs its own pass
            poolLanesBackward(kind, x, y, dy, dx, c, h, w, window, stride, n, false);
            activateBackward(Activation.RELU, x, dx, dx, c * h * w * n);
            return;
        }
        int ho = (h - window) / stride + 1, wo = (w - window) / stride + 1;
        float inv = 1f / (window * window);
        // 2×2 windows at stride 2 on an even plane (LeNet's pooling) cover every input once: each window then stores its
        // four values instead of adding them to a cleared dx (one pass over dx instead of three)
        boolean tiled = max && stride == 2 && h % 2 == 0 && w % 2 == 0;
        if (!tiled) Arrays.fill(dx, 0, c * h * w * n, 0f);
        for (int ch = 0; ch < c; ch++)
            for (int oy = 0; oy < ho; oy++)
                for (int ox = 0; ox < wo; ox++) {
                    int corner = ((ch * h + oy * stride) * w + ox * stride) * n, out = ((ch * ho + oy) * wo + ox) * n;
                    for (int v = 0; v < n; v += L) {
                        if (max) {
                            maxBack2x2(x, y, dy, dx, corner + v, out + v, n, w * n, reluBelow, tiled);
                            continue;
                        }
                        FloatVector g = FloatVector.fromArray(S, dy, out + v).mul(inv);
                        for (int wy = 0; wy < window; wy++)
                            for (int wx = 0; wx < window; wx++) {
                                int q = corner + (wy * w + wx) * n + v;
                                FloatVector.fromArray(S, dx, q).add(g).intoArray(dx, q);
                            }
                    }
                }
    }

    /**
     * One 2×2 window of L images: the first position (top-left, top-right, bottom-left, bottom-right) equal to the
     * maximum takes the gradient. Written out without loops: a mask carried around a loop is not kept in registers.
     * relu: x is a ReLU's output, and its backward pass is done here too: a window whose maximum is not above 0 passes
     * no gradient (the position that took it has x = maximum ≤ 0, where ReLU's gradient is 0; every other position
     * gets 0 anyway), so g becomes +0 there: the same bits as pooling's backward followed by ReLU's.
     * store: no other window touches these four positions, so they are stored, not added to dx; g + 0 first, so that a
     * gradient of -0 becomes +0 exactly as when it was added to a cleared dx (the same bits as the reference).
     */
    private static void maxBack2x2(float[] x, float[] y, float[] dy, float[] dx, int q, int out, int right, int down, boolean relu,
                                   boolean store) {
        FloatVector m = FloatVector.fromArray(S, y, out), g = FloatVector.fromArray(S, dy, out), zero = FloatVector.zero(S);
        if (relu) g = zero.blend(g, m.compare(VectorOperators.GT, zero));
        if (store) {
            g = g.add(zero);
            VectorMask<Float> e00 = FloatVector.fromArray(S, x, q).eq(m);
            VectorMask<Float> e01 = FloatVector.fromArray(S, x, q + right).eq(m).andNot(e00);
            VectorMask<Float> top = e00.or(e01);
            VectorMask<Float> e10 = FloatVector.fromArray(S, x, q + down).eq(m).andNot(top);
            VectorMask<Float> e11 = FloatVector.fromArray(S, x, q + down + right).eq(m).andNot(top.or(e10));
            zero.blend(g, e00).intoArray(dx, q);
            zero.blend(g, e01).intoArray(dx, q + right);
            zero.blend(g, e10).intoArray(dx, q + down);
            zero.blend(g, e11).intoArray(dx, q + down + right);
            return;
        }
        VectorMask<Float> e00 = FloatVector.fromArray(S, x, q).eq(m);
        VectorMask<Float> e01 = FloatVector.fromArray(S, x, q + right).eq(m).andNot(e00);
        VectorMask<Float> top = e00.or(e01);
        VectorMask<Float> e10 = FloatVector.fromArray(S, x, q + down).eq(m).andNot(top);
        VectorMask<Float> e11 = FloatVector.fromArray(S, x, q + down + right).eq(m).andNot(top.or(e10));
        FloatVector.fromArray(S, dx, q).add(zero.blend(g, e00)).intoArray(dx, q);
        FloatVector.fromArray(S, dx, q + right).add(zero.blend(g, e01)).intoArray(dx, q + right);
        FloatVector.fromArray(S, dx, q + down).add(zero.blend(g, e10)).intoArray(dx, q + down);
        FloatVector.fromArray(S, dx, q + down + right).add(zero.blend(g, e11)).intoArray(dx, q + down + right);
    }

    // ---------------------------------------------------------------- activations

    @Override
    public void activate(Activation fn, float[] x, float[] y, int len) {
        int i = 0, bound = S.loopBound(len);
        FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f), minusTwo = FloatVector.broadcast(S, -2f);
        switch (fn) {
            case RELU -> {
                for (; i < bound; i += L) FloatVector.fromArray(S, x, i).max(zero).intoArray(y, i);
                if (i < len) { // vector tail
                    VectorMask<Float> m = S.indexInRange(i, len);
                    FloatVector.fromArray(S, x, i, m).max(zero).intoArray(y, i, m);
                }
            }
            case SIGMOID -> { // 1 / (1 + e^-x)
                for (; i < bound; i += L) one.div(one.add(exp(FloatVector.fromArray(S, x, i).neg()))).intoArray(y, i);
                if (i < len) { // vector tail
                    VectorMask<Float> m = S.indexInRange(i, len);
                    one.div(one.add(exp(FloatVector.fromArray(S, x, i, m).neg()))).intoArray(y, i, m);
                }
            }
            case TANH -> { // sign(x) (1 − e^−2|x|) / (1 + e^−2|x|)
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i), e = exp(v.abs().mul(minusTwo));
                    one.sub(e).div(one.add(e)).blend(e.sub(one).div(one.add(e)), v.compare(VectorOperators.LT, zero)).intoArray(y, i);
                }
                for (; i < len; i++) y[i] = (float) Math.tanh(x[i]); // scalar tail
            }
        }
    }

    /**
     * e^x for float lanes from exact operations only (Cephes expf: x = n·ln2 + r, a degree-6 polynomial for e^r,
     * 2^n put into the exponent bits), within 2 ulp. VectorOperators.EXP would call SVML once compiled and Java's
     * Math.exp before, so results, and with them the trained weights, could depend on when the JIT kicked in.
     */
    static FloatVector exp(FloatVector x) {
        x = x.max(-87f).min(88f); // 2^n stays a normal float
        FloatVector n = x.mul(1.44269504088896341f).add(12582912f).sub(12582912f); // round(x / ln 2) by 1.5·2^23
        FloatVector r = n.fma(FloatVector.broadcast(S, -0.693359375f), x).add(n.mul(2.12194440e-4f)); // x − n·ln2 in two parts (Cody–Waite)
        FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
        p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
        FloatVector er = p.mul(r.mul(r)).add(r).add(1f);
        FloatVector scale = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return er.mul(scale);
    }

    @Override
    public void activateBackward(Activation fn, float[] y, float[] dy, float[] dx, int len) {
        int i = 0, bound = S.loopBound(len);
        FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f);
        switch (fn) {
            case RELU -> { // dy where y > 0
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, y, i);
                    zero.blend(FloatVector.fromArray(S, dy, i), v.compare(VectorOperators.GT, zero)).intoArray(dx, i);
                }
            }
            case SIGMOID -> { // dy·y(1 − y)
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, y, i);
                    FloatVector.fromArray(S, dy, i).mul(v).mul(one.sub(v)).intoArray(dx, i);
                }
            }
            case TANH -> { // dy·(1 − y²)
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, y, i);
                    FloatVector.fromArray(S, dy, i).mul(one.sub(v.mul(v))).intoArray(dx, i);
                }
            }
        }
        for (; i < len; i++) dx[i] = dy[i] * ScalarKernels.derivativeFromOutput(fn, y[i]); // scalar tail
    }

    // ---------------------------------------------------------------- pooling

    @Override
    public void pool(PoolKind kind, float[] x, float[] y, int planes, int h, int w, int window, int stride) {
        if (window != 2 || stride != 2 || (h & 1) != 0 || (w & 1) != 0) {
            FALLBACKS.increment(); REF.pool(kind, x, y, planes, h, w, window, stride);
            return;
        }
        // 2x2/2 fast path: 2L input columns of two rows give L outputs
        int ho = h / 2, wo = w / 2;
        boolean max = kind == PoolKind.MAX;
        for (int pl = 0; pl < planes; pl++)
            for (int oy = 0; oy < ho; oy++) {
                int r0 = pl * h * w + 2 * oy * w, out = pl * ho * wo + oy * wo;
                for (int ox = 0; ox < wo; ox += L) {
                    int p = r0 + 2 * ox;
                    if (p + w + 2 * L <= x.length) poolStep(max, x, p, w, y, out + ox, wo - ox);
                    else poolStepAtEnd(max, x, p, w, 2 * (wo - ox), y, out + ox, wo - ox);
                }
            }
    }

    // Pooling steps read whole vectors past the row end (the lanes beyond it are garbage and never stored); the last
    // row of an array reads through masks instead. Helpers take ints and arrays only: a vector or mask passed to a
    // method that C2 does not inline is boxed, i.e. allocated per call.

    /** min(L, cols) outputs at out from the row pair at p, p + w (2·cols pixels each). */
    private static void poolStep(boolean max, float[] x, int p, int w, float[] y, int out, int cols) {
        FloatVector a0 = FloatVector.fromArray(S, x, p), b0 = FloatVector.fromArray(S, x, p + L);
        FloatVector a1 = FloatVector.fromArray(S, x, p + w), b1 = FloatVector.fromArray(S, x, p + w + L);
        FloatVector r = max ? pairMax(a0.max(a1), b0.max(b1)) : pairMean(a0.add(a1), b0.add(b1));
        r.intoArray(y, out, S.indexInRange(0, cols));
    }

    private static void poolStepAtEnd(boolean max, float[] x, int p, int w, int pixels, float[] y, int out, int cols) {
        VectorMask<Float> lo = S.indexInRange(0, pixels), hi = S.indexInRange(L, pixels);
        FloatVector a0 = FloatVector.fromArray(S, x, p, lo), b0 = FloatVector.fromArray(S, x, p + L, hi);
        FloatVector a1 = FloatVector.fromArray(S, x, p + w, lo), b1 = FloatVector.fromArray(S, x, p + w + L, hi);
        FloatVector r = max ? pairMax(a0.max(a1), b0.max(b1)) : pairMean(a0.add(a1), b0.add(b1));
        r.intoArray(y, out, S.indexInRange(0, cols));
    }

    /** max of neighbouring lanes of (a | b): L results. */
    private static FloatVector pairMax(FloatVector a, FloatVector b) { return a.rearrange(EVEN, b).max(a.rearrange(ODD, b)); }

    private static FloatVector pairMean(FloatVector a, FloatVector b) { return a.rearrange(EVEN, b).add(a.rearrange(ODD, b)).mul(0.25f); }

    @Override
    public void poolBackward(PoolKind kind, float[] x, float[] y, float[] dy, float[] dx, int planes, int h, int w,
                             int window, int stride) {
        if (window != 2 || stride != 2 || (h & 1) != 0 || (w & 1) != 0) {
            FALLBACKS.increment(); REF.poolBackward(kind, x, y, dy, dx, planes, h, w, window, stride);
            return;
        }
        int ho = h / 2, wo = w / 2;
        boolean max = kind == PoolKind.MAX;
        for (int pl = 0; pl < planes; pl++)
            for (int oy = 0; oy < ho; oy++) {
                int r0 = pl * h * w + 2 * oy * w, out = pl * ho * wo + oy * wo;
                for (int ox = 0; ox < wo; ox += L) {
                    int p = r0 + 2 * ox, pixels = 2 * (wo - ox);
                    boolean inside = p + w + 2 * L <= x.length && out + ox + L <= y.length && out + ox + L <= dy.length;
                    if (!max) averageBackStep(dy, out + ox, wo - ox, dx, p, w, pixels);
                    else if (inside) maxBackStep(x, p, w, y, dy, out + ox, dx, pixels);
                    else maxBackStepAtEnd(x, p, w, y, dy, out + ox, wo - ox, dx, pixels);
                }
            }
    }

    /**
     * The first position (row-major) of each window holding its maximum takes the gradient, as in the scalar code:
     * top-left, else top-right, else bottom-left, else bottom-right.
     */
    private static void maxBackStep(float[] x, int p, int w, float[] y, float[] dy, int out, float[] dx, int pixels) {
        FloatVector m = FloatVector.fromArray(S, y, out), g = FloatVector.fromArray(S, dy, out);
        FloatVector a0 = FloatVector.fromArray(S, x, p), b0 = FloatVector.fromArray(S, x, p + L);
        FloatVector a1 = FloatVector.fromArray(S, x, p + w), b1 = FloatVector.fromArray(S, x, p + w + L);
        VectorMask<Float> e00 = a0.rearrange(EVEN, b0).eq(m), e01 = a0.rearrange(ODD, b0).eq(m).andNot(e00);
        VectorMask<Float> top = e00.or(e01), e10 = a1.rearrange(EVEN, b1).eq(m).andNot(top);
        VectorMask<Float> e11 = a1.rearrange(ODD, b1).eq(m).andNot(top.or(e10));
        FloatVector zero = FloatVector.zero(S), g00 = zero.blend(g, e00), g01 = zero.blend(g, e01);
        FloatVector g10 = zero.blend(g, e10), g11 = zero.blend(g, e11);
        VectorMask<Float> lo = S.indexInRange(0, pixels), hi = S.indexInRange(L, pixels);
        g00.rearrange(ZIP_LO, g01).intoArray(dx, p, lo);
        g00.rearrange(ZIP_HI, g01).intoArray(dx, p + L, hi);
        g10.rearrange(ZIP_LO, g11).intoArray(dx, p + w, lo);
        g10.rearrange(ZIP_HI, g11).intoArray(dx, p + w + L, hi);
    }

    /** As {@link #maxBackStep} at the end of the arrays, via the scalar rule (one step per array, not worth masks). */
    private static void maxBackStepAtEnd(float[] x, int p, int w, float[] y, float[] dy, int out, int cols, float[] dx, int pixels) {
        for (int o = 0; o < Math.min(L, cols); o++) {
            int q = p + 2 * o;
            float m = y[out + o], g = dy[out + o];
            boolean t00 = x[q] == m, t01 = !t00 && x[q + 1] == m, t10 = !t00 && !t01 && x[q + w] == m;
            boolean t11 = !t00 && !t01 && !t10 && x[q + w + 1] == m;
            dx[q] = t00 ? g : 0f;
            dx[q + 1] = t01 ? g : 0f;
            dx[q + w] = t10 ? g : 0f;
            dx[q + w + 1] = t11 ? g : 0f;
        }
    }

    private static void averageBackStep(float[] dy, int out, int cols, float[] dx, int p, int w, int pixels) {
        FloatVector g = FloatVector.fromArray(S, dy, out, S.indexInRange(0, cols)).mul(0.25f);
        FloatVector lo = g.rearrange(ZIP_LO, g), hi = g.rearrange(ZIP_HI, g);
        VectorMask<Float> mlo = S.indexInRange(0, pixels), mhi = S.indexInRange(L, pixels);
        lo.intoArray(dx, p, mlo);
        hi.intoArray(dx, p + L, mhi);
        lo.intoArray(dx, p + w, mlo);
        hi.intoArray(dx, p + w + L, mhi);
    }

    // ---------------------------------------------------------------- loss, input, optimiser

    @Override
    public double softmaxCrossEntropy(float[] logits, int classes, int n, int count, int[] labels, float scale, float[] dlogits) {
        return ScalarKernels.softmaxCrossEntropyReference(logits, classes, n, count, labels, scale, dlogits); // 10 values per image
    }

    @Override
    public void add(float[] dst, float[] src, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L)
            FloatVector.fromArray(S, dst, i).add(FloatVector.fromArray(S, src, i)).intoArray(dst, i);
        for (; i < to; i++) dst[i] += src[i]; // scalar tail
    }

    /** Lane j's place in L consecutive pixels of a chunk of L images: j·L (a scatter's index map). */
    private static final int[] PIXEL_STRIDE = java.util.stream.IntStream.range(0, L).map(i -> i * L).toArray();
    private static final jdk.incubator.vector.VectorSpecies<Byte> BYTES = jdk.incubator.vector.ByteVector.SPECIES_128;

    @Override
    public void bytesToLanes(byte[] src, int[] from, int count, int pixels, float[] dst, int n) {
        if (n != L || L != 16) { REF.bytesToLanes(src, from, count, pixels, dst, n); return; } // other chunk widths
        // per image: 16 pixels as bytes -> unsigned ints -> floats / 255 (exactly the scalar division), scattered to lane j
        // of 16 consecutive pixels: one scatter instead of 16 scalar stores 64 bytes apart
        for (int j = 0; j < L; j++) {
            if (j >= count) {
                for (int q = 0; q < pixels; q++) dst[q * L + j] = 0f;
                continue;
            }
            int q = 0, s = from[j];
            for (; q + L <= pixels && s + q + L <= src.length; q += L)
                ((FloatVector) ((IntVector) jdk.incubator.vector.ByteVector.fromArray(BYTES, src, s + q)
                        .convertShape(VectorOperators.B2I, IntVector.SPECIES_512, 0)).and(0xff)
                        .convert(VectorOperators.I2F, 0)).div(255f).intoArray(dst, q * L + j, PIXEL_STRIDE, 0);
            for (; q < pixels; q++) dst[q * L + j] = (src[s + q] & 0xff) / 255f; // scalar tail
        }
    }

    @Override
    public void sgd(float[] p, float[] g, float[] v, int from, int to, float lr, float momentum, float weightDecay) {
        int i = from;
        FloatVector vlr = FloatVector.broadcast(S, lr), vmu = FloatVector.broadcast(S, momentum),
                vwd = FloatVector.broadcast(S, weightDecay);
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector vp = FloatVector.fromArray(S, p, i);
            FloatVector gi = vp.fma(vwd, FloatVector.fromArray(S, g, i));
            if (momentum > 0f) {
                gi = FloatVector.fromArray(S, v, i).fma(vmu, gi);
                gi.intoArray(v, i);
            }
            vp.sub(gi.mul(vlr)).intoArray(p, i);
        }
        REF.sgd(p, g, v, i, to, lr, momentum, weightDecay); // scalar tail
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1, float beta2,
                     float eps, float weightDecay, float c1, float c2) {
        int i = from;
        FloatVector vb1 = FloatVector.broadcast(S, beta1), vb1c = FloatVector.broadcast(S, 1f - beta1),
                vb2 = FloatVector.broadcast(S, beta2), vb2c = FloatVector.broadcast(S, 1f - beta2),
                vwd = FloatVector.broadcast(S, weightDecay), veps = FloatVector.broadcast(S, eps),
                vlr = FloatVector.broadcast(S, lr), vc1 = FloatVector.broadcast(S, c1), vc2 = FloatVector.broadcast(S, c2);
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector vp = FloatVector.fromArray(S, p, i);
            FloatVector gi = vp.fma(vwd, FloatVector.fromArray(S, g, i));
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(vb1).add(gi.mul(vb1c));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(vb2).add(gi.mul(gi).mul(vb2c));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector step = mi.div(vc1).div(vi.div(vc2).sqrt().add(veps));
            vp.sub(vlr.mul(step)).intoArray(p, i);
        }
        REF.adam(p, g, m, v, i, to, lr, beta1, beta2, eps, weightDecay, c1, c2); // scalar tail
    }


    // ---- generated by tools/gen_tiles.py: register-blocked micro-kernels ----

    private static void tile6x4(int k, float[] a, int aOff, int ars, int acs, int m, int i0, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, int j, float[] bias, int biasOff, boolean acc) {
        // six rows of A (the last ones repeat row m-1 when m is not a multiple of 6: same values, stored twice)
        int r0 = Math.min(i0 + 0, m - 1);
        int r1 = Math.min(i0 + 1, m - 1);
        int r2 = Math.min(i0 + 2, m - 1);
        int r3 = Math.min(i0 + 3, m - 1);
        int r4 = Math.min(i0 + 4, m - 1);
        int r5 = Math.min(i0 + 5, m - 1);
        int pa0 = aOff + r0 * ars, pc0 = cOff + r0 * ldc + j;
        int pa1 = aOff + r1 * ars, pc1 = cOff + r1 * ldc + j;
        int pa2 = aOff + r2 * ars, pc2 = cOff + r2 * ldc + j;
        int pa3 = aOff + r3 * ars, pc3 = cOff + r3 * ldc + j;
        int pa4 = aOff + r4 * ars, pc4 = cOff + r4 * ldc + j;
        int pa5 = aOff + r5 * ars, pc5 = cOff + r5 * ldc + j;
        FloatVector x00, x01, x02, x03, x10, x11, x12, x13, x20, x21, x22, x23, x30, x31, x32, x33, x40, x41, x42, x43, x50, x51, x52, x53;
        if (acc) {
            x00 = FloatVector.fromArray(S, c, pc0 + 0 * L);
            x01 = FloatVector.fromArray(S, c, pc0 + 1 * L);
            x02 = FloatVector.fromArray(S, c, pc0 + 2 * L);
            x03 = FloatVector.fromArray(S, c, pc0 + 3 * L);
            x10 = FloatVector.fromArray(S, c, pc1 + 0 * L);
            x11 = FloatVector.fromArray(S, c, pc1 + 1 * L);
            x12 = FloatVector.fromArray(S, c, pc1 + 2 * L);
            x13 = FloatVector.fromArray(S, c, pc1 + 3 * L);
            x20 = FloatVector.fromArray(S, c, pc2 + 0 * L);
            x21 = FloatVector.fromArray(S, c, pc2 + 1 * L);
            x22 = FloatVector.fromArray(S, c, pc2 + 2 * L);
            x23 = FloatVector.fromArray(S, c, pc2 + 3 * L);
            x30 = FloatVector.fromArray(S, c, pc3 + 0 * L);
            x31 = FloatVector.fromArray(S, c, pc3 + 1 * L);
            x32 = FloatVector.fromArray(S, c, pc3 + 2 * L);
            x33 = FloatVector.fromArray(S, c, pc3 + 3 * L);
            x40 = FloatVector.fromArray(S, c, pc4 + 0 * L);
            x41 = FloatVector.fromArray(S, c, pc4 + 1 * L);
            x42 = FloatVector.fromArray(S, c, pc4 + 2 * L);
            x43 = FloatVector.fromArray(S, c, pc4 + 3 * L);
            x50 = FloatVector.fromArray(S, c, pc5 + 0 * L);
            x51 = FloatVector.fromArray(S, c, pc5 + 1 * L);
            x52 = FloatVector.fromArray(S, c, pc5 + 2 * L);
            x53 = FloatVector.fromArray(S, c, pc5 + 3 * L);
        } else {
            FloatVector z0 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r0]);
            x00 = z0; x01 = z0; x02 = z0; x03 = z0;
            FloatVector z1 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r1]);
            x10 = z1; x11 = z1; x12 = z1; x13 = z1;
            FloatVector z2 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r2]);
            x20 = z2; x21 = z2; x22 = z2; x23 = z2;
            FloatVector z3 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r3]);
            x30 = z3; x31 = z3; x32 = z3; x33 = z3;
            FloatVector z4 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r4]);
            x40 = z4; x41 = z4; x42 = z4; x43 = z4;
            FloatVector z5 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r5]);
            x50 = z5; x51 = z5; x52 = z5; x53 = z5;
        }
        int pb = bOff + j;
        for (int p = 0; p < k; p++, pb += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, pb + 3 * L);
            int q = p * acs;
            FloatVector w0 = FloatVector.broadcast(S, a[pa0 + q]);
            x00 = b0.fma(w0, x00); x01 = b1.fma(w0, x01); x02 = b2.fma(w0, x02); x03 = b3.fma(w0, x03);
            FloatVector w1 = FloatVector.broadcast(S, a[pa1 + q]);
            x10 = b0.fma(w1, x10); x11 = b1.fma(w1, x11); x12 = b2.fma(w1, x12); x13 = b3.fma(w1, x13);
            FloatVector w2 = FloatVector.broadcast(S, a[pa2 + q]);
            x20 = b0.fma(w2, x20); x21 = b1.fma(w2, x21); x22 = b2.fma(w2, x22); x23 = b3.fma(w2, x23);
            FloatVector w3 = FloatVector.broadcast(S, a[pa3 + q]);
            x30 = b0.fma(w3, x30); x31 = b1.fma(w3, x31); x32 = b2.fma(w3, x32); x33 = b3.fma(w3, x33);
            FloatVector w4 = FloatVector.broadcast(S, a[pa4 + q]);
            x40 = b0.fma(w4, x40); x41 = b1.fma(w4, x41); x42 = b2.fma(w4, x42); x43 = b3.fma(w4, x43);
            FloatVector w5 = FloatVector.broadcast(S, a[pa5 + q]);
            x50 = b0.fma(w5, x50); x51 = b1.fma(w5, x51); x52 = b2.fma(w5, x52); x53 = b3.fma(w5, x53);
        }
        x00.intoArray(c, pc0 + 0 * L);
        x01.intoArray(c, pc0 + 1 * L);
        x02.intoArray(c, pc0 + 2 * L);
        x03.intoArray(c, pc0 + 3 * L);
        x10.intoArray(c, pc1 + 0 * L);
        x11.intoArray(c, pc1 + 1 * L);
        x12.intoArray(c, pc1 + 2 * L);
        x13.intoArray(c, pc1 + 3 * L);
        x20.intoArray(c, pc2 + 0 * L);
        x21.intoArray(c, pc2 + 1 * L);
        x22.intoArray(c, pc2 + 2 * L);
        x23.intoArray(c, pc2 + 3 * L);
        x30.intoArray(c, pc3 + 0 * L);
        x31.intoArray(c, pc3 + 1 * L);
        x32.intoArray(c, pc3 + 2 * L);
        x33.intoArray(c, pc3 + 3 * L);
        x40.intoArray(c, pc4 + 0 * L);
        x41.intoArray(c, pc4 + 1 * L);
        x42.intoArray(c, pc4 + 2 * L);
        x43.intoArray(c, pc4 + 3 * L);
        x50.intoArray(c, pc5 + 0 * L);
        x51.intoArray(c, pc5 + 1 * L);
        x52.intoArray(c, pc5 + 2 * L);
        x53.intoArray(c, pc5 + 3 * L);
    }

    private static void tile6x2(int k, float[] a, int aOff, int ars, int acs, int m, int i0, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, int j, float[] bias, int biasOff, boolean acc) {
        // six rows of A (the last ones repeat row m-1 when m is not a multiple of 6: same values, stored twice)
        int r0 = Math.min(i0 + 0, m - 1);
        int r1 = Math.min(i0 + 1, m - 1);
        int r2 = Math.min(i0 + 2, m - 1);
        int r3 = Math.min(i0 + 3, m - 1);
        int r4 = Math.min(i0 + 4, m - 1);
        int r5 = Math.min(i0 + 5, m - 1);
        int pa0 = aOff + r0 * ars, pc0 = cOff + r0 * ldc + j;
        int pa1 = aOff + r1 * ars, pc1 = cOff + r1 * ldc + j;
        int pa2 = aOff + r2 * ars, pc2 = cOff + r2 * ldc + j;
        int pa3 = aOff + r3 * ars, pc3 = cOff + r3 * ldc + j;
        int pa4 = aOff + r4 * ars, pc4 = cOff + r4 * ldc + j;
        int pa5 = aOff + r5 * ars, pc5 = cOff + r5 * ldc + j;
        FloatVector x00, x01, x10, x11, x20, x21, x30, x31, x40, x41, x50, x51;
        if (acc) {
            x00 = FloatVector.fromArray(S, c, pc0 + 0 * L);
            x01 = FloatVector.fromArray(S, c, pc0 + 1 * L);
            x10 = FloatVector.fromArray(S, c, pc1 + 0 * L);
            x11 = FloatVector.fromArray(S, c, pc1 + 1 * L);
            x20 = FloatVector.fromArray(S, c, pc2 + 0 * L);
            x21 = FloatVector.fromArray(S, c, pc2 + 1 * L);
            x30 = FloatVector.fromArray(S, c, pc3 + 0 * L);
            x31 = FloatVector.fromArray(S, c, pc3 + 1 * L);
            x40 = FloatVector.fromArray(S, c, pc4 + 0 * L);
            x41 = FloatVector.fromArray(S, c, pc4 + 1 * L);
            x50 = FloatVector.fromArray(S, c, pc5 + 0 * L);
            x51 = FloatVector.fromArray(S, c, pc5 + 1 * L);
        } else {
            FloatVector z0 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r0]);
            x00 = z0; x01 = z0;
            FloatVector z1 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r1]);
            x10 = z1; x11 = z1;
            FloatVector z2 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r2]);
            x20 = z2; x21 = z2;
            FloatVector z3 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r3]);
            x30 = z3; x31 = z3;
            FloatVector z4 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r4]);
            x40 = z4; x41 = z4;
            FloatVector z5 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r5]);
            x50 = z5; x51 = z5;
        }
        int pb = bOff + j;
        for (int p = 0; p < k; p++, pb += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
            int q = p * acs;
            FloatVector w0 = FloatVector.broadcast(S, a[pa0 + q]);
            x00 = b0.fma(w0, x00); x01 = b1.fma(w0, x01);
            FloatVector w1 = FloatVector.broadcast(S, a[pa1 + q]);
            x10 = b0.fma(w1, x10); x11 = b1.fma(w1, x11);
            FloatVector w2 = FloatVector.broadcast(S, a[pa2 + q]);
            x20 = b0.fma(w2, x20); x21 = b1.fma(w2, x21);
            FloatVector w3 = FloatVector.broadcast(S, a[pa3 + q]);
            x30 = b0.fma(w3, x30); x31 = b1.fma(w3, x31);
            FloatVector w4 = FloatVector.broadcast(S, a[pa4 + q]);
            x40 = b0.fma(w4, x40); x41 = b1.fma(w4, x41);
            FloatVector w5 = FloatVector.broadcast(S, a[pa5 + q]);
            x50 = b0.fma(w5, x50); x51 = b1.fma(w5, x51);
        }
        x00.intoArray(c, pc0 + 0 * L);
        x01.intoArray(c, pc0 + 1 * L);
        x10.intoArray(c, pc1 + 0 * L);
        x11.intoArray(c, pc1 + 1 * L);
        x20.intoArray(c, pc2 + 0 * L);
        x21.intoArray(c, pc2 + 1 * L);
        x30.intoArray(c, pc3 + 0 * L);
        x31.intoArray(c, pc3 + 1 * L);
        x40.intoArray(c, pc4 + 0 * L);
        x41.intoArray(c, pc4 + 1 * L);
        x50.intoArray(c, pc5 + 0 * L);
        x51.intoArray(c, pc5 + 1 * L);
    }

    private static void tile6x1(int k, float[] a, int aOff, int ars, int acs, int m, int i0, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, int j, float[] bias, int biasOff, boolean acc) {
        // six rows of A (the last ones repeat row m-1 when m is not a multiple of 6: same values, stored twice)
        int r0 = Math.min(i0 + 0, m - 1);
        int r1 = Math.min(i0 + 1, m - 1);
        int r2 = Math.min(i0 + 2, m - 1);
        int r3 = Math.min(i0 + 3, m - 1);
        int r4 = Math.min(i0 + 4, m - 1);
        int r5 = Math.min(i0 + 5, m - 1);
        int pa0 = aOff + r0 * ars, pc0 = cOff + r0 * ldc + j;
        int pa1 = aOff + r1 * ars, pc1 = cOff + r1 * ldc + j;
        int pa2 = aOff + r2 * ars, pc2 = cOff + r2 * ldc + j;
        int pa3 = aOff + r3 * ars, pc3 = cOff + r3 * ldc + j;
        int pa4 = aOff + r4 * ars, pc4 = cOff + r4 * ldc + j;
        int pa5 = aOff + r5 * ars, pc5 = cOff + r5 * ldc + j;
        FloatVector x00, x10, x20, x30, x40, x50;
        if (acc) {
            x00 = FloatVector.fromArray(S, c, pc0 + 0 * L);
            x10 = FloatVector.fromArray(S, c, pc1 + 0 * L);
            x20 = FloatVector.fromArray(S, c, pc2 + 0 * L);
            x30 = FloatVector.fromArray(S, c, pc3 + 0 * L);
            x40 = FloatVector.fromArray(S, c, pc4 + 0 * L);
            x50 = FloatVector.fromArray(S, c, pc5 + 0 * L);
        } else {
            FloatVector z0 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r0]);
            x00 = z0;
            FloatVector z1 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r1]);
            x10 = z1;
            FloatVector z2 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r2]);
            x20 = z2;
            FloatVector z3 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r3]);
            x30 = z3;
            FloatVector z4 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r4]);
            x40 = z4;
            FloatVector z5 = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r5]);
            x50 = z5;
        }
        int pb = bOff + j;
        for (int p = 0; p < k; p++, pb += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
            int q = p * acs;
            FloatVector w0 = FloatVector.broadcast(S, a[pa0 + q]);
            x00 = b0.fma(w0, x00);
            FloatVector w1 = FloatVector.broadcast(S, a[pa1 + q]);
            x10 = b0.fma(w1, x10);
            FloatVector w2 = FloatVector.broadcast(S, a[pa2 + q]);
            x20 = b0.fma(w2, x20);
            FloatVector w3 = FloatVector.broadcast(S, a[pa3 + q]);
            x30 = b0.fma(w3, x30);
            FloatVector w4 = FloatVector.broadcast(S, a[pa4 + q]);
            x40 = b0.fma(w4, x40);
            FloatVector w5 = FloatVector.broadcast(S, a[pa5 + q]);
            x50 = b0.fma(w5, x50);
        }
        x00.intoArray(c, pc0 + 0 * L);
        x10.intoArray(c, pc1 + 0 * L);
        x20.intoArray(c, pc2 + 0 * L);
        x30.intoArray(c, pc3 + 0 * L);
        x40.intoArray(c, pc4 + 0 * L);
        x50.intoArray(c, pc5 + 0 * L);
    }

    private static void dot4x4(int l, float[] a, int aOff, int lda, int m, int i0, float[] b, int bOff, int ldb, int n, int j0, float[] c, int cOff, int ldc, float[] bias, int biasOff, boolean acc) {
        // 4 rows of A against 4 rows of B; rows past the end repeat the last one (same result, stored twice)
        int ri0 = Math.min(i0 + 0, m - 1), pa0 = aOff + ri0 * lda;
        int ri1 = Math.min(i0 + 1, m - 1), pa1 = aOff + ri1 * lda;
        int ri2 = Math.min(i0 + 2, m - 1), pa2 = aOff + ri2 * lda;
        int ri3 = Math.min(i0 + 3, m - 1), pa3 = aOff + ri3 * lda;
        int rj0 = Math.min(j0 + 0, n - 1), pb0 = bOff + rj0 * ldb;
        int rj1 = Math.min(j0 + 1, n - 1), pb1 = bOff + rj1 * ldb;
        int rj2 = Math.min(j0 + 2, n - 1), pb2 = bOff + rj2 * ldb;
        int rj3 = Math.min(j0 + 3, n - 1), pb3 = bOff + rj3 * ldb;
        FloatVector zero = FloatVector.zero(S);
        FloatVector s00 = zero, s01 = zero, s02 = zero, s03 = zero, s10 = zero, s11 = zero, s12 = zero, s13 = zero, s20 = zero, s21 = zero, s22 = zero, s23 = zero, s30 = zero, s31 = zero, s32 = zero, s33 = zero;
        int p = 0;
        for (int bound = S.loopBound(l); p < bound; p += L) {
            FloatVector a0 = FloatVector.fromArray(S, a, pa0 + p);
            FloatVector a1 = FloatVector.fromArray(S, a, pa1 + p);
            FloatVector a2 = FloatVector.fromArray(S, a, pa2 + p);
            FloatVector a3 = FloatVector.fromArray(S, a, pa3 + p);
            FloatVector b0 = FloatVector.fromArray(S, b, pb0 + p);
            FloatVector b1 = FloatVector.fromArray(S, b, pb1 + p);
            FloatVector b2 = FloatVector.fromArray(S, b, pb2 + p);
            FloatVector b3 = FloatVector.fromArray(S, b, pb3 + p);
            s00 = a0.fma(b0, s00); s01 = a0.fma(b1, s01); s02 = a0.fma(b2, s02); s03 = a0.fma(b3, s03);
            s10 = a1.fma(b0, s10); s11 = a1.fma(b1, s11); s12 = a1.fma(b2, s12); s13 = a1.fma(b3, s13);
            s20 = a2.fma(b0, s20); s21 = a2.fma(b1, s21); s22 = a2.fma(b2, s22); s23 = a2.fma(b3, s23);
            s30 = a3.fma(b0, s30); s31 = a3.fma(b1, s31); s32 = a3.fma(b2, s32); s33 = a3.fma(b3, s33);
        }
        // scalar tail (l % L values): kept out of the vector code so that C1 can compile this method too
        // read every initial value before writing any: repeated rows must not add twice
        int q00 = cOff + ri0 * ldc + rj0;
        int q01 = cOff + ri0 * ldc + rj1;
        int q02 = cOff + ri0 * ldc + rj2;
        int q03 = cOff + ri0 * ldc + rj3;
        int q10 = cOff + ri1 * ldc + rj0;
        int q11 = cOff + ri1 * ldc + rj1;
        int q12 = cOff + ri1 * ldc + rj2;
        int q13 = cOff + ri1 * ldc + rj3;
        int q20 = cOff + ri2 * ldc + rj0;
        int q21 = cOff + ri2 * ldc + rj1;
        int q22 = cOff + ri2 * ldc + rj2;
        int q23 = cOff + ri2 * ldc + rj3;
        int q30 = cOff + ri3 * ldc + rj0;
        int q31 = cOff + ri3 * ldc + rj1;
        int q32 = cOff + ri3 * ldc + rj2;
        int q33 = cOff + ri3 * ldc + rj3;
        // lane sums, written out here rather than calling sumLanes: a big method may not get it inlined, and a
        // vector passed to a call that is not inlined is allocated
        if (L >= 16) s00 = s00.add(s00.rearrange(FOLD8));
        if (L >= 8) s00 = s00.add(s00.rearrange(FOLD4));
        s00 = s00.add(s00.rearrange(FOLD2)); s00 = s00.add(s00.rearrange(FOLD1));
        if (L >= 16) s01 = s01.add(s01.rearrange(FOLD8));
        if (L >= 8) s01 = s01.add(s01.rearrange(FOLD4));
        s01 = s01.add(s01.rearrange(FOLD2)); s01 = s01.add(s01.rearrange(FOLD1));
        if (L >= 16) s02 = s02.add(s02.rearrange(FOLD8));
        if (L >= 8) s02 = s02.add(s02.rearrange(FOLD4));
        s02 = s02.add(s02.rearrange(FOLD2)); s02 = s02.add(s02.rearrange(FOLD1));
        if (L >= 16) s03 = s03.add(s03.rearrange(FOLD8));
        if (L >= 8) s03 = s03.add(s03.rearrange(FOLD4));
        s03 = s03.add(s03.rearrange(FOLD2)); s03 = s03.add(s03.rearrange(FOLD1));
        if (L >= 16) s10 = s10.add(s10.rearrange(FOLD8));
        if (L >= 8) s10 = s10.add(s10.rearrange(FOLD4));
        s10 = s10.add(s10.rearrange(FOLD2)); s10 = s10.add(s10.rearrange(FOLD1));
        if (L >= 16) s11 = s11.add(s11.rearrange(FOLD8));
        if (L >= 8) s11 = s11.add(s11.rearrange(FOLD4));
        s11 = s11.add(s11.rearrange(FOLD2)); s11 = s11.add(s11.rearrange(FOLD1));
        if (L >= 16) s12 = s12.add(s12.rearrange(FOLD8));
        if (L >= 8) s12 = s12.add(s12.rearrange(FOLD4));
        s12 = s12.add(s12.rearrange(FOLD2)); s12 = s12.add(s12.rearrange(FOLD1));
        if (L >= 16) s13 = s13.add(s13.rearrange(FOLD8));
        if (L >= 8) s13 = s13.add(s13.rearrange(FOLD4));
        s13 = s13.add(s13.rearrange(FOLD2)); s13 = s13.add(s13.rearrange(FOLD1));
        if (L >= 16) s20 = s20.add(s20.rearrange(FOLD8));
        if (L >= 8) s20 = s20.add(s20.rearrange(FOLD4));
        s20 = s20.add(s20.rearrange(FOLD2)); s20 = s20.add(s20.rearrange(FOLD1));
        if (L >= 16) s21 = s21.add(s21.rearrange(FOLD8));
        if (L >= 8) s21 = s21.add(s21.rearrange(FOLD4));
        s21 = s21.add(s21.rearrange(FOLD2)); s21 = s21.add(s21.rearrange(FOLD1));
        if (L >= 16) s22 = s22.add(s22.rearrange(FOLD8));
        if (L >= 8) s22 = s22.add(s22.rearrange(FOLD4));
        s22 = s22.add(s22.rearrange(FOLD2)); s22 = s22.add(s22.rearrange(FOLD1));
        if (L >= 16) s23 = s23.add(s23.rearrange(FOLD8));
        if (L >= 8) s23 = s23.add(s23.rearrange(FOLD4));
        s23 = s23.add(s23.rearrange(FOLD2)); s23 = s23.add(s23.rearrange(FOLD1));
        if (L >= 16) s30 = s30.add(s30.rearrange(FOLD8));
        if (L >= 8) s30 = s30.add(s30.rearrange(FOLD4));
        s30 = s30.add(s30.rearrange(FOLD2)); s30 = s30.add(s30.rearrange(FOLD1));
        if (L >= 16) s31 = s31.add(s31.rearrange(FOLD8));
        if (L >= 8) s31 = s31.add(s31.rearrange(FOLD4));
        s31 = s31.add(s31.rearrange(FOLD2)); s31 = s31.add(s31.rearrange(FOLD1));
        if (L >= 16) s32 = s32.add(s32.rearrange(FOLD8));
        if (L >= 8) s32 = s32.add(s32.rearrange(FOLD4));
        s32 = s32.add(s32.rearrange(FOLD2)); s32 = s32.add(s32.rearrange(FOLD1));
        if (L >= 16) s33 = s33.add(s33.rearrange(FOLD8));
        if (L >= 8) s33 = s33.add(s33.rearrange(FOLD4));
        s33 = s33.add(s33.rearrange(FOLD2)); s33 = s33.add(s33.rearrange(FOLD1));
        float t00 = (acc ? c[q00] : bias == null ? 0f : bias[biasOff + rj0]) + s00.lane(0) + dotTail(a, pa0, b, pb0, p, l);
        float t01 = (acc ? c[q01] : bias == null ? 0f : bias[biasOff + rj1]) + s01.lane(0) + dotTail(a, pa0, b, pb1, p, l);
        float t02 = (acc ? c[q02] : bias == null ? 0f : bias[biasOff + rj2]) + s02.lane(0) + dotTail(a, pa0, b, pb2, p, l);
        float t03 = (acc ? c[q03] : bias == null ? 0f : bias[biasOff + rj3]) + s03.lane(0) + dotTail(a, pa0, b, pb3, p, l);
        float t10 = (acc ? c[q10] : bias == null ? 0f : bias[biasOff + rj0]) + s10.lane(0) + dotTail(a, pa1, b, pb0, p, l);
        float t11 = (acc ? c[q11] : bias == null ? 0f : bias[biasOff + rj1]) + s11.lane(0) + dotTail(a, pa1, b, pb1, p, l);
        float t12 = (acc ? c[q12] : bias == null ? 0f : bias[biasOff + rj2]) + s12.lane(0) + dotTail(a, pa1, b, pb2, p, l);
        float t13 = (acc ? c[q13] : bias == null ? 0f : bias[biasOff + rj3]) + s13.lane(0) + dotTail(a, pa1, b, pb3, p, l);
        float t20 = (acc ? c[q20] : bias == null ? 0f : bias[biasOff + rj0]) + s20.lane(0) + dotTail(a, pa2, b, pb0, p, l);
        float t21 = (acc ? c[q21] : bias == null ? 0f : bias[biasOff + rj1]) + s21.lane(0) + dotTail(a, pa2, b, pb1, p, l);
        float t22 = (acc ? c[q22] : bias == null ? 0f : bias[biasOff + rj2]) + s22.lane(0) + dotTail(a, pa2, b, pb2, p, l);
        float t23 = (acc ? c[q23] : bias == null ? 0f : bias[biasOff + rj3]) + s23.lane(0) + dotTail(a, pa2, b, pb3, p, l);
        float t30 = (acc ? c[q30] : bias == null ? 0f : bias[biasOff + rj0]) + s30.lane(0) + dotTail(a, pa3, b, pb0, p, l);
        float t31 = (acc ? c[q31] : bias == null ? 0f : bias[biasOff + rj1]) + s31.lane(0) + dotTail(a, pa3, b, pb1, p, l);
        float t32 = (acc ? c[q32] : bias == null ? 0f : bias[biasOff + rj2]) + s32.lane(0) + dotTail(a, pa3, b, pb2, p, l);
        float t33 = (acc ? c[q33] : bias == null ? 0f : bias[biasOff + rj3]) + s33.lane(0) + dotTail(a, pa3, b, pb3, p, l);
        c[q00] = t00; c[q01] = t01; c[q02] = t02; c[q03] = t03;
        c[q10] = t10; c[q11] = t11; c[q12] = t12; c[q13] = t13;
        c[q20] = t20; c[q21] = t21; c[q22] = t22; c[q23] = t23;
        c[q30] = t30; c[q31] = t31; c[q32] = t32; c[q33] = t33;
    }

    private static void dot6x3(int l, float[] a, int aOff, int lda, int m, int i0, float[] b, int bOff, int ldb, int n, int j0, float[] c, int cOff, int ldc, float[] bias, int biasOff, boolean acc) {
        // 6 rows of A against 3 rows of B; rows past the end repeat the last one (same result, stored twice)
        int ri0 = Math.min(i0 + 0, m - 1), pa0 = aOff + ri0 * lda;
        int ri1 = Math.min(i0 + 1, m - 1), pa1 = aOff + ri1 * lda;
        int ri2 = Math.min(i0 + 2, m - 1), pa2 = aOff + ri2 * lda;
        int ri3 = Math.min(i0 + 3, m - 1), pa3 = aOff + ri3 * lda;
        int ri4 = Math.min(i0 + 4, m - 1), pa4 = aOff + ri4 * lda;
        int ri5 = Math.min(i0 + 5, m - 1), pa5 = aOff + ri5 * lda;
        int rj0 = Math.min(j0 + 0, n - 1), pb0 = bOff + rj0 * ldb;
        int rj1 = Math.min(j0 + 1, n - 1), pb1 = bOff + rj1 * ldb;
        int rj2 = Math.min(j0 + 2, n - 1), pb2 = bOff + rj2 * ldb;
        FloatVector zero = FloatVector.zero(S);
        FloatVector s00 = zero, s01 = zero, s02 = zero, s10 = zero, s11 = zero, s12 = zero, s20 = zero, s21 = zero, s22 = zero, s30 = zero, s31 = zero, s32 = zero, s40 = zero, s41 = zero, s42 = zero, s50 = zero, s51 = zero, s52 = zero;
        int p = 0;
        for (int bound = S.loopBound(l); p < bound; p += L) {
            FloatVector a0 = FloatVector.fromArray(S, a, pa0 + p);
            FloatVector a1 = FloatVector.fromArray(S, a, pa1 + p);
            FloatVector a2 = FloatVector.fromArray(S, a, pa2 + p);
            FloatVector a3 = FloatVector.fromArray(S, a, pa3 + p);
            FloatVector a4 = FloatVector.fromArray(S, a, pa4 + p);
            FloatVector a5 = FloatVector.fromArray(S, a, pa5 + p);
            FloatVector b0 = FloatVector.fromArray(S, b, pb0 + p);
            FloatVector b1 = FloatVector.fromArray(S, b, pb1 + p);
            FloatVector b2 = FloatVector.fromArray(S, b, pb2 + p);
            s00 = a0.fma(b0, s00); s01 = a0.fma(b1, s01); s02 = a0.fma(b2, s02);
            s10 = a1.fma(b0, s10); s11 = a1.fma(b1, s11); s12 = a1.fma(b2, s12);
            s20 = a2.fma(b0, s20); s21 = a2.fma(b1, s21); s22 = a2.fma(b2, s22);
            s30 = a3.fma(b0, s30); s31 = a3.fma(b1, s31); s32 = a3.fma(b2, s32);
            s40 = a4.fma(b0, s40); s41 = a4.fma(b1, s41); s42 = a4.fma(b2, s42);
            s50 = a5.fma(b0, s50); s51 = a5.fma(b1, s51); s52 = a5.fma(b2, s52);
        }
        // scalar tail (l % L values): kept out of the vector code so that C1 can compile this method too
        // read every initial value before writing any: repeated rows must not add twice
        int q00 = cOff + ri0 * ldc + rj0;
        int q01 = cOff + ri0 * ldc + rj1;
        int q02 = cOff + ri0 * ldc + rj2;
        int q10 = cOff + ri1 * ldc + rj0;
        int q11 = cOff + ri1 * ldc + rj1;
        int q12 = cOff + ri1 * ldc + rj2;
        int q20 = cOff + ri2 * ldc + rj0;
        int q21 = cOff + ri2 * ldc + rj1;
        int q22 = cOff + ri2 * ldc + rj2;
        int q30 = cOff + ri3 * ldc + rj0;
        int q31 = cOff + ri3 * ldc + rj1;
        int q32 = cOff + ri3 * ldc + rj2;
        int q40 = cOff + ri4 * ldc + rj0;
        int q41 = cOff + ri4 * ldc + rj1;
        int q42 = cOff + ri4 * ldc + rj2;
        int q50 = cOff + ri5 * ldc + rj0;
        int q51 = cOff + ri5 * ldc + rj1;
        int q52 = cOff + ri5 * ldc + rj2;
        // lane sums, written out here rather than calling sumLanes: a big method may not get it inlined, and a
        // vector passed to a call that is not inlined is allocated
        if (L >= 16) s00 = s00.add(s00.rearrange(FOLD8));
        if (L >= 8) s00 = s00.add(s00.rearrange(FOLD4));
        s00 = s00.add(s00.rearrange(FOLD2)); s00 = s00.add(s00.rearrange(FOLD1));
        if (L >= 16) s01 = s01.add(s01.rearrange(FOLD8));
        if (L >= 8) s01 = s01.add(s01.rearrange(FOLD4));
        s01 = s01.add(s01.rearrange(FOLD2)); s01 = s01.add(s01.rearrange(FOLD1));
        if (L >= 16) s02 = s02.add(s02.rearrange(FOLD8));
        if (L >= 8) s02 = s02.add(s02.rearrange(FOLD4));
        s02 = s02.add(s02.rearrange(FOLD2)); s02 = s02.add(s02.rearrange(FOLD1));
        if (L >= 16) s10 = s10.add(s10.rearrange(FOLD8));
        if (L >= 8) s10 = s10.add(s10.rearrange(FOLD4));
        s10 = s10.add(s10.rearrange(FOLD2)); s10 = s10.add(s10.rearrange(FOLD1));
        if (L >= 16) s11 = s11.add(s11.rearrange(FOLD8));
        if (L >= 8) s11 = s11.add(s11.rearrange(FOLD4));
        s11 = s11.add(s11.rearrange(FOLD2)); s11 = s11.add(s11.rearrange(FOLD1));
        if (L >= 16) s12 = s12.add(s12.rearrange(FOLD8));
        if (L >= 8) s12 = s12.add(s12.rearrange(FOLD4));
        s12 = s12.add(s12.rearrange(FOLD2)); s12 = s12.add(s12.rearrange(FOLD1));
        if (L >= 16) s20 = s20.add(s20.rearrange(FOLD8));
        if (L >= 8) s20 = s20.add(s20.rearrange(FOLD4));
        s20 = s20.add(s20.rearrange(FOLD2)); s20 = s20.add(s20.rearrange(FOLD1));
        if (L >= 16) s21 = s21.add(s21.rearrange(FOLD8));
        if (L >= 8) s21 = s21.add(s21.rearrange(FOLD4));
        s21 = s21.add(s21.rearrange(FOLD2)); s21 = s21.add(s21.rearrange(FOLD1));
        if (L >= 16) s22 = s22.add(s22.rearrange(FOLD8));
        if (L >= 8) s22 = s22.add(s22.rearrange(FOLD4));
        s22 = s22.add(s22.rearrange(FOLD2)); s22 = s22.add(s22.rearrange(FOLD1));
        if (L >= 16) s30 = s30.add(s30.rearrange(FOLD8));
        if (L >= 8) s30 = s30.add(s30.rearrange(FOLD4));
        s30 = s30.add(s30.rearrange(FOLD2)); s30 = s30.add(s30.rearrange(FOLD1));
        if (L >= 16) s31 = s31.add(s31.rearrange(FOLD8));
        if (L >= 8) s31 = s31.add(s31.rearrange(FOLD4));
        s31 = s31.add(s31.rearrange(FOLD2)); s31 = s31.add(s31.rearrange(FOLD1));
        if (L >= 16) s32 = s32.add(s32.rearrange(FOLD8));
        if (L >= 8) s32 = s32.add(s32.rearrange(FOLD4));
        s32 = s32.add(s32.rearrange(FOLD2)); s32 = s32.add(s32.rearrange(FOLD1));
        if (L >= 16) s40 = s40.add(s40.rearrange(FOLD8));
        if (L >= 8) s40 = s40.add(s40.rearrange(FOLD4));
        s40 = s40.add(s40.rearrange(FOLD2)); s40 = s40.add(s40.rearrange(FOLD1));
        if (L >= 16) s41 = s41.add(s41.rearrange(FOLD8));
        if (L >= 8) s41 = s41.add(s41.rearrange(FOLD4));
        s41 = s41.add(s41.rearrange(FOLD2)); s41 = s41.add(s41.rearrange(FOLD1));
        if (L >= 16) s42 = s42.add(s42.rearrange(FOLD8));
        if (L >= 8) s42 = s42.add(s42.rearrange(FOLD4));
        s42 = s42.add(s42.rearrange(FOLD2)); s42 = s42.add(s42.rearrange(FOLD1));
        if (L >= 16) s50 = s50.add(s50.rearrange(FOLD8));
        if (L >= 8) s50 = s50.add(s50.rearrange(FOLD4));
        s50 = s50.add(s50.rearrange(FOLD2)); s50 = s50.add(s50.rearrange(FOLD1));
        if (L >= 16) s51 = s51.add(s51.rearrange(FOLD8));
        if (L >= 8) s51 = s51.add(s51.rearrange(FOLD4));
        s51 = s51.add(s51.rearrange(FOLD2)); s51 = s51.add(s51.rearrange(FOLD1));
        if (L >= 16) s52 = s52.add(s52.rearrange(FOLD8));
        if (L >= 8) s52 = s52.add(s52.rearrange(FOLD4));
        s52 = s52.add(s52.rearrange(FOLD2)); s52 = s52.add(s52.rearrange(FOLD1));
        float t00 = (acc ? c[q00] : bias == null ? 0f : bias[biasOff + rj0]) + s00.lane(0) + dotTail(a, pa0, b, pb0, p, l);
        float t01 = (acc ? c[q01] : bias == null ? 0f : bias[biasOff + rj1]) + s01.lane(0) + dotTail(a, pa0, b, pb1, p, l);
        float t02 = (acc ? c[q02] : bias == null ? 0f : bias[biasOff + rj2]) + s02.lane(0) + dotTail(a, pa0, b, pb2, p, l);
        float t10 = (acc ? c[q10] : bias == null ? 0f : bias[biasOff + rj0]) + s10.lane(0) + dotTail(a, pa1, b, pb0, p, l);
        float t11 = (acc ? c[q11] : bias == null ? 0f : bias[biasOff + rj1]) + s11.lane(0) + dotTail(a, pa1, b, pb1, p, l);
        float t12 = (acc ? c[q12] : bias == null ? 0f : bias[biasOff + rj2]) + s12.lane(0) + dotTail(a, pa1, b, pb2, p, l);
        float t20 = (acc ? c[q20] : bias == null ? 0f : bias[biasOff + rj0]) + s20.lane(0) + dotTail(a, pa2, b, pb0, p, l);
        float t21 = (acc ? c[q21] : bias == null ? 0f : bias[biasOff + rj1]) + s21.lane(0) + dotTail(a, pa2, b, pb1, p, l);
        float t22 = (acc ? c[q22] : bias == null ? 0f : bias[biasOff + rj2]) + s22.lane(0) + dotTail(a, pa2, b, pb2, p, l);
        float t30 = (acc ? c[q30] : bias == null ? 0f : bias[biasOff + rj0]) + s30.lane(0) + dotTail(a, pa3, b, pb0, p, l);
        float t31 = (acc ? c[q31] : bias == null ? 0f : bias[biasOff + rj1]) + s31.lane(0) + dotTail(a, pa3, b, pb1, p, l);
        float t32 = (acc ? c[q32] : bias == null ? 0f : bias[biasOff + rj2]) + s32.lane(0) + dotTail(a, pa3, b, pb2, p, l);
        float t40 = (acc ? c[q40] : bias == null ? 0f : bias[biasOff + rj0]) + s40.lane(0) + dotTail(a, pa4, b, pb0, p, l);
        float t41 = (acc ? c[q41] : bias == null ? 0f : bias[biasOff + rj1]) + s41.lane(0) + dotTail(a, pa4, b, pb1, p, l);
        float t42 = (acc ? c[q42] : bias == null ? 0f : bias[biasOff + rj2]) + s42.lane(0) + dotTail(a, pa4, b, pb2, p, l);
        float t50 = (acc ? c[q50] : bias == null ? 0f : bias[biasOff + rj0]) + s50.lane(0) + dotTail(a, pa5, b, pb0, p, l);
        float t51 = (acc ? c[q51] : bias == null ? 0f : bias[biasOff + rj1]) + s51.lane(0) + dotTail(a, pa5, b, pb1, p, l);
        float t52 = (acc ? c[q52] : bias == null ? 0f : bias[biasOff + rj2]) + s52.lane(0) + dotTail(a, pa5, b, pb2, p, l);
        c[q00] = t00; c[q01] = t01; c[q02] = t02;
        c[q10] = t10; c[q11] = t11; c[q12] = t12;
        c[q20] = t20; c[q21] = t21; c[q22] = t22;
        c[q30] = t30; c[q31] = t31; c[q32] = t32;
        c[q40] = t40; c[q41] = t41; c[q42] = t42;
        c[q50] = t50; c[q51] = t51; c[q52] = t52;
    }

    private static void dot8x1(int l, float[] a, int aOff, int lda, int m, int i0, float[] b, int bOff, int ldb, int n, int j0, float[] c, int cOff, int ldc, float[] bias, int biasOff, boolean acc) {
        // 8 rows of A against 1 rows of B; rows past the end repeat the last one (same result, stored twice)
        int ri0 = Math.min(i0 + 0, m - 1), pa0 = aOff + ri0 * lda;
        int ri1 = Math.min(i0 + 1, m - 1), pa1 = aOff + ri1 * lda;
        int ri2 = Math.min(i0 + 2, m - 1), pa2 = aOff + ri2 * lda;
        int ri3 = Math.min(i0 + 3, m - 1), pa3 = aOff + ri3 * lda;
        int ri4 = Math.min(i0 + 4, m - 1), pa4 = aOff + ri4 * lda;
        int ri5 = Math.min(i0 + 5, m - 1), pa5 = aOff + ri5 * lda;
        int ri6 = Math.min(i0 + 6, m - 1), pa6 = aOff + ri6 * lda;
        int ri7 = Math.min(i0 + 7, m - 1), pa7 = aOff + ri7 * lda;
        int rj0 = Math.min(j0 + 0, n - 1), pb0 = bOff + rj0 * ldb;
        FloatVector zero = FloatVector.zero(S);
        FloatVector s00 = zero, s10 = zero, s20 = zero, s30 = zero, s40 = zero, s50 = zero, s60 = zero, s70 = zero;
        int p = 0;
        for (int bound = S.loopBound(l); p < bound; p += L) {
            FloatVector a0 = FloatVector.fromArray(S, a, pa0 + p);
            FloatVector a1 = FloatVector.fromArray(S, a, pa1 + p);
            FloatVector a2 = FloatVector.fromArray(S, a, pa2 + p);
            FloatVector a3 = FloatVector.fromArray(S, a, pa3 + p);
            FloatVector a4 = FloatVector.fromArray(S, a, pa4 + p);
            FloatVector a5 = FloatVector.fromArray(S, a, pa5 + p);
            FloatVector a6 = FloatVector.fromArray(S, a, pa6 + p);
            FloatVector a7 = FloatVector.fromArray(S, a, pa7 + p);
            FloatVector b0 = FloatVector.fromArray(S, b, pb0 + p);
            s00 = a0.fma(b0, s00);
            s10 = a1.fma(b0, s10);
            s20 = a2.fma(b0, s20);
            s30 = a3.fma(b0, s30);
            s40 = a4.fma(b0, s40);
            s50 = a5.fma(b0, s50);
            s60 = a6.fma(b0, s60);
            s70 = a7.fma(b0, s70);
        }
        // scalar tail (l % L values): kept out of the vector code so that C1 can compile this method too
        // read every initial value before writing any: repeated rows must not add twice
        int q00 = cOff + ri0 * ldc + rj0;
        int q10 = cOff + ri1 * ldc + rj0;
        int q20 = cOff + ri2 * ldc + rj0;
        int q30 = cOff + ri3 * ldc + rj0;
        int q40 = cOff + ri4 * ldc + rj0;
        int q50 = cOff + ri5 * ldc + rj0;
        int q60 = cOff + ri6 * ldc + rj0;
        int q70 = cOff + ri7 * ldc + rj0;
        // lane sums, written out here rather than calling sumLanes: a big method may not get it inlined, and a
        // vector passed to a call that is not inlined is allocated
        if (L >= 16) s00 = s00.add(s00.rearrange(FOLD8));
        if (L >= 8) s00 = s00.add(s00.rearrange(FOLD4));
        s00 = s00.add(s00.rearrange(FOLD2)); s00 = s00.add(s00.rearrange(FOLD1));
        if (L >= 16) s10 = s10.add(s10.rearrange(FOLD8));
        if (L >= 8) s10 = s10.add(s10.rearrange(FOLD4));
        s10 = s10.add(s10.rearrange(FOLD2)); s10 = s10.add(s10.rearrange(FOLD1));
        if (L >= 16) s20 = s20.add(s20.rearrange(FOLD8));
        if (L >= 8) s20 = s20.add(s20.rearrange(FOLD4));
        s20 = s20.add(s20.rearrange(FOLD2)); s20 = s20.add(s20.rearrange(FOLD1));
        if (L >= 16) s30 = s30.add(s30.rearrange(FOLD8));
        if (L >= 8) s30 = s30.add(s30.rearrange(FOLD4));
        s30 = s30.add(s30.rearrange(FOLD2)); s30 = s30.add(s30.rearrange(FOLD1));
        if (L >= 16) s40 = s40.add(s40.rearrange(FOLD8));
        if (L >= 8) s40 = s40.add(s40.rearrange(FOLD4));
        s40 = s40.add(s40.rearrange(FOLD2)); s40 = s40.add(s40.rearrange(FOLD1));
        if (L >= 16) s50 = s50.add(s50.rearrange(FOLD8));
        if (L >= 8) s50 = s50.add(s50.rearrange(FOLD4));
        s50 = s50.add(s50.rearrange(FOLD2)); s50 = s50.add(s50.rearrange(FOLD1));
        if (L >= 16) s60 = s60.add(s60.rearrange(FOLD8));
        if (L >= 8) s60 = s60.add(s60.rearrange(FOLD4));
        s60 = s60.add(s60.rearrange(FOLD2)); s60 = s60.add(s60.rearrange(FOLD1));
        if (L >= 16) s70 = s70.add(s70.rearrange(FOLD8));
        if (L >= 8) s70 = s70.add(s70.rearrange(FOLD4));
        s70 = s70.add(s70.rearrange(FOLD2)); s70 = s70.add(s70.rearrange(FOLD1));
        float t00 = (acc ? c[q00] : bias == null ? 0f : bias[biasOff + rj0]) + s00.lane(0) + dotTail(a, pa0, b, pb0, p, l);
        float t10 = (acc ? c[q10] : bias == null ? 0f : bias[biasOff + rj0]) + s10.lane(0) + dotTail(a, pa1, b, pb0, p, l);
        float t20 = (acc ? c[q20] : bias == null ? 0f : bias[biasOff + rj0]) + s20.lane(0) + dotTail(a, pa2, b, pb0, p, l);
        float t30 = (acc ? c[q30] : bias == null ? 0f : bias[biasOff + rj0]) + s30.lane(0) + dotTail(a, pa3, b, pb0, p, l);
        float t40 = (acc ? c[q40] : bias == null ? 0f : bias[biasOff + rj0]) + s40.lane(0) + dotTail(a, pa4, b, pb0, p, l);
        float t50 = (acc ? c[q50] : bias == null ? 0f : bias[biasOff + rj0]) + s50.lane(0) + dotTail(a, pa5, b, pb0, p, l);
        float t60 = (acc ? c[q60] : bias == null ? 0f : bias[biasOff + rj0]) + s60.lane(0) + dotTail(a, pa6, b, pb0, p, l);
        float t70 = (acc ? c[q70] : bias == null ? 0f : bias[biasOff + rj0]) + s70.lane(0) + dotTail(a, pa7, b, pb0, p, l);
        c[q00] = t00;
        c[q10] = t10;
        c[q20] = t20;
        c[q30] = t30;
        c[q40] = t40;
        c[q50] = t50;
        c[q60] = t60;
        c[q70] = t70;
    }
    // ---- end of generated code ----


    // ---- generated by tools/gen_tiles.py lanes: batch-lane convolution tiles ----

    private static void wideTile6x4(float[] xp, int[] taps, int kk, float[] w, int wOff, int bOff, int co, int co0,
                                 float[] out, int cols, int j) {
        // six output channels (repeating co-1 past the end: same values, stored twice)
        int r0 = Math.min(co0 + 0, co - 1), pw0 = wOff + r0 * kk, pc0 = r0 * cols + j;
        int r1 = Math.min(co0 + 1, co - 1), pw1 = wOff + r1 * kk, pc1 = r1 * cols + j;
        int r2 = Math.min(co0 + 2, co - 1), pw2 = wOff + r2 * kk, pc2 = r2 * cols + j;
        int r3 = Math.min(co0 + 3, co - 1), pw3 = wOff + r3 * kk, pc3 = r3 * cols + j;
        int r4 = Math.min(co0 + 4, co - 1), pw4 = wOff + r4 * kk, pc4 = r4 * cols + j;
        int r5 = Math.min(co0 + 5, co - 1), pw5 = wOff + r5 * kk, pc5 = r5 * cols + j;
        FloatVector x00, x01, x02, x03; { FloatVector z = FloatVector.broadcast(S, w[bOff + r0]); x00 = z; x01 = z; x02 = z; x03 = z; }
        FloatVector x10, x11, x12, x13; { FloatVector z = FloatVector.broadcast(S, w[bOff + r1]); x10 = z; x11 = z; x12 = z; x13 = z; }
        FloatVector x20, x21, x22, x23; { FloatVector z = FloatVector.broadcast(S, w[bOff + r2]); x20 = z; x21 = z; x22 = z; x23 = z; }
        FloatVector x30, x31, x32, x33; { FloatVector z = FloatVector.broadcast(S, w[bOff + r3]); x30 = z; x31 = z; x32 = z; x33 = z; }
        FloatVector x40, x41, x42, x43; { FloatVector z = FloatVector.broadcast(S, w[bOff + r4]); x40 = z; x41 = z; x42 = z; x43 = z; }
        FloatVector x50, x51, x52, x53; { FloatVector z = FloatVector.broadcast(S, w[bOff + r5]); x50 = z; x51 = z; x52 = z; x53 = z; }
        for (int q = 0; q < kk; q++) { // one flat loop over the taps (see convTile4x6)
                    int pb = taps[q] + j;
                    FloatVector b0 = FloatVector.fromArray(S, xp, pb + 0 * L);
                    FloatVector b1 = FloatVector.fromArray(S, xp, pb + 1 * L);
                    FloatVector b2 = FloatVector.fromArray(S, xp, pb + 2 * L);
                    FloatVector b3 = FloatVector.fromArray(S, xp, pb + 3 * L);
                    FloatVector w0 = FloatVector.broadcast(S, w[pw0 + q]);
                    x00 = b0.fma(w0, x00); x01 = b1.fma(w0, x01); x02 = b2.fma(w0, x02); x03 = b3.fma(w0, x03);
                    FloatVector w1 = FloatVector.broadcast(S, w[pw1 + q]);
                    x10 = b0.fma(w1, x10); x11 = b1.fma(w1, x11); x12 = b2.fma(w1, x12); x13 = b3.fma(w1, x13);
                    FloatVector w2 = FloatVector.broadcast(S, w[pw2 + q]);
                    x20 = b0.fma(w2, x20); x21 = b1.fma(w2, x21); x22 = b2.fma(w2, x22); x23 = b3.fma(w2, x23);
                    FloatVector w3 = FloatVector.broadcast(S, w[pw3 + q]);
                    x30 = b0.fma(w3, x30); x31 = b1.fma(w3, x31); x32 = b2.fma(w3, x32); x33 = b3.fma(w3, x33);
                    FloatVector w4 = FloatVector.broadcast(S, w[pw4 + q]);
                    x40 = b0.fma(w4, x40); x41 = b1.fma(w4, x41); x42 = b2.fma(w4, x42); x43 = b3.fma(w4, x43);
                    FloatVector w5 = FloatVector.broadcast(S, w[pw5 + q]);
                    x50 = b0.fma(w5, x50); x51 = b1.fma(w5, x51); x52 = b2.fma(w5, x52); x53 = b3.fma(w5, x53);
                }
        x00.intoArray(out, pc0 + 0 * L);
        x01.intoArray(out, pc0 + 1 * L);
        x02.intoArray(out, pc0 + 2 * L);
        x03.intoArray(out, pc0 + 3 * L);
        x10.intoArray(out, pc1 + 0 * L);
        x11.intoArray(out, pc1 + 1 * L);
        x12.intoArray(out, pc1 + 2 * L);
        x13.intoArray(out, pc1 + 3 * L);
        x20.intoArray(out, pc2 + 0 * L);
        x21.intoArray(out, pc2 + 1 * L);
        x22.intoArray(out, pc2 + 2 * L);
        x23.intoArray(out, pc2 + 3 * L);
        x30.intoArray(out, pc3 + 0 * L);
        x31.intoArray(out, pc3 + 1 * L);
        x32.intoArray(out, pc3 + 2 * L);
        x33.intoArray(out, pc3 + 3 * L);
        x40.intoArray(out, pc4 + 0 * L);
        x41.intoArray(out, pc4 + 1 * L);
        x42.intoArray(out, pc4 + 2 * L);
        x43.intoArray(out, pc4 + 3 * L);
        x50.intoArray(out, pc5 + 0 * L);
        x51.intoArray(out, pc5 + 1 * L);
        x52.intoArray(out, pc5 + 2 * L);
        x53.intoArray(out, pc5 + 3 * L);
    }

    private static void wideTile6x2(float[] xp, int[] taps, int kk, float[] w, int wOff, int bOff, int co, int co0,
                                 float[] out, int cols, int j) {
        // six output channels (repeating co-1 past the end: same values, stored twice)
        int r0 = Math.min(co0 + 0, co - 1), pw0 = wOff + r0 * kk, pc0 = r0 * cols + j;
        int r1 = Math.min(co0 + 1, co - 1), pw1 = wOff + r1 * kk, pc1 = r1 * cols + j;
        int r2 = Math.min(co0 + 2, co - 1), pw2 = wOff + r2 * kk, pc2 = r2 * cols + j;
        int r3 = Math.min(co0 + 3, co - 1), pw3 = wOff + r3 * kk, pc3 = r3 * cols + j;
        int r4 = Math.min(co0 + 4, co - 1), pw4 = wOff + r4 * kk, pc4 = r4 * cols + j;
        int r5 = Math.min(co0 + 5, co - 1), pw5 = wOff + r5 * kk, pc5 = r5 * cols + j;
        FloatVector x00, x01; { FloatVector z = FloatVector.broadcast(S, w[bOff + r0]); x00 = z; x01 = z; }
        FloatVector x10, x11; { FloatVector z = FloatVector.broadcast(S, w[bOff + r1]); x10 = z; x11 = z; }
        FloatVector x20, x21; { FloatVector z = FloatVector.broadcast(S, w[bOff + r2]); x20 = z; x21 = z; }
        FloatVector x30, x31; { FloatVector z = FloatVector.broadcast(S, w[bOff + r3]); x30 = z; x31 = z; }
        FloatVector x40, x41; { FloatVector z = FloatVector.broadcast(S, w[bOff + r4]); x40 = z; x41 = z; }
        FloatVector x50, x51; { FloatVector z = FloatVector.broadcast(S, w[bOff + r5]); x50 = z; x51 = z; }
        for (int q = 0; q < kk; q++) { // one flat loop over the taps (see convTile4x6)
                    int pb = taps[q] + j;
                    FloatVector b0 = FloatVector.fromArray(S, xp, pb + 0 * L);
                    FloatVector b1 = FloatVector.fromArray(S, xp, pb + 1 * L);
                    FloatVector w0 = FloatVector.broadcast(S, w[pw0 + q]);
                    x00 = b0.fma(w0, x00); x01 = b1.fma(w0, x01);
                    FloatVector w1 = FloatVector.broadcast(S, w[pw1 + q]);
                    x10 = b0.fma(w1, x10); x11 = b1.fma(w1, x11);
                    FloatVector w2 = FloatVector.broadcast(S, w[pw2 + q]);
                    x20 = b0.fma(w2, x20); x21 = b1.fma(w2, x21);
                    FloatVector w3 = FloatVector.broadcast(S, w[pw3 + q]);
                    x30 = b0.fma(w3, x30); x31 = b1.fma(w3, x31);
                    FloatVector w4 = FloatVector.broadcast(S, w[pw4 + q]);
                    x40 = b0.fma(w4, x40); x41 = b1.fma(w4, x41);
                    FloatVector w5 = FloatVector.broadcast(S, w[pw5 + q]);
                    x50 = b0.fma(w5, x50); x51 = b1.fma(w5, x51);
                }
        x00.intoArray(out, pc0 + 0 * L);
        x01.intoArray(out, pc0 + 1 * L);
        x10.intoArray(out, pc1 + 0 * L);
        x11.intoArray(out, pc1 + 1 * L);
        x20.intoArray(out, pc2 + 0 * L);
        x21.intoArray(out, pc2 + 1 * L);
        x30.intoArray(out, pc3 + 0 * L);
        x31.intoArray(out, pc3 + 1 * L);
        x40.intoArray(out, pc4 + 0 * L);
        x41.intoArray(out, pc4 + 1 * L);
        x50.intoArray(out, pc5 + 0 * L);
        x51.intoArray(out, pc5 + 1 * L);
    }

    private static void wideTile6x1(float[] xp, int[] taps, int kk, float[] w, int wOff, int bOff, int co, int co0,
                                 float[] out, int cols, int j) {
        // six output channels (repeating co-1 past the end: same values, stored twice)
        int r0 = Math.min(co0 + 0, co - 1), pw0 = wOff + r0 * kk, pc0 = r0 * cols + j;
        int r1 = Math.min(co0 + 1, co - 1), pw1 = wOff + r1 * kk, pc1 = r1 * cols + j;
        int r2 = Math.min(co0 + 2, co - 1), pw2 = wOff + r2 * kk, pc2 = r2 * cols + j;
        int r3 = Math.min(co0 + 3, co - 1), pw3 = wOff + r3 * kk, pc3 = r3 * cols + j;
        int r4 = Math.min(co0 + 4, co - 1), pw4 = wOff + r4 * kk, pc4 = r4 * cols + j;
        int r5 = Math.min(co0 + 5, co - 1), pw5 = wOff + r5 * kk, pc5 = r5 * cols + j;
        FloatVector x00; { FloatVector z = FloatVector.broadcast(S, w[bOff + r0]); x00 = z; }
        FloatVector x10; { FloatVector z = FloatVector.broadcast(S, w[bOff + r1]); x10 = z; }
        FloatVector x20; { FloatVector z = FloatVector.broadcast(S, w[bOff + r2]); x20 = z; }
        FloatVector x30; { FloatVector z = FloatVector.broadcast(S, w[bOff + r3]); x30 = z; }
        FloatVector x40; { FloatVector z = FloatVector.broadcast(S, w[bOff + r4]); x40 = z; }
        FloatVector x50; { FloatVector z = FloatVector.broadcast(S, w[bOff + r5]); x50 = z; }
        for (int q = 0; q < kk; q++) { // one flat loop over the taps (see convTile4x6)
                    int pb = taps[q] + j;
                    FloatVector b0 = FloatVector.fromArray(S, xp, pb + 0 * L);
                    FloatVector w0 = FloatVector.broadcast(S, w[pw0 + q]);
                    x00 = b0.fma(w0, x00);
                    FloatVector w1 = FloatVector.broadcast(S, w[pw1 + q]);
                    x10 = b0.fma(w1, x10);
                    FloatVector w2 = FloatVector.broadcast(S, w[pw2 + q]);
                    x20 = b0.fma(w2, x20);
                    FloatVector w3 = FloatVector.broadcast(S, w[pw3 + q]);
                    x30 = b0.fma(w3, x30);
                    FloatVector w4 = FloatVector.broadcast(S, w[pw4 + q]);
                    x40 = b0.fma(w4, x40);
                    FloatVector w5 = FloatVector.broadcast(S, w[pw5 + q]);
                    x50 = b0.fma(w5, x50);
                }
        x00.intoArray(out, pc0 + 0 * L);
        x10.intoArray(out, pc1 + 0 * L);
        x20.intoArray(out, pc2 + 0 * L);
        x30.intoArray(out, pc3 + 0 * L);
        x40.intoArray(out, pc4 + 0 * L);
        x50.intoArray(out, pc5 + 0 * L);
    }

    private static void convTile4x6(float[] x, int n, int xo0, int xo1, int xo2, int xo3, int yo0, int yo1, int yo2, int yo3, int[] taps, int kk,
                                 float[] w, int wOff, int co0, int co, float[] bias, int bOff, float[] y, int cs, boolean relu) {
        // 6 channels (repeating co-1 past the end; repeated pixels come from the driver): same values, stored twice
        int c0 = Math.min(co0 + 0, co - 1), pw0 = wOff + c0 * kk;
        int c1 = Math.min(co0 + 1, co - 1), pw1 = wOff + c1 * kk;
        int c2 = Math.min(co0 + 2, co - 1), pw2 = wOff + c2 * kk;
        int c3 = Math.min(co0 + 3, co - 1), pw3 = wOff + c3 * kk;
        int c4 = Math.min(co0 + 4, co - 1), pw4 = wOff + c4 * kk;
        int c5 = Math.min(co0 + 5, co - 1), pw5 = wOff + c5 * kk;
        FloatVector a00, a10, a20, a30; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c0]); a00 = z; a10 = z; a20 = z; a30 = z; }
        FloatVector a01, a11, a21, a31; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c1]); a01 = z; a11 = z; a21 = z; a31 = z; }
        FloatVector a02, a12, a22, a32; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c2]); a02 = z; a12 = z; a22 = z; a32 = z; }
        FloatVector a03, a13, a23, a33; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c3]); a03 = z; a13 = z; a23 = z; a33 = z; }
        FloatVector a04, a14, a24, a34; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c4]); a04 = z; a14 = z; a24 = z; a34 = z; }
        FloatVector a05, a15, a25, a35; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c5]); a05 = z; a15 = z; a25 = z; a35 = z; }
        // one flat loop over the taps: nested loops with small trip counts known only at run time run at half speed
        for (int q = 0; q < kk; q++) {
                    int off = taps[q] * n;
                    FloatVector w0 = FloatVector.broadcast(S, w[pw0 + q]);
                    FloatVector w1 = FloatVector.broadcast(S, w[pw1 + q]);
                    FloatVector w2 = FloatVector.broadcast(S, w[pw2 + q]);
                    FloatVector w3 = FloatVector.broadcast(S, w[pw3 + q]);
                    FloatVector w4 = FloatVector.broadcast(S, w[pw4 + q]);
                    FloatVector w5 = FloatVector.broadcast(S, w[pw5 + q]);
                    FloatVector x0 = FloatVector.fromArray(S, x, xo0 + off);
                    a00 = x0.fma(w0, a00); a01 = x0.fma(w1, a01); a02 = x0.fma(w2, a02); a03 = x0.fma(w3, a03); a04 = x0.fma(w4, a04); a05 = x0.fma(w5, a05);
                    FloatVector x1 = FloatVector.fromArray(S, x, xo1 + off);
                    a10 = x1.fma(w0, a10); a11 = x1.fma(w1, a11); a12 = x1.fma(w2, a12); a13 = x1.fma(w3, a13); a14 = x1.fma(w4, a14); a15 = x1.fma(w5, a15);
                    FloatVector x2 = FloatVector.fromArray(S, x, xo2 + off);
                    a20 = x2.fma(w0, a20); a21 = x2.fma(w1, a21); a22 = x2.fma(w2, a22); a23 = x2.fma(w3, a23); a24 = x2.fma(w4, a24); a25 = x2.fma(w5, a25);
                    FloatVector x3 = FloatVector.fromArray(S, x, xo3 + off);
                    a30 = x3.fma(w0, a30); a31 = x3.fma(w1, a31); a32 = x3.fma(w2, a32); a33 = x3.fma(w3, a33); a34 = x3.fma(w4, a34); a35 = x3.fma(w5, a35);
                }
        if (relu) { // the ReLU that follows, applied before the store: no second pass over y. Exactly max(y, 0) as
            // VectorKernels.activate computes it (NaN stays, -0 and negatives become +0), as a compare and a blend: C2's
            // Java-exact max of 24 vectors here took more registers than the tile has and doubled its time
            FloatVector z = FloatVector.zero(S);
            a00 = a00.blend(z, a00.compare(VectorOperators.LE, z)); a10 = a10.blend(z, a10.compare(VectorOperators.LE, z)); a20 = a20.blend(z, a20.compare(VectorOperators.LE, z)); a30 = a30.blend(z, a30.compare(VectorOperators.LE, z));
            a01 = a01.blend(z, a01.compare(VectorOperators.LE, z)); a11 = a11.blend(z, a11.compare(VectorOperators.LE, z)); a21 = a21.blend(z, a21.compare(VectorOperators.LE, z)); a31 = a31.blend(z, a31.compare(VectorOperators.LE, z));
            a02 = a02.blend(z, a02.compare(VectorOperators.LE, z)); a12 = a12.blend(z, a12.compare(VectorOperators.LE, z)); a22 = a22.blend(z, a22.compare(VectorOperators.LE, z)); a32 = a32.blend(z, a32.compare(VectorOperators.LE, z));
            a03 = a03.blend(z, a03.compare(VectorOperators.LE, z)); a13 = a13.blend(z, a13.compare(VectorOperators.LE, z)); a23 = a23.blend(z, a23.compare(VectorOperators.LE, z)); a33 = a33.blend(z, a33.compare(VectorOperators.LE, z));
            a04 = a04.blend(z, a04.compare(VectorOperators.LE, z)); a14 = a14.blend(z, a14.compare(VectorOperators.LE, z)); a24 = a24.blend(z, a24.compare(VectorOperators.LE, z)); a34 = a34.blend(z, a34.compare(VectorOperators.LE, z));
            a05 = a05.blend(z, a05.compare(VectorOperators.LE, z)); a15 = a15.blend(z, a15.compare(VectorOperators.LE, z)); a25 = a25.blend(z, a25.compare(VectorOperators.LE, z)); a35 = a35.blend(z, a35.compare(VectorOperators.LE, z));
        }
        a00.intoArray(y, c0 * cs + yo0);
        a10.intoArray(y, c0 * cs + yo1);
        a20.intoArray(y, c0 * cs + yo2);
        a30.intoArray(y, c0 * cs + yo3);
        a01.intoArray(y, c1 * cs + yo0);
        a11.intoArray(y, c1 * cs + yo1);
        a21.intoArray(y, c1 * cs + yo2);
        a31.intoArray(y, c1 * cs + yo3);
        a02.intoArray(y, c2 * cs + yo0);
        a12.intoArray(y, c2 * cs + yo1);
        a22.intoArray(y, c2 * cs + yo2);
        a32.intoArray(y, c2 * cs + yo3);
        a03.intoArray(y, c3 * cs + yo0);
        a13.intoArray(y, c3 * cs + yo1);
        a23.intoArray(y, c3 * cs + yo2);
        a33.intoArray(y, c3 * cs + yo3);
        a04.intoArray(y, c4 * cs + yo0);
        a14.intoArray(y, c4 * cs + yo1);
        a24.intoArray(y, c4 * cs + yo2);
        a34.intoArray(y, c4 * cs + yo3);
        a05.intoArray(y, c5 * cs + yo0);
        a15.intoArray(y, c5 * cs + yo1);
        a25.intoArray(y, c5 * cs + yo2);
        a35.intoArray(y, c5 * cs + yo3);
    }

    private static void convTile6x4(float[] x, int n, int xo0, int xo1, int xo2, int xo3, int xo4, int xo5, int yo0, int yo1, int yo2, int yo3, int yo4, int yo5, int[] taps, int kk,
                                 float[] w, int wOff, int co0, int co, float[] bias, int bOff, float[] y, int cs, boolean relu) {
        // 4 channels (repeating co-1 past the end; repeated pixels come from the driver): same values, stored twice
        int c0 = Math.min(co0 + 0, co - 1), pw0 = wOff + c0 * kk;
        int c1 = Math.min(co0 + 1, co - 1), pw1 = wOff + c1 * kk;
        int c2 = Math.min(co0 + 2, co - 1), pw2 = wOff + c2 * kk;
        int c3 = Math.min(co0 + 3, co - 1), pw3 = wOff + c3 * kk;
        FloatVector a00, a10, a20, a30, a40, a50; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c0]); a00 = z; a10 = z; a20 = z; a30 = z; a40 = z; a50 = z; }
        FloatVector a01, a11, a21, a31, a41, a51; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c1]); a01 = z; a11 = z; a21 = z; a31 = z; a41 = z; a51 = z; }
        FloatVector a02, a12, a22, a32, a42, a52; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c2]); a02 = z; a12 = z; a22 = z; a32 = z; a42 = z; a52 = z; }
        FloatVector a03, a13, a23, a33, a43, a53; { FloatVector z = FloatVector.broadcast(S, bias[bOff + c3]); a03 = z; a13 = z; a23 = z; a33 = z; a43 = z; a53 = z; }
        // one flat loop over the taps: nested loops with small trip counts known only at run time run at half speed
        for (int q = 0; q < kk; q++) {
                    int off = taps[q] * n;
                    FloatVector w0 = FloatVector.broadcast(S, w[pw0 + q]);
                    FloatVector w1 = FloatVector.broadcast(S, w[pw1 + q]);
                    FloatVector w2 = FloatVector.broadcast(S, w[pw2 + q]);
                    FloatVector w3 = FloatVector.broadcast(S, w[pw3 + q]);
                    FloatVector x0 = FloatVector.fromArray(S, x, xo0 + off);
                    a00 = x0.fma(w0, a00); a01 = x0.fma(w1, a01); a02 = x0.fma(w2, a02); a03 = x0.fma(w3, a03);
                    FloatVector x1 = FloatVector.fromArray(S, x, xo1 + off);
                    a10 = x1.fma(w0, a10); a11 = x1.fma(w1, a11); a12 = x1.fma(w2, a12); a13 = x1.fma(w3, a13);
                    FloatVector x2 = FloatVector.fromArray(S, x, xo2 + off);
                    a20 = x2.fma(w0, a20); a21 = x2.fma(w1, a21); a22 = x2.fma(w2, a22); a23 = x2.fma(w3, a23);
                    FloatVector x3 = FloatVector.fromArray(S, x, xo3 + off);
                    a30 = x3.fma(w0, a30); a31 = x3.fma(w1, a31); a32 = x3.fma(w2, a32); a33 = x3.fma(w3, a33);
                    FloatVector x4 = FloatVector.fromArray(S, x, xo4 + off);
                    a40 = x4.fma(w0, a40); a41 = x4.fma(w1, a41); a42 = x4.fma(w2, a42); a43 = x4.fma(w3, a43);
                    FloatVector x5 = FloatVector.fromArray(S, x, xo5 + off);
                    a50 = x5.fma(w0, a50); a51 = x5.fma(w1, a51); a52 = x5.fma(w2, a52); a53 = x5.fma(w3, a53);
                }
        if (relu) { // the ReLU that follows, applied before the store: no second pass over y. Exactly max(y, 0) as
            // VectorKernels.activate computes it (NaN stays, -0 and negatives become +0), as a compare and a blend: C2's
            // Java-exact max of 24 vectors here took more registers than the tile has and doubled its time
            FloatVector z = FloatVector.zero(S);
            a00 = a00.blend(z, a00.compare(VectorOperators.LE, z)); a10 = a10.blend(z, a10.compare(VectorOperators.LE, z)); a20 = a20.blend(z, a20.compare(VectorOperators.LE, z)); a30 = a30.blend(z, a30.compare(VectorOperators.LE, z)); a40 = a40.blend(z, a40.compare(VectorOperators.LE, z)); a50 = a50.blend(z, a50.compare(VectorOperators.LE, z));
            a01 = a01.blend(z, a01.compare(VectorOperators.LE, z)); a11 = a11.blend(z, a11.compare(VectorOperators.LE, z)); a21 = a21.blend(z, a21.compare(VectorOperators.LE, z)); a31 = a31.blend(z, a31.compare(VectorOperators.LE, z)); a41 = a41.blend(z, a41.compare(VectorOperators.LE, z)); a51 = a51.blend(z, a51.compare(VectorOperators.LE, z));
            a02 = a02.blend(z, a02.compare(VectorOperators.LE, z)); a12 = a12.blend(z, a12.compare(VectorOperators.LE, z)); a22 = a22.blend(z, a22.compare(VectorOperators.LE, z)); a32 = a32.blend(z, a32.compare(VectorOperators.LE, z)); a42 = a42.blend(z, a42.compare(VectorOperators.LE, z)); a52 = a52.blend(z, a52.compare(VectorOperators.LE, z));
            a03 = a03.blend(z, a03.compare(VectorOperators.LE, z)); a13 = a13.blend(z, a13.compare(VectorOperators.LE, z)); a23 = a23.blend(z, a23.compare(VectorOperators.LE, z)); a33 = a33.blend(z, a33.compare(VectorOperators.LE, z)); a43 = a43.blend(z, a43.compare(VectorOperators.LE, z)); a53 = a53.blend(z, a53.compare(VectorOperators.LE, z));
        }
        a00.intoArray(y, c0 * cs + yo0);
        a10.intoArray(y, c0 * cs + yo1);
        a20.intoArray(y, c0 * cs + yo2);
        a30.intoArray(y, c0 * cs + yo3);
        a40.intoArray(y, c0 * cs + yo4);
        a50.intoArray(y, c0 * cs + yo5);
        a01.intoArray(y, c1 * cs + yo0);
        a11.intoArray(y, c1 * cs + yo1);
        a21.intoArray(y, c1 * cs + yo2);
        a31.intoArray(y, c1 * cs + yo3);
        a41.intoArray(y, c1 * cs + yo4);
        a51.intoArray(y, c1 * cs + yo5);
        a02.intoArray(y, c2 * cs + yo0);
        a12.intoArray(y, c2 * cs + yo1);
        a22.intoArray(y, c2 * cs + yo2);
        a32.intoArray(y, c2 * cs + yo3);
        a42.intoArray(y, c2 * cs + yo4);
        a52.intoArray(y, c2 * cs + yo5);
        a03.intoArray(y, c3 * cs + yo0);
        a13.intoArray(y, c3 * cs + yo1);
        a23.intoArray(y, c3 * cs + yo2);
        a33.intoArray(y, c3 * cs + yo3);
        a43.intoArray(y, c3 * cs + yo4);
        a53.intoArray(y, c3 * cs + yo5);
    }

    private static void convWeightTile6x4(float[] x, float[] dy, int n, int v, int pixels, int wo, int stride, int wp, int hp, int k,
                                       int kk, int co0, int co, int tap0, float[] g, int wOff) {
        // 6 channels x 4 taps (t = (ci·k + ky)·k + kx); repeated rows/taps at the edges give the same sums, stored twice
        int c0 = Math.min(co0 + 0, co - 1), pd0 = c0 * pixels * n + v;
        int c1 = Math.min(co0 + 1, co - 1), pd1 = c1 * pixels * n + v;
        int c2 = Math.min(co0 + 2, co - 1), pd2 = c2 * pixels * n + v;
        int c3 = Math.min(co0 + 3, co - 1), pd3 = c3 * pixels * n + v;
        int c4 = Math.min(co0 + 4, co - 1), pd4 = c4 * pixels * n + v;
        int c5 = Math.min(co0 + 5, co - 1), pd5 = c5 * pixels * n + v;
        int t0 = Math.min(tap0 + 0, kk - 1), o0 = (((t0 / (k * k)) * hp + (t0 / k) % k) * wp + t0 % k) * n;
        int t1 = Math.min(tap0 + 1, kk - 1), o1 = (((t1 / (k * k)) * hp + (t1 / k) % k) * wp + t1 % k) * n;
        int t2 = Math.min(tap0 + 2, kk - 1), o2 = (((t2 / (k * k)) * hp + (t2 / k) % k) * wp + t2 % k) * n;
        int t3 = Math.min(tap0 + 3, kk - 1), o3 = (((t3 / (k * k)) * hp + (t3 / k) % k) * wp + t3 % k) * n;
        FloatVector zero = FloatVector.zero(S);
        FloatVector s00 = zero, s01 = zero, s02 = zero, s03 = zero, s10 = zero, s11 = zero, s12 = zero, s13 = zero, s20 = zero, s21 = zero, s22 = zero, s23 = zero, s30 = zero, s31 = zero, s32 = zero, s33 = zero, s40 = zero, s41 = zero, s42 = zero, s43 = zero, s50 = zero, s51 = zero, s52 = zero, s53 = zero;
        for (int p = 0, oy = 0, ox = 0; p < pixels; p++) {
            int px = (oy * stride * wp + ox * stride) * n + v, pp = p * n;
            FloatVector d0 = FloatVector.fromArray(S, dy, pd0 + pp);
            FloatVector d1 = FloatVector.fromArray(S, dy, pd1 + pp);
            FloatVector d2 = FloatVector.fromArray(S, dy, pd2 + pp);
            FloatVector d3 = FloatVector.fromArray(S, dy, pd3 + pp);
            FloatVector d4 = FloatVector.fromArray(S, dy, pd4 + pp);
            FloatVector d5 = FloatVector.fromArray(S, dy, pd5 + pp);
            FloatVector x0 = FloatVector.fromArray(S, x, px + o0);
            s00 = d0.fma(x0, s00); s10 = d1.fma(x0, s10); s20 = d2.fma(x0, s20); s30 = d3.fma(x0, s30); s40 = d4.fma(x0, s40); s50 = d5.fma(x0, s50);
            FloatVector x1 = FloatVector.fromArray(S, x, px + o1);
            s01 = d0.fma(x1, s01); s11 = d1.fma(x1, s11); s21 = d2.fma(x1, s21); s31 = d3.fma(x1, s31); s41 = d4.fma(x1, s41); s51 = d5.fma(x1, s51);
            FloatVector x2 = FloatVector.fromArray(S, x, px + o2);
            s02 = d0.fma(x2, s02); s12 = d1.fma(x2, s12); s22 = d2.fma(x2, s22); s32 = d3.fma(x2, s32); s42 = d4.fma(x2, s42); s52 = d5.fma(x2, s52);
            FloatVector x3 = FloatVector.fromArray(S, x, px + o3);
            s03 = d0.fma(x3, s03); s13 = d1.fma(x3, s13); s23 = d2.fma(x3, s23); s33 = d3.fma(x3, s33); s43 = d4.fma(x3, s43); s53 = d5.fma(x3, s53);
            if (++ox == wo) { ox = 0; oy++; }
        }
        // lane sums (written out: a vector passed to a call that is not inlined is allocated), read before written
        if (L >= 16) s00 = s00.add(s00.rearrange(FOLD8));
        if (L >= 8) s00 = s00.add(s00.rearrange(FOLD4));
        s00 = s00.add(s00.rearrange(FOLD2)); s00 = s00.add(s00.rearrange(FOLD1));
        if (L >= 16) s01 = s01.add(s01.rearrange(FOLD8));
        if (L >= 8) s01 = s01.add(s01.rearrange(FOLD4));
        s01 = s01.add(s01.rearrange(FOLD2)); s01 = s01.add(s01.rearrange(FOLD1));
        if (L >= 16) s02 = s02.add(s02.rearrange(FOLD8));
        if (L >= 8) s02 = s02.add(s02.rearrange(FOLD4));
        s02 = s02.add(s02.rearrange(FOLD2)); s02 = s02.add(s02.rearrange(FOLD1));
        if (L >= 16) s03 = s03.add(s03.rearrange(FOLD8));
        if (L >= 8) s03 = s03.add(s03.rearrange(FOLD4));
        s03 = s03.add(s03.rearrange(FOLD2)); s03 = s03.add(s03.rearrange(FOLD1));
        if (L >= 16) s10 = s10.add(s10.rearrange(FOLD8));
        if (L >= 8) s10 = s10.add(s10.rearrange(FOLD4));
        s10 = s10.add(s10.rearrange(FOLD2)); s10 = s10.add(s10.rearrange(FOLD1));
        if (L >= 16) s11 = s11.add(s11.rearrange(FOLD8));
        if (L >= 8) s11 = s11.add(s11.rearrange(FOLD4));
        s11 = s11.add(s11.rearrange(FOLD2)); s11 = s11.add(s11.rearrange(FOLD1));
        if (L >= 16) s12 = s12.add(s12.rearrange(FOLD8));
        if (L >= 8) s12 = s12.add(s12.rearrange(FOLD4));
        s12 = s12.add(s12.rearrange(FOLD2)); s12 = s12.add(s12.rearrange(FOLD1));
        if (L >= 16) s13 = s13.add(s13.rearrange(FOLD8));
        if (L >= 8) s13 = s13.add(s13.rearrange(FOLD4));
        s13 = s13.add(s13.rearrange(FOLD2)); s13 = s13.add(s13.rearrange(FOLD1));
        if (L >= 16) s20 = s20.add(s20.rearrange(FOLD8));
        if (L >= 8) s20 = s20.add(s20.rearrange(FOLD4));
        s20 = s20.add(s20.rearrange(FOLD2)); s20 = s20.add(s20.rearrange(FOLD1));
        if (L >= 16) s21 = s21.add(s21.rearrange(FOLD8));
        if (L >= 8) s21 = s21.add(s21.rearrange(FOLD4));
        s21 = s21.add(s21.rearrange(FOLD2)); s21 = s21.add(s21.rearrange(FOLD1));
        if (L >= 16) s22 = s22.add(s22.rearrange(FOLD8));
        if (L >= 8) s22 = s22.add(s22.rearrange(FOLD4));
        s22 = s22.add(s22.rearrange(FOLD2)); s22 = s22.add(s22.rearrange(FOLD1));
        if (L >= 16) s23 = s23.add(s23.rearrange(FOLD8));
        if (L >= 8) s23 = s23.add(s23.rearrange(FOLD4));
        s23 = s23.add(s23.rearrange(FOLD2)); s23 = s23.add(s23.rearrange(FOLD1));
        if (L >= 16) s30 = s30.add(s30.rearrange(FOLD8));
        if (L >= 8) s30 = s30.add(s30.rearrange(FOLD4));
        s30 = s30.add(s30.rearrange(FOLD2)); s30 = s30.add(s30.rearrange(FOLD1));
        if (L >= 16) s31 = s31.add(s31.rearrange(FOLD8));
        if (L >= 8) s31 = s31.add(s31.rearrange(FOLD4));
        s31 = s31.add(s31.rearrange(FOLD2)); s31 = s31.add(s31.rearrange(FOLD1));
        if (L >= 16) s32 = s32.add(s32.rearrange(FOLD8));
        if (L >= 8) s32 = s32.add(s32.rearrange(FOLD4));
        s32 = s32.add(s32.rearrange(FOLD2)); s32 = s32.add(s32.rearrange(FOLD1));
        if (L >= 16) s33 = s33.add(s33.rearrange(FOLD8));
        if (L >= 8) s33 = s33.add(s33.rearrange(FOLD4));
        s33 = s33.add(s33.rearrange(FOLD2)); s33 = s33.add(s33.rearrange(FOLD1));
        if (L >= 16) s40 = s40.add(s40.rearrange(FOLD8));
        if (L >= 8) s40 = s40.add(s40.rearrange(FOLD4));
        s40 = s40.add(s40.rearrange(FOLD2)); s40 = s40.add(s40.rearrange(FOLD1));
        if (L >= 16) s41 = s41.add(s41.rearrange(FOLD8));
        if (L >= 8) s41 = s41.add(s41.rearrange(FOLD4));
        s41 = s41.add(s41.rearrange(FOLD2)); s41 = s41.add(s41.rearrange(FOLD1));
        if (L >= 16) s42 = s42.add(s42.rearrange(FOLD8));
        if (L >= 8) s42 = s42.add(s42.rearrange(FOLD4));
        s42 = s42.add(s42.rearrange(FOLD2)); s42 = s42.add(s42.rearrange(FOLD1));
        if (L >= 16) s43 = s43.add(s43.rearrange(FOLD8));
        if (L >= 8) s43 = s43.add(s43.rearrange(FOLD4));
        s43 = s43.add(s43.rearrange(FOLD2)); s43 = s43.add(s43.rearrange(FOLD1));
        if (L >= 16) s50 = s50.add(s50.rearrange(FOLD8));
        if (L >= 8) s50 = s50.add(s50.rearrange(FOLD4));
        s50 = s50.add(s50.rearrange(FOLD2)); s50 = s50.add(s50.rearrange(FOLD1));
        if (L >= 16) s51 = s51.add(s51.rearrange(FOLD8));
        if (L >= 8) s51 = s51.add(s51.rearrange(FOLD4));
        s51 = s51.add(s51.rearrange(FOLD2)); s51 = s51.add(s51.rearrange(FOLD1));
        if (L >= 16) s52 = s52.add(s52.rearrange(FOLD8));
        if (L >= 8) s52 = s52.add(s52.rearrange(FOLD4));
        s52 = s52.add(s52.rearrange(FOLD2)); s52 = s52.add(s52.rearrange(FOLD1));
        if (L >= 16) s53 = s53.add(s53.rearrange(FOLD8));
        if (L >= 8) s53 = s53.add(s53.rearrange(FOLD4));
        s53 = s53.add(s53.rearrange(FOLD2)); s53 = s53.add(s53.rearrange(FOLD1));
        float r00 = g[wOff + c0 * kk + t0] + s00.lane(0);
        float r01 = g[wOff + c0 * kk + t1] + s01.lane(0);
        float r02 = g[wOff + c0 * kk + t2] + s02.lane(0);
        float r03 = g[wOff + c0 * kk + t3] + s03.lane(0);
        float r10 = g[wOff + c1 * kk + t0] + s10.lane(0);
        float r11 = g[wOff + c1 * kk + t1] + s11.lane(0);
        float r12 = g[wOff + c1 * kk + t2] + s12.lane(0);
        float r13 = g[wOff + c1 * kk + t3] + s13.lane(0);
        float r20 = g[wOff + c2 * kk + t0] + s20.lane(0);
        float r21 = g[wOff + c2 * kk + t1] + s21.lane(0);
        float r22 = g[wOff + c2 * kk + t2] + s22.lane(0);
        float r23 = g[wOff + c2 * kk + t3] + s23.lane(0);
        float r30 = g[wOff + c3 * kk + t0] + s30.lane(0);
        float r31 = g[wOff + c3 * kk + t1] + s31.lane(0);
        float r32 = g[wOff + c3 * kk + t2] + s32.lane(0);
        float r33 = g[wOff + c3 * kk + t3] + s33.lane(0);
        float r40 = g[wOff + c4 * kk + t0] + s40.lane(0);
        float r41 = g[wOff + c4 * kk + t1] + s41.lane(0);
        float r42 = g[wOff + c4 * kk + t2] + s42.lane(0);
        float r43 = g[wOff + c4 * kk + t3] + s43.lane(0);
        float r50 = g[wOff + c5 * kk + t0] + s50.lane(0);
        float r51 = g[wOff + c5 * kk + t1] + s51.lane(0);
        float r52 = g[wOff + c5 * kk + t2] + s52.lane(0);
        float r53 = g[wOff + c5 * kk + t3] + s53.lane(0);
        g[wOff + c0 * kk + t0] = r00; g[wOff + c0 * kk + t1] = r01; g[wOff + c0 * kk + t2] = r02; g[wOff + c0 * kk + t3] = r03;
        g[wOff + c1 * kk + t0] = r10; g[wOff + c1 * kk + t1] = r11; g[wOff + c1 * kk + t2] = r12; g[wOff + c1 * kk + t3] = r13;
        g[wOff + c2 * kk + t0] = r20; g[wOff + c2 * kk + t1] = r21; g[wOff + c2 * kk + t2] = r22; g[wOff + c2 * kk + t3] = r23;
        g[wOff + c3 * kk + t0] = r30; g[wOff + c3 * kk + t1] = r31; g[wOff + c3 * kk + t2] = r32; g[wOff + c3 * kk + t3] = r33;
        g[wOff + c4 * kk + t0] = r40; g[wOff + c4 * kk + t1] = r41; g[wOff + c4 * kk + t2] = r42; g[wOff + c4 * kk + t3] = r43;
        g[wOff + c5 * kk + t0] = r50; g[wOff + c5 * kk + t1] = r51; g[wOff + c5 * kk + t2] = r52; g[wOff + c5 * kk + t3] = r53;
    }

    private static void convWeightTile4x6(float[] x, float[] dy, int n, int v, int pixels, int wo, int stride, int wp, int hp, int k,
                                       int kk, int co0, int co, int tap0, float[] g, int wOff) {
        // 4 channels x 6 taps (t = (ci·k + ky)·k + kx); repeated rows/taps at the edges give the same sums, stored twice
        int c0 = Math.min(co0 + 0, co - 1), pd0 = c0 * pixels * n + v;
        int c1 = Math.min(co0 + 1, co - 1), pd1 = c1 * pixels * n + v;
        int c2 = Math.min(co0 + 2, co - 1), pd2 = c2 * pixels * n + v;
        int c3 = Math.min(co0 + 3, co - 1), pd3 = c3 * pixels * n + v;
        int t0 = Math.min(tap0 + 0, kk - 1), o0 = (((t0 / (k * k)) * hp + (t0 / k) % k) * wp + t0 % k) * n;
        int t1 = Math.min(tap0 + 1, kk - 1), o1 = (((t1 / (k * k)) * hp + (t1 / k) % k) * wp + t1 % k) * n;
        int t2 = Math.min(tap0 + 2, kk - 1), o2 = (((t2 / (k * k)) * hp + (t2 / k) % k) * wp + t2 % k) * n;
        int t3 = Math.min(tap0 + 3, kk - 1), o3 = (((t3 / (k * k)) * hp + (t3 / k) % k) * wp + t3 % k) * n;
        int t4 = Math.min(tap0 + 4, kk - 1), o4 = (((t4 / (k * k)) * hp + (t4 / k) % k) * wp + t4 % k) * n;
        int t5 = Math.min(tap0 + 5, kk - 1), o5 = (((t5 / (k * k)) * hp + (t5 / k) % k) * wp + t5 % k) * n;
        FloatVector zero = FloatVector.zero(S);
        FloatVector s00 = zero, s01 = zero, s02 = zero, s03 = zero, s04 = zero, s05 = zero, s10 = zero, s11 = zero, s12 = zero, s13 = zero, s14 = zero, s15 = zero, s20 = zero, s21 = zero, s22 = zero, s23 = zero, s24 = zero, s25 = zero, s30 = zero, s31 = zero, s32 = zero, s33 = zero, s34 = zero, s35 = zero;
        for (int p = 0, oy = 0, ox = 0; p < pixels; p++) {
            int px = (oy * stride * wp + ox * stride) * n + v, pp = p * n;
            FloatVector d0 = FloatVector.fromArray(S, dy, pd0 + pp);
            FloatVector d1 = FloatVector.fromArray(S, dy, pd1 + pp);
            FloatVector d2 = FloatVector.fromArray(S, dy, pd2 + pp);
            FloatVector d3 = FloatVector.fromArray(S, dy, pd3 + pp);
            FloatVector x0 = FloatVector.fromArray(S, x, px + o0);
            s00 = d0.fma(x0, s00); s10 = d1.fma(x0, s10); s20 = d2.fma(x0, s20); s30 = d3.fma(x0, s30);
            FloatVector x1 = FloatVector.fromArray(S, x, px + o1);
            s01 = d0.fma(x1, s01); s11 = d1.fma(x1, s11); s21 = d2.fma(x1, s21); s31 = d3.fma(x1, s31);
            FloatVector x2 = FloatVector.fromArray(S, x, px + o2);
            s02 = d0.fma(x2, s02); s12 = d1.fma(x2, s12); s22 = d2.fma(x2, s22); s32 = d3.fma(x2, s32);
            FloatVector x3 = FloatVector.fromArray(S, x, px + o3);
            s03 = d0.fma(x3, s03); s13 = d1.fma(x3, s13); s23 = d2.fma(x3, s23); s33 = d3.fma(x3, s33);
            FloatVector x4 = FloatVector.fromArray(S, x, px + o4);
            s04 = d0.fma(x4, s04); s14 = d1.fma(x4, s14); s24 = d2.fma(x4, s24); s34 = d3.fma(x4, s34);
            FloatVector x5 = FloatVector.fromArray(S, x, px + o5);
            s05 = d0.fma(x5, s05); s15 = d1.fma(x5, s15); s25 = d2.fma(x5, s25); s35 = d3.fma(x5, s35);
            if (++ox == wo) { ox = 0; oy++; }
        }
        // lane sums (written out: a vector passed to a call that is not inlined is allocated), read before written
        if (L >= 16) s00 = s00.add(s00.rearrange(FOLD8));
        if (L >= 8) s00 = s00.add(s00.rearrange(FOLD4));
        s00 = s00.add(s00.rearrange(FOLD2)); s00 = s00.add(s00.rearrange(FOLD1));
        if (L >= 16) s01 = s01.add(s01.rearrange(FOLD8));
        if (L >= 8) s01 = s01.add(s01.rearrange(FOLD4));
        s01 = s01.add(s01.rearrange(FOLD2)); s01 = s01.add(s01.rearrange(FOLD1));
        if (L >= 16) s02 = s02.add(s02.rearrange(FOLD8));
        if (L >= 8) s02 = s02.add(s02.rearrange(FOLD4));
        s02 = s02.add(s02.rearrange(FOLD2)); s02 = s02.add(s02.rearrange(FOLD1));
        if (L >= 16) s03 = s03.add(s03.rearrange(FOLD8));
        if (L >= 8) s03 = s03.add(s03.rearrange(FOLD4));
        s03 = s03.add(s03.rearrange(FOLD2)); s03 = s03.add(s03.rearrange(FOLD1));
        if (L >= 16) s04 = s04.add(s04.rearrange(FOLD8));
        if (L >= 8) s04 = s04.add(s04.rearrange(FOLD4));
        s04 = s04.add(s04.rearrange(FOLD2)); s04 = s04.add(s04.rearrange(FOLD1));
        if (L >= 16) s05 = s05.add(s05.rearrange(FOLD8));
        if (L >= 8) s05 = s05.add(s05.rearrange(FOLD4));
        s05 = s05.add(s05.rearrange(FOLD2)); s05 = s05.add(s05.rearrange(FOLD1));
        if (L >= 16) s10 = s10.add(s10.rearrange(FOLD8));
        if (L >= 8) s10 = s10.add(s10.rearrange(FOLD4));
        s10 = s10.add(s10.rearrange(FOLD2)); s10 = s10.add(s10.rearrange(FOLD1));
        if (L >= 16) s11 = s11.add(s11.rearrange(FOLD8));
        if (L >= 8) s11 = s11.add(s11.rearrange(FOLD4));
        s11 = s11.add(s11.rearrange(FOLD2)); s11 = s11.add(s11.rearrange(FOLD1));
        if (L >= 16) s12 = s12.add(s12.rearrange(FOLD8));
        if (L >= 8) s12 = s12.add(s12.rearrange(FOLD4));
        s12 = s12.add(s12.rearrange(FOLD2)); s12 = s12.add(s12.rearrange(FOLD1));
        if (L >= 16) s13 = s13.add(s13.rearrange(FOLD8));
        if (L >= 8) s13 = s13.add(s13.rearrange(FOLD4));
        s13 = s13.add(s13.rearrange(FOLD2)); s13 = s13.add(s13.rearrange(FOLD1));
        if (L >= 16) s14 = s14.add(s14.rearrange(FOLD8));
        if (L >= 8) s14 = s14.add(s14.rearrange(FOLD4));
        s14 = s14.add(s14.rearrange(FOLD2)); s14 = s14.add(s14.rearrange(FOLD1));
        if (L >= 16) s15 = s15.add(s15.rearrange(FOLD8));
        if (L >= 8) s15 = s15.add(s15.rearrange(FOLD4));
        s15 = s15.add(s15.rearrange(FOLD2)); s15 = s15.add(s15.rearrange(FOLD1));
        if (L >= 16) s20 = s20.add(s20.rearrange(FOLD8));
        if (L >= 8) s20 = s20.add(s20.rearrange(FOLD4));
        s20 = s20.add(s20.rearrange(FOLD2)); s20 = s20.add(s20.rearrange(FOLD1));
        if (L >= 16) s21 = s21.add(s21.rearrange(FOLD8));
        if (L >= 8) s21 = s21.add(s21.rearrange(FOLD4));
        s21 = s21.add(s21.rearrange(FOLD2)); s21 = s21.add(s21.rearrange(FOLD1));
        if (L >= 16) s22 = s22.add(s22.rearrange(FOLD8));
        if (L >= 8) s22 = s22.add(s22.rearrange(FOLD4));
        s22 = s22.add(s22.rearrange(FOLD2)); s22 = s22.add(s22.rearrange(FOLD1));
        if (L >= 16) s23 = s23.add(s23.rearrange(FOLD8));
        if (L >= 8) s23 = s23.add(s23.rearrange(FOLD4));
        s23 = s23.add(s23.rearrange(FOLD2)); s23 = s23.add(s23.rearrange(FOLD1));
        if (L >= 16) s24 = s24.add(s24.rearrange(FOLD8));
        if (L >= 8) s24 = s24.add(s24.rearrange(FOLD4));
        s24 = s24.add(s24.rearrange(FOLD2)); s24 = s24.add(s24.rearrange(FOLD1));
        if (L >= 16) s25 = s25.add(s25.rearrange(FOLD8));
        if (L >= 8) s25 = s25.add(s25.rearrange(FOLD4));
        s25 = s25.add(s25.rearrange(FOLD2)); s25 = s25.add(s25.rearrange(FOLD1));
        if (L >= 16) s30 = s30.add(s30.rearrange(FOLD8));
        if (L >= 8) s30 = s30.add(s30.rearrange(FOLD4));
        s30 = s30.add(s30.rearrange(FOLD2)); s30 = s30.add(s30.rearrange(FOLD1));
        if (L >= 16) s31 = s31.add(s31.rearrange(FOLD8));
        if (L >= 8) s31 = s31.add(s31.rearrange(FOLD4));
        s31 = s31.add(s31.rearrange(FOLD2)); s31 = s31.add(s31.rearrange(FOLD1));
        if (L >= 16) s32 = s32.add(s32.rearrange(FOLD8));
        if (L >= 8) s32 = s32.add(s32.rearrange(FOLD4));
        s32 = s32.add(s32.rearrange(FOLD2)); s32 = s32.add(s32.rearrange(FOLD1));
        if (L >= 16) s33 = s33.add(s33.rearrange(FOLD8));
        if (L >= 8) s33 = s33.add(s33.rearrange(FOLD4));
        s33 = s33.add(s33.rearrange(FOLD2)); s33 = s33.add(s33.rearrange(FOLD1));
        if (L >= 16) s34 = s34.add(s34.rearrange(FOLD8));
        if (L >= 8) s34 = s34.add(s34.rearrange(FOLD4));
        s34 = s34.add(s34.rearrange(FOLD2)); s34 = s34.add(s34.rearrange(FOLD1));
        if (L >= 16) s35 = s35.add(s35.rearrange(FOLD8));
        if (L >= 8) s35 = s35.add(s35.rearrange(FOLD4));
        s35 = s35.add(s35.rearrange(FOLD2)); s35 = s35.add(s35.rearrange(FOLD1));
        float r00 = g[wOff + c0 * kk + t0] + s00.lane(0);
        float r01 = g[wOff + c0 * kk + t1] + s01.lane(0);
        float r02 = g[wOff + c0 * kk + t2] + s02.lane(0);
        float r03 = g[wOff + c0 * kk + t3] + s03.lane(0);
        float r04 = g[wOff + c0 * kk + t4] + s04.lane(0);
        float r05 = g[wOff + c0 * kk + t5] + s05.lane(0);
        float r10 = g[wOff + c1 * kk + t0] + s10.lane(0);
        float r11 = g[wOff + c1 * kk + t1] + s11.lane(0);
        float r12 = g[wOff + c1 * kk + t2] + s12.lane(0);
        float r13 = g[wOff + c1 * kk + t3] + s13.lane(0);
        float r14 = g[wOff + c1 * kk + t4] + s14.lane(0);
        float r15 = g[wOff + c1 * kk + t5] + s15.lane(0);
        float r20 = g[wOff + c2 * kk + t0] + s20.lane(0);
        float r21 = g[wOff + c2 * kk + t1] + s21.lane(0);
        float r22 = g[wOff + c2 * kk + t2] + s22.lane(0);
        float r23 = g[wOff + c2 * kk + t3] + s23.lane(0);
        float r24 = g[wOff + c2 * kk + t4] + s24.lane(0);
        float r25 = g[wOff + c2 * kk + t5] + s25.lane(0);
        float r30 = g[wOff + c3 * kk + t0] + s30.lane(0);
        float r31 = g[wOff + c3 * kk + t1] + s31.lane(0);
        float r32 = g[wOff + c3 * kk + t2] + s32.lane(0);
        float r33 = g[wOff + c3 * kk + t3] + s33.lane(0);
        float r34 = g[wOff + c3 * kk + t4] + s34.lane(0);
        float r35 = g[wOff + c3 * kk + t5] + s35.lane(0);
        g[wOff + c0 * kk + t0] = r00; g[wOff + c0 * kk + t1] = r01; g[wOff + c0 * kk + t2] = r02; g[wOff + c0 * kk + t3] = r03; g[wOff + c0 * kk + t4] = r04; g[wOff + c0 * kk + t5] = r05;
        g[wOff + c1 * kk + t0] = r10; g[wOff + c1 * kk + t1] = r11; g[wOff + c1 * kk + t2] = r12; g[wOff + c1 * kk + t3] = r13; g[wOff + c1 * kk + t4] = r14; g[wOff + c1 * kk + t5] = r15;
        g[wOff + c2 * kk + t0] = r20; g[wOff + c2 * kk + t1] = r21; g[wOff + c2 * kk + t2] = r22; g[wOff + c2 * kk + t3] = r23; g[wOff + c2 * kk + t4] = r24; g[wOff + c2 * kk + t5] = r25;
        g[wOff + c3 * kk + t0] = r30; g[wOff + c3 * kk + t1] = r31; g[wOff + c3 * kk + t2] = r32; g[wOff + c3 * kk + t3] = r33; g[wOff + c3 * kk + t4] = r34; g[wOff + c3 * kk + t5] = r35;
    }

    private static void convInputTile4x6(float[] w, int wOff, float[] dy, int ds, int do0, int do1, int do2, int do3, int xo0, int xo1, int xo2, int xo3,
                                      int co, int ci0, int ci, int kk, int tap, float[] dxp, int plane) {
        // 4 pixels x 6 input channels; repeats at the edges load and store the same values (all loads come first)
        int c0 = Math.min(ci0 + 0, ci - 1), pc0 = c0 * plane, pw0 = wOff + c0 * (kk / ci) + tap;
        int c1 = Math.min(ci0 + 1, ci - 1), pc1 = c1 * plane, pw1 = wOff + c1 * (kk / ci) + tap;
        int c2 = Math.min(ci0 + 2, ci - 1), pc2 = c2 * plane, pw2 = wOff + c2 * (kk / ci) + tap;
        int c3 = Math.min(ci0 + 3, ci - 1), pc3 = c3 * plane, pw3 = wOff + c3 * (kk / ci) + tap;
        int c4 = Math.min(ci0 + 4, ci - 1), pc4 = c4 * plane, pw4 = wOff + c4 * (kk / ci) + tap;
        int c5 = Math.min(ci0 + 5, ci - 1), pc5 = c5 * plane, pw5 = wOff + c5 * (kk / ci) + tap;
        FloatVector a00 = FloatVector.fromArray(S, dxp, pc0 + xo0), a10 = FloatVector.fromArray(S, dxp, pc0 + xo1), a20 = FloatVector.fromArray(S, dxp, pc0 + xo2), a30 = FloatVector.fromArray(S, dxp, pc0 + xo3);
        FloatVector a01 = FloatVector.fromArray(S, dxp, pc1 + xo0), a11 = FloatVector.fromArray(S, dxp, pc1 + xo1), a21 = FloatVector.fromArray(S, dxp, pc1 + xo2), a31 = FloatVector.fromArray(S, dxp, pc1 + xo3);
        FloatVector a02 = FloatVector.fromArray(S, dxp, pc2 + xo0), a12 = FloatVector.fromArray(S, dxp, pc2 + xo1), a22 = FloatVector.fromArray(S, dxp, pc2 + xo2), a32 = FloatVector.fromArray(S, dxp, pc2 + xo3);
        FloatVector a03 = FloatVector.fromArray(S, dxp, pc3 + xo0), a13 = FloatVector.fromArray(S, dxp, pc3 + xo1), a23 = FloatVector.fromArray(S, dxp, pc3 + xo2), a33 = FloatVector.fromArray(S, dxp, pc3 + xo3);
        FloatVector a04 = FloatVector.fromArray(S, dxp, pc4 + xo0), a14 = FloatVector.fromArray(S, dxp, pc4 + xo1), a24 = FloatVector.fromArray(S, dxp, pc4 + xo2), a34 = FloatVector.fromArray(S, dxp, pc4 + xo3);
        FloatVector a05 = FloatVector.fromArray(S, dxp, pc5 + xo0), a15 = FloatVector.fromArray(S, dxp, pc5 + xo1), a25 = FloatVector.fromArray(S, dxp, pc5 + xo2), a35 = FloatVector.fromArray(S, dxp, pc5 + xo3);
        for (int o = 0, pd = 0, pw = 0; o < co; o++, pd += ds, pw += kk) {
            FloatVector w0 = FloatVector.broadcast(S, w[pw0 + pw]);
            FloatVector w1 = FloatVector.broadcast(S, w[pw1 + pw]);
            FloatVector w2 = FloatVector.broadcast(S, w[pw2 + pw]);
            FloatVector w3 = FloatVector.broadcast(S, w[pw3 + pw]);
            FloatVector w4 = FloatVector.broadcast(S, w[pw4 + pw]);
            FloatVector w5 = FloatVector.broadcast(S, w[pw5 + pw]);
            FloatVector d0 = FloatVector.fromArray(S, dy, pd + do0);
            a00 = d0.fma(w0, a00); a01 = d0.fma(w1, a01); a02 = d0.fma(w2, a02); a03 = d0.fma(w3, a03); a04 = d0.fma(w4, a04); a05 = d0.fma(w5, a05);
            FloatVector d1 = FloatVector.fromArray(S, dy, pd + do1);
            a10 = d1.fma(w0, a10); a11 = d1.fma(w1, a11); a12 = d1.fma(w2, a12); a13 = d1.fma(w3, a13); a14 = d1.fma(w4, a14); a15 = d1.fma(w5, a15);
            FloatVector d2 = FloatVector.fromArray(S, dy, pd + do2);
            a20 = d2.fma(w0, a20); a21 = d2.fma(w1, a21); a22 = d2.fma(w2, a22); a23 = d2.fma(w3, a23); a24 = d2.fma(w4, a24); a25 = d2.fma(w5, a25);
            FloatVector d3 = FloatVector.fromArray(S, dy, pd + do3);
            a30 = d3.fma(w0, a30); a31 = d3.fma(w1, a31); a32 = d3.fma(w2, a32); a33 = d3.fma(w3, a33); a34 = d3.fma(w4, a34); a35 = d3.fma(w5, a35);
        }
        a00.intoArray(dxp, pc0 + xo0);
        a10.intoArray(dxp, pc0 + xo1);
        a20.intoArray(dxp, pc0 + xo2);
        a30.intoArray(dxp, pc0 + xo3);
        a01.intoArray(dxp, pc1 + xo0);
        a11.intoArray(dxp, pc1 + xo1);
        a21.intoArray(dxp, pc1 + xo2);
        a31.intoArray(dxp, pc1 + xo3);
        a02.intoArray(dxp, pc2 + xo0);
        a12.intoArray(dxp, pc2 + xo1);
        a22.intoArray(dxp, pc2 + xo2);
        a32.intoArray(dxp, pc2 + xo3);
        a03.intoArray(dxp, pc3 + xo0);
        a13.intoArray(dxp, pc3 + xo1);
        a23.intoArray(dxp, pc3 + xo2);
        a33.intoArray(dxp, pc3 + xo3);
        a04.intoArray(dxp, pc4 + xo0);
        a14.intoArray(dxp, pc4 + xo1);
        a24.intoArray(dxp, pc4 + xo2);
        a34.intoArray(dxp, pc4 + xo3);
        a05.intoArray(dxp, pc5 + xo0);
        a15.intoArray(dxp, pc5 + xo1);
        a25.intoArray(dxp, pc5 + xo2);
        a35.intoArray(dxp, pc5 + xo3);
    }

    private static void convInputRow5x2k5(float[] w, int wOff, float[] dy, int co, int ci, int ho, int wo, int n, int v,
                                         float[] dxp, int plane, int wp, int y, int ox0, int cg) {
        // 9 target pixels x 2 input channels (repeating ci-1 past the end: all loads come first, so a repeated
        // channel stores the same values twice)
        int c0 = Math.min(cg + 0, ci - 1), pt0 = c0 * plane + (y * wp + ox0) * n + v;
        int c1 = Math.min(cg + 1, ci - 1), pt1 = c1 * plane + (y * wp + ox0) * n + v;
        FloatVector a0_0 = FloatVector.fromArray(S, dxp, pt0 + 0 * n), a1_0 = FloatVector.fromArray(S, dxp, pt0 + 1 * n), a2_0 = FloatVector.fromArray(S, dxp, pt0 + 2 * n), a3_0 = FloatVector.fromArray(S, dxp, pt0 + 3 * n), a4_0 = FloatVector.fromArray(S, dxp, pt0 + 4 * n), a5_0 = FloatVector.fromArray(S, dxp, pt0 + 5 * n), a6_0 = FloatVector.fromArray(S, dxp, pt0 + 6 * n), a7_0 = FloatVector.fromArray(S, dxp, pt0 + 7 * n), a8_0 = FloatVector.fromArray(S, dxp, pt0 + 8 * n);
        FloatVector a0_1 = FloatVector.fromArray(S, dxp, pt1 + 0 * n), a1_1 = FloatVector.fromArray(S, dxp, pt1 + 1 * n), a2_1 = FloatVector.fromArray(S, dxp, pt1 + 2 * n), a3_1 = FloatVector.fromArray(S, dxp, pt1 + 3 * n), a4_1 = FloatVector.fromArray(S, dxp, pt1 + 4 * n), a5_1 = FloatVector.fromArray(S, dxp, pt1 + 5 * n), a6_1 = FloatVector.fromArray(S, dxp, pt1 + 6 * n), a7_1 = FloatVector.fromArray(S, dxp, pt1 + 7 * n), a8_1 = FloatVector.fromArray(S, dxp, pt1 + 8 * n);
        for (int ky = Math.max(0, y - ho + 1), kyEnd = Math.min(4, y); ky <= kyEnd; ky++) {
            int oy = y - ky;
            for (int o = 0; o < co; o++) {
                int pd = ((o * ho + oy) * wo + ox0) * n + v;
                FloatVector d0 = FloatVector.fromArray(S, dy, pd + 0 * n);
                FloatVector d1 = FloatVector.fromArray(S, dy, pd + 1 * n);
                FloatVector d2 = FloatVector.fromArray(S, dy, pd + 2 * n);
                FloatVector d3 = FloatVector.fromArray(S, dy, pd + 3 * n);
                FloatVector d4 = FloatVector.fromArray(S, dy, pd + 4 * n);
                int pw0 = wOff + ((o * ci + c0) * 5 + ky) * 5;
                int pw1 = wOff + ((o * ci + c1) * 5 + ky) * 5;
                FloatVector w0_0 = FloatVector.broadcast(S, w[pw0 + 0]);
                a0_0 = d0.fma(w0_0, a0_0); a1_0 = d1.fma(w0_0, a1_0); a2_0 = d2.fma(w0_0, a2_0); a3_0 = d3.fma(w0_0, a3_0); a4_0 = d4.fma(w0_0, a4_0);
                FloatVector w0_1 = FloatVector.broadcast(S, w[pw1 + 0]);
                a0_1 = d0.fma(w0_1, a0_1); a1_1 = d1.fma(w0_1, a1_1); a2_1 = d2.fma(w0_1, a2_1); a3_1 = d3.fma(w0_1, a3_1); a4_1 = d4.fma(w0_1, a4_1);
                FloatVector w1_0 = FloatVector.broadcast(S, w[pw0 + 1]);
                a1_0 = d0.fma(w1_0, a1_0); a2_0 = d1.fma(w1_0, a2_0); a3_0 = d2.fma(w1_0, a3_0); a4_0 = d3.fma(w1_0, a4_0); a5_0 = d4.fma(w1_0, a5_0);
                FloatVector w1_1 = FloatVector.broadcast(S, w[pw1 + 1]);
                a1_1 = d0.fma(w1_1, a1_1); a2_1 = d1.fma(w1_1, a2_1); a3_1 = d2.fma(w1_1, a3_1); a4_1 = d3.fma(w1_1, a4_1); a5_1 = d4.fma(w1_1, a5_1);
                FloatVector w2_0 = FloatVector.broadcast(S, w[pw0 + 2]);
                a2_0 = d0.fma(w2_0, a2_0); a3_0 = d1.fma(w2_0, a3_0); a4_0 = d2.fma(w2_0, a4_0); a5_0 = d3.fma(w2_0, a5_0); a6_0 = d4.fma(w2_0, a6_0);
                FloatVector w2_1 = FloatVector.broadcast(S, w[pw1 + 2]);
                a2_1 = d0.fma(w2_1, a2_1); a3_1 = d1.fma(w2_1, a3_1); a4_1 = d2.fma(w2_1, a4_1); a5_1 = d3.fma(w2_1, a5_1); a6_1 = d4.fma(w2_1, a6_1);
                FloatVector w3_0 = FloatVector.broadcast(S, w[pw0 + 3]);
                a3_0 = d0.fma(w3_0, a3_0); a4_0 = d1.fma(w3_0, a4_0); a5_0 = d2.fma(w3_0, a5_0); a6_0 = d3.fma(w3_0, a6_0); a7_0 = d4.fma(w3_0, a7_0);
                FloatVector w3_1 = FloatVector.broadcast(S, w[pw1 + 3]);
                a3_1 = d0.fma(w3_1, a3_1); a4_1 = d1.fma(w3_1, a4_1); a5_1 = d2.fma(w3_1, a5_1); a6_1 = d3.fma(w3_1, a6_1); a7_1 = d4.fma(w3_1, a7_1);
                FloatVector w4_0 = FloatVector.broadcast(S, w[pw0 + 4]);
                a4_0 = d0.fma(w4_0, a4_0); a5_0 = d1.fma(w4_0, a5_0); a6_0 = d2.fma(w4_0, a6_0); a7_0 = d3.fma(w4_0, a7_0); a8_0 = d4.fma(w4_0, a8_0);
                FloatVector w4_1 = FloatVector.broadcast(S, w[pw1 + 4]);
                a4_1 = d0.fma(w4_1, a4_1); a5_1 = d1.fma(w4_1, a5_1); a6_1 = d2.fma(w4_1, a6_1); a7_1 = d3.fma(w4_1, a7_1); a8_1 = d4.fma(w4_1, a8_1);
            }
        }
        a0_0.intoArray(dxp, pt0 + 0 * n);
        a1_0.intoArray(dxp, pt0 + 1 * n);
        a2_0.intoArray(dxp, pt0 + 2 * n);
        a3_0.intoArray(dxp, pt0 + 3 * n);
        a4_0.intoArray(dxp, pt0 + 4 * n);
        a5_0.intoArray(dxp, pt0 + 5 * n);
        a6_0.intoArray(dxp, pt0 + 6 * n);
        a7_0.intoArray(dxp, pt0 + 7 * n);
        a8_0.intoArray(dxp, pt0 + 8 * n);
        a0_1.intoArray(dxp, pt1 + 0 * n);
        a1_1.intoArray(dxp, pt1 + 1 * n);
        a2_1.intoArray(dxp, pt1 + 2 * n);
        a3_1.intoArray(dxp, pt1 + 3 * n);
        a4_1.intoArray(dxp, pt1 + 4 * n);
        a5_1.intoArray(dxp, pt1 + 5 * n);
        a6_1.intoArray(dxp, pt1 + 6 * n);
        a7_1.intoArray(dxp, pt1 + 7 * n);
        a8_1.intoArray(dxp, pt1 + 8 * n);
    }
    // ---- end of generated lane tiles ----

}
