package org.convscope.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The vector kernels against the scalar reference on LeNet's awkward sizes (5, 10, 14, 28, 150, 400; batches 1, 3,
 * 256), in the manner of Lucene's TestVectorUtilSupport: same inputs, tolerance scaled by the length of the sums.
 */
class KernelsTest {
    static final Kernels V = Kernels.vector(), R = Kernels.scalar();
    static final int[] SIZES = {1, 3, 5, 10, 14, 16, 28, 150, 400};

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextDouble() * 2 - 1);
        return a;
    }

    /** |v − r| ≤ tol·(1 + |r|) elementwise, with a message naming the first bad index. */
    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            if (!(Math.abs(e - a) <= tol * (1 + Math.abs(e))))
                fail(what + ": index " + i + " scalar " + e + " vector " + a + " (tolerance " + tol + ")");
        }
    }

    /**
     * Runs a vector kernel and says whether it stayed on the vector path (no whole call handed to the scalar
     * reference, see VectorKernels.FALLBACKS). A comparison where it did not compares the scalar code with itself.
     */
    static boolean vectorRan(Runnable call) {
        long before = VectorKernels.FALLBACKS.sum();
        call.run();
        return VectorKernels.FALLBACKS.sum() == before;
    }

    /** The vector length in floats on this machine (16 with AVX-512, 8 with AVX2 or NEON pairs). */
    static final int L = VectorKernels.L;

    /** Float rounding of a sum of k products of values in [-1, 1]: grows with k; 1e-6·k is generous but not loose. */
    static double sumTolerance(int k) { return 2e-6 * (k + 4); }

    @Test
    void gemmMatchesReferenceOnAwkwardSizes() {
        long seed = 1;
        for (int m : SIZES) for (int n : SIZES) for (int k : new int[]{1, 5, 25, 150, 400}) {
            if ((long) m * n * k > 3_000_000) continue;
            for (boolean transposedA : new boolean[]{false, true}) for (int mode = 0; mode < 3; mode++) {
                float[] a = random(m * k + 7, seed++), b = random(k * n + 5, seed++), bias = random(m + 2, seed++);
                float[] c0 = random(m * n + 3, seed++);
                float[] cv = c0.clone(), cr = c0.clone();
                int ars = transposedA ? 1 : k, acs = transposedA ? m : 1;
                boolean acc = mode == 1;
                float[] rb = mode == 2 ? bias : null;
                V.gemm(m, n, k, a, 3, ars, acs, b, 2, n, cv, 1, n, rb, 1, acc);
                R.gemm(m, n, k, a, 3, ars, acs, b, 2, n, cr, 1, n, rb, 1, acc);
                assertClose(cr, cv, sumTolerance(k), "gemm m=" + m + " n=" + n + " k=" + k + " At=" + transposedA + " mode=" + mode);
            }
        }
    }

    @Test
    void gemmNTMatchesReferenceOnAwkwardSizes() {
        long seed = 100;
        for (int m : SIZES) for (int n : SIZES) for (int l : new int[]{1, 5, 10, 14, 28, 150, 400, 1600}) {
            if ((long) m * n * l > 3_000_000) continue;
            for (int mode = 0; mode < 3; mode++) {
                float[] a = random(m * l + 3, seed++), b = random(n * l + 9, seed++), bias = random(n + 1, seed++);
                float[] c0 = random(m * n, seed++);
                float[] cv = c0.clone(), cr = c0.clone();
                boolean acc = mode == 1;
                float[] cb = mode == 2 ? bias : null;
                V.gemmNT(m, n, l, a, 3, l, b, 9, l, cv, 0, n, cb, 1, acc);
                R.gemmNT(m, n, l, a, 3, l, b, 9, l, cr, 0, n, cb, 1, acc);
                assertClose(cr, cv, sumTolerance(l), "gemmNT m=" + m + " n=" + n + " l=" + l + " mode=" + mode);
            }
        }
    }

    /** (channels, h, w, kernel, pad, stride) of LeNet's two convolutions plus strided and odd cases. */
    static final int[][] CONVS = {{1, 28, 28, 5, 2, 1}, {1, 32, 32, 5, 0, 1}, {6, 14, 14, 5, 0, 1}, {3, 10, 10, 3, 1, 2}, {2, 5, 7, 3, 2, 1},
            {4, 14, 14, 1, 0, 1}, {2, 9, 9, 4, 1, 3}};

    @Test
    void im2colAndCol2imMatchReference() {
        long seed = 500;
        for (int[] cv : CONVS) for (int extra : new int[]{0, 5}) {
            int c = cv[0], h = cv[1], w = cv[2], k = cv[3], pad = cv[4], stride = cv[5];
            int ho = (h + 2 * pad - k) / stride + 1, wo = (w + 2 * pad - k) / stride + 1, ld = ho * wo + extra;
            float[] x = random(c * h * w, seed++);
            float[] colV = new float[c * k * k * ld], colR = colV.clone();
            boolean lenetWay = pad == 0 && stride == 1; // the layers pad their inputs first: the path LeNet takes
            boolean vec = vectorRan(() -> V.im2col(x, c, h, w, k, pad, stride, ho, wo, colV, ld));
            assertEquals(lenetWay, vec, "conv " + Arrays.toString(cv) + ": im2col's vector path taken");
            R.im2col(x, c, h, w, k, pad, stride, ho, wo, colR, ld);
            String what = "conv " + Arrays.toString(cv) + " ld=" + ld;
            for (int r = 0; r < c * k * k; r++) // a copy: exact, in the defined columns
                assertArrayEquals(Arrays.copyOfRange(colR, r * ld, r * ld + ho * wo), Arrays.copyOfRange(colV, r * ld, r * ld + ho * wo), what + " im2col row " + r);
            float[] g = random(colV.length, seed++);
            float[] dxV = random(x.length, seed++), dxR = dxV.clone();
            assertEquals(lenetWay, vectorRan(() -> V.col2im(g, ld, c, h, w, k, pad, stride, ho, wo, dxV)),
                    "conv " + Arrays.toString(cv) + ": col2im's vector path taken");
            R.col2im(g, ld, c, h, w, k, pad, stride, ho, wo, dxR);
            assertClose(dxR, dxV, sumTolerance(k * k), what + " col2im");
        }
    }

    @Test
    void wideConvolutionMatchesReferenceAndIm2col() {
        long seed = 600;
        // (ci, hp, wp, co, k): LeNet's two convolutions (conv1 on its padded input) and odd ones
        int[][] convs = {{1, 32, 32, 6, 5}, {6, 14, 14, 16, 5}, {3, 7, 9, 5, 3}, {2, 5, 5, 1, 5}};
        for (int[] cv : convs) for (int slack : new int[]{0, 64}) {
            int ci = cv[0], hp = cv[1], wp = cv[2], co = cv[3], k = cv[4], ho = hp - k + 1, wo = wp - k + 1;
            int cols = (ho * wp + 15) & ~15;
            float[] x = random(ci * hp * wp + slack, seed++), p = random(co * ci * k * k + co, seed++);
            float[] outV = new float[co * cols], outR = new float[co * cols];
            boolean vec = vectorRan(() -> V.convWide(x, ci, hp, wp, p, 0, co * ci * k * k, co, k, outV, cols, Kernels.taps(ci, hp, wp, k)));
            // with the slack every Workspace buffer has, LeNet's convolutions run vectorised
            if (slack >= Workspace.SLACK && cols % L == 0) assertTrue(vec, "convWide " + Arrays.toString(cv) + ": vector path taken");
            R.convWide(x, ci, hp, wp, p, 0, co * ci * k * k, co, k, outR, cols, Kernels.taps(ci, hp, wp, k));
            String what = "convWide " + Arrays.toString(cv) + " slack " + slack;
            // the real output pixels agree with each other and with im2col + gemm
            float[] col = new float[ci * k * k * ho * wo], ref = new float[co * ho * wo];
            R.im2col(x, ci, hp, wp, k, 0, 1, ho, wo, col, ho * wo);
            R.gemm(co, ho * wo, ci * k * k, p, 0, ci * k * k, 1, col, 0, ho * wo, ref, 0, ho * wo, p, co * ci * k * k, false);
            for (int o = 0; o < co; o++)
                for (int y = 0; y < ho; y++)
                    for (int xx = 0; xx < wo; xx++) {
                        float e = ref[(o * ho + y) * wo + xx];
                        assertEquals(e, outR[o * cols + y * wp + xx], sumTolerance(ci * k * k) * (1 + Math.abs(e)), what + " scalar vs im2col");
                        assertEquals(e, outV[o * cols + y * wp + xx], sumTolerance(ci * k * k) * (1 + Math.abs(e)), what + " vector vs im2col");
                    }
        }
    }

    /** Batch kernels, images in the lanes: LeNet's convolutions (padded input sizes) plus strided and odd ones. */
    @Test
    void laneConvolutionsMatchReference() {
        long seed = 700;
        // (ci, hp, wp, co, k, stride)
        int[][] convs = {{1, 32, 32, 6, 5, 1}, {6, 14, 14, 16, 5, 1}, {3, 9, 9, 5, 3, 2}, {2, 7, 6, 1, 3, 1}, {4, 5, 5, 7, 5, 1},
                {3, 9, 9, 4, 5, 1}, {1, 14, 19, 2, 5, 1}}; // the last two: row tiles of the input gradient with an odd channel count
        for (int[] cv : convs) for (int n : new int[]{16, 32, 3}) {
            int ci = cv[0], hp = cv[1], wp = cv[2], co = cv[3], k = cv[4], s = cv[5];
            int ho = (hp - k) / s + 1, wo = (wp - k) / s + 1, kk = ci * k * k;
            String what = "lanes conv " + Arrays.toString(cv) + " n=" + n;
            float[] x = random(ci * hp * wp * n, seed++), p = random(co * kk + co + 5, seed++);
            float[] yV = new float[co * ho * wo * n], yR = yV.clone();
            boolean lanes = n % L == 0; // the trainer's chunks of 16 images
            assertEquals(lanes, vectorRan(() -> V.convLanes(x, ci, hp, wp, p, 2, 2 + co * kk, co, k, s, yV, ho, wo, n, Kernels.taps(ci, hp, wp, k))),
                    what + ": forward vector path taken");
            R.convLanes(x, ci, hp, wp, p, 2, 2 + co * kk, co, k, s, yR, ho, wo, n, Kernels.taps(ci, hp, wp, k));
            assertClose(yR, yV, sumTolerance(kk), what + " forward");
            // with the ReLU that follows fused in: exactly the convolution and then activate(RELU), for both kernel sets
            for (Kernels kn : new Kernels[]{V, R}) {
                float[] fused = new float[yV.length], apart = new float[yV.length];
                kn.convLanes(x, ci, hp, wp, p, 2, 2 + co * kk, co, k, s, fused, ho, wo, n, Kernels.taps(ci, hp, wp, k), true);
                kn.convLanes(x, ci, hp, wp, p, 2, 2 + co * kk, co, k, s, apart, ho, wo, n, Kernels.taps(ci, hp, wp, k), false);
                kn.activate(Activation.RELU, apart, apart, apart.length);
                assertArrayEquals(apart, fused, what + " forward + ReLU, " + kn.name());
            }
            float[] dy = random(yV.length, seed++);
            float[] gV = random(co * kk + co + 3, seed++), gR = gV.clone();
            assertEquals(lanes, vectorRan(() -> V.convLanesWeightGrad(x, ci, hp, wp, dy, co, k, s, ho, wo, n, gV, 1, 1 + co * kk)),
                    what + ": weight-gradient vector path taken");
            R.convLanesWeightGrad(x, ci, hp, wp, dy, co, k, s, ho, wo, n, gR, 1, 1 + co * kk);
            assertClose(gR, gV, sumTolerance(ho * wo * n), what + " weight gradient");
            float[] dxV = random(x.length, seed++), dxR = dxV.clone();
            assertEquals(lanes, vectorRan(() -> V.convLanesInputGrad(p, 2, dy, co, k, s, ho, wo, n, dxV, ci, hp, wp)),
                    what + ": input-gradient vector path taken");
            R.convLanesInputGrad(p, 2, dy, co, k, s, ho, wo, n, dxR, ci, hp, wp);
            assertClose(dxR, dxV, sumTolerance(co * k * k), what + " input gradient");
        }
    }

    /** A chunk's input from uint8 pixels: the vector kernels give exactly the reference's floats, blank lanes 0. */
    @Test
    void bytesToLanesMatchesReferenceExactly() {
        SplittableRandom r = new SplittableRandom(900);
        for (int pixels : new int[]{784, 50, 7}) for (int count : new int[]{16, 13, 1}) {
            byte[] src = new byte[40 * pixels];
            r.nextBytes(src);
            int[] from = new int[16];
            for (int j = 0; j < 16; j++) from[j] = r.nextInt(40) * pixels;
            from[0] = 39 * pixels; // the last image of the array: no room to read past it
            float[] v = random(pixels * 16 + 64, 901), s = v.clone();
            V.bytesToLanes(src, from, count, pixels, v, 16);
            R.bytesToLanes(src, from, count, pixels, s, 16);
            assertArrayEquals(s, v, "pixels " + pixels + ", count " + count);
            for (int q = 0; q < pixels; q++) {
                assertEquals((src[from[0] + q] & 0xff) / 255f, v[q * 16], "pixel " + q + " of image 0");
                for (int j = count; j < 16; j++) assertEquals(0f, v[q * 16 + j], "blank lane " + j);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void lanePoolingMatchesReference(PoolKind kind) {
        long seed = 800;
        int[][] cases = {{6, 28, 28, 2, 2}, {16, 10, 10, 2, 2}, {2, 7, 9, 3, 2}, {3, 5, 5, 2, 1}, {1, 5, 5, 5, 1}};
        for (int[] pc : cases) for (int n : new int[]{16, 48, 3}) {
            int c = pc[0], h = pc[1], w = pc[2], win = pc[3], s = pc[4], ho = (h - win) / s + 1, wo = (w - win) / s + 1;
            float[] x = random(c * h * w * n, seed++);
            if (kind == PoolKind.MAX) for (int i = 0; i < x.length; i++) x[i] = Math.max(0f, x[i]); // ties at 0, as after ReLU
            float[] yV = new float[c * ho * wo * n], yR = yV.clone();
            boolean lanes = n % L == 0;
            assertEquals(lanes, vectorRan(() -> V.poolLanes(kind, x, yV, c, h, w, win, s, n)), Arrays.toString(pc) + " n=" + n + ": vector path");
            R.poolLanes(kind, x, yR, c, h, w, win, s, n);
            String what = kind + " lanes " + Arrays.toString(pc) + " n=" + n;
            assertClose(yR, yV, 1e-6, what + " forward");
            float[] dy = random(yV.length, seed++), dxV = random(x.length, seed++), dxR = dxV.clone();
            for (int i = 0; i < dy.length; i += 7) dy[i] = -0f; // a gradient of -0 must come out as the reference's
            boolean back = vectorRan(() -> V.poolLanesBackward(kind, x, yR, dy, dxV, c, h, w, win, s, n));
            if (lanes && win == 2) assertTrue(back, what + ": backward vector path taken");
            R.poolLanesBackward(kind, x, yR, dy, dxR, c, h, w, win, s, n);
            assertClose(dxR, dxV, 1e-6, what + " backward");
            // max pooling only moves values: the same bits (2x2 windows at stride 2 store instead of adding)
            if (kind == PoolKind.MAX) assertArrayEquals(dxR, dxV, what + " backward, bits");
            // with the backward pass of the ReLU below fused in: exactly pooling's backward and then ReLU's
            for (Kernels kn : new Kernels[]{V, R}) {
                float[] fused = random(x.length, seed), apart = fused.clone();
                kn.poolLanesBackward(kind, x, yR, dy, fused, c, h, w, win, s, n, true);
                kn.poolLanesBackward(kind, x, yR, dy, apart, c, h, w, win, s, n, false);
                kn.activateBackward(Activation.RELU, x, apart, apart, apart.length);
                assertArrayEquals(apart, fused, what + " backward + ReLU, " + kn.name());
            }
        }
    }

    /** The reference im2col against its definition, so that the comparison above compares with something right. */
    @Test
    void im2colReferenceFollowsTheDefinition() {
        // one 1x3x3 image, kernel 2, pad 1, stride 2: output 2x2, patches (top-left at -1,-1), (-1,1), (1,-1), (1,1)
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] col = new float[4 * 4];
        R.im2col(x, 1, 3, 3, 2, 1, 2, 2, 2, col, 4);
        float[] expected = {
                0, 0, 0, 5,   // (ky,kx) = (0,0)
                0, 0, 4, 6,   // (0,1)
                0, 2, 0, 8,   // (1,0)
                1, 3, 7, 9};  // (1,1)
        assertArrayEquals(expected, col);
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void poolingMatchesReference(PoolKind kind) {
        long seed = 900;
        int[][] cases = {{28, 28, 2, 2}, {10, 10, 2, 2}, {14, 14, 2, 2}, {5, 5, 2, 2}, {40, 40, 2, 2}, {6, 8, 2, 2},
                {7, 9, 3, 2}, {10, 10, 2, 1}, {5, 5, 5, 1}};
        for (int[] pc : cases) for (int planes : new int[]{1, 3, 6 * 16}) {
            int h = pc[0], w = pc[1], win = pc[2], s = pc[3], ho = (h - win) / s + 1, wo = (w - win) / s + 1;
            float[] x = random(planes * h * w, seed++);
            if (kind == PoolKind.MAX) for (int i = 0; i < x.length; i++) x[i] = Math.max(0f, x[i]); // ties at 0, as after ReLU
            float[] yV = new float[planes * ho * wo], yR = yV.clone();
            boolean lenetWay = win == 2 && s == 2 && h % 2 == 0 && w % 2 == 0; // LeNet's 2×2/2 on 28×28 and 10×10
            assertEquals(lenetWay, vectorRan(() -> V.pool(kind, x, yV, planes, h, w, win, s)), Arrays.toString(pc) + ": vector path");
            R.pool(kind, x, yR, planes, h, w, win, s);
            String what = kind + " " + Arrays.toString(pc) + " planes=" + planes;
            assertClose(yR, yV, 1e-6, what + " forward");
            float[] dy = random(yV.length, seed++);
            float[] dxV = random(x.length, seed++), dxR = dxV.clone();
            assertEquals(lenetWay, vectorRan(() -> V.poolBackward(kind, x, yR, dy, dxV, planes, h, w, win, s)),
                    Arrays.toString(pc) + ": backward vector path");
            R.poolBackward(kind, x, yR, dy, dxR, planes, h, w, win, s);
            assertClose(dxR, dxV, 1e-6, what + " backward");
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationsMatchReference(Activation fn) {
        for (int n : new int[]{1, 5, 10, 14, 28, 150, 400, 4704}) {
            float[] x = random(n, n);
            for (int i = 0; i < n; i++) x[i] *= 12; // reach the flat ends of sigmoid and tanh
            float[] yV = new float[n], yR = new float[n];
            V.activate(fn, x, yV, n);
            R.activate(fn, x, yR, n);
            assertClose(yR, yV, 2e-6, fn + " n=" + n);
            float[] dy = random(n, n + 1), dxV = new float[n], dxR = new float[n];
            V.activateBackward(fn, yR, dy, dxV, n);
            R.activateBackward(fn, yR, dy, dxR, n);
            assertClose(dxR, dxV, 2e-6, fn + " backward n=" + n);
        }
    }

    @Test
    void activationReferenceFollowsDefinitions() {
        float[] x = {-2f, 0f, 0.5f, 3f}, y = new float[4];
        R.activate(Activation.RELU, x, y, 4);
        assertArrayEquals(new float[]{0f, 0f, 0.5f, 3f}, y);
        R.activate(Activation.SIGMOID, x, y, 4);
        for (int i = 0; i < 4; i++) assertEquals(1 / (1 + Math.exp(-x[i])), y[i], 1e-7);
        R.activate(Activation.TANH, x, y, 4);
        for (int i = 0; i < 4; i++) assertEquals(Math.tanh(x[i]), y[i], 1e-7);
    }

    @Test
    void rowSumsTransposeAddMatchReference() {
        for (int rows : new int[]{1, 6, 16}) for (int cols : new int[]{1, 5, 10, 28, 150, 400, 1600}) {
            float[] a = random(rows * cols + 4, rows * 1000L + cols);
            float[] sV = random(rows + 2, 7), sR = sV.clone();
            V.addRowSums(a, 2, rows, cols, cols, sV, 1);
            R.addRowSums(a, 2, rows, cols, cols, sR, 1);
            assertClose(sR, sV, sumTolerance(cols), "rowSums " + rows + "x" + cols);
            float[] tV = new float[rows * cols], tR = new float[rows * cols];
            V.transpose(a, 2, rows, cols, tV, 0);
            R.transpose(a, 2, rows, cols, tR, 0);
            assertArrayEquals(tR, tV);
            assertEquals(a[2 + cols - 1], tR[(cols - 1) * rows], "transpose moves (0, cols-1) to (cols-1, 0)");
        }
        for (int n : SIZES) {
            float[] d = random(n + 3, n), s = random(n + 3, n + 9), dV = d.clone(), dR = d.clone();
            V.add(dV, s, 1, n + 1);
            R.add(dR, s, 1, n + 1);
            assertArrayEquals(dR, dV);
        }
    }

    @Test
    void optimizersMatchReference() {
        for (int n : new int[]{5, 10, 14, 28, 150, 400, 61_706}) {
            float[] p = random(n, n), g = random(n, n + 1), v = random(n, n + 2), m = random(n, n + 3);
            for (int i = 0; i < n; i++) v[i] = Math.abs(v[i]); // Adam's second moment is never negative
            for (float mu : new float[]{0f, 0.9f}) {
                float[] pV = p.clone(), pR = p.clone(), vV = v.clone(), vR = v.clone();
                V.sgd(pV, g, vV, 0, n, 0.1f, mu, 1e-4f);
                R.sgd(pR, g, vR, 0, n, 0.1f, mu, 1e-4f);
                assertClose(pR, pV, 1e-6, "sgd mu=" + mu + " n=" + n);
                assertClose(vR, vV, 1e-6, "sgd velocity n=" + n);
            }
            float[] pV = p.clone(), pR = p.clone(), mV = m.clone(), mR = m.clone(), vV = v.clone(), vR = v.clone();
            V.adam(pV, g, mV, vV, 0, n, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f, 0.1f, 0.001f);
            R.adam(pR, g, mR, vR, 0, n, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f, 0.1f, 0.001f);
            assertClose(pR, pV, 1e-5, "adam n=" + n);
            assertClose(mR, mV, 1e-6, "adam m n=" + n);
            assertClose(vR, vV, 1e-6, "adam v n=" + n);
        }
    }

    @Test
    void softmaxCrossEntropyIsStableAndCorrect() {
        // logits [classes=3][n=2]: image 0 = (1, 2, 3), image 1 = (1000, 0, -1000): no overflow
        float[] logits = {1, 1000, 2, 0, 3, -1000};
        float[] d = new float[6];
        double loss = V.softmaxCrossEntropy(logits, 3, 2, 2, new int[]{2, 0}, 0.5f, d);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(-Math.log(Math.exp(3) / z) + 0, loss, 1e-6, "second image is certain and right: loss 0");
        assertEquals(0.5 * (Math.exp(1) / z), d[0], 1e-7);
        assertEquals(0.5 * (Math.exp(3) / z - 1), d[4], 1e-7);
        assertEquals(0.0, d[1], 1e-7);
        assertTrue(Double.isFinite(loss));
    }
}
