package org.convscope.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Gradient checks in the manner of Deeplearning4j's GradientCheckUtil: the engine's analytic gradients (float)
 * against central differences (h = 1e-4) of an independent double-precision reference written straight from each
 * layer's definition, one image at a time in plain C×H×W. Relative error |a − n| / (|a| + |n|) must stay below
 * 1e-3 unless |a − n| is below an absolute floor of 1e-5. Each layer is checked with the loss Σ r·y for a random r
 * (so dL/dy = r), with both kernel sets, on one image (the single-image kernels), 3 images and 16 images (the
 * batch kernels: 16 is one vector of images); then a whole small network with softmax + cross-entropy through
 * {@link Trainer} on 2 threads.
 */
class GradientCheckTest {
    static final double H = 1e-4, MAX_RELATIVE = 1e-3, ABSOLUTE_FLOOR = 1e-5;

    record Case(String name, LayerSpec spec, Shape in) {
        @Override public String toString() { return name; }
    }

    static Stream<Object[]> layers() {
        List<Case> cases = List.of(
                new Case("conv 1->2 k3 pad1", new LayerSpec.Conv(2, 3, 1, 1), new Shape(1, 6, 6)),
                new Case("conv 2->3 k3 stride2", new LayerSpec.Conv(3, 3, 0, 2), new Shape(2, 7, 7)),
                new Case("conv 2->5 k3 pad1 stride2", new LayerSpec.Conv(5, 3, 1, 2), new Shape(2, 7, 7)),
                new Case("conv 3->4 k5 pad2 (LeNet conv1 style)", new LayerSpec.Conv(4, 5, 2, 1), new Shape(3, 5, 5)),
                new Case("conv 6->16 k5 (LeNet conv2)", new LayerSpec.Conv(16, 5, 0, 1), new Shape(6, 14, 14)),
                new Case("max pool 2/2", new LayerSpec.Pool(PoolKind.MAX, 2, 2), new Shape(2, 6, 6)),
                new Case("max pool 3/2", new LayerSpec.Pool(PoolKind.MAX, 3, 2), new Shape(2, 7, 7)),
                new Case("max pool 2/1 overlapping", new LayerSpec.Pool(PoolKind.MAX, 2, 1), new Shape(1, 5, 5)),
                new Case("average pool 2/2", new LayerSpec.Pool(PoolKind.AVERAGE, 2, 2), new Shape(2, 10, 10)),
                new Case("average pool 3/1", new LayerSpec.Pool(PoolKind.AVERAGE, 3, 1), new Shape(2, 5, 6)),
                new Case("sigmoid", new LayerSpec.Act(Activation.SIGMOID), new Shape(2, 5, 5)),
                new Case("tanh", new LayerSpec.Act(Activation.TANH), new Shape(2, 5, 5)),
                new Case("relu", new LayerSpec.Act(Activation.RELU), new Shape(2, 5, 5)),
                new Case("flatten", new LayerSpec.Flatten(), new Shape(3, 4, 5)),
                new Case("dense 10->7", new LayerSpec.Dense(7), Shape.vector(10)),
                new Case("dense 400->120 (LeNet)", new LayerSpec.Dense(120), Shape.vector(400)));
        List<Object[]> out = new ArrayList<>();
        for (Case c : cases) for (Kernels k : List.of(Kernels.vector(), Kernels.scalar())) for (int batch : new int[]{1, 3, 16})
            out.add(new Object[]{c, k.name(), batch, k});
        return out.stream();
    }

