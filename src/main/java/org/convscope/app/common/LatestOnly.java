package org.convscope.app.common;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a computation in the background for the newest request only, and hands the newest result to the FX thread.
 * While a computation runs, newer requests replace each other (a fast mouse cannot queue up work), and at most one
 * hand-over is pending on the FX thread at a time (as Task.updateProgress coalesces its runLater calls), so the
 * FX thread is never flooded and never waits.
 * <p>
 * This is the one way a view does background work: its view model owns one runner per kind of result, on the app's
 * bounded executor ({@code AppContext.services().background()}). While the view is hidden the runner is
 * {@linkplain #setActive(boolean) inactive}: requests only replace each other, nothing is computed, and on show the
 * newest one is computed once. {@link #computations()} counts what was computed (tests check that a hidden view is
 * idle).
 *
 * @param <I> request
 * @param <O> result
 */
public final class LatestOnly<I, O> {
    private final Executor background;
    private final Executor fx;
    private final Function<I, O> compute;
    private final Consumer<O> publish;
    private final Consumer<Throwable> onError;

    private final AtomicReference<I> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<O> result = new AtomicReference<>();
    private final AtomicBoolean handOverQueued = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong computations = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean active = true;

    /**
     * @param background where compute runs (one request at a time)
     * @param fx         where publish runs: Platform::runLater in the app, Runnable::run in tests
     * @param onError    called on the fx executor when compute throws (the next request is still served); the failure
     *                   is logged with its stack trace first ({@link org.convscope.app.ErrorLog#log})
     */
    public LatestOnly(Executor background, Executor fx, Function<I, O> compute, Consumer<O> publish, Consumer<Throwable> onError) {
        this.background = background;
        this.fx = fx;
        this.compute = compute;
        this.publish = publish;
        this.onError = onError;
    }

    /**
     * Asks for request to be computed; replaces a request that has not started yet. While the runner is inactive the
     * request only waits (replacing an older waiting one). Any thread.
     */
    public void submit(I request) {
        pending.set(request);
        kick();
    }

    /**
     * Active (the default): requests are computed. Inactive (the view is hidden): they wait, newest only, and the
     * newest is computed when the runner becomes active again. A computation already under way finishes.
     */
    public void setActive(boolean on) {
        active = on;
        if (on && pending.get() != null) kick();
    }

    public boolean isActive() { return active; }

    /** How many requests were computed so far (for tests and diagnostics). */
    public long computations() { return computations.get(); }

    /** Forgets a waiting request (e.g. the view's input went away). */
    public void clearPending() { pending.set(null); }

    private void kick() {
        if (!active) return;
        if (running.compareAndSet(false, true)) {
            try {
                background.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // the executor was shut down (the window is closing): nothing will show the result, drop it
                running.set(false);
                pending.set(null);
            }
        }
    }

    private void drain() {
        while (true) {
            I req = active ? pending.getAndSet(null) : null;
            if (req == null) {
                running.set(false);
                // a submit between getAndSet and set(false) saw running == true and did not start a drain: take it
                if (active && pending.get() != null && running.compareAndSet(false, true)) continue;
                return;
            }
            try {
                computations.incrementAndGet();
                O out = compute.apply(req);
                result.set(out);
                if (handOverQueued.compareAndSet(false, true)) {
                    fx.execute(() -> {
                        handOverQueued.set(false);
                        O latest = result.getAndSet(null);
                        if (latest != null) publish.accept(latest);
                    });
                }
            } catch (RuntimeException | Error e) {
                org.convscope.app.ErrorLog.log("Background computation failed", e); // the stack trace; onError tells the user
                fx.execute(() -> onError.accept(e));
            }
        }
    }
}
