package org.convscope.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark runs end to end (on a small model, so that the test stays fast) and reports what it promises. */
class EngineBenchTest {
    @Test
    void benchReportsVectorAndScalarNumbers() {
        SyntheticDigits train = SyntheticDigits.make(600, 1), test = SyntheticDigits.make(300, 2);
        var o = new EngineBench.Options("softmax-regression", 64, 2, 4, 2, 2, 42);
        EngineBench.Result r = EngineBench.run(o, "synthetic", train.images(), train.labels(), test.images());
        for (EngineBench.Numbers n : new EngineBench.Numbers[]{r.vector(), r.scalar()}) {
            assertTrue(n.trainImagesPerS() > 0 && n.inferImagesPerS() > 0 && n.traceLatencyUs() > 0, n.toString());
            assertTrue(n.trainCpuUsPerImage() > 0 && n.trainCoresBusy() > 0, n.toString());
            assertTrue(Float.isFinite(n.firstLoss()) && Float.isFinite(n.lastLoss()), n.toString());
        }
        String json = r.toJson();
        for (String key : new String[]{"\"model\":\"softmax-regression\"", "\"threads\":2", "\"train_images_per_s\"", "\"infer_images_per_s\"",
                "\"trace_latency_us\"", "\"scalar_train_images_per_s\"", "\"scalar_trace_latency_us\"", "\"train_speedup\"", "\"train_cpu_us_per_image\""})
            assertTrue(json.contains(key), key + " in " + json);
        assertTrue(json.startsWith("{") && json.endsWith("}") && !json.contains("\n"), "one JSON line: " + json);
    }

    /** The per-layer profile names LeNet's parts, counts their operations and times them; the JSON carries the same. */
    @Test
    void profileTimesEveryLayerOfLeNet() {
        SyntheticDigits train = SyntheticDigits.make(600, 1);
        var o = new EngineBench.Options("lenet5-modern", 64, 2, 6, 2, 0, 42);
        EngineBench.Profile p = EngineBench.profile(o, train.images(), train.labels());
        java.util.List<String> names = p.parts().stream().map(EngineBench.Part::name).toList();
        assertEquals(java.util.List.of("conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "fc1", "relu3", "fc2", "relu4",
                "fc3", "input", "loss", "zero grad", "reduce", "update", "other"), names);
        EngineBench.Part conv1 = p.parts().get(0), conv2 = p.parts().get(3), fc1 = p.parts().get(7);
        assertEquals(2.0 * 6 * 25 * 28 * 28, conv1.forwardFlop(), "conv1: 6 channels x 25 taps x 784 pixels");
        assertEquals(conv1.forwardFlop(), conv1.backwardFlop(), "the first layer needs only its weight gradient");
        assertEquals(2 * conv2.forwardFlop(), conv2.backwardFlop(), "weight and input gradient");
        assertEquals(2.0 * 400 * 120, fc1.forwardFlop());
        assertEquals(3 * 2 * 416_520 - 2 * 6 * 25 * 784, p.flopPerImage(), 0.0, "forward + backward, less conv1's input gradient");
        for (EngineBench.Part part : p.parts()) assertTrue(part.cpuUs() >= 0 && part.wallUs() >= 0, part.toString());
        for (EngineBench.Part part : java.util.List.of(conv1, conv2, fc1)) assertTrue(part.cpuUs() > 0 && part.coreGflops() > 0, part.toString());
        assertTrue(p.peakCoreGflops() > 0 && p.peakGflops() > 0 && p.wallUsPerImage() > 0 && p.cpuUsPerImage() > 0, p.toString());
        String table = p.table();
        assertTrue(table.contains("conv2") && table.contains("FMA peak measured now"), table);
        String json = p.toJson();
        assertTrue(json.contains("\"name\":\"conv2\"") && json.contains("\"peak_core_gflops\"") && !json.contains("\n"), json);
    }

    /** The stopwatches only watch: steps with and without them give the same weights, bit for bit. */
    @Test
    void profilingChangesNoResult() {
        SyntheticDigits train = SyntheticDigits.make(300, 3);
        int[] order = EngineBench.shuffled(train.count(), 1);
        TrainConfig cfg = new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, 64, 1, 2, 42);
        float[][] weights = new float[2][];
        for (int run = 0; run < 2; run++) {
            Network net = Network.create(ModelZoo.lenetModern(), 42);
            try (Trainer t = new Trainer(net, cfg)) {
                t.profile(run == 1);
                for (int s = 0; s < 3; s++) t.step(train.images(), train.labels(), order, s * 64, 64);
            }
            weights[run] = net.parameters();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(weights[0], weights[1]);
    }
}
