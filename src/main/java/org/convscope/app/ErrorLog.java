package org.convscope.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javafx.application.Platform;

/**
 * Errors that nobody waits for: a task of the background executor or a view's {@code LatestOnly} runner that throws,
 * a training run that fails, an exception no code catches (on any thread, the FX thread included). Each is written
 * with its stack trace to the log file ({@link #file()}: {@code logs/convscope.log} in the user's ConvScope folder,
 * {@code ~/.convscope} or {@code -Dconvscope.home}, the autosave's folder), logged on the console, and, where no view
 * says so already, shown in the status bar with the log file's name. Nothing is swallowed. Any thread; never throws.
 * <p>
 * The file is appended to and starts afresh (the old one kept as {@code convscope.log.1}) when it passes
 * {@link #MAX_BYTES}.
 */
public final class ErrorLog {
    private ErrorLog() {}

    public static final String FILE_NAME = "convscope.log";
    /** Size at which the log starts afresh (one older file is kept). */
    public static final long MAX_BYTES = 1 << 20;

    private static final System.Logger CONSOLE = System.getLogger("convscope");
    private static final Object FILE_LOCK = new Object();
    private static volatile WeakReference<StatusLine> status = new WeakReference<>(null);

    /** The ConvScope folder: -Dconvscope.home, else ~/.convscope (as {@code training.Autosave.defaultFolder()}). */
    static Path home() {
        String home = System.getProperty("convscope.home");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".convscope");
    }

    /** Where errors are written: {@code <ConvScope folder>/logs/convscope.log} (read when called: follows the property). */
    public static Path file() { return home().resolve("logs").resolve(FILE_NAME); }

    /** The status line failures are shown on (the app's; the newest context's in tests). Held weakly. */
    public static void showOn(StatusLine line) { status = new WeakReference<>(line); }

    /**
     * Makes every exception no code catches, on any thread, a {@link #report}. Threads that set their own handler
     * (the background executor's, see {@link Services}) report the same way.
     */
    public static void installUncaughtHandler() { Thread.setDefaultUncaughtExceptionHandler(ErrorLog::uncaught); }

    /** An uncaught-exception handler that reports (for thread factories). */
    public static void uncaught(Thread thread, Throwable t) {
        report("Uncaught exception in thread \"" + thread.getName() + "\"", t);
    }

    /** Logs the failure with its stack trace (file and console) and shows it in the status bar. */
    public static void report(String what, Throwable t) {
        log(what, t);
        show(t);
    }

    /** Logs the failure with its stack trace (file and console); for failures a view already tells the user about. */
    public static void log(String what, Throwable t) {
        try {
            CONSOLE.log(System.Logger.Level.ERROR, what, t);
        } catch (RuntimeException ignored) { // a broken console logger must not hide the failure: the file follows
        }
        StringWriter text = new StringWriter();
        try (PrintWriter w = new PrintWriter(text)) {
            w.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " ERROR [" + Thread.currentThread().getName() + "] " + what);
            if (t != null) t.printStackTrace(w);
        }
        Path file = file();
        synchronized (FILE_LOCK) {
            try {
                Files.createDirectories(file.getParent());
                if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES)
                    Files.move(file, file.resolveSibling(FILE_NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                CONSOLE.log(System.Logger.Level.WARNING, "cannot write the error log " + file + ": " + e);
            }
        }
    }

    /** Shows a failure in the status bar: what went wrong in one line, and where the details are. */
    public static void show(Throwable t) {
        StatusLine line = status.get();
        if (line == null) return;
        String summary = summary(t);
        String where = file().toString();
        Runnable post = () -> line.show(StatusLine.Kind.ERROR, "shell.backgroundError", summary, where);
        if (Platform.isFxApplicationThread()) {
            post.run();
            return;
        }
        try {
            Platform.runLater(post);
        } catch (IllegalStateException noToolkit) { // no JavaFX running (a test without it): the log has it
        }
    }

    /** The innermost cause's message, or its class name when it has none ("NullPointerException"). */
    static String summary(Throwable t) {
        if (t == null) return "?";
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}
