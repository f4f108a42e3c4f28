package org.convscope.app;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * When each step of the app's start happened, in milliseconds after the JVM started, by the JVM's own clock
 * (issue #12: the operating system's process start time has whole-second resolution, which put the old log line off by
 * up to a second). Marks are taken with {@link System#nanoTime()} and converted once, at the end, with the JVM's
 * uptime, so that taking a mark costs nothing and java.management is only touched after the first frame.
 * <p>The external measurement, which is what counts, is {@code scripts/startup.sh}; this log line says where the time
 * between the launcher and the window went.
 */
public final class StartupClock {
    private static final Map<String, Long> MARKS = new LinkedHashMap<>();

    private StartupClock() {}

    /** Remembers that {@code step} happened now (the first time only). */
    public static synchronized void mark(String step) {
        MARKS.putIfAbsent(step, System.nanoTime());
    }

    /** Milliseconds after JVM start of each mark so far, in the order they were taken. */
    public static synchronized Map<String, Long> millisAfterJvmStart() {
        long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        long jvmStartNanos = System.nanoTime() - uptimeMillis * 1_000_000L;
        Map<String, Long> out = new LinkedHashMap<>();
        MARKS.forEach((k, t) -> out.put(k, Math.round((t - jvmStartNanos) / 1e6)));
        return out;
    }

    /** "javafx 812, window built 1260, ..." for the log. */
    public static String summary() {
        StringJoiner j = new StringJoiner(", ");
        millisAfterJvmStart().forEach((k, v) -> j.add(k + " " + v));
        return j.toString();
    }

    /** Forgets every mark (tests). */
    static synchronized void reset() { MARKS.clear(); }
}
