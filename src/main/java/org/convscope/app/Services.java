package org.convscope.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Long-lived non-UI collaborators of the app: the background executor (the UI thread never blocks). A task that
 * throws is reported by {@link ErrorLog} (stack trace in the log file, a message in the status bar).
 */
public final class Services implements AutoCloseable {
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("convscope-bg-", 0).daemon(true).uncaughtExceptionHandler(ErrorLog::uncaught).factory());

    public ExecutorService background() { return background; }

    @Override public void close() { background.shutdownNow(); }
}
