package org.convscope.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Network#lossGradients} and {@link Network#scoreGradients} (one image, the single-image kernels) against the
 * training gradients ({@link Trainer#lossAndGradient}, the batch kernels, checked in {@link GradientCheckTest}) and
 * against central differences of the double-precision reference of {@link GradientCheckTest}.
 */
class GradientsTest {

    private static float[] image(int size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) rnd.nextDouble();
        return x;
    }

    static List<ModelSpec> lenets() { return List.of(ModelZoo.lenetModern(), ModelZoo.lenetClassic()); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenets")
    void oneImageGradientEqualsTheTrainingGradient(ModelSpec spec) {
        Network net = Network.create(spec, 11);
        float[] x = image(spec.input().size(), 5);
        int label = 3;
        Gradients g = net.lossGradients(x, label);
        float[] train = new float[net.parameterCount()];
        float loss;
        try (Trainer t = new Trainer(net, new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, 1, 1, 2, 1))) {
            loss = t.lossAndGradient(x, new int[]{label}, 1, train);
        }
        assertEquals(loss, g.loss(), 1e-5 * (1 + loss));
        double maxAbs = 0;
        for (float v : train) maxAbs = Math.max(maxAbs, Math.abs(v));
        assertTrue(maxAbs > 0, "a gradient to compare");
        for (int i = 0; i < train.length; i++)
            assertEquals(train[i], g.parameterGradient()[i], 1e-4 * maxAbs + 1e-7, "parameter " + i);
        // the network was not changed, and the trace is the network's own forward pass
        assertArrayEquals(net.trace(x).probabilities(), g.trace().probabilities(), 1e-6f);
        // loss = -ln p(label)
        assertEquals(-Math.log(g.trace().probabilities()[label]), g.loss(), 1e-5);
    }

    @Test
    void layerGradientsAgreeWithTheParameterGradients() {
        ModelSpec spec = ModelZoo.lenetModern();
        Network net = Network.create(spec, 2);
        Gradients g = net.lossGradients(image(784, 9), 7);
        List<LayerWeights> w = net.weights();
        // the logits' gradient is p - onehot
        float[] dz = g.outputGradients().getLast();
        float[] p = g.trace().probabilities();
        for (int c = 0; c < 10; c++) assertEquals(p[c] - (c == 7 ? 1 : 0), dz[c], 1e-6);
        // a dense layer's bias gradient is its output gradient; a convolution's the sum over each output plane
        int offset = 0;
        for (LayerWeights lw : w) {
            int biasOffset = offset + lw.weights().length;
            float[] dy = g.outputGradients().get(lw.layerIndex());
            int per = dy.length / lw.bias().length;
            for (int o = 0; o < lw.bias().length; o++) {
                double s = 0;
                for (int q = 0; q < per; q++) s += dy[o * per + q];
                assertEquals(s, g.parameterGradient()[biasOffset + o], 1e-5 * (1 + Math.abs(s)), lw.name() + " bias " + o);
            }
            offset = biasOffset + lw.bias().length;
        }
        assertEquals(net.parameterCount(), offset);
        assertTrue(g.rms(0) > 0 && g.rms(0) < g.rms(spec.layers().size() - 1), "gradients shrink towards the input here");
    }

    @Test
    void inputGradientMatchesCentralDifferences() {
        ModelSpec spec = new ModelSpec("gradcheck", new Shape(2, 8, 8), List.of(
                new LayerSpec.Conv(3, 3, 1, 1), new LayerSpec.Act(Activation.TANH), new LayerSpec.Pool(PoolKind.AVERAGE, 2, 2),
                new LayerSpec.Conv(4, 3, 0, 1), new LayerSpec.Act(Activation.SIGMOID), new LayerSpec.Pool(PoolKind.MAX, 2, 2),
                new LayerSpec.Flatten(), new LayerSpec.Dense(6), new LayerSpec.Act(Activation.SIGMOID), new LayerSpec.Dense(3)));
        for (Kernels k : List.of(Kernels.vector(), Kernels.scalar())) {
            Network net = Network.create(spec, 7, k);
            float[] x = image(spec.input().size(), 4);
            int label = 2;
            Gradients g = net.lossGradients(x, label);
            double[] p = GradientCheckTest.toDouble(net.parameters());
            double h = 1e-3;
            for (int i = 0; i < x.length; i++) {
                float[] plus = x.clone(), minus = x.clone();
                plus[i] += (float) h;
                minus[i] -= (float) h;
                double numeric = (GradientCheckTest.Reference.networkLoss(spec, p, plus, new int[]{label}, 1)
                        - GradientCheckTest.Reference.networkLoss(spec, p, minus, new int[]{label}, 1)) / (plus[i] - minus[i]);
                double diff = Math.abs(numeric - g.inputGradient()[i]);
                assertTrue(diff < 2e-5 || diff / (Math.abs(numeric) + Math.abs(g.inputGradient()[i])) < 2e-3,
                        k.name() + " pixel " + i + ": analytic " + g.inputGradient()[i] + " numeric " + numeric);
            }
            // dL/dx = Σ_c (p_c − [c = label]) · dz_c/dx: the score gradients put together give the loss gradient
            float[] prob = g.trace().probabilities();
            double[] sum = new double[x.length];
            for (int c = 0; c < 3; c++) {
                Gradients s = net.scoreGradients(x, c);
                assertTrue(Double.isNaN(s.loss()));
                assertEquals(1f, s.outputGradients().getLast()[c]);
                for (int i = 0; i < x.length; i++) sum[i] += (prob[c] - (c == label ? 1 : 0)) * s.inputGradient()[i];
            }
            for (int i = 0; i < x.length; i++) assertEquals(g.inputGradient()[i], sum[i], 1e-6 + 1e-4 * Math.abs(sum[i]));
        }
    }

    @Test
    void aStepDownTheGradientLowersTheLossAndLeavesTheOriginal() {
        Network net = Network.create(ModelZoo.lenetModern(), 1);
        float[] before = net.parameters();
        float[] x = image(784, 3);
        Gradients g = net.lossGradients(x, 4);
        Network next = net.stepped(g.parameterGradient(), 0.01f);
        assertArrayEquals(before, net.parameters());
        assertTrue(next.lossGradients(x, 4).loss() < g.loss());
        assertEquals(before[0] - 0.01f * g.parameterGradient()[0], next.parameters()[0], 1e-7);
        assertThrows(IllegalArgumentException.class, () -> net.lossGradients(x, 10));
        assertThrows(IllegalArgumentException.class, () -> net.scoreGradients(x, -1));
    }
}
