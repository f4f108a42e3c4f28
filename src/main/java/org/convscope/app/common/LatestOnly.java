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

    /** Asks for request to be computed; replaces a request that has not started yet. Any thread. */
    public void submit(I request) {
        pending.set(request);
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
            I req = pending.getAndSet(null);
            if (req == null) {
                running.set(false);
                // a submit between getAndSet and set(false) saw running == true and did not start a drain: take it
                if (pending.get() != null && running.compareAndSet(false, true)) continue;
                return;
            }
            try {
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
