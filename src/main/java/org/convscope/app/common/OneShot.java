package org.convscope.app.common;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.convscope.app.ErrorLog;

/**
 * One-off background work: a file to open or save, a CSV or picture to export, a picture to decode. The companion of
 * {@link LatestOnly} (which serves the newest of a stream of requests): each call runs once. Work runs on the app's
 * bounded executor ({@code AppContext.services().background()}); its result goes to {@code onDone} on the FX thread.
 * A failure is reported one way: logged with its stack trace ({@link ErrorLog#log}) and handed to {@code onFailed} on
 * the FX thread, which says in the view's own words what went wrong and what to do; with no {@code onFailed} it is
 * shown in the status bar ({@link ErrorLog#show}). A full or closed executor is a failure like any other. Neither
 * {@code work} nor the executor threads ever touch the scene graph: only {@code onDone} and {@code onFailed} do.
 */
public final class OneShot {
    /** Background work that returns a result or throws. */
    @FunctionalInterface
    public interface Work<T> { T call() throws Exception; }

    /** Background work without a result. */
    @FunctionalInterface
    public interface Job { void run() throws Exception; }

    private final Executor background;
    private final Executor fx;
    private final AtomicLong started = new AtomicLong(), failed = new AtomicLong();

    /**
     * @param background the bounded executor the work runs on
     * @param fx         where onDone and onFailed run: Platform::runLater in the app, Runnable::run in tests
     */
    public OneShot(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /**
     * Runs work once in the background.
     * @param what     what the work does, for the log ("Saving weights to /tmp/a.safetensors")
     * @param onDone   gets the result on the FX thread (may be null)
     * @param onFailed gets the failure on the FX thread, after it was logged (null: shown in the status bar)
     */
    public <T> void run(String what, Work<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFailed) {
        started.incrementAndGet();
        try {
            background.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    fail(what, e, onFailed);
                    return;
                }
                if (onDone != null) fx.execute(() -> onDone.accept(result));
            });
        } catch (RejectedExecutionException e) {
            fail(what, e, onFailed);
        }
    }

    /** The same for work without a result: onDone runs on the FX thread when it has finished. */
    public void run(String what, Job job, Runnable onDone, Consumer<? super Throwable> onFailed) {
        run(what, () -> { job.run(); return Boolean.TRUE; }, onDone == null ? null : r -> onDone.run(), onFailed);
    }

    private void fail(String what, Throwable e, Consumer<? super Throwable> onFailed) {
        failed.incrementAndGet();
        ErrorLog.log(what + " failed", e);
        if (onFailed == null) {
            ErrorLog.show(e);
            return;
        }
        try {
            fx.execute(() -> onFailed.accept(e));
        } catch (RuntimeException noFx) { // no FX thread any more (the app is closing): the log has it
        }
    }

    /** How many jobs were started so far (tests). */
    public long started() { return started.get(); }

    /** How many of them failed (tests). */
    public long failed() { return failed.get(); }
}
