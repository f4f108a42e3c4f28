package org.convscope.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.convscope.app.ErrorLog;
import org.junit.jupiter.api.Test;

/** One-off background work: one way in, results and failures on the FX executor, every failure logged. */
class OneShotTest {
    /** Records what it was given instead of running it, so the test can tell which executor ran what. */
    static final class Queue implements Executor {
        final List<Runnable> tasks = new ArrayList<>();
        @Override public void execute(Runnable r) { tasks.add(r); }
        void runAll() { while (!tasks.isEmpty()) tasks.removeFirst().run(); }
    }

    private static String log() throws Exception {
        return Files.exists(ErrorLog.file()) ? Files.readString(ErrorLog.file()) : "";
    }

    @Test
    void theWorkRunsInTheBackgroundAndItsResultOnTheFxExecutor() {
        Queue background = new Queue(), fx = new Queue();
        var shot = new OneShot(background, fx);
        var result = new AtomicReference<String>();
        shot.run("Adding", () -> "done", result::set, e -> { throw new AssertionError(e); });
        assertEquals(1, background.tasks.size(), "handed to the background executor, not run on the caller");
        assertTrue(fx.tasks.isEmpty());
        background.runAll();
        assertNull(result.get(), "the result waits for the FX executor");
        fx.runAll();
        assertEquals("done", result.get());
        assertEquals(1, shot.started());
        assertEquals(0, shot.failed());
    }

    @Test
    void aFailureIsLoggedWithItsStackTraceAndHandedToTheFxExecutor() throws Exception {
        Queue background = new Queue(), fx = new Queue();
        var shot = new OneShot(background, fx);
        String marker = "disk full " + UUID.randomUUID();
        var failure = new AtomicReference<Throwable>();
        shot.run("Saving " + marker, () -> { throw new java.io.IOException(marker); }, () -> { throw new AssertionError("done"); },
                failure::set);
        background.runAll();
        assertNull(failure.get(), "not told on the background thread");
        fx.runAll();
        assertInstanceOf(java.io.IOException.class, failure.get());
        String log = log();
        assertTrue(log.contains("Saving " + marker + " failed"), "the log says what failed");
        assertTrue(log.contains("at org.convscope.app.common.OneShotTest"), "with its stack trace");
        assertEquals(1, shot.failed());
    }

    @Test
    void aFullOrClosedExecutorIsAFailureLikeAnyOther() throws Exception {
        Queue fx = new Queue();
        var shot = new OneShot(r -> { throw new RejectedExecutionException("queue full"); }, fx);
        var failure = new AtomicReference<Throwable>();
        String marker = "export " + UUID.randomUUID();
        shot.run(marker, () -> 1, r -> { throw new AssertionError("ran"); }, failure::set);
        fx.runAll();
        assertInstanceOf(RejectedExecutionException.class, failure.get(), "the view hears of it");
        assertTrue(log().contains(marker + " failed"));
    }

    @Test
    void errorsAreCaughtToo() {
        var shot = new OneShot(Runnable::run, Runnable::run);
        var failure = new AtomicReference<Throwable>();
        shot.run("Decoding", () -> { throw new OutOfMemoryError("picture too large"); }, r -> { throw new AssertionError(); },
                failure::set);
        assertInstanceOf(OutOfMemoryError.class, failure.get());
    }
}
