package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.AccuracyPoint;
import org.convscope.engine.TrainingSnapshot.LossLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {

    @TempDir Path dir;

    /** Softmax regression weights by hand: dense (10, 784) + bias (10). */
    static List<LayerWeights> softmaxWeights(float v) {
        float[] w = new float[7840];
        for (int i = 0; i < w.length; i++) w[i] = v * ((i % 7) - 3);
        return List.of(new LayerWeights(1, "dense1", new int[]{10, 784}, w, new float[10]));
    }

    /** A run in epoch 3 of 5 (two complete epochs of 4 batches, plus 2 batches of the third). */
    static TrainingSnapshot midRun(ModelSpec spec) {
        float[] losses = {2.3f, 1.9f, 1.4f, 1.1f, 0.9f, 0.8f, 0.7f, 0.65f, 0.6f, 0.58f, 0, 0};
        TrainConfig c = new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0, 0, 256, 5, 1, 42);
        return new TrainingSnapshot(7, TrainingSnapshot.State.RUNNING, spec, c, 2, 2, 4, 2560, 1000, 3, 2.5,
                new LossLog(losses, 10),
                List.of(new AccuracyPoint(1, 0.7, false, 1000), new AccuracyPoint(2, 0.8, false, 1000)),
                List.of(new AccuracyPoint(0.5, 0.6, true, 100), new AccuracyPoint(1, 0.69, false, 500),
                        new AccuracyPoint(2, 0.79, false, 500), new AccuracyPoint(2.5, 0.81, true, 100)),
                null, List.of(), null, null);
    }

    @Test
    void roundTripKeepsWeightsFormAndCurvesUpToTheSavedBatch() throws IOException {
        ModelSpec spec = ModelDesign.of(Family.SOFTMAX).build().spec();
        Autosave a = new Autosave(dir, ModelStore.safetensors());
        assertFalse(a.exists());
        HyperParameters hp = new HyperParameters(TrainConfig.Optimizer.SGD, "0.1", "256", "5", "1");
        Autosave.Run run = Autosave.runOf(midRun(spec), "fashion-mnist", ModelDesign.of(Family.SOFTMAX), hp, 1024);
        assertEquals(2, run.epochsDone());
        assertEquals(2, run.batchesDone(), "two batches of the third epoch are done: resuming continues after them");
        assertFalse(run.finished());
        assertEquals(10, run.losses().count(), "every loss up to the save point, the third epoch's two included");
        assertEquals(4, run.testAccuracy().size());

        a.write(run, spec, softmaxWeights(0.01f));
        assertTrue(a.exists());
        assertFalse(Files.exists(dir.resolve(Autosave.STATE + ".tmp")), "no temporary file left behind");

        Autosave.Found f = a.read();
        assertEquals("fashion-mnist", f.run().dataset());
        assertEquals(ModelDesign.of(Family.SOFTMAX), f.run().design());
        assertEquals(hp, f.run().hyper());
        assertEquals(1024, f.run().trainLimit());
        assertEquals(2, f.run().epochsDone());
        assertEquals(2, f.run().batchesDone());
        assertEquals(4, f.run().batchesPerEpoch());
        assertEquals(10, f.run().losses().count());
        assertEquals(0.58f, f.run().losses().get(9));
        assertEquals(run.trainAccuracy(), f.run().trainAccuracy());
        assertEquals(run.testAccuracy(), f.run().testAccuracy());
        assertEquals(0.79, f.run().testAccuracyNow(), 1e-12);
        assertArrayEquals(softmaxWeights(0.01f).getFirst().weights(), f.model().weights().getFirst().weights());
        assertEquals(spec.layers(), f.model().spec().layers());

        a.discard();
        assertFalse(a.exists());
    }

    @Test
    void aDamagedStateFileSaysWhichFile() throws IOException {
        ModelSpec spec = ModelDesign.of(Family.SOFTMAX).build().spec();
        Autosave a = new Autosave(dir, ModelStore.safetensors());
        a.write(Autosave.runOf(midRun(spec), "mnist", ModelDesign.of(Family.SOFTMAX),
                new HyperParameters(TrainConfig.Optimizer.SGD, "0.1", "256", "5", "1"), 0), spec, softmaxWeights(0.01f));
        Files.writeString(dir.resolve(Autosave.STATE), "{\"format\": \"something else\"}");
        IOException e = assertThrows(IOException.class, a::read);
        assertTrue(e.getMessage().contains(Autosave.STATE), e.getMessage());
    }

    @Test
    void weightsThatDoNotMatchTheSavedArchitectureAreRefused() throws IOException {
        ModelSpec spec = ModelDesign.of(Family.SOFTMAX).build().spec();
        Autosave a = new Autosave(dir, ModelStore.safetensors());
        // The JSON claims an MLP, the weights are softmax regression.
        a.write(Autosave.runOf(midRun(spec), "mnist", ModelDesign.of(Family.MLP),
                new HyperParameters(TrainConfig.Optimizer.SGD, "0.1", "256", "5", "1"), 0), spec, softmaxWeights(0.01f));
        IOException e = assertThrows(IOException.class, a::read);
        assertTrue(e.getMessage().contains("do not match"), e.getMessage());
    }

    static TrainingSnapshot.SavePoint point(long run, long sequence, List<LayerWeights> w) {
        return new TrainingSnapshot.SavePoint(run, sequence, 2, 2, 2560, w, LossLog.EMPTY, List.of(), List.of());
    }

    @Test
    void aLateWriteOfAnOlderSavePointDoesNotReplaceANewerOne() throws IOException {
        ModelSpec spec = ModelDesign.of(Family.SOFTMAX).build().spec();
        Autosave a = new Autosave(dir, ModelStore.safetensors());
        HyperParameters hp = new HyperParameters(TrainConfig.Optimizer.SGD, "0.1", "256", "5", "1");
        Autosave.Run run = Autosave.runOf(midRun(spec), "mnist", ModelDesign.of(Family.SOFTMAX), hp, 0);
        assertTrue(a.writeIfNewer(point(1, 7, softmaxWeights(0.02f)), run, spec));
        // The background save of save point 5 arrives after save point 7 was written: skipped.
        assertFalse(a.writeIfNewer(point(1, 5, softmaxWeights(0.05f)), run, spec));
        assertFalse(a.writeIfNewer(point(1, 7, softmaxWeights(0.05f)), run, spec), "the same one again is not newer");
        assertArrayEquals(softmaxWeights(0.02f).getFirst().weights(), a.read().model().weights().getFirst().weights());
        // A later run starts its sequence again and replaces it; a late save of the earlier run then cannot.
        assertTrue(a.writeIfNewer(point(2, 1, softmaxWeights(0.03f)), run, spec));
        assertFalse(a.writeIfNewer(point(1, 9, softmaxWeights(0.04f)), run, spec));
        assertArrayEquals(softmaxWeights(0.03f).getFirst().weights(), a.read().model().weights().getFirst().weights());
    }

    @Test
    void aFormatOneFileResumesAtTheStartOfTheNextEpoch() throws IOException {
        ModelSpec spec = ModelDesign.of(Family.SOFTMAX).build().spec();
        Autosave a = new Autosave(dir, ModelStore.safetensors());
        a.write(Autosave.runOf(midRun(spec), "mnist", ModelDesign.of(Family.SOFTMAX),
                new HyperParameters(TrainConfig.Optimizer.SGD, "0.1", "256", "5", "1"), 0), spec, softmaxWeights(0.01f));
        Path state = dir.resolve(Autosave.STATE);
        String json = Files.readString(state).replace(Autosave.FORMAT, "convscope-autosave/1").replace("\"batchesDone\":2,", "");
        assertFalse(json.contains("batchesDone"), json);
        Files.writeString(state, json);
        Autosave.Found f = a.read();
        assertEquals(2, f.run().epochsDone());
        assertEquals(0, f.run().batchesDone());
    }
}
