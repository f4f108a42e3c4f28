package org.convscope.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;

/**
 * Catches the FX thread being kept busy by our code, for the TestFX tests ("the FX thread never blocks").
 * <p>
 * While installed, a daemon thread posts a {@code Platform.runLater} ping every {@value #PING_MILLIS} ms and, while a
 * ping waits for an answer (the FX thread is busy with a pulse, an event or a runnable), samples the FX thread's stack
 * every {@value #SAMPLE_MILLIS} ms. Each wait is one <em>stall</em>; the time of a stall is charged to our code only
 * where the samples show the FX thread working for the app's own classes (not the tests'): the innermost frame that
 * is not the JDK's is ours ({@link #inOurCode}). Charged is the FX thread's <em>CPU time</em> between samples while
 * it runs there (so that a loaded machine,
 * which takes the core away from a runnable FX thread, is not counted), and the wall time while it waits there
 * (blocked, sleeping, in a native call such as file I/O: exactly what must not happen). JavaFX's own work (CSS,
 * layout, the software renderer) is never charged, however slow it is on a loaded machine.
 * <p>
 * {@link #assertNoStallOver(long)} fails with the worst stall charged to our code and its most frequent stack.
 */
public final class FxWatchdog implements AutoCloseable {
    static final long PING_MILLIS = 10, SAMPLE_MILLIS = 4;
    private static final int STACK_LINES = 30;

    /** One stall: wall time, the part charged to our code, and the stacks seen in our code. */
    public static final class Stall {
        final long startNanos;
        long wallNanos, oursNanos;
        final Map<String, Integer> stacks = new HashMap<>();
        int samples;

        Stall(long startNanos) { this.startNanos = startNanos; }

        public double wallMillis() { return wallNanos / 1e6; }
        public double oursMillis() { return oursNanos / 1e6; }

        /** The stack seen most often in our code during this stall. */
        public String stack() {
            return stacks.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getValue() + " of " + samples
                    + " samples:\n" + e.getKey()).orElse("(no sample in our code)");
        }