    @ParameterizedTest(name = "{0} [{1}, batch {2}]")
    @MethodSource("layers")
    void layerGradientsMatchCentralDifferences(Case c, String kernelsName, int batch, Kernels k) {
        SplittableRandom rnd = new SplittableRandom(c.name.hashCode());
        LayerOp op = build(c.spec, c.in);
        Shape out = op.out;
        int inSize = c.in.size(), outSize = out.size(), pc = op.parameterCount();
        float[] params = new float[pc];
        for (int i = 0; i < pc; i++) params[i] = (float) (rnd.nextDouble() - 0.5);
        // inputs: distinct values at least 1/size apart (no ties for max pooling), away from ReLU's kink at 0
        float[][] x = new float[batch][inSize];
        int[] perm = permutation(batch * inSize, rnd);
        for (int j = 0; j < batch; j++)
            for (int i = 0; i < inSize; i++) {
                double v = (perm[j * inSize + i] + 0.5) / (batch * inSize) * 2 - 1;
                x[j][i] = (float) (v + Math.signum(v) * 0.05);
            }
        float[][] r = new float[batch][outSize];
        for (float[] row : r) for (int i = 0; i < outSize; i++) row[i] = (float) (rnd.nextDouble() * 2 - 1);

        // engine forward + backward on the CNHW batch
        float[] xb = toLanes(x), yb = new float[batch * outSize], dyb = toLanes(r), dxb = new float[batch * inSize];
        float[] scratch = new float[op.scratchFloats(batch)], aux = new float[op.auxFloats(batch)];
        float[] grad = new float[pc];
        op.forward(k, params, xb, yb, batch, scratch, aux);
        op.backward(k, params, grad, xb, yb, dyb, dxb, batch, scratch, aux);
        float[][] y = fromLanes(yb, outSize, batch), dx = fromLanes(dxb, inSize, batch);

        // the forward pass agrees with the double reference
        double[] p = toDouble(params);
        for (int j = 0; j < batch; j++) {
            double[] ref = Reference.forward(c.spec, c.in, p, toDouble(x[j]));
            for (int i = 0; i < outSize; i++)
                if (Math.abs(ref[i] - y[j][i]) > 1e-4 * (1 + Math.abs(ref[i])))
                    fail(c.name + ": forward image " + j + " value " + i + " reference " + ref[i] + " engine " + y[j][i]);
        }
        // parameter gradients (a random subset when there are many)
        for (int i : subset(pc, batch > 3 ? 24 : 60, rnd)) {
            double saved = p[i];
            p[i] = saved + H;
            double plus = loss(c, p, x, r);
            p[i] = saved - H;
            double minus = loss(c, p, x, r);
            p[i] = saved;
            check(c.name + " parameter " + i, grad[i], (plus - minus) / (2 * H));
        }
        // input gradients
        for (int j = 0; j < Math.min(batch, 4); j++)
            for (int i : subset(inSize, 30, rnd)) {
                double[] xd = toDouble(x[j]);
                xd[i] += H;
                double plus = dot(r[j], Reference.forward(c.spec, c.in, p, xd));
                xd[i] -= 2 * H;
                double minus = dot(r[j], Reference.forward(c.spec, c.in, p, xd));
                check(c.name + " input " + j + "/" + i, dx[j][i], (plus - minus) / (2 * H));
            }
    }

    /** A small network with every layer kind, softmax + cross-entropy, through Trainer on two threads. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelSets")
    void networkGradientMatchesCentralDifferences(String kernelsName, Kernels k) {
        ModelSpec spec = new ModelSpec("gradcheck", new Shape(2, 8, 8), List.of(
                new LayerSpec.Conv(3, 3, 1, 1), new LayerSpec.Act(Activation.TANH), new LayerSpec.Pool(PoolKind.AVERAGE, 2, 2),
                new LayerSpec.Conv(4, 3, 0, 1), new LayerSpec.Act(Activation.RELU), new LayerSpec.Pool(PoolKind.MAX, 2, 2),
                new LayerSpec.Flatten(), new LayerSpec.Dense(6), new LayerSpec.Act(Activation.SIGMOID), new LayerSpec.Dense(3)));
        Network net = Network.create(spec, 7, k);
        int n = 5, size = spec.input().size();
        SplittableRandom rnd = new SplittableRandom(3);
        float[] images = new float[n * size];
        for (int i = 0; i < images.length; i++) images[i] = (float) rnd.nextDouble();
        int[] labels = {0, 2, 1, 2, 0};
        float[] grad = new float[net.parameterCount()];
        float loss;
        try (Trainer t = new Trainer(net, new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, n, 1, 2, 1))) {
            loss = t.lossAndGradient(images, labels, n, grad);
        }
        double[] p = toDouble(net.parameters());
        double refLoss = Reference.networkLoss(spec, p, images, labels, n);
        assertTrue(Math.abs(refLoss - loss) < 1e-5 * (1 + refLoss), "loss " + loss + " vs reference " + refLoss);
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            p[i] = saved + H;
            double plus = Reference.networkLoss(spec, p, images, labels, n);
            p[i] = saved - H;
            double minus = Reference.networkLoss(spec, p, images, labels, n);
            p[i] = saved;
            check("network parameter " + i, grad[i], (plus - minus) / (2 * H));
        }
    }

    static Stream<Object[]> kernelSets() {
        return Stream.of(new Object[]{"vector", Kernels.vector()}, new Object[]{"scalar", Kernels.scalar()});
    }

    static void check(String what, double analytic, double numeric) {
        double diff = Math.abs(analytic - numeric);
        if (diff < ABSOLUTE_FLOOR) return;
        double rel = diff / (Math.abs(analytic) + Math.abs(numeric));
        if (!(rel < MAX_RELATIVE)) fail(what + ": analytic " + analytic + " numeric " + numeric + " relative error " + rel);
    }

    static LayerOp build(LayerSpec spec, Shape in) {
        return switch (spec) {
            case LayerSpec.Conv c -> new LayerOp.Conv(0, c, in, 0);
            case LayerSpec.Pool p -> new LayerOp.Pool(0, p, in);
            case LayerSpec.Act a -> new LayerOp.Act(0, a, in);
            case LayerSpec.Flatten f -> new LayerOp.Flatten(0, f, in);
            case LayerSpec.Dense d -> new LayerOp.Dense(0, d, in, 0);
        };
    }

    static double loss(Case c, double[] p, float[][] x, float[][] r) {
        double s = 0;
        for (int j = 0; j < x.length; j++) s += dot(r[j], Reference.forward(c.spec, c.in, p, toDouble(x[j])));
        return s;
    }

    static double dot(float[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static int[] subset(int n, int max, SplittableRandom rnd) {
        int[] perm = permutation(n, rnd);
        return java.util.Arrays.copyOf(perm, Math.min(n, max));
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    /** n images of C×H×W (image-major) to the engine's [C·H·W][n]: image j in lane j. */
    static float[] toLanes(float[][] images) {
        int n = images.length, size = images[0].length;
        float[] out = new float[n * size];
        for (int j = 0; j < n; j++) for (int q = 0; q < size; q++) out[q * n + j] = images[j][q];
        return out;
    }

