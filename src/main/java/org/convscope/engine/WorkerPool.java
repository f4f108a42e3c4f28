package org.convscope.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The engine's own threads (never the common pool): {@code threads − 1} daemon workers plus the calling thread.
 * {@link #run} hands task(t) to thread t for every t in [0, threads) and returns when all are done — the calling
 * thread runs t = 0 itself, so one thread means no hand-off at all. Waiting is park/unpark, not spinning: the
 * machine's cores are shared.
 */
final class WorkerPool implements AutoCloseable {
    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

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
            while ((g = generation) == seen && !closed) LockSupport.park(this);
            if (closed) return;
            seen = g;
            try {
                task.accept(id);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) LockSupport.unpark(caller);
        }
    }

    /** Runs task(t) on thread t for all t and waits; rethrows the first failure. Not reentrant. */
    void run(IntConsumer work) {
        if (closed) throw new IllegalStateException("this trainer has been closed");
        if (threads == 1) { work.accept(0); return; }
        caller = Thread.currentThread();
        failure = null;
        task = work;
        pending.set(threads - 1);
        generation++; // volatile write publishes task, caller and pending to the workers
        for (Thread w : workers) LockSupport.unpark(w);
        Throwable own = null;
        try {
            work.accept(0);
        } catch (Throwable e) {
            own = e;
        }
        while (pending.get() != 0) LockSupport.park(this);
        Throwable f = own != null ? own : failure;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error er) throw er;
        if (f != null) throw new IllegalStateException(f);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}
