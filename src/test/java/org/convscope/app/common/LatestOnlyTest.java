package org.convscope.app.common;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LatestOnlyTest {

    @Test
    void requestsArrivingDuringAComputationCollapseToTheNewest() throws Exception {
        var pool = Executors.newCachedThreadPool();
        var gate = new CountDownLatch(1);
        var computed = new ConcurrentLinkedQueue<Integer>();
        var fxQueue = new ConcurrentLinkedQueue<Runnable>();
        List<Integer> published = new ArrayList<>();
        var worker = new LatestOnly<Integer, Integer>(pool, fxQueue::add, i -> {
            computed.add(i);
            if (i == 0) {
                try { gate.await(); } catch (InterruptedException e) { throw new RuntimeException(e); }
            }
            return i * 10;
        }, published::add, e -> fail(e));
        worker.submit(0);
        while (computed.isEmpty()) Thread.onSpinWait();
        for (int i = 1; i <= 50; i++) worker.submit(i); // while 0 is still computing
        gate.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (computed.size() < 2 && System.nanoTime() < deadline) Thread.sleep(5);
        Thread.sleep(50);
        assertEquals(List.of(0, 50), List.copyOf(computed), "only the newest waiting request is computed");
        // the FX side gets at most one hand-over queued, and it delivers the newest result
        while (!fxQueue.isEmpty()) fxQueue.poll().run();
        assertEquals(500, published.getLast());
        assertTrue(published.size() <= 2);
        pool.shutdownNow();
    }

    @Test
    void anErrorIsReportedAndTheNextRequestStillRuns() throws Exception {
        var pool = Executors.newSingleThreadExecutor();
        List<Object> seen = new ArrayList<>();
        var done = new CountDownLatch(2);
        var worker = new LatestOnly<Integer, Integer>(pool, r -> { synchronized (seen) { r.run(); } done.countDown(); }, i -> {
            if (i < 0) throw new IllegalStateException("negative");
            return i;
        }, seen::add, seen::add);
        worker.submit(-1);
        Thread.sleep(100);
        worker.submit(7);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        synchronized (seen) {
            assertInstanceOf(IllegalStateException.class, seen.get(0));
            assertEquals(7, seen.get(1));
        }
        pool.shutdownNow();
    }

    @Test
    void anInactiveRunnerComputesNothingAndOnActivationOnlyTheNewestRequest() {
        List<Integer> computed = new ArrayList<>(), published = new ArrayList<>();
        var worker = new LatestOnly<Integer, Integer>(Runnable::run, Runnable::run, i -> { computed.add(i); return i; },
                published::add, e -> fail(e));
        worker.submit(1);
        assertEquals(List.of(1), computed);
        worker.setActive(false);
        for (int i = 2; i <= 9; i++) worker.submit(i);
        assertEquals(List.of(1), computed, "hidden: nothing computed");
        assertEquals(1, worker.computations());
        worker.setActive(true);
        assertEquals(List.of(1, 9), computed, "shown again: the newest request once");
        assertEquals(List.of(1, 9), published);
        worker.setActive(false);
        worker.setActive(true);
        assertEquals(2, worker.computations(), "nothing waiting: showing again computes nothing");
    }

    @Test
    void aRequestWaitingWhenTheExecutorIsShutDownIsDropped() {
        var pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        List<Integer> published = new ArrayList<>();
        var worker = new LatestOnly<Integer, Integer>(pool, Runnable::run, i -> i, published::add, e -> fail(e));
        worker.submit(3); // no exception: the app is closing
        assertEquals(List.of(), published);
        assertEquals(0, worker.computations());
    }
}