    static float[][] fromLanes(float[] b, int size, int n) {
        float[][] out = new float[n][size];
        for (int j = 0; j < n; j++) for (int q = 0; q < size; q++) out[j][q] = b[q * n + j];
        return out;
    }

    /** The double-precision reference: each layer written from its definition, one image, C×H×W. */
    static final class Reference {
        /** params: this layer's weights then bias. */
        static double[] forward(LayerSpec spec, Shape in, double[] p, double[] x) {
            return forward(spec, in, p, 0, x);
        }

        static double[] forward(LayerSpec spec, Shape in, double[] p, int off, double[] x) {
            Shape out = spec.outputShape(in);
            double[] y = new double[out.size()];
            switch (spec) {
                case LayerSpec.Conv c -> {
                    int ci = in.c(), k = c.kernel(), bias = off + c.outChannels() * ci * k * k;
                    for (int o = 0; o < out.c(); o++)
                        for (int oy = 0; oy < out.h(); oy++)
                            for (int ox = 0; ox < out.w(); ox++) {
                                double s = p[bias + o];
                                for (int cc = 0; cc < ci; cc++)
                                    for (int ky = 0; ky < k; ky++)
                                        for (int kx = 0; kx < k; kx++) {
                                            int iy = oy * c.stride() + ky - c.padding(), ix = ox * c.stride() + kx - c.padding();
                                            if (iy < 0 || iy >= in.h() || ix < 0 || ix >= in.w()) continue;
                                            s += p[off + ((o * ci + cc) * k + ky) * k + kx] * x[(cc * in.h() + iy) * in.w() + ix];
                                        }
                                y[(o * out.h() + oy) * out.w() + ox] = s;
                            }
                }
                case LayerSpec.Pool pl -> {
                    for (int cc = 0; cc < in.c(); cc++)
                        for (int oy = 0; oy < out.h(); oy++)
                            for (int ox = 0; ox < out.w(); ox++) {
                                double m = Double.NEGATIVE_INFINITY, s = 0;
                                for (int wy = 0; wy < pl.window(); wy++)
                                    for (int wx = 0; wx < pl.window(); wx++) {
                                        double v = x[(cc * in.h() + oy * pl.stride() + wy) * in.w() + ox * pl.stride() + wx];
                                        m = Math.max(m, v);
                                        s += v;
                                    }
                                y[(cc * out.h() + oy) * out.w() + ox] = pl.pool() == PoolKind.MAX ? m : s / (pl.window() * pl.window());
                            }
                }
                case LayerSpec.Act a -> {
                    for (int i = 0; i < x.length; i++)
                        y[i] = switch (a.fn()) {
                            case SIGMOID -> 1 / (1 + Math.exp(-x[i]));
                            case TANH -> Math.tanh(x[i]);
                            case RELU -> Math.max(0, x[i]);
                        };
                }
                case LayerSpec.Flatten f -> System.arraycopy(x, 0, y, 0, x.length);
                case LayerSpec.Dense d -> {
                    int ni = in.size(), bias = off + d.outputs() * ni;
                    for (int o = 0; o < d.outputs(); o++) {
                        double s = p[bias + o];
                        for (int i = 0; i < ni; i++) s += p[off + o * ni + i] * x[i];
                        y[o] = s;
                    }
                }
            }
            return y;
        }

        /** Mean softmax cross-entropy of the network over n float images (image-major). */
        static double networkLoss(ModelSpec spec, double[] p, float[] images, int[] labels, int n) {
            int size = spec.input().size();
            double total = 0;
            for (int j = 0; j < n; j++) {
                double[] x = new double[size];
                for (int i = 0; i < size; i++) x[i] = images[j * size + i];
                Shape s = spec.input();
                int off = 0;
                for (LayerSpec l : spec.layers()) {
                    x = forward(l, s, p, off, x);
                    off += (int) l.parameterCount(s);
                    s = l.outputShape(s);
                }
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (double v : x) max = Math.max(max, v);
                for (double v : x) sum += Math.exp(v - max);
                total += Math.log(sum) + max - x[labels[j]];
            }
            return total / n;
        }
    }
}
