package org.convscope.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Lets the window win over training (issue #12: on a two-core laptop the training threads took the cores from the FX
 * thread and the renderer, and one frame in ten took longer than 20 ms). A training thread calls
 * {@link #lowerCurrentThread()} before it creates its workers: on Linux it raises its own nice value (per thread
 * there, and inherited by the threads it starts; lowering one's own priority needs no privilege), elsewhere it sets
 * the Java priority to the minimum (which Windows honours). Nothing else in the process changes.
 * <p>
 * The system property {@value #NICE_PROPERTY} sets how much higher the training threads' nice value is than the
 * app's (0 = off; default {@value #DEFAULT_NICE}).
 */
public final class TrainingPriority {
    private TrainingPriority() {}

    public static final String NICE_PROPERTY = "convscope.training.nice";
    public static final int DEFAULT_NICE = 10;
    /** Experiment: true also puts the training threads under Linux's SCHED_IDLE policy. */
    public static final String IDLE_PROPERTY = "convscope.training.idle";
    private static final System.Logger LOG = System.getLogger("convscope.training");
    private static volatile boolean logged;

    /** The nice value asked for (0..19). */
    public static int nice() {
        try {
            return Math.clamp(Integer.parseInt(System.getProperty(NICE_PROPERTY, Integer.toString(DEFAULT_NICE)).strip()), 0, 19);
        } catch (NumberFormatException e) {
            return DEFAULT_NICE;
        }
    }

    /** Lowers the calling thread's scheduling priority (and so its future child threads'); true if it changed. */
    public static boolean lowerCurrentThread() {
        int nice = nice();
        if (nice == 0) return false;
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (!linux) return false;
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle getpriority = linker.downcallHandle(linker.defaultLookup().find("getpriority").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            MethodHandle setpriority = linker.downcallHandle(linker.defaultLookup().find("setpriority").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            // PRIO_PROCESS (0) with who = 0: on Linux the calling thread only (nice is a per-thread attribute there).
            // Relative to the app's own nice value: an app started with "nice" keeps its training below its window.
            int base = (int) getpriority.invokeExact(0, 0);
            int target = Math.min(19, Math.clamp(base, -20, 19) + nice);
            int rc = (int) setpriority.invokeExact(0, 0, target);
            if (rc == 0 && Boolean.getBoolean(IDLE_PROPERTY)) {
                // SCHED_IDLE (5): the thread runs only when no normal thread of the machine wants the core
                MethodHandle sched = linker.downcallHandle(linker.defaultLookup().find("sched_setscheduler").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
                try (Arena arena = Arena.ofConfined()) {
                    var param = arena.allocate(ValueLayout.JAVA_INT); // struct sched_param { int sched_priority = 0; }
                    int r = (int) sched.invokeExact(0, 5, param);
                    if (r != 0) LOG.log(System.Logger.Level.INFO, "SCHED_IDLE refused (" + r + ")");
                }
            }
            if (!logged) {
                logged = true;
                LOG.log(System.Logger.Level.INFO, rc == 0 ? "training threads run at nice " + target + ", the window at " + base
                        : "could not lower the training threads' priority (setpriority returned " + rc + ")");
            }
            return rc == 0;
        } catch (Throwable t) { // no native access, no libc symbol: train at normal priority
            if (!logged) {
                logged = true;
                LOG.log(System.Logger.Level.INFO, "training threads at normal priority: " + t);
            }
            return false;
        }
    }
}
