package org.convscope.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class NetworkTest {

    static float[] image(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[784];
        for (int i = 0; i < 784; i++) x[i] = r.nextDouble() < 0.3 ? (float) r.nextDouble() : 0f; // sparse, like a digit
        return x;
    }

    @Test
    void parameterCountsArePinned() {
        assertEquals(7_850, ModelZoo.softmaxRegression().parameterCount());
        assertEquals(203_530, ModelZoo.mlp().parameterCount());
        assertEquals(61_706, ModelZoo.lenetClassic().parameterCount());
        assertEquals(61_706, ModelZoo.lenetModern().parameterCount());
        for (ModelSpec m : ModelZoo.all()) {
            Network net = Network.create(m, 1);
            assertEquals(m.parameterCount(), net.parameterCount(), m.id());
            int fromWeights = net.weights().stream().mapToInt(w -> w.weights().length + w.bias().length).sum();
            assertEquals(m.parameterCount(), fromWeights, m.id() + ": weights() covers every parameter once");
        }
        // LeNet's layers: conv1 6·1·5·5+6 = 156, conv2 16·6·5·5+16 = 2,416, dense 48,120 / 10,164 / 850
        int[] perLayer = Network.create(ModelZoo.lenetModern(), 1).weights().stream()
                .mapToInt(w -> w.weights().length + w.bias().length).toArray();
        assertArrayEquals(new int[]{156, 2_416, 48_120, 10_164, 850}, perLayer);
    }

    @Test
    void sameSeedGivesTheSameBitsAndAnotherSeedDoesNot() {
        for (ModelSpec m : ModelZoo.all()) {
            float[] a = Network.create(m, 42).parameters(), b = Network.create(m, 42).parameters();
            assertArrayEquals(a, b, m.id());
            assertFalse(java.util.Arrays.equals(a, Network.create(m, 43).parameters()), m.id());
        }
    }

    @Test
    void initialisationIsHeForReluAndXavierOtherwiseWithZeroBias() {
        List<LayerWeights> modern = Network.create(ModelZoo.lenetModern(), 5).weights();
        List<LayerWeights> classic = Network.create(ModelZoo.lenetClassic(), 5).weights();
        // conv1: fan_in 25, fan_out 150; dense3 (before softmax, no activation): fan_in 84, fan_out 10
        assertUniform(modern.get(0), Math.sqrt(6.0 / 25));
        assertUniform(classic.get(0), Math.sqrt(6.0 / (25 + 150)));
        assertUniform(modern.get(2), Math.sqrt(6.0 / 400));
        assertUniform(classic.get(2), Math.sqrt(6.0 / (400 + 120)));
        assertUniform(modern.get(4), Math.sqrt(6.0 / (84 + 10)));
        for (LayerWeights w : modern) for (float b : w.bias()) assertEquals(0f, b);
    }

    static void assertUniform(LayerWeights w, double bound) {
        double max = 0, sq = 0;
        for (float v : w.weights()) {
            max = Math.max(max, Math.abs(v));
            sq += v * v;
        }
        double std = Math.sqrt(sq / w.weights().length);
        assertTrue(max <= bound && max > 0.9 * bound, w.name() + ": max |w| " + max + " vs bound " + bound);
        assertEquals(bound / Math.sqrt(3), std, 0.15 * bound / Math.sqrt(3), w.name() + ": uniform std");
    }

    @Test
    void traceRecordsEveryLayerAndMatchesTheDoubleReference() {
        for (ModelSpec m : List.of(ModelZoo.lenetModern(), ModelZoo.lenetClassic(), ModelZoo.mlp(), ModelZoo.softmaxRegression())) {
            Network net = Network.create(m, 3);
            float[] x = image(9);
            Trace t = net.trace(x);
            assertEquals(m.layers().size(), t.layers().size());
            double[] p = GradientCheckTest.toDouble(net.parameters());
            double[] ref = GradientCheckTest.toDouble(x);
            Shape s = m.input();
            int off = 0;
            for (int i = 0; i < m.layers().size(); i++) {
                LayerSpec l = m.layers().get(i);
                ref = GradientCheckTest.Reference.forward(l, s, p, off, ref);
                off += (int) l.parameterCount(s);
                s = l.outputShape(s);
                LayerTrace lt = t.layers().get(i);
                assertEquals(i, lt.index());
                assertEquals(s, lt.shape());
                assertEquals(l, lt.spec());
                assertEquals(s.size(), lt.values().length);
                for (int v = 0; v < s.size(); v++)
                    if (Math.abs(ref[v] - lt.values()[v]) > 1e-4 * (1 + Math.abs(ref[v])))
                        fail(m.id() + " layer " + i + " value " + v + ": reference " + ref[v] + ", trace " + lt.values()[v]);
            }
            float sum = 0;
            for (float q : t.probabilities()) sum += q;
            assertEquals(1f, sum, 1e-5f);
            assertArrayEquals(net.predict(x), t.probabilities());
            assertArrayEquals(Network.softmax(t.layers().getLast().values(), 10), t.probabilities());
        }
    }

    @Test
    void traceIsAnImmutableCopy() {
        Network net = Network.create(ModelZoo.lenetModern(), 3);
        float[] x = image(1);
        Trace first = net.trace(x);
        float[] conv1 = first.layers().get(0).values().clone();
        x[100] = 0.77f;                                // the caller's array changes
        net.trace(image(2));                           // another trace reuses the engine's buffers
        first.layers().get(2).values()[0] = 1e9f;      // someone scribbles on a returned array
        assertArrayEquals(conv1, first.layers().get(0).values(), "later traces do not overwrite earlier ones");
        assertNotEquals(0.77f, first.input()[100], "the trace holds its own copy of the input");
        Trace again = net.trace(image(1));
        assertArrayEquals(conv1, again.layers().get(0).values());
        assertNotEquals(1e9f, again.layers().get(2).values()[0]);
    }

    @Test
    void vectorAndScalarAgreeOnWholeNetworks() {
        for (ModelSpec m : ModelZoo.all()) {
            Network v = Network.create(m, 11, Kernels.vector()), s = Network.create(m, 11, Kernels.scalar());
            for (int img = 0; img < 3; img++) {
                int im = img;
                Trace[] holder = new Trace[1];
                boolean lenet = m.id().startsWith("lenet5");
                boolean vec = KernelsTest.vectorRan(() -> holder[0] = v.trace(image(im)));
                if (lenet) assertTrue(vec, m.id() + ": a single-image trace stays on the vector path");
                Trace tv = holder[0], ts = s.trace(image(img));
                for (int i = 0; i < tv.layers().size(); i++)
                    KernelsTest.assertClose(ts.layers().get(i).values(), tv.layers().get(i).values(), 1e-4,
                            m.id() + " layer " + i);
                KernelsTest.assertClose(ts.probabilities(), tv.probabilities(), 1e-5, m.id() + " softmax");
            }
        }
    }

    @Test
    void ofAndCopyRoundTripBitForBit() {
        Network net = Network.create(ModelZoo.lenetClassic(), 8);
        Network back = Network.of(net.spec(), net.weights());
        assertArrayEquals(net.parameters(), back.parameters());
        float[] x = image(4);
        assertArrayEquals(net.trace(x).probabilities(), back.trace(x).probabilities());
        Network copy = net.copy();
        assertArrayEquals(net.parameters(), copy.parameters());
        byte[] images = new byte[4 * 784], labels = {1, 2, 3, 4};
        new SplittableRandom(1).nextBytes(images);
        try (Trainer t = new Trainer(copy, TrainConfig.bench())) {
            t.step(images, labels, new int[]{0, 1, 2, 3}, 0, 4);
        }
        assertArrayEquals(back.parameters(), net.parameters(), "training the copy leaves the original alone");
        assertFalse(java.util.Arrays.equals(net.parameters(), copy.parameters()));
    }

    @Test
    void badWeightsAndImagesAreRefusedWithAMessage() {
        ModelSpec spec = ModelZoo.lenetModern();
        List<LayerWeights> good = Network.create(spec, 1).weights();
        var few = assertThrows(IllegalArgumentException.class, () -> Network.of(spec, good.subList(0, 4)));
        assertTrue(few.getMessage().contains("5 layers with weights"), few.getMessage());
        List<LayerWeights> wrongShape = new ArrayList<>(good);
        LayerWeights c1 = good.get(0);
        wrongShape.set(0, new LayerWeights(c1.layerIndex(), c1.name(), new int[]{6, 1, 3, 3}, new float[54], c1.bias()));
        var shape = assertThrows(IllegalArgumentException.class, () -> Network.of(spec, wrongShape));
        assertTrue(shape.getMessage().contains("[6, 1, 5, 5]"), shape.getMessage());
        List<LayerWeights> nan = new ArrayList<>(good);
        float[] w = c1.weights().clone();
        w[3] = Float.NaN;
        nan.set(0, new LayerWeights(c1.layerIndex(), c1.name(), c1.weightShape(), w, c1.bias()));
        var bad = assertThrows(IllegalArgumentException.class, () -> Network.of(spec, nan));
        assertTrue(bad.getMessage().contains("NaN"), bad.getMessage());
        var img = assertThrows(IllegalArgumentException.class, () -> Network.create(spec, 1).trace(new float[100]));
        assertTrue(img.getMessage().contains("784"), img.getMessage());
    }

    /** The UI's pattern: a trainer steps in its thread while another thread traces; every trace is a valid softmax. */
    @Test
    void tracingWhileATrainerTrainsIsSafe() throws Exception {
        SyntheticDigits data = SyntheticDigits.make(256, 3);
        int[] order = EngineBench.shuffled(256, 1);
        Network net = Network.create(ModelZoo.lenetModern(), 2);
        float[] before = net.trace(data.image(0)).probabilities();
        AtomicBoolean done = new AtomicBoolean();
        Thread training = new Thread(() -> {
            try (Trainer t = new Trainer(net, new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, 32, 1, 2, 1))) {
                for (int s = 0; s < 40; s++) t.step(data.images(), data.labels(), order, (s * 32) % 224, 32);
            } finally {
                done.set(true);
            }
        });
        training.start();
        int traces = 0;
        while (!done.get() || traces < 20) {
            Trace t = net.trace(data.image(traces % 256));
            float sum = 0;
            for (float q : t.probabilities()) {
                assertTrue(Float.isFinite(q) && q >= 0f);
                sum += q;
            }
            assertEquals(1f, sum, 1e-5f);
            traces++;
        }
        training.join();
        assertFalse(java.util.Arrays.equals(before, net.trace(data.image(0)).probabilities()), "training changed the network");
        assertArrayEquals(net.trace(data.image(0)).probabilities(), Network.of(net.spec(), net.weights()).trace(data.image(0)).probabilities(),
                "after training, a trace equals one on a copy of the published weights");
    }

    /**
     * The reading rule under fire: a writer thread keeps setting every parameter to one value v (under the write
     * lock, as the trainer does), v changing each time. With all weights and biases equal, every logit of the last
     * layer is the same, so a consistent trace has a uniform softmax and a consistent parameter copy holds one value;
     * a torn read (half old, half new values) would show.
     */
    @Test
    void readersNeverSeeAHalfUpdatedNetwork() throws Exception {
        Network net = Network.create(ModelZoo.mlp(32, Activation.TANH), 1, Kernels.vector());
        java.util.Arrays.fill(net.params, 0.005f);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            float v = 0.001f;
            while (!stop.get()) {
                long stamp = net.lock.writeLock();
                try {
                    for (int i = 0; i < net.params.length; i++) net.params[i] = v; // slow enough to be caught mid-way
                } finally {
                    net.lock.unlockWrite(stamp);
                }
                v = v > 0.01f ? 0.001f : v + 0.0007f;
            }
        });
        writer.start();
        try {
            float[] x = image(3);
            for (int i = 0; i < 300; i++) {
                float[] p = net.parameters();
                for (float q : p) if (q != p[0]) fail("parameter copy mixes values " + p[0] + " and " + q);
                for (float q : net.trace(x).probabilities()) assertEquals(0.1f, q, 1e-6f, "softmax of equal logits");
            }
        } finally {
            stop.set(true);
            writer.join();
        }
    }
}
