package org.convscope.engine;

import org.junit.jupiter.api.Test;

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
}
