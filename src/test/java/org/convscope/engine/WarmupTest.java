package org.convscope.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmupTest {

    @Test
    void multiplyAddsOfLeNetMatchTheBenchmarksFlopCount() {
        Network net = Network.create(ModelZoo.lenetModern(), 1);
        assertEquals(416_520, Warmup.multiplyAdds(net));
        assertEquals(EngineBench.LENET_TRAIN_FLOP, 6.0 * Warmup.multiplyAdds(net), 0.0, "3 passes x 2 FLOP per multiply-add");
        assertEquals(784 * 10, Warmup.multiplyAdds(Network.create(ModelZoo.softmaxRegression(), 1)));
    }

    @Test
    void settlesOnlyAfterEnoughFastStepsInARow() {
        Warmup.Settling s = new Warmup.Settling(1e6); // 1 MFLOP per image: fast = at most 1e6 / 8 ns per image
        long fast = (long) (1e6 / Warmup.Settling.SETTLED_GFLOPS) - 1, slow = 100 * fast;
        for (int i = 0; i < Warmup.Settling.MIN - 1; i++) s.add(i % 3 == 0 ? slow : fast, 1);
        assertFalse(s.settled(), "fewer than MIN steps");
        for (int i = 0; i < Warmup.Settling.WINDOW; i++) s.add(fast, 1);
        assertTrue(s.settled(), "WINDOW fast steps after MIN steps");
        s.add(slow, 1);
        assertFalse(s.settled(), "a slow step starts the count again");
        for (int i = 0; i < Warmup.Settling.WINDOW - 1; i++) s.add(fast, 1);
        assertFalse(s.settled());
        s.add(fast * 16, 16); // a step of 16 images at the same rate counts as fast
        assertTrue(s.settled());
    }

    @Test
    void warmsTracesAndTrainingThenStopsOnItsOwn() {
        Warmup.Result r = Warmup.run(List.of(ModelZoo.softmaxRegression()), () -> false);
        assertFalse(r.stoppedEarly(), r.toString());
        assertTrue(r.traces() >= Warmup.Settling.MIN && r.traces() <= Warmup.FIRST_TRACES + Warmup.MAX_TRACES, r.toString());
        // two optimizers, each at least MIN steps and at most MAX_TRAINING_IMAGES images
        assertTrue(r.steps() >= 2 * Warmup.Settling.MIN, r.toString());
        assertTrue(r.images() <= 2L * (Warmup.MAX_TRAINING_IMAGES + Warmup.STEP_IMAGES), r.toString());
        assertEquals(0, Trainer.live(), "the warm-up's trainers are closed and were never counted");
    }

    @Test
    void tracesAndTrainsTheModelsItIsGiven() {
        Warmup.Result onlyTraces = Warmup.run(List.of(ModelZoo.softmaxRegression()), List.of(), () -> false);
        assertTrue(onlyTraces.traces() >= Warmup.Settling.MIN, onlyTraces.toString());
        assertEquals(0, onlyTraces.steps(), onlyTraces.toString());
        Warmup.Result onlyTraining = Warmup.run(List.of(), List.of(ModelZoo.softmaxRegression()), () -> false);
        assertEquals(0, onlyTraining.traces(), onlyTraining.toString());
        assertTrue(onlyTraining.steps() >= 2 * Warmup.Settling.MIN, onlyTraining.toString());
    }

    @Test
    void stopsBeforeItsNextStepWhenAskedOrWhenARealTrainerIsOpen() {
        AtomicInteger asked = new AtomicInteger();
        Warmup.Result r = Warmup.run(List.of(ModelZoo.lenetModern()), () -> asked.incrementAndGet() > 3);
        assertTrue(r.stoppedEarly());
        assertEquals(3, r.traces() + r.steps(), "three steps, then the stop");

        Warmup.Result budget = Warmup.run(List.of(ModelZoo.lenetModern()), List.of(ModelZoo.lenetModern()), () -> false, 1);
        assertTrue(budget.stoppedEarly());
        assertTrue(budget.traces() + budget.steps() <= 1, "the CPU budget of 1 ns is spent at once: " + budget);

        Network other = Network.create(ModelZoo.softmaxRegression(), 3);
        try (Trainer real = new Trainer(other, TrainerTest.sgd(0.1f, 16, 1))) {
            assertEquals(1, Trainer.live());
            Warmup.Result yielded = Warmup.run(List.of(ModelZoo.lenetModern()), () -> false);
            assertTrue(yielded.stoppedEarly());
            assertEquals(0, yielded.traces() + yielded.steps(), "nothing runs beside a real training run");
        }
        assertEquals(0, Trainer.live());
    }

    @Test
    void aWarmUpChangesNoResultBitForBit() {
        TrainConfig cfg = new TrainConfig(TrainConfig.Optimizer.ADAM, 1e-3f, 0f, 0f, 32, 1, 2, 42);
        float[] before = TrainerTest.train(ModelZoo.lenetClassic(), Kernels.vector(), cfg, 4, null);
        Network watched = Network.create(ModelZoo.lenetClassic(), 5);
        float[] weights = watched.parameters();
        Warmup.run(List.of(ModelZoo.lenetClassic()), () -> false);
        assertArrayEquals(weights, watched.parameters(), "another network is untouched");
        assertArrayEquals(before, TrainerTest.train(ModelZoo.lenetClassic(), Kernels.vector(), cfg, 4, null),
                "the same seed and threads give the same weights after a warm-up");
    }
}
