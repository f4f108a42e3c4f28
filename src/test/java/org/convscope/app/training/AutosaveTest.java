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
    void roundTripKeepsWeightsFormAndCurvesUpToTheLastCompleteEpoch() throws IOException {
        ModelSpec spec = ModelDesign.of(Family.SOFTMAX).build().spec();
        Autosave a = new Autosave(dir, ModelStore.safetensors());
        assertFalse(a.exists());
        HyperParameters hp = new HyperParameters(TrainConfig.Optimizer.SGD, "0.1", "256", "5", "1");
        Autosave.Run run = Autosave.runOf(midRun(spec), "fashion-mnist", ModelDesign.of(Family.SOFTMAX), hp, 1024);
        assertEquals(2, run.epochsDone());
        assertFalse(run.finished());
        assertEquals(8, run.losses().count(), "the third epoch's two batches are not kept: resuming repeats that epoch");
        assertEquals(3, run.testAccuracy().size());

        a.write(run, spec, softmaxWeights(0.01f));
        assertTrue(a.exists());
        assertFalse(Files.exists(dir.resolve(Autosave.STATE + ".tmp")), "no temporary file left behind");

        Autosave.Found f = a.read();
        assertEquals("fashion-mnist", f.run().dataset());
        assertEquals(ModelDesign.of(Family.SOFTMAX), f.run().design());
        assertEquals(hp, f.run().hyper());
        assertEquals(1024, f.run().trainLimit());
        assertEquals(2, f.run().epochsDone());
        assertEquals(4, f.run().batchesPerEpoch());
        assertEquals(8, f.run().losses().count());
        assertEquals(0.65f, f.run().losses().get(7));
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

    @Test
    void aLateWriteOfAnOlderSnapshotDoesNotReplaceANewerOne() throws IOException {
        ModelSpec spec = ModelDesign.of(Family.SOFTMAX).build().spec();
        Autosave a = new Autosave(dir, ModelStore.safetensors());
        HyperParameters hp = new HyperParameters(TrainConfig.Optimizer.SGD, "0.1", "256", "5", "1");
        Autosave.Run run = Autosave.runOf(midRun(spec), "mnist", ModelDesign.of(Family.SOFTMAX), hp, 0);
        Object first = new Object(), second = new Object();
        assertTrue(a.writeIfNewer(first, 7, run, spec, softmaxWeights(0.02f)));
        // The background save of snapshot 5 arrives after snapshot 7 was written: skipped.
        assertFalse(a.writeIfNewer(first, 5, run, spec, softmaxWeights(0.05f)));
        assertArrayEquals(softmaxWeights(0.02f).getFirst().weights(), a.read().model().weights().getFirst().weights());
        // A new run starts its versions again.
        assertTrue(a.writeIfNewer(second, 1, run, spec, softmaxWeights(0.03f)));
        assertArrayEquals(softmaxWeights(0.03f).getFirst().weights(), a.read().model().weights().getFirst().weights());
    }
}
