package org.convscope.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.convscope.engine.TrainingSnapshot.AccuracyPoint;
import org.convscope.engine.TrainingSnapshot.State;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {
    static final LabeledImages TRAIN = SyntheticTrainingSet.make(1024, 1), TEST = SyntheticTrainingSet.make(512, 2);
    static final TrainingSession.Options OPTIONS = new TrainingSession.Options(200, 300, 3, 5, 0, 0);

    static TrainConfig config(TrainConfig.Optimizer opt, float lr, int batch, int epochs) {
        return new TrainConfig(opt, lr, 0f, 0f, batch, epochs, 2, 42);
    }

    static TrainingSnapshot await(TrainingSession s, String what, Predicate<TrainingSnapshot> p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            TrainingSnapshot snap = s.snapshot();
            if (p.test(snap)) return snap;
            Thread.sleep(2);
        }
        throw new AssertionError("timed out waiting for " + what + "; last state " + s.snapshot().state());
    }

    /**
     * The session publishes one point of per-layer gradient sizes per window of batches: with one point per batch the
     * first is the RMS of the gradient of the first (shuffled) batch on the initial weights, as
     * Trainer.lossAndGradient computes it; with fewer points per epoch there is still one at every epoch end.
     */
    @Test
    void publishesTheGradientSizeOfEveryLayer() throws InterruptedException {
        ModelSpec spec = ModelZoo.lenetClassic();
        TrainConfig cfg = config(TrainConfig.Optimizer.SGD, 0.9f, 64, 1);
        var every = new TrainingSession.Options(200, 300, 0, 5, 0, 0, 16); // 16 batches per epoch: a point each
        float[] expected;
        try (var s = new TrainingSession(spec, cfg, TRAIN, TEST, every, null)) {
            assertEquals(0, s.snapshot().gradients().count());
            s.startOneStep();
            TrainingSnapshot one = await(s, "one step", x -> x.losses().count() == 1 && x.state() == State.PAUSED);
            TrainingSnapshot.GradientLog log = one.gradients();
            assertEquals(1, log.count());
            assertArrayEquals(new int[]{0, 3, 7, 9, 11}, log.layers());
            assertEquals(1.0 / 16, log.epochs(0), 1e-6);
            // the same batch through lossAndGradient on a fresh network with the same seed
            int[] order = new int[TRAIN.count()];
            Network net = Network.create(spec, cfg.seed());
            int px = TRAIN.imageSize();
            float[] x = new float[64 * px];
            int[] labels = new int[64];
            TrainingSession.shuffle(order, cfg.seed());
            for (int i = 0; i < 64; i++) {
                for (int p = 0; p < px; p++) x[i * px + p] = (TRAIN.images()[order[i] * px + p] & 0xff) / 255f;
                labels[i] = TRAIN.labels()[order[i]];
            }
            float[] g = new float[net.parameterCount()];
            try (Trainer t = new Trainer(net, cfg)) { t.lossAndGradient(x, labels, 64, g); }
            double[] want = TrainerTest.layerRms(net, g);
            for (int l = 0; l < 5; l++) assertEquals(want[l], log.rms(0, l), want[l] * 1e-5, "layer " + l);
            // D2L's sigmoid recipe: conv1's gradient is far smaller than the dense layers' (vanishing gradients)
            assertTrue(log.rms(0, 0) * 10 < log.rms(0, 4), "conv1 " + log.rms(0, 0) + " vs fc3 " + log.rms(0, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> log.rms(1, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> log.rms(0, 5));
        }
        var few = new TrainingSession.Options(200, 300, 0, 5, 0, 0, 3); // every 5 batches and at the epoch end
        try (var s = new TrainingSession(spec, config(TrainConfig.Optimizer.SGD, 0.9f, 64, 2), TRAIN, TEST, few, null)) {
            s.start();
            assertTrue(s.awaitEnd(60, TimeUnit.SECONDS));
            TrainingSnapshot.GradientLog log = s.snapshot().gradients();
            double[] xs = new double[log.count()];
            for (int i = 0; i < xs.length; i++) xs[i] = log.epochs(i);
            assertArrayEquals(new double[]{5 / 16.0, 10 / 16.0, 15 / 16.0, 1, 1 + 5 / 16.0, 1 + 10 / 16.0, 1 + 15 / 16.0, 2},
                    xs, 1e-6);
            for (int i = 0; i < log.count(); i++)
                for (int l = 0; l < 5; l++) assertTrue(log.rms(i, l) > 0 && Double.isFinite(log.rms(i, l)), i + ", " + l);
        }
        assertThrows(IllegalArgumentException.class, () -> new TrainingSession.Options(1, 1, 1, 1, 0, 0, 0));
    }

    @Test
    void aRunLearnsAndRecordsEveryBatchAndEpoch() throws InterruptedException {
        try (var s = new TrainingSession(ModelZoo.softmaxRegression(), config(TrainConfig.Optimizer.SGD, 0.5f, 64, 3), TRAIN, TEST,
                OPTIONS, null)) {
            assertEquals(State.READY, s.snapshot().state());
            assertEquals(16, s.batchesPerEpoch());
            s.start();
            assertTrue(s.awaitEnd(60, TimeUnit.SECONDS));
            TrainingSnapshot end = s.snapshot();
            assertEquals(State.FINISHED, end.state());
            assertEquals(3, end.epoch());
            assertEquals(48, end.losses().count());
            assertEquals(3 * 1024, end.imagesSeen());
            assertTrue(end.losses().get(47) < end.losses().get(0) / 3, "loss falls: " + end.losses().get(0) + " -> " + end.losses().get(47));
            List<AccuracyPoint> full = end.testAccuracy().stream().filter(p -> !p.sample()).toList();
            assertEquals(List.of(1.0, 2.0, 3.0), full.stream().map(AccuracyPoint::epochs).toList());
            assertEquals(512, full.getFirst().images(), "epoch ends evaluate the whole test set");
            assertEquals(9, end.testAccuracy().size() - 3, "three sample checks per epoch");
            assertTrue(end.testAccuracy().stream().filter(AccuracyPoint::sample).allMatch(p -> p.images() == 200));
            assertEquals(3, end.trainAccuracy().size());
            assertTrue(end.finalTestAccuracy() > 0.9, "synthetic classes are easy: " + end.finalTestAccuracy());
            assertTrue(end.finalTrainAccuracy() > 0.9);
            assertTrue(end.predictions().full());
            assertEquals(512, end.predictions().size());
            assertEquals(0, end.secondsLeft());
            assertTrue(end.imagesPerSecond() > 0);
        }
    }

    @Test
    void pauseStepAndStop() throws InterruptedException {
        try (var s = new TrainingSession(ModelZoo.softmaxRegression(), config(TrainConfig.Optimizer.SGD, 0.1f, 8, 50), TRAIN, TEST,
                OPTIONS, null)) {
            s.startOneStep();
            TrainingSnapshot one = await(s, "paused after one step", x -> x.state() == State.PAUSED && x.losses().count() == 1);
            Thread.sleep(50);
            assertEquals(1, s.snapshot().losses().count(), "a paused run does not train");
            assertEquals(1, one.batch());

            s.step();
            s.step();
            await(s, "two more steps", x -> x.state() == State.PAUSED && x.losses().count() == 3);

            s.resume();
            await(s, "running on", x -> x.losses().count() > 20);
            s.pause();
            TrainingSnapshot paused = await(s, "paused", x -> x.state() == State.PAUSED);
            Thread.sleep(50);
            assertEquals(paused.losses().count(), s.snapshot().losses().count());

            s.stop();
            assertTrue(s.awaitEnd(10, TimeUnit.SECONDS));
            assertEquals(State.STOPPED, s.snapshot().state());
            assertEquals(paused.losses().count(), s.snapshot().losses().count(), "stopping while paused runs no batch");
        }
    }

    @Test
    void stopAsyncReturnsAtOnceAndCompletesAfterTheListenerWhenTheThreadHasEnded() throws Exception {
        var listenerDone = new java.util.concurrent.atomic.AtomicBoolean();
        var gate = new java.util.concurrent.CountDownLatch(1);
        TrainingSession.Listener slowEnd = new TrainingSession.Listener() {
            @Override public void ended(TrainingSnapshot s) {
                try { gate.await(30, TimeUnit.SECONDS); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                listenerDone.set(true);
            }
        };
        var s = new TrainingSession(ModelZoo.softmaxRegression(), config(TrainConfig.Optimizer.SGD, 0.1f, 8, 50), TRAIN, TEST,
                OPTIONS, slowEnd);
        s.start();
        await(s, "some batches", x -> x.losses().count() > 3);
        long t0 = System.nanoTime();
        var ended = s.stopAsync();
        assertTrue(System.nanoTime() - t0 < 50_000_000L, "stopAsync does not wait for the run");
        Thread.sleep(100);
        assertFalse(ended.isDone(), "the listener's ended() (an autosave) still runs: not ended yet");
        gate.countDown();
        TrainingSnapshot last = ended.get(30, TimeUnit.SECONDS);
        assertTrue(listenerDone.get());
        assertEquals(State.STOPPED, last.state());
        assertTrue(s.awaitEnd(1, TimeUnit.SECONDS), "the thread has ended");

        var never = new TrainingSession(ModelZoo.softmaxRegression(), config(TrainConfig.Optimizer.SGD, 0.1f, 8, 1), TRAIN, TEST,
                OPTIONS, null);
        assertTrue(never.stopAsync().isDone(), "a session that never started has ended at once");
    }

    @Test
    void aHugeLearningRateIsCaughtAndTheLastGoodWeightsComeBack() throws InterruptedException {
        try (var s = new TrainingSession(ModelZoo.lenetModern(), config(TrainConfig.Optimizer.SGD, 50f, 32, 2), TRAIN, TEST,
                OPTIONS, null)) {
            s.start();
            TrainingSnapshot d = await(s, "divergence", x -> x.event() != null);
            assertEquals(TrainingSnapshot.Event.Kind.DIVERGED, d.event().kind());
            assertEquals(50f, d.event().learningRate());
            d = await(s, "paused", x -> x.state() == State.PAUSED);
            for (LayerWeights w : d.network().weights()) {
                for (float v : w.weights()) assertTrue(Float.isFinite(v), "restored weights are finite");
            }
            int healthy = d.losses().count();
            for (int i = 0; i < healthy; i++) assertTrue(Float.isFinite(d.losses().get(i)), "no NaN enters the curve");

            // The user lowers the learning rate and goes on: it trains again.
            s.setLearningRate(0.05f);
            s.resume();
            TrainingSnapshot after = await(s, "training again", x -> x.losses().count() > healthy + 10 || x.state().ended());
            assertEquals(0.05f, after.config().learningRate());
            assertTrue(Float.isFinite(after.losses().get(after.losses().count() - 1)));
            s.stop();
        }
    }

    @Test
    void aResumedRunContinuesAtItsEpochWithItsCurves() throws InterruptedException {
        Network start = Network.create(ModelZoo.softmaxRegression(), 7);
        var prior = new TrainingSession.Resume(2, new TrainingSnapshot.LossLog(new float[]{2f, 1f}, 2),
                List.of(new AccuracyPoint(2, 0.5, false, 300)), List.of(new AccuracyPoint(2, 0.4, false, 512)));
        try (var s = new TrainingSession(start, config(TrainConfig.Optimizer.ADAM, 0.01f, 128, 3), TRAIN, TEST, OPTIONS, null, prior)) {
            assertEquals(2, s.snapshot().epoch());
            s.start();
            assertTrue(s.awaitEnd(60, TimeUnit.SECONDS));
            TrainingSnapshot end = s.snapshot();
            assertEquals(State.FINISHED, end.state());
            assertEquals(2 + 8, end.losses().count(), "the old losses, then one epoch of 8 batches");
            assertEquals(2f, end.losses().get(0));
            assertEquals(List.of(2.0, 3.0), end.testAccuracy().stream().filter(p -> !p.sample()).map(AccuracyPoint::epochs).toList());
        }
    }

    @Test
    void badSettingsAreRefusedBeforeAnythingRuns() {
        var bad = new TrainConfig(TrainConfig.Optimizer.SGD, 0f, 0f, 0f, 256, 1, 1, 42);
        assertThrows(IllegalArgumentException.class, () -> new TrainingSession(ModelZoo.mlp(), bad, TRAIN, TEST, OPTIONS, null));
        var empty = new LabeledImages(new byte[0], new byte[0], 0, 784);
        assertThrows(IllegalArgumentException.class, () -> new TrainingSession(ModelZoo.mlp(),
                config(TrainConfig.Optimizer.SGD, 0.1f, 8, 1), empty, TEST, OPTIONS, null));
    }
}
