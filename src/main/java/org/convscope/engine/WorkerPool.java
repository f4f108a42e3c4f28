package org.convscope.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The engine's own threads (never the common pool): {@code threads − 1} daemon workers plus the calling thread.
 * {@link #run} hands task(t) to thread t for every t in [0, threads) and returns when all are done — the calling
 * thread runs t = 0 itself, so one thread means no hand-off at all. Inside a task, {@link #barrier} lets the threads
 * meet half-way (a training step is one task: forward and backward, barrier, reduction and update), so a step costs
 * one hand-off instead of two.
 *
 * <p>Every wait (a worker for the next task, the caller for the workers, a thread at the barrier) first spins for a
 * short while ({@link #SPIN_NANOS}: the other thread is usually microseconds away, and waking a parked thread of a
 * virtual machine costs more than that) and then parks: the machine's cores are shared, so nobody spins for long.
 */
final class WorkerPool implements AutoCloseable {
    /**
     * How long a waiting thread spins before it parks, in ns; {@code -Dconvscope.engine.spinMicros=N} (default 50, 0 =
     * park at once, as before 2026-12-07).
     */
    static final long SPIN_NANOS = 1000L * Long.getLong("convscope.engine.spinMicros", 50);

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    /** The first failure of the current task (later ones are dropped). */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    // the barrier: threads arrived in the current phase, and the phase number (bumped when the last one arrives)
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int phase;
    /** Set when a thread of the current task failed: the barrier then lets everybody through (they stop, see below). */
    private volatile boolean broken;

    WorkerPool(int threads, String name) {
        if (threads < 1) throw new IllegalArgumentException("a worker pool needs at least one thread");
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> loop(id), name + "-" + t);
            th.setDaemon(true);
            workers[t - 1] = th;
            th.start();
        }
    }

    int threads() { return threads; }

    /** Ids of the worker threads (the caller, who runs task 0, is not among them). */
    long[] workerIds() {
        long[] ids = new long[workers.length];
        for (int i = 0; i < workers.length; i++) ids[i] = workers[i].threadId();
        return ids;
    }

    private void loop(int id) {
        int seen = 0;
        while (true) {
            int g;
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while ((g = generation) == seen && !closed) {
                if (System.nanoTime() < spinUntil) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            if (closed) return;
            seen = g;
            try {
                task.accept(id);
            } catch (Throwable e) {
                fail(e);
            }
            if (pending.decrementAndGet() == 0) LockSupport.unpark(caller);
        }
    }

    private void fail(Throwable e) {
        failure.compareAndSet(null, e);
        broken = true; // nobody waits at a barrier for a thread that will not come
        wakeAllBut(Thread.currentThread());
    }

    /** Runs task(t) on thread t for all t and waits; rethrows the first failure. Not reentrant. */
    void run(IntConsumer work) {
        if (closed) throw new IllegalStateException("this trainer has been closed");
        if (threads == 1) { work.accept(0); return; }
        caller = Thread.currentThread();
        failure.set(null);
        broken = false;
        arrived.set(0);
        task = work;
        pending.set(threads - 1);
        generation++; // volatile write publishes task, caller, pending and the barrier's reset to the workers
        for (Thread w : workers) LockSupport.unpark(w);
        try {
            work.accept(0);
        } catch (Throwable e) {
            fail(e);
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (pending.get() != 0) {
            if (System.nanoTime() < spinUntil) Thread.onSpinWait();
            else LockSupport.park(this);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error er) throw er;
        if (f != null) throw new IllegalStateException(f);
    }

    /**
     * Called by every thread of the current task (each exactly as often): returns when all of them have arrived. The
     * last to arrive runs {@code last} (null: nothing) before anybody goes on, so it may prepare what all of them do
     * next. If a thread of the task failed, the barrier throws (the task stops; {@link #run} rethrows that failure).
     */
    void barrier(Runnable last) {
        if (threads == 1) {
            if (last != null) last.run();
            return;
        }
        int p = phase; // read before arriving: it changes only once everybody has
        if (arrived.incrementAndGet() == threads) {
            arrived.set(0);
            try {
                if (last != null && !broken) last.run();
            } finally {
                phase = p + 1;
                wakeAllBut(Thread.currentThread());
            }
        } else {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (phase == p && !broken) {
                if (System.nanoTime() < spinUntil) Thread.onSpinWait();
                else LockSupport.park(this);
            }
        }
        if (broken) throw new IllegalStateException("another thread of this step failed");
    }

    private void wakeAllBut(Thread self) {
        Thread c = caller;
        if (c != null && c != self) LockSupport.unpark(c);
        for (Thread w : workers) if (w != self) LockSupport.unpark(w);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}
