package org.convscope.app;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Long-lived non-UI collaborators of the app: the background executor (the UI thread never blocks). */
public final class Services implements AutoCloseable {
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("convscope-bg-", 0).daemon(true).factory());

    /** The most {@link #close()} waits for the work registered with {@link #finishBeforeExit}. */
    static final long EXIT_WAIT_MILLIS = 8_000;

    private final Set<CompletableFuture<?>> beforeExit = ConcurrentHashMap.newKeySet();

    public ExecutorService background() { return background; }

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
