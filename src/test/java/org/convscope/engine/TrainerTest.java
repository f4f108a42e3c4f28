package org.convscope.engine;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    static final SyntheticDigits DATA = SyntheticDigits.make(512, 2024);
    static final int[] ORDER = EngineBench.shuffled(DATA.count(), 5);

    static TrainConfig sgd(float lr, int batch, int threads) {
        return new TrainConfig(TrainConfig.Optimizer.SGD, lr, 0f, 0f, batch, 1, threads, 42);
    }

    static float[] train(ModelSpec spec, Kernels k, TrainConfig cfg, int steps, float[] losses) {
        Network net = Network.create(spec, cfg.seed(), k);
        try (Trainer t = new Trainer(net, cfg)) {
            for (int s = 0; s < steps; s++) {
                float loss = t.step(DATA.images(), DATA.labels(), ORDER, (s * cfg.batchSize()) % (DATA.count() - cfg.batchSize()), cfg.batchSize());
                if (losses != null) losses[s] = loss;
            }
        }
        return net.parameters();
    }

    @Test
    void sameSeedAndThreadsGiveTheSameBits() {
        for (int threads : new int[]{1, 2, 3}) {
            float[] a = train(ModelZoo.lenetModern(), Kernels.vector(), sgd(0.1f, 64, threads), 3, null);
            float[] b = train(ModelZoo.lenetModern(), Kernels.vector(), sgd(0.1f, 64, threads), 3, null);
            assertArrayEquals(a, b, threads + " threads");
        }
        TrainConfig adam = new TrainConfig(TrainConfig.Optimizer.ADAM, 1e-3f, 0f, 1e-4f, 50, 1, 2, 7);
        assertArrayEquals(train(ModelZoo.lenetClassic(), Kernels.vector(), adam, 3, null),
                train(ModelZoo.lenetClassic(), Kernels.vector(), adam, 3, null), "Adam, classic LeNet");
    }

    /**
     * ReLU fused into the convolution before it and the max pooling after it (LayerOp.plan) changes no bit: the same
     * steps with the fusion switched off give the same weights and losses.
     */
    @Test
    void fusedReluGivesTheSameBitsAsSeparateLayers() {
        for (ModelSpec spec : new ModelSpec[]{ModelZoo.lenetModern(), ModelZoo.lenetClassic()}) {
            float[][] weights = new float[2][];
            float[][] losses = new float[2][4];
            for (int run = 0; run < 2; run++) {
                Network net = Network.create(spec, 42, Kernels.vector());
                int fused = 0;
                for (LayerOp op : net.ops) {
                    if (op instanceof LayerOp.Conv c && c.reluAfter) { fused++; c.reluAfter = run == 0; }
                    if (op instanceof LayerOp.Pool p && p.reluBelow) { fused++; p.reluBelow = run == 0; }
                    if (op instanceof LayerOp.Act a) {
                        if (a.fusedForward || a.fusedBackward) fused++;
                        a.fusedForward &= run == 0;
                        a.fusedBackward &= run == 0;
                    }
                }
                assertEquals(spec == ModelZoo.lenetModern() || spec.id().equals("lenet5-modern") ? 6 : 0, fused, spec.id() + ": fused layers");
                try (Trainer t = new Trainer(net, sgd(0.1f, 64, 2))) {
                    for (int s = 0; s < 4; s++) losses[run][s] = t.step(DATA.images(), DATA.labels(), ORDER, s * 64, 64);
                }
                weights[run] = net.parameters();
            }
            assertArrayEquals(losses[0], losses[1], spec.id() + " losses");
            assertArrayEquals(weights[0], weights[1], spec.id() + " weights");
        }
    }

    @Test
    void oneTwoAndThreeThreadsComputeTheSameGradient() {
        float[] x = DATA.allAsFloats();
        int[] labels = DATA.labelsAsInts();
        float[][] g = new float[3][];
        for (int threads = 1; threads <= 3; threads++) {
            Network net = Network.create(ModelZoo.lenetModern(), 9);
            g[threads - 1] = new float[net.parameterCount()];
            try (Trainer t = new Trainer(net, sgd(0.1f, 100, threads))) {
                t.lossAndGradient(x, labels, 100, g[threads - 1]);
            }
        }
        KernelsTest.assertClose(g[0], g[1], 1e-4, "1 vs 2 threads");
        KernelsTest.assertClose(g[0], g[2], 1e-4, "1 vs 3 threads");
    }

    /**
     * The threads take a step's groups first come, first served, so which thread computes which group changes from
     * step to step; the weights must not. With the same groups, one, two and three threads (one thread does every
     * group in order, three threads race for them) give the same bits after several steps, for SGD with momentum
     * and for Adam, a short last chunk included (batch 100 = 6 full chunks and 4 images).
     */
    @Test
    void theSameGroupsGiveTheSameBitsWhateverThreadComputesThem() {
        TrainConfig[] configs = {
                new TrainConfig(TrainConfig.Optimizer.SGD, 0.05f, 0.9f, 0f, 100, 1, 1, 3),
                new TrainConfig(TrainConfig.Optimizer.ADAM, 1e-3f, 0f, 1e-4f, 100, 1, 1, 3)};
        for (TrainConfig base : configs) {
            float[][] weights = new float[3][];
            float[][] losses = new float[3][4];
            for (int threads = 1; threads <= 3; threads++) {
                TrainConfig cfg = new TrainConfig(base.optimizer(), base.learningRate(), base.momentum(), base.weightDecay(),
                        base.batchSize(), 1, threads, base.seed());
                Network net = Network.create(ModelZoo.lenetModern(), 11);
                try (Trainer t = new Trainer(net, cfg, false, 5)) {
                    for (int s = 0; s < 4; s++) losses[threads - 1][s] = t.step(DATA.images(), DATA.labels(), ORDER, s * 100, 100);
                }
                weights[threads - 1] = net.parameters();
            }
            for (int threads = 2; threads <= 3; threads++) {
                assertArrayEquals(losses[0], losses[threads - 1], base.optimizer() + ": losses, 1 vs " + threads + " threads");
                assertArrayEquals(weights[0], weights[threads - 1], base.optimizer() + ": weights, 1 vs " + threads + " threads");
            }
        }
    }

    /**
     * The gradient buffers are cleared by the reduction at the end of a step; a step that fails half-way (here an
     * impossible label in the last group, after the other groups have added their gradients) must leave nothing
     * behind: the next gradient equals a fresh trainer's, bit for bit.
     */
    @Test
    void aStepThatFailsHalfWayLeavesNoGradientBehind() {
        float[] x = DATA.allAsFloats();
        int[] labels = DATA.labelsAsInts();
        int[] bad = labels.clone();
        bad[99] = 1_000_000;
        float[] fresh = new float[Network.create(ModelZoo.lenetModern(), 9).parameterCount()], after = fresh.clone();
        try (Trainer t = new Trainer(Network.create(ModelZoo.lenetModern(), 9), sgd(0.1f, 100, 2), false, 4)) {
            t.lossAndGradient(x, labels, 100, fresh);
        }
        try (Trainer t = new Trainer(Network.create(ModelZoo.lenetModern(), 9), sgd(0.1f, 100, 2), false, 4)) {
            assertThrows(RuntimeException.class, () -> t.lossAndGradient(x, bad, 100, after));
            t.lossAndGradient(x, labels, 100, after);
        }
        assertArrayEquals(fresh, after);
    }

    /**
     * How a step is cut: one group on one thread; on several threads up to four groups per thread where a model's
     * work per parameter pays for the extra gradient buffers (LeNet-5 at batch 256), fewer at small batches, one per
     * thread for the models with little work per parameter; never more groups than chunks.
     */
    @Test
    void groupsFollowTheWorkPerParameter() {
        ModelSpec.Cost lenet = ModelZoo.lenetModern().cost(), mlp = ModelZoo.mlp().cost();
        int perThread = Trainer.GROUPS_PER_THREAD; // 4 unless -Dconvscope.engine.groupsPerThread says otherwise
        assertEquals(1, Trainer.groups(lenet, 1, 256, Integer.MAX_VALUE));
        assertEquals(2 * Math.min(perThread, 8), Trainer.groups(lenet, 2, 256, Integer.MAX_VALUE));
        assertEquals(2 * Math.min(perThread, 2), Trainer.groups(lenet, 2, 64, Integer.MAX_VALUE));
        assertEquals(2, Trainer.groups(lenet, 2, 20, Integer.MAX_VALUE), "20 images are 2 chunks");
        assertEquals(1, Trainer.groups(lenet, 2, 16, Integer.MAX_VALUE), "one chunk");
        assertEquals(2, Trainer.groups(mlp, 2, 256, Integer.MAX_VALUE));
        assertEquals(Math.min(6, 2 * perThread), Trainer.groups(lenet, 2, 60_000, 6), "never more than the trainer allocated");
        assertEquals(2 * Math.min(perThread, 8), Trainer.maxGroups(ModelZoo.lenetModern(), sgd(0.1f, 256, 2)));
        assertEquals(1, Trainer.maxGroups(ModelZoo.lenetModern(), sgd(0.1f, 256, 1)));
    }

    /** RMS of each weighted layer's weights in a flat gradient, computed here from the layers' offsets. */
    static double[] layerRms(Network net, float[] g) {
        return net.ops.stream().filter(op -> op.weightOffset >= 0).mapToDouble(op -> {
            double s = 0;
            for (int i = op.weightOffset; i < op.biasOffset; i++) s += (double) g[i] * g[i];
            return Math.sqrt(s / (op.biasOffset - op.weightOffset));
        }).toArray();
    }

    /**
     * The gradient sizes a step publishes (for the training view's chart) are the RMS of the batch gradient that
     * lossAndGradient computes for the same batch and weights, layer by layer, whatever the thread count, and NaN
     * before the first step.
     */
    @Test
    void gradientSizesOfAStepAreTheRmsOfItsBatchGradient() {
        int n = 100;
        float[] x = new float[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(DATA.image(ORDER[i]), 0, x, i * 784, 784);
            labels[i] = DATA.labels()[ORDER[i]];
        }
        for (ModelSpec spec : new ModelSpec[]{ModelZoo.lenetModern(), ModelZoo.lenetClassic()})
            for (int threads : new int[]{1, 3}) {
                Network net = Network.create(spec, 9);
                float[] g = new float[net.parameterCount()];
                try (Trainer t = new Trainer(net, sgd(0.1f, n, threads))) {
                    assertArrayEquals(new int[]{0, 3, 7, 9, 11}, t.gradientLayers(), "conv1, conv2, fc1, fc2, fc3 of " + spec.id());
                    double[] rms = new double[5];
                    t.gradientRms(rms);
                    assertTrue(Arrays.stream(rms).allMatch(Double::isNaN), "nothing before the first step");
                    t.lossAndGradient(x, labels, n, g);
                    double[] expected = layerRms(net, g);
                    assertTrue(Arrays.stream(expected).allMatch(v -> v > 0), Arrays.toString(expected));
                    t.gradientRms(rms);
                    assertArrayEquals(expected, rms, 1e-9 * Arrays.stream(expected).max().orElseThrow(), "lossAndGradient, " + threads + " threads");
                    Arrays.fill(rms, 0);
                    t.step(DATA.images(), DATA.labels(), ORDER, 0, n);
                    t.gradientRms(rms);
                    for (int l = 0; l < 5; l++)
                        assertEquals(expected[l], rms[l], expected[l] * 1e-6, spec.id() + " step, layer " + l + ", " + threads + " threads");
                    assertThrows(IllegalArgumentException.class, () -> t.gradientRms(new double[4]));
                }
            }
    }

    /**
     * llm.c's expected_losses habit, against an independent implementation: a fixed-seed run on the first 1,920 images
     * of the bundled MNIST (LeNet-5 modern, vector kernels, 2 threads, batch 64, SGD lr 0.1) must give, step by step,
     * the losses PyTorch 2.7.1 computes through DJL from the same initial weights on the same batches
     * (src/test/resources/org/convscope/engine/pytorch-losses.txt, recorded by tools/djl-reference/run.sh). A change
     * that breaks a gradient, the loss or the update shows here first.
     */
    @Test
    void mnistLossesEqualPyTorchsOnTheSameWeightsAndBatches() throws Exception {
        double[] pytorch = pytorchLosses();
        assertEquals(30, pytorch.length, "pytorch-losses.txt holds the 30 steps");
        MnistSubset mnist = MnistSubset.first(ReferenceRunExport.IMAGES);
        int[] order = EngineBench.shuffled(mnist.count(), ReferenceRunExport.SEED);
        float[] losses = new float[30];
        Network net = Network.create(ModelZoo.lenetModern(), ReferenceRunExport.SEED, Kernels.vector());
        try (Trainer t = new Trainer(net, sgd(0.1f, 64, 2))) {
            for (int s = 0; s < 30; s++) losses[s] = t.step(mnist.images(), mnist.labels(), order, s * 64, 64);
        }
        double worst = 0;
        for (int s = 0; s < 30; s++) worst = Math.max(worst, Math.abs(losses[s] - pytorch[s]) / (1 + Math.abs(pytorch[s])));
        // float32 sums in another order drift a little over 30 steps (3.8e-7 here); a wrong gradient is off by far more
        assertTrue(worst <= LOSS_TOLERANCE, "largest relative difference " + worst + "; ConvScope " + Arrays.toString(losses)
                + ", PyTorch " + Arrays.toString(pytorch));
        assertTrue(losses[29] < 0.5 * losses[0], "30 steps halve the loss at least: " + Arrays.toString(losses));
    }

    static final double LOSS_TOLERANCE = 1e-5; // 3.8e-7 measured with AVX-512; another summation order may differ a little more

    static double[] pytorchLosses() throws Exception {
        try (var in = TrainerTest.class.getResourceAsStream("/org/convscope/engine/pytorch-losses.txt")) {
            assertNotNull(in, "pytorch-losses.txt is on the test class path");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).mapToDouble(Double::parseDouble).toArray();
        }
    }

    @Test
    void vectorAndScalarTrainAlike() {
        float[] lv = new float[3], ls = new float[3];
        float[][] pvHolder = new float[1][];
        // LeNet's sizes in chunks of 16 images: every kernel call stays vectorised (else this compares scalar with scalar)
        assertTrue(KernelsTest.vectorRan(() -> pvHolder[0] = train(ModelZoo.lenetModern(), Kernels.vector(), sgd(0.1f, 48, 2), 3, lv)),
                "a vector kernel handed LeNet's training to the scalar reference");
        float[] pv = pvHolder[0];
        float[] ps = train(ModelZoo.lenetModern(), Kernels.scalar(), sgd(0.1f, 48, 2), 3, ls);
        KernelsTest.assertClose(ls, lv, 1e-4, "losses");
        KernelsTest.assertClose(ps, pv, 1e-4, "weights after 3 steps");
    }

    @Test
    void optimizersFollowTheirFormulas() {
        float[] x = DATA.allAsFloats();
        int[] labels = DATA.labelsAsInts();
        int[] idx = new int[DATA.count()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        int n = 40;
        float lr = 0.05f, mu = 0.9f, wd = 0.01f;
        // SGD with momentum and weight decay: v = μv + (g + wd·p); p −= lr·v
        Network net = Network.create(ModelZoo.lenetModern(), 3);
        try (Trainer t = new Trainer(net, new TrainConfig(TrainConfig.Optimizer.SGD, lr, mu, wd, n, 1, 2, 3))) {
            float[] v = new float[net.parameterCount()];
            for (int s = 0; s < 2; s++) {
                float[] p = net.parameters(), g = new float[p.length];
                t.lossAndGradient(x, labels, n, g);
                t.step(DATA.images(), DATA.labels(), idx, 0, n);
                float[] expected = new float[p.length];
                for (int i = 0; i < p.length; i++) {
                    v[i] = mu * v[i] + g[i] + wd * p[i];
                    expected[i] = p[i] - lr * v[i];
                }
                KernelsTest.assertClose(expected, net.parameters(), 1e-6, "SGD step " + s);
            }
        }
        // Adam (β1 0.9, β2 0.999, ε 1e-8), bias-corrected
        net = Network.create(ModelZoo.lenetModern(), 3);
        try (Trainer t = new Trainer(net, new TrainConfig(TrainConfig.Optimizer.ADAM, 1e-3f, 0f, 0f, n, 1, 2, 3))) {
            double[] m = new double[net.parameterCount()], v = new double[net.parameterCount()];
            for (int s = 1; s <= 2; s++) {
                float[] p = net.parameters(), g = new float[p.length];
                t.lossAndGradient(x, labels, n, g);
                t.step(DATA.images(), DATA.labels(), idx, 0, n);
                float[] expected = new float[p.length];
                for (int i = 0; i < p.length; i++) {
                    m[i] = 0.9 * m[i] + 0.1 * g[i];
                    v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                    double mh = m[i] / (1 - Math.pow(0.9, s)), vh = v[i] / (1 - Math.pow(0.999, s));
                    expected[i] = (float) (p[i] - 1e-3 * mh / (Math.sqrt(vh) + 1e-8));
                }
                KernelsTest.assertClose(expected, net.parameters(), 2e-5, "Adam step " + s);
            }
        }
    }

    @Test
    void evaluateAndPredictAgreeWithSingleImages() {
        Network net = Network.create(ModelZoo.lenetModern(), 4);
        try (Trainer t = new Trainer(net, sgd(0.1f, 64, 2))) {
            for (int s = 0; s < 6; s++) t.step(DATA.images(), DATA.labels(), ORDER, s * 64, 64);
            int n = 77;
            int[] predicted = new int[n];
            t.predict(DATA.images(), 100, n, predicted);
            int correct = 0;
            for (int i = 0; i < n; i++) {
                float[] p = net.predict(DATA.image(100 + i));
                int best = 0;
                for (int c = 1; c < 10; c++) if (p[c] > p[best]) best = c;
                assertEquals(best, predicted[i], "image " + (100 + i));
                if (best == DATA.labels()[100 + i]) correct++;
            }
            Evaluation e = t.evaluate(DATA.images(), DATA.labels(), 100, n);
            assertEquals(n, e.images());
            assertEquals((double) correct / n, e.accuracy(), 1e-12);
            int total = 0, diagonal = 0;
            for (int r = 0; r < 10; r++) for (int c = 0; c < 10; c++) {
                total += e.count(r, c);
                if (r == c) diagonal += e.count(r, c);
            }
            assertEquals(n, total);
            assertEquals(correct, diagonal);
            assertTrue(e.meanLoss() > 0 && Double.isFinite(e.meanLoss()));
        }
    }

    /**
     * No allocation per batch: once the JIT has compiled the kernels (until then the Vector API allocates boxes), ten
     * steps allocate nothing on the driving thread and the workers, so memory stays flat over epochs.
     */
    @Test
    void stepsAllocateNothingInSteadyState() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Network net = Network.create(ModelZoo.lenetModern(), 4);
        try (Trainer t = new Trainer(net, sgd(0.05f, 32, 2))) {
            t.step(DATA.images(), DATA.labels(), ORDER, 0, 32);
            long[] ids = Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> th.getName().startsWith("convscope-trainer") || th == Thread.currentThread())
                    .mapToLong(Thread::threadId).toArray();
            long allocated = Long.MAX_VALUE;
            for (int w = 0; w < 150 && allocated > 1024; w++) { // warm-up: at most 1,500 small steps
                long before = Arrays.stream(mx.getThreadAllocatedBytes(ids)).sum();
                for (int s = 0; s < 10; s++) t.step(DATA.images(), DATA.labels(), ORDER, (s * 32) % 480, 32);
                allocated = Arrays.stream(mx.getThreadAllocatedBytes(ids)).sum() - before;
            }
            assertTrue(allocated <= 1024, "10 steps still allocate " + allocated + " bytes after warm-up");
            long before = Arrays.stream(mx.getThreadAllocatedBytes(ids)).sum();
            for (int s = 0; s < 50; s++) t.step(DATA.images(), DATA.labels(), ORDER, (s * 32) % 480, 32);
            long after = Arrays.stream(mx.getThreadAllocatedBytes(ids)).sum();
            assertTrue(after - before <= 1024, "50 steps allocated " + (after - before) + " bytes");
        }
    }

    @Test
    void badBatchesAndSecondTrainersAreRefused() {
        Network net = Network.create(ModelZoo.lenetModern(), 4);
        try (Trainer t = new Trainer(net, sgd(0.1f, 64, 2))) {
            var second = assertThrows(IllegalStateException.class, () -> new Trainer(net, sgd(0.1f, 64, 1)));
            assertTrue(second.getMessage().contains("already being trained"));
            byte[] labels = DATA.labels().clone();
            labels[ORDER[3]] = 12;
            var label = assertThrows(IllegalArgumentException.class, () -> t.step(DATA.images(), labels, ORDER, 0, 10));
            assertTrue(label.getMessage().contains("label 12"), label.getMessage());
            int[] idx = {0, 1, 99_999};
            var index = assertThrows(IllegalArgumentException.class, () -> t.step(DATA.images(), DATA.labels(), idx, 0, 3));
            assertTrue(index.getMessage().contains("99999"), index.getMessage());
            assertThrows(IllegalArgumentException.class, () -> t.predict(DATA.images(), 500, 20, new int[20]));
        }
        try (Trainer again = new Trainer(net, sgd(0.1f, 64, 1))) { // closing detached the first one
            assertFalse(Float.isNaN(again.step(DATA.images(), DATA.labels(), ORDER, 0, 8)));
            again.close();
            assertThrows(IllegalStateException.class, () -> again.step(DATA.images(), DATA.labels(), ORDER, 0, 8));
        }
        var config = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(net, new TrainConfig(TrainConfig.Optimizer.SGD, -1f, 0f, 0f, 64, 1, 1, 1)));
        assertTrue(config.getMessage().contains("learning rate"));
    }
}
