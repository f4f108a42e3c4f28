package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Network;
import org.convscope.engine.SyntheticTrainingSet;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12: the weights an autosave writes in the middle of an epoch and the position written beside them describe
 * the same state, so a resumed run ends with exactly the weights of a run that was never interrupted (format 1 wrote
 * the live weights beside the last complete epoch: the resume trained the partial epoch twice). And a save from
 * before a divergence recovery (whose network was replaced) never overwrites a newer one.
 */
class AutosaveResumeTest {
    static final LabeledImages TRAIN = SyntheticTrainingSet.make(1024, 1), TEST = SyntheticTrainingSet.make(256, 2);
    static final TrainingSession.Options OPTIONS = new TrainingSession.Options(100, 200, 3, 5, 0, 0);
    // SGD without momentum keeps no optimizer state, and one thread is deterministic: an exact comparison is fair
    static final TrainConfig CONFIG = new TrainConfig(TrainConfig.Optimizer.SGD, 0.2f, 0f, 0f, 64, 3, 1, 42);
    static final HyperParameters HP = new HyperParameters(TrainConfig.Optimizer.SGD, "0.2", "64", "3", "1");

    @TempDir Path dir;

    static TrainingSnapshot await(TrainingSession s, String what, Predicate<TrainingSnapshot> p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            TrainingSnapshot snap = s.snapshot();
            if (p.test(snap)) return snap;
            Thread.sleep(1);
        }
        throw new AssertionError("timed out waiting for " + what + "; last state " + s.snapshot().state());
    }

    static TrainingSnapshot runToEnd(TrainingSession s) throws InterruptedException {
        s.start();
        assertTrue(s.awaitEnd(60, TimeUnit.SECONDS));
        assertEquals(State.FINISHED, s.snapshot().state());
        return s.snapshot();
    }

    @Test
    void aRunResumedFromAMidEpochAutosaveEndsExactlyLikeAnUninterruptedOne() throws Exception {
        ModelSpec spec = ModelDesign.of(Family.SOFTMAX).build().spec();
        TrainingSnapshot reference;
        try (var a = new TrainingSession(spec, CONFIG, TRAIN, TEST, OPTIONS, null)) {
            reference = runToEnd(a);
        }
        assertEquals(48, reference.losses().count());

        Autosave autosave = new Autosave(dir, ModelStore.safetensors());
        try (var b = new TrainingSession(spec, CONFIG, TRAIN, TEST, OPTIONS, null)) {
            // 21 batches: the whole first epoch and 5 of the second; paused there
            b.startOneStep();
            for (int i = 2; i <= 21; i++) {
                int done = i - 1;
                await(b, "batch " + done, x -> x.state() == State.PAUSED && x.losses().count() == done);
                b.step();
            }
            TrainingSnapshot mid = await(b, "paused after 21 batches", x -> x.state() == State.PAUSED && x.losses().count() == 21);
            assertEquals(1, mid.savePoint().epoch());
            assertEquals(5, mid.savePoint().batch());
            // the run goes on while the save is being written, as the periodic autosave of the app does
            b.resume();
            await(b, "training on", x -> x.losses().count() > 30 || x.state().ended());
            assertTrue(autosave.writeIfNewer(mid.savePoint(), Autosave.runOf(mid, "mnist", ModelDesign.of(Family.SOFTMAX), HP, 0), spec));
            b.stop();
            assertTrue(b.awaitEnd(10, TimeUnit.SECONDS));
            // what format 1 wrote: the live weights beside the last complete epoch; resuming from that ends elsewhere
            List<LayerWeights> live = mid.network().weights();
            try (var old = new TrainingSession(Network.of(spec, live), CONFIG, TRAIN, TEST, OPTIONS, null,
                    new TrainingSession.Resume(1, 0, found16(mid), List.of(), List.of()))) {
                TrainingSnapshot wrong = runToEnd(old);
                assertFalse(java.util.Arrays.equals(reference.network().weights().getFirst().weights(),
                        wrong.network().weights().getFirst().weights()), "the old way repeats batches: this test can tell");
            }
        }

        Autosave.Found found = autosave.read();
        assertEquals(1, found.run().epochsDone());
        assertEquals(5, found.run().batchesDone());
        assertEquals(21, found.run().losses().count());
        try (var c = new TrainingSession(Network.of(found.model().spec(), found.model().weights()), CONFIG, TRAIN, TEST,
                OPTIONS, null, Autosave.resumeOf(found.run()))) {
            assertEquals(1, c.snapshot().epoch());
            assertEquals(5, c.snapshot().batch());
            TrainingSnapshot end = runToEnd(c);
            assertEquals(48, end.losses().count(), "no batch repeated, none skipped");
            for (int i = 0; i < 48; i++)
                assertEquals(reference.losses().get(i), end.losses().get(i), "loss of batch " + i);
            assertEquals(reference.imagesSeen(), end.imagesSeen());
            assertWeightsEqual(reference.network().weights(), end.network().weights());
            assertEquals(reference.finalTestAccuracy(), end.finalTestAccuracy());
        }
    }

    @Test
    void aRunningSnapshotsSavePointIsConsistentWhereverItWasTaken() throws Exception {
        // while running the save point trails the live network by up to weightsEveryMillis: whatever it is, resuming
        // from it must lead to the uninterrupted result
        ModelSpec spec = ModelDesign.of(Family.SOFTMAX).build().spec();
        TrainingSnapshot reference;
        try (var a = new TrainingSession(spec, CONFIG, TRAIN, TEST, OPTIONS, null)) {
            reference = runToEnd(a);
        }
        var options = new TrainingSession.Options(100, 200, 3, 5, 0, 1);
        TrainingSnapshot.SavePoint p;
        try (var b = new TrainingSession(spec, CONFIG, TRAIN, TEST, options, null)) {
            b.start();
            TrainingSnapshot s = await(b, "running past the first epoch", x -> x.epoch() >= 1 || x.state().ended());
            p = s.savePoint();
            assertTrue(b.awaitEnd(60, TimeUnit.SECONDS));
        }
        if (p.epoch() >= CONFIG.epochs()) return; // the run was over before the snapshot was read: nothing to resume
        try (var c = new TrainingSession(Network.of(spec, p.weights()), CONFIG, TRAIN, TEST, OPTIONS, null,
                TrainingSession.Resume.of(p))) {
            TrainingSnapshot end = runToEnd(c);
            assertEquals(48, end.losses().count(), "resumed at epoch " + p.epoch() + " batch " + p.batch());
            assertWeightsEqual(reference.network().weights(), end.network().weights());
        }
    }

    @Test
    void aSaveFromBeforeADivergenceRecoveryNeverReplacesANewerOne() throws Exception {
        ModelSpec spec = ModelDesign.of(Family.LENET_MODERN).build().spec();
        var config = new TrainConfig(TrainConfig.Optimizer.SGD, 50f, 0f, 0f, 32, 2, 2, 42);
        var hp = new HyperParameters(TrainConfig.Optimizer.SGD, "50", "32", "2", "2");
        Autosave autosave = new Autosave(dir, ModelStore.safetensors());
        try (var s = new TrainingSession(spec, config, TRAIN, TEST, OPTIONS, null)) {
            TrainingSnapshot before = s.snapshot();
            s.start();
            TrainingSnapshot after = await(s, "recovered and paused",
                    x -> x.event() != null && x.state() == State.PAUSED);
            assertEquals(TrainingSnapshot.Event.Kind.DIVERGED, after.event().kind());
            assertNotSame(before.network(), after.network(), "recovery replaced the network");
            ModelDesign design = ModelDesign.of(Family.LENET_MODERN);
            // the newer save (after the recovery) is written first, the older one arrives late
            assertTrue(autosave.writeIfNewer(after.savePoint(), Autosave.runOf(after, "mnist", design, hp, 0), spec));
            assertFalse(autosave.writeIfNewer(before.savePoint(), Autosave.runOf(before, "mnist", design, hp, 0), spec),
                    "a save of the replaced network is older");
            assertWeightsEqual(after.savePoint().weights(), autosave.read().model().weights());
            s.stop();
        }
    }

    /** The first epoch's losses of a snapshot (what format 1 kept). */
    static TrainingSnapshot.LossLog found16(TrainingSnapshot s) {
        return new TrainingSnapshot.LossLog(java.util.Arrays.copyOf(s.losses().values(), 16), 16);
    }

    static void assertWeightsEqual(List<LayerWeights> expected, List<LayerWeights> actual) {
        assertEquals(expected.size(), actual.size());
        for (int l = 0; l < expected.size(); l++) {
            assertArrayEquals(expected.get(l).weights(), actual.get(l).weights(), "weights of layer " + l);
            assertArrayEquals(expected.get(l).bias(), actual.get(l).bias(), "bias of layer " + l);
        }
    }
}
