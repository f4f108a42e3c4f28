package org.convscope.cli;

import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelZoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class CliTest {

    /** Exit code and both streams of one command line. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir Path dir;

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertEquals(0, r.code);
        assertTrue(r.out.contains("train") && r.out.contains("eval"), r.out);
        Run t = run("train", "--help");
        assertEquals(0, t.code);
        for (String option : new String[] {"--dataset", "--model", "--optimizer", "--lr", "--momentum", "--weight-decay", "--batch",
                "--epochs", "--threads", "--seed", "--out", "--limit"})
            assertTrue(t.out.contains(option), option + " in\n" + t.out);
    }

    @Test
    void badLearningRateIsAUsageError() {
        Run r = run("train", "--lr", "-0.5");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("The learning rate must be a number greater than 0"), r.err);
        assertTrue(r.err.contains("convscope train --help"), r.err);
        Run nan = run("train", "--lr", "abc");
        assertEquals(2, nan.code);
        assertTrue(nan.err.contains("'abc'") && nan.err.contains("--lr"), nan.err);
        Run huge = run("train", "--lr", "1000");
        assertEquals(2, huge.code);
        assertTrue(huge.err.contains("far too large"), huge.err);
    }

    @Test
    void unknownModelDatasetOptimizerAndOptions() {
        Run m = run("train", "--model", "resnet50");
        assertEquals(2, m.code);
        assertTrue(m.err.contains("Unknown model 'resnet50'") && m.err.contains("lenet5-modern"), m.err);
        Run d = run("train", "--dataset", "cifar10");
        assertEquals(2, d.code);
        assertTrue(d.err.contains("Unknown dataset 'cifar10'; choose one of: mnist, fashion-mnist."), d.err);
        Run o = run("train", "--optimizer", "rmsprop");
        assertEquals(2, o.code);
        assertTrue(o.err.contains("Unknown optimizer 'rmsprop'"), o.err);
        Run x = run("train", "--epoch", "3");
        assertEquals(2, x.code);
        assertTrue(x.err.contains("'--epoch'") && x.err.contains("--epochs"), "suggests the near miss: " + x.err);
        Run sub = run("trian");
        assertEquals(2, sub.code);
        assertTrue(sub.err.contains("train"), sub.err);
    }

    @Test
    void otherImpossibleSettings() {
        assertTrue(run("train", "--batch", "0").err.contains("batch size must be at least 1"));
        assertTrue(run("train", "--epochs", "0").err.contains("at least one epoch"));
        assertTrue(run("train", "--momentum", "1.5").err.contains("Momentum must be in [0, 1)"));
        assertTrue(run("train", "--optimizer", "adam", "--momentum", "0.9").err.contains("--momentum belongs to sgd"));
        assertTrue(run("train", "--limit", "0").err.contains("--limit must be at least 1"));
        assertEquals(2, run("train", "--threads", "0").code);
        assertEquals(1, run("train", "--out", dir.toString()).code, "a folder is no place for a model (TrainOutTest)");
    }

    @Test
    void evalOfAMissingOrDamagedFileSaysWhich() throws Exception {
        Run missing = run("eval", dir.resolve("none.safetensors").toString());
        assertEquals(1, missing.code);
        assertTrue(missing.err.contains("none.safetensors: no such file"), missing.err);
        Path junk = dir.resolve("junk.safetensors");
        Files.writeString(junk, "this is not a model");
        Run damaged = run("eval", junk.toString(), "--dataset", "mnist");
        assertEquals(1, damaged.code);
        assertTrue(damaged.err.contains("junk.safetensors: declares a header of"), damaged.err);
        assertEquals(2, run("eval").code, "the file is required");
    }

    /** A safetensors file whose header is this text, padded with spaces, with no tensor data. */
    static byte[] headerOnly(String header) {
        byte[] h = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int padded = (h.length + 7) & ~7;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + padded).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(h);
        while (b.hasRemaining()) b.put((byte) ' ');
        return b.array();
    }

    @Test
    void evalOfAHostileArchitectureIsOneLineWithoutAStackTrace() throws Exception {
        String[] layers = {
                "{\"type\":\"conv\",\"out_channels\":1,\"kernel\":5,\"padding\":2147483647,\"stride\":1}",  // int overflow
                "{\"type\":\"conv\",\"out_channels\":2,\"kernel\":1,\"padding\":4082,\"stride\":1},"              // 2 × 8192 × 8192
                        + "{\"type\":\"pool\",\"pool\":\"max\",\"window\":8192,\"stride\":8192}",
                "{\"type\":\"conv\",\"out_channels\":1,\"kernel\":1,\"padding\":1000,\"stride\":1},"             // 10^11 operations
                        + "{\"type\":\"pool\",\"pool\":\"max\",\"window\":1500,\"stride\":1},"
                        + "{\"type\":\"pool\",\"pool\":\"max\",\"window\":529,\"stride\":529}"};
        for (int i = 0; i < layers.length; i++) {
            String arch = "{\"id\":\"x\",\"input\":[1,28,28],\"layers\":[" + layers[i]
                    + ",{\"type\":\"flatten\"},{\"type\":\"dense\",\"out_features\":10}]}";
            Path f = dir.resolve("hostile" + i + ".safetensors");
            Files.write(f, headerOnly("{\"__metadata__\":{\"dataset\":\"mnist\",\"architecture\":\"" + arch.replace("\"", "\\\"") + "\"}}"));
            long t0 = System.nanoTime();
            Run r = run("eval", f.toString(), "--limit", "10", "--threads", "1");
            assertEquals(1, r.code, r.err + r.out);
            assertTrue((System.nanoTime() - t0) / 1e9 < 10, "answers at once");
            assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
            assertTrue(r.err.contains("hostile" + i + ".safetensors: its architecture is unusable"), r.err);
            assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), r.err);
        }
    }

    @Test
    void aMissingLabelsFileIsNamedAsTheLabelsFile() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("train-images-idx3-ubyte"), new byte[16]);
        Run r = run("train", "--data-dir", data.toString(), "--epochs", "1", "--progress", "none");
        assertEquals(1, r.code, r.err + r.out);
        assertTrue(r.err.contains(data.resolve("train-labels-idx1-ubyte.gz").toString() + ": file not found"), r.err);
        assertFalse(r.err.contains("train-images"), r.err);
    }

    @Test
    void evalNeverReportsNaNAsAResult() throws Exception {
        // weights within the file bound, but so large that LeNet's logits overflow to infinity and the loss is NaN
        var spec = ModelZoo.lenetModern();
        var net = org.convscope.engine.Network.create(spec, 1);
        var weights = new java.util.ArrayList<org.convscope.engine.LayerWeights>();
        for (var w : net.weights()) {
            float[] v = w.weights().clone();
            java.util.Arrays.fill(v, 9e5f);
            weights.add(new org.convscope.engine.LayerWeights(w.layerIndex(), w.name(), w.weightShape(), v, w.bias()));
        }
        Path f = dir.resolve("overflow.safetensors");
        ModelFile.save(f, spec, weights, java.util.Map.of(ModelFile.DATASET, "mnist"));
        Run r = run("eval", f.toString(), "--limit", "50", "--threads", "1");
        assertEquals(1, r.code, r.err + r.out);
        assertFalse(r.out.contains("NaN"), r.out);
        assertTrue(r.err.contains("overflow.safetensors: the model's answers are not numbers"), r.err);
    }

    @Test
    void tinyTrainingRunWritesAFileThatEvalReads() throws Exception {
        Path file = dir.resolve("models/tiny.safetensors"); // the folder is created
        Run t = run("train", "--dataset", "mnist", "--model", "lenet5-modern", "--limit", "512", "--test-limit", "500", "--epochs", "1",
                "--batch", "32", "--optimizer", "adam", "--lr", "0.003", "--threads", "2", "--seed", "7", "--progress", "lines", "--out", file.toString());
        assertEquals(0, t.code, t.err + t.out);
        assertTrue(t.out.contains("Training lenet5-modern (61,706 parameters) on mnist: 512 training images, 500 test images"), t.out);
        assertTrue(t.out.contains("epoch 1/1  batch 4/16"), "plain progress lines: " + t.out);
        Matcher m = Pattern.compile("epoch 1/1  loss (\\S+)  train acc (\\S+)  test acc (\\S+)").matcher(t.out);
        assertTrue(m.find(), t.out);
        double loss = Double.parseDouble(m.group(1)), testAcc = Double.parseDouble(m.group(3));
        assertTrue(loss > 0 && loss < 2.3, "512 images already lower the loss below ln 10: " + loss);
        assertTrue(testAcc > 0.3, "better than chance after 512 images: " + testAcc);

        ModelFile.Contents c = ModelFile.load(file);
        assertEquals(ModelZoo.lenetModern(), c.spec());
        assertEquals("mnist", c.info().get(ModelFile.DATASET));
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", testAcc), c.info().get(ModelFile.TEST_ACCURACY));
        assertTrue(c.info().get(ModelFile.COMMAND).startsWith("convscope train --dataset mnist --model lenet5-modern --limit 512"),
                c.info().get(ModelFile.COMMAND));

        Run e = run("eval", file.toString(), "--limit", "500", "--threads", "1");
        assertEquals(0, e.code, e.err + e.out);
        assertTrue(e.out.contains(String.format(java.util.Locale.ROOT, "accuracy  %.4f (", testAcc)), "same accuracy as train measured: " + e.out);
        assertTrue(e.out.contains("true \\ predicted"), e.out);
        assertTrue(e.out.contains("of 500 correct"), e.out);

        // a second stage from the saved weights: the file remembers how its starting point was made
        Path second = dir.resolve("second.safetensors");
        Run s = run("train", "--init", file.toString(), "--limit", "256", "--test-limit", "200", "--epochs", "1", "--batch", "64",
                "--optimizer", "adam", "--lr", "0.0003", "--threads", "2", "--progress", "none", "--out", second.toString());
        assertEquals(0, s.code, s.err + s.out);
        assertTrue(s.out.contains("Starting from " + file + " (recorded test accuracy " + c.info().get(ModelFile.TEST_ACCURACY) + ")"), s.out);
        ModelFile.Contents c2 = ModelFile.load(second);
        assertEquals(c.info().get(ModelFile.COMMAND), c2.info().get("init_command"));
        assertEquals("2", c2.info().get("total_epochs"));
        assertEquals(2, run("train", "--init", file.toString(), "--model", "mlp").code, "the file's model is LeNet, not an MLP");
    }

    @Test
    void aDivergingRunStopsAndSuggestsASmallerLearningRate() {
        Path file = dir.resolve("never.safetensors");
        Run r = run("train", "--model", "mlp", "--lr", "90", "--limit", "2048", "--test-limit", "100", "--epochs", "3",
                "--batch", "64", "--threads", "1", "--progress", "none", "--out", file.toString());
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.err.contains("Training diverged") && r.err.contains("try --lr 9.0"), r.err);
        assertFalse(Files.exists(file), "nothing is saved");
    }

    @Test
    void benchPrintsOneJsonLineWithVectorScalarAndRatios() throws Exception {
        Run r = run("bench", "--batches", "2", "--warmup", "1", "--scalar-batches", "1", "--threads", "2", "--infer-images", "512");
        assertEquals(0, r.code, r.err + r.out);
        String[] lines = r.out.strip().split("\n");
        assertEquals(1, lines.length, "exactly one line: " + r.out);
        java.util.Map<String, Object> json = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(lines[0]);
        assertEquals("lenet5-modern", json.get("model"));
        assertEquals("mnist", json.get("dataset"));
        assertEquals(256, ((Number) json.get("batch")).intValue());
        assertEquals(2, ((Number) json.get("threads")).intValue());
        for (String key : new String[] {"train_images_per_s", "infer_images_per_s", "trace_latency_us",
                "scalar_train_images_per_s", "scalar_infer_images_per_s", "scalar_trace_latency_us", "fraction_of_peak",
                "bench_wall_s", "bench_cpu_util"})
            assertTrue(((Number) json.get(key)).doubleValue() > 0, key + " in " + lines[0]);
        double ratio = ((Number) json.get("train_images_per_s")).doubleValue() / ((Number) json.get("scalar_train_images_per_s")).doubleValue();
        assertEquals(ratio, ((Number) json.get("train_speedup")).doubleValue(), 0.01 + ratio * 0.01, "the ratio is computed from the two rates");
        assertEquals(2, run("bench", "--batches", "0").code);
    }

    @Test
    void benchProfilePrintsATableThenOneJsonLine() throws Exception {
        Run r = run("bench", "--profile", "--batches", "2", "--warmup", "1", "--threads", "2");
        assertEquals(0, r.code, r.err + r.out);
        String[] lines = r.out.strip().split("\n");
        assertTrue(lines[0].startsWith("Per-layer profile: lenet5-modern"), r.out);
        for (String part : new String[] {"conv1 ", "pool1 ", "conv2 ", "fc3 ", "loss ", "reduce ", "update "})
            assertTrue(r.out.lines().anyMatch(l -> l.startsWith(part)), part + " in " + r.out);
        java.util.Map<String, Object> json = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(lines[lines.length - 1]);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> profile = (java.util.Map<String, Object>) json.get("profile");
        assertEquals(2, ((Number) profile.get("threads")).intValue());
        assertTrue(((Number) profile.get("peak_core_gflops")).doubleValue() > 0, lines[lines.length - 1]);
        assertEquals(18, ((java.util.List<?>) profile.get("parts")).size(), lines[lines.length - 1]);
    }
}