        @Override public String toString() {
            return String.format(Locale.ROOT, "FX thread busy %.0f ms, %.0f ms of it in our code; %s", wallMillis(), oursMillis(), stack());
        }
    }

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Thread fx;
    private final Thread watcher;
    private volatile boolean running = true;
    private final AtomicLong answered = new AtomicLong(), posted = new AtomicLong();
    private final List<Stall> stalls = new ArrayList<>();
    private final Map<String, Boolean> ours = new HashMap<>();
    private long pings, worstWallNanos;

    private FxWatchdog(Thread fx) {
        this.fx = fx;
        watcher = Thread.ofPlatform().name("fx-watchdog").daemon(true).unstarted(this::watch);
        watcher.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts watching the FX thread (call from a test thread, not the FX thread). */
    public static FxWatchdog install() {
        if (Platform.isFxApplicationThread()) throw new IllegalStateException("install from the test thread");
        Thread[] t = new Thread[1];
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> { t[0] = Thread.currentThread(); found.countDown(); });
        try {
            if (!found.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the FX thread does not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        FxWatchdog w = new FxWatchdog(t[0]);
        w.watcher.start();
        return w;
    }

    private void watch() {
        while (running) {
            long sent = posted.incrementAndGet();
            long t0 = System.nanoTime();
            Platform.runLater(() -> answered.set(sent));
            pings++;
            Stall stall = null;
            long lastSample = t0, lastCpu = cpu();
            boolean lastOurs = false;
            // wait for the answer; once it is late, sample the FX thread's stack
            while (running && answered.get() < sent) {
                sleepMillis(SAMPLE_MILLIS);
                long now = System.nanoTime();
                if (answered.get() >= sent) break;
                if (stall == null && now - t0 < TimeUnit.MILLISECONDS.toNanos(PING_MILLIS)) { lastSample = now; lastCpu = cpu(); continue; }
                if (stall == null) stall = new Stall(t0);
                Thread.State state = fx.getState();
                StackTraceElement[] stack = fx.getStackTrace();
                long cpu = cpu();
                stall.samples++;
                boolean ours = inOurCode(stack);
                if (ours) {
                    stall.stacks.merge(format(stack, state), 1, Integer::sum);
                    // the time since the last sample is charged only when that sample was in our code too: on a loaded
                    // machine this thread may sleep far longer than asked, and one sample must not take the blame
                    // for a long interval it saw only the end of
                    if (lastOurs) {
                        boolean waiting = state != Thread.State.RUNNABLE || stack.length > 0 && isIoWait(stack[0]);
                        stall.oursNanos += waiting || cpu < 0 ? now - lastSample : Math.min(now - lastSample, cpu - lastCpu);
                    }
                }
                lastOurs = ours;
                lastSample = now;
                lastCpu = cpu;
            }
            if (stall != null) {
                stall.wallNanos = System.nanoTime() - t0;
                worstWallNanos = Math.max(worstWallNanos, stall.wallNanos);
                synchronized (stalls) { stalls.add(stall); }
            }
            sleepMillis(PING_MILLIS);
        }
    }

    /** The FX thread's CPU time (ns), -1 when the JVM does not measure it. */
    private long cpu() { return mx.isThreadCpuTimeSupported() ? mx.getThreadCpuTime(fx.threadId()) : -1; }

    /**
     * A native call that waits for a file or the network (RUNNABLE to the JVM, but using no CPU): charged by the wall
     * clock. Other native calls (defining a class, copying arrays) are work and charged by CPU time.
     */
    static boolean isIoWait(StackTraceElement e) {
        if (!e.isNativeMethod()) return false;
        String c = e.getClassName();
        return c.startsWith("sun.nio.fs.") || c.startsWith("sun.nio.ch.") || c.equals("java.io.FileOutputStream")
                || c.equals("java.io.FileInputStream") || c.equals("java.io.RandomAccessFile") || c.startsWith("java.net.")
                || c.equals("java.io.UnixFileSystem") || c.equals("java.io.WinNTFileSystem");
    }

    /**
     * Whether the FX thread works for our code at this sample: the innermost frame that is not the JDK's own (JavaFX,
     * a library, or ours) is ours. Our code calling the JDK (collections, class loading, a lock, a file) counts;
     * JavaFX working for our code (the CSS, layout and rendering of a view just put on screen) does not: that is the
     * toolkit's cost, however slow it is on a loaded machine, and our frames are always somewhere below it.
     */
    boolean inOurCode(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")
                    || c.startsWith("com.sun.") && !c.startsWith("com.sun.javafx.") && !c.startsWith("com.sun.glass.")
                    && !c.startsWith("com.sun.prism.") && !c.startsWith("com.sun.scenario.")) continue;
            return isOurs(c);
        }
        return false;
    }

    /** A class of src/main (the tests' classes and this watchdog are not "our code" here). */
    boolean isOurs(String className) {
        if (!className.startsWith("org.convscope.")) return false;
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return ours.computeIfAbsent(outer, n -> {
            try {
                Class<?> c = Class.forName(n, false, FxWatchdog.class.getClassLoader());
                var src = c.getProtectionDomain().getCodeSource();
                String where = src == null || src.getLocation() == null ? "" : src.getLocation().toString();
                return !where.contains("test-classes");
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    private static String format(StackTraceElement[] stack, Thread.State state) {
        StringBuilder b = new StringBuilder("  [" + state + "]\n");
        for (StackTraceElement e : Arrays.copyOf(stack, Math.min(stack.length, STACK_LINES))) b.append("  at ").append(e).append('\n');
        if (stack.length > STACK_LINES) b.append("  ... ").append(stack.length - STACK_LINES).append(" more\n");
        return b.toString();
    }

    private static void sleepMillis(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    /** Stops watching. */
    @Override public void close() {
        running = false;
        try { watcher.join(5_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    /** Every stall seen so far (a copy). */
    public List<Stall> stalls() { synchronized (stalls) { return List.copyOf(stalls); } }

    /** The stall with the most time charged to our code, null if none. */
    public Stall worst() {
        return stalls().stream().max(java.util.Comparator.comparingLong(s -> s.oursNanos)).orElse(null);
    }

    /** Pings posted so far (to check that the watchdog watched). */
    public long pings() { return pings; }

    /** One line: pings, stalls, the longest stall and the most charged to our code. */
    public String summary() {
        Stall w = worst();
        return String.format(Locale.ROOT, "%d pings, %d stalls over %d ms, longest %.0f ms, most in our code %.0f ms",
                pings, stalls().size(), PING_MILLIS, worstWallNanos / 1e6, w == null ? 0.0 : w.oursMillis());
    }

    /** Fails when the FX thread spent more than limitMillis of one stall in our code; the message shows where. */
    public void assertNoStallOver(long limitMillis) {
        Stall w = worst();
        if (w != null && w.oursNanos > TimeUnit.MILLISECONDS.toNanos(limitMillis)) {
            throw new AssertionError("the FX thread was busy in our code for more than " + limitMillis + " ms (" + summary()
                    + "). Worst: " + w);
        }
    }
}
