package org.convscope.app;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Long-lived non-UI collaborators of the app: the background executor (the UI thread never blocks).
 * <p>
 * The executor is bounded: {@value #THREADS} named daemon threads ({@code convscope-bg-N}, started on demand, kept)
 * and a queue of at most {@value #QUEUE} waiting tasks. That is enough: the views submit through their view models'
 * newest-only runners ({@link org.convscope.app.common.LatestOnly}: at most one task per runner at a time, and hidden
 * views submit nothing), the datasets load one after the other, and file work is one task per click. A task beyond
 * the queue is refused with {@link java.util.concurrent.RejectedExecutionException} rather than piling up. Four
 * threads whatever the machine: a GIF export and a dataset load may take seconds each and still leave two threads
 * for the shown view's traces (milliseconds each). Training runs are not background tasks: a {@code TrainingSession},
 * the collect view's handwriting training and the engine warm-up have threads of their own for their whole run.
 * {@link #close()} (the app's stop) interrupts what runs and refuses new tasks. A task that throws is reported by
 * {@link ErrorLog} (stack trace in the log file, a message in the status bar).
 */
public final class Services implements AutoCloseable {
    static final int THREADS = 4, QUEUE = 256;

    private final ThreadPoolExecutor background = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofPlatform().name("convscope-bg-", 0).daemon(true)
                    .uncaughtExceptionHandler(ErrorLog::uncaught).factory());

    /** The most {@link #close()} waits for the work registered with {@link #finishBeforeExit}. */
    static final long EXIT_WAIT_MILLIS = 8_000;

    private final Set<CompletableFuture<?>> beforeExit = ConcurrentHashMap.newKeySet();

    public ExecutorService background() { return background; }

    /** Threads the background executor has started so far (at most {@value #THREADS}). */
    public int backgroundThreads() { return background.getPoolSize(); }

    /**
     * Work that must be done before the process exits (a training run ending and its last autosave): {@link #close()}
     * waits for it, at most {@value #EXIT_WAIT_MILLIS} ms. Any thread; the work must not need the FX thread.
     */
    public void finishBeforeExit(CompletableFuture<?> work) {
        beforeExit.add(work);
        work.whenComplete((r, e) -> beforeExit.remove(work));
    }

    /**
     * Waits (bounded) for the work registered with {@link #finishBeforeExit}, then stops the background threads.
     * The app calls this from {@code Application.stop()}: JavaFX calls that on the FX thread, but after the last window
     * has closed, so there is no frame to draw and no input to answer; waiting there is what keeps the JVM from
     * ending the (daemon) training thread in the middle of writing the autosave.
     */
    @Override public void close() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_WAIT_MILLIS);
        for (CompletableFuture<?> f : List.copyOf(beforeExit)) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                System.getLogger("convscope").log(System.Logger.Level.WARNING, "work before exit did not finish", e);
            }
        }
        background.shutdownNow();
    }
}
