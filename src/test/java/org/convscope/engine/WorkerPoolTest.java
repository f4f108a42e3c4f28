package org.convscope.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerPoolTest {
    /**
     * A task meets at barriers: nobody passes one before every thread has reached it, and the last to arrive runs the
     * barrier's action exactly once, before anybody goes on. Many runs with several barriers each, threads of uneven
     * speed.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void nobodyPassesABarrierBeforeAllArriveAndTheLastRunsTheActionFirst() {
        for (int threads = 1; threads <= 3; threads++) {
            int n = threads;
            try (WorkerPool pool = new WorkerPool(threads, "test-pool")) {
                for (int run = 0; run < 300; run++) {
                    AtomicIntegerArray reached = new AtomicIntegerArray(3); // per barrier: threads past the write below
                    AtomicInteger actions = new AtomicInteger();
                    AtomicInteger violations = new AtomicInteger();
                    int slow = run % n;
                    pool.run(t -> {
                        for (int b = 0; b < 3; b++) {
                            if (t == slow) Thread.onSpinWait();
                            if (t == slow && b == 1) pausePastTheSpinning();
                            reached.incrementAndGet(b);
                            int barrier = b;
                            pool.barrier(() -> {
                                if (reached.get(barrier) != n) violations.incrementAndGet();
                                actions.incrementAndGet();
                            });
                            if (reached.get(b) != n || actions.get() != b + 1) violations.incrementAndGet();
                        }
                    });
                    assertEquals(0, violations.get(), n + " threads, run " + run);
                    assertEquals(3, actions.get(), n + " threads, run " + run + ": one action per barrier");
                }
            }
        }
    }

    private static void pausePastTheSpinning() {
        java.util.concurrent.locks.LockSupport.parkNanos(200_000); // past the spinning: the others park
    }

    /**
     * A thread that fails before the barrier does not leave the others waiting there for ever: run rethrows its
     * failure (the first one), and the pool runs the next task normally.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFailureBeforeTheBarrierStopsTheTaskAndIsRethrown() {
        for (int failing = 0; failing < 2; failing++) {
            int f = failing;
            try (WorkerPool pool = new WorkerPool(2, "test-pool")) {
                IllegalArgumentException boom = new IllegalArgumentException("boom");
                AtomicInteger actions = new AtomicInteger();
                RuntimeException thrown = assertThrows(RuntimeException.class, () -> pool.run(t -> {
                    if (t == f) throw boom;
                    pool.barrier(actions::incrementAndGet);
                }));
                assertSame(boom, thrown, "thread " + f + " failed");
                assertEquals(0, actions.get(), "the barrier's action does not run for a failed task");
                AtomicInteger done = new AtomicInteger();
                pool.run(t -> {
                    pool.barrier(null);
                    done.incrementAndGet();
                });
                assertEquals(2, done.get());
            }
        }
    }

    @Test
    void workerIdsAreTheWorkersNotTheCaller() {
        try (WorkerPool pool = new WorkerPool(3, "test-pool")) {
            long[] ids = pool.workerIds();
            assertEquals(2, ids.length);
            for (long id : ids) assertTrue(id != Thread.currentThread().threadId());
        }
    }
}
