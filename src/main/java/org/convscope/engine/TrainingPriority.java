package org.convscope.engine;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lets the window win over training (issue #12: on a two-core laptop the training threads took the cores from the FX
 * thread and the renderer, and one frame in ten took longer than 20 ms). A training thread calls
 * {@link #lowerCurrentThread()} before it creates its workers. Nothing needs a privilege, and nothing else in the
 * process loses anything:
 * <ol>
 *   <li>On Linux the training thread raises its own nice value (per thread there, and inherited by the threads it
 *   starts), elsewhere it sets the Java priority to the minimum (which Windows honours). The window's threads then get
 *   the larger share of a busy core.</li>
 *   <li>On Linux the process's other threads (the FX thread, the renderer, the JVM's own) ask the kernel for short
 *   time slices ({@code sched_setattr}'s {@code sched_runtime}, {@value #DEFAULT_SLICE_MICROS} µs): since Linux 6.12
 *   (EEVDF) a thread with a shorter slice than the running one takes the core as soon as it wakes, instead of waiting
 *   up to a whole slice of the training thread that holds it. A share is not a latency: nice +10 alone left
 *   2-2.5 % of frames over 20 ms, with the short slices 1.3-1.9 % at the same training speed (BENCHMARKS.md). Older
 *   kernels ignore the request. The training thread clears any short slice it inherited.</li>
 * </ol>
 * System properties: {@value #NICE_PROPERTY} (how much higher the training threads' nice value is than the app's; 0
 * = all of this off; default {@value #DEFAULT_NICE}), {@value #SLICE_PROPERTY} (the slice in µs, 0 = off), and
 * {@value #IDLE_PROPERTY}{@code =true} (an experiment: the training threads under SCHED_IDLE, which an unprivileged
 * process can never leave again, so that any other busy program would stop the training; not the default).
 */
public final class TrainingPriority {
    private TrainingPriority() {}

    public static final String NICE_PROPERTY = "convscope.training.nice";
    public static final int DEFAULT_NICE = 10;
    public static final String SLICE_PROPERTY = "convscope.ui.sliceMicros";
    public static final long DEFAULT_SLICE_MICROS = 100; // the kernel's minimum
    /** Experiment: true also puts the training threads under Linux's SCHED_IDLE policy. */
    public static final String IDLE_PROPERTY = "convscope.training.idle";
    private static final int SCHED_OTHER = 0, SCHED_IDLE = 5;
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

    /** The slice the other threads ask for, in µs (0 = none; at least the kernel's minimum of 100 µs). */
    public static long sliceMicros() {
        try {
            long v = Long.parseLong(System.getProperty(SLICE_PROPERTY, Long.toString(DEFAULT_SLICE_MICROS)).strip());
            return v <= 0 ? 0 : Math.clamp(v, 100, 100_000);
        } catch (NumberFormatException e) {
            return DEFAULT_SLICE_MICROS;
        }
    }

    /** Lowers the calling thread's scheduling priority (and so its future child threads'); true if it changed. */
    public static boolean lowerCurrentThread() {
        int nice = nice();
        if (nice == 0) return false;
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        Native n = Native.get();
        if (n == null) return false;
        try {
            // PRIO_PROCESS (0) with who = 0: on Linux the calling thread only (nice is a per-thread attribute there).
            // Relative to the app's own nice value: an app started with "nice" keeps its training below its window.
            int base = (int) n.getpriority.invokeExact(0, 0);
            int target = Math.min(19, Math.clamp(base, -20, 19) + nice);
            int rc = (int) n.setpriority.invokeExact(0, 0, target);
            String slices = "";
            long slice = sliceMicros();
            if (rc == 0 && slice > 0) {
                n.setAttr(0, target, 0); // this thread: the kernel's own slice, not one inherited from a UI thread
                slices = "; short slices (" + slice + " µs) for " + n.shortSlicesForOthers(base, slice * 1000) + " other thread(s)";
            }
            boolean idle = rc == 0 && Boolean.getBoolean(IDLE_PROPERTY) && n.setPolicy(SCHED_IDLE) == 0;
            if (!logged) {
                logged = true;
                LOG.log(System.Logger.Level.INFO, rc == 0 ? "training threads run at nice " + target + (idle ? " under SCHED_IDLE" : "")
                        + ", the window at " + base + slices
                        : "could not lower the training threads' priority (setpriority returned " + rc + ")");
            }
            return rc == 0;
        } catch (Throwable t) { // no libc symbol, a kernel without sched_setattr: train at normal priority
            if (!logged) {
                logged = true;
                LOG.log(System.Logger.Level.INFO, "training threads at normal priority: " + t);
            }
            return false;
        }
    }

    /** The slice a thread of this process runs with, in ns, as sched_getattr reports it (-1 where unknown; tests). */
    static long sliceNanos(int tid) {
        Native n = Native.get();
        if (n == null) return -1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(Native.ATTR_SIZE);
            long rc = (long) n.getattr.invokeExact(Native.SYS_SCHED_GETATTR, tid, attr, (int) Native.ATTR_SIZE, 0);
            return rc == 0 ? attr.get(ValueLayout.JAVA_LONG, 24) : -1;
        } catch (Throwable t) {
            return -1;
        }
    }

    /** libc's scheduling calls (Linux on x86-64 and arm64 only; null elsewhere or without native access). */
    private record Native(MethodHandle getpriority, MethodHandle setpriority, MethodHandle sched_setscheduler,
                          MethodHandle setattr, MethodHandle getattr) {
        static final long SYS_SCHED_SETATTR, SYS_SCHED_GETATTR;
        static final long ATTR_SIZE = 56; // struct sched_attr with utilisation clamps (SCHED_ATTR_SIZE_VER1)
        static {
            boolean arm = System.getProperty("os.arch", "").equals("aarch64");
            SYS_SCHED_SETATTR = arm ? 274 : 314;
            SYS_SCHED_GETATTR = arm ? 275 : 315;
        }
        private static volatile Native instance;
        private static volatile boolean tried;

        static Native get() {
            if (tried) return instance;
            synchronized (Native.class) {
                if (!tried) {
                    String arch = System.getProperty("os.arch", "");
                    try {
                        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                                && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
                            Linker linker = Linker.nativeLinker();
                            var libc = linker.defaultLookup();
                            MethodHandle syscall = linker.downcallHandle(libc.find("syscall").orElseThrow(),
                                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS, ValueLayout.JAVA_INT), Linker.Option.firstVariadicArg(1));
                            MethodHandle syscall5 = linker.downcallHandle(libc.find("syscall").orElseThrow(),
                                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), Linker.Option.firstVariadicArg(1));
                            instance = new Native(
                                    linker.downcallHandle(libc.find("getpriority").orElseThrow(),
                                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)),
                                    linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)),
                                    linker.downcallHandle(libc.find("sched_setscheduler").orElseThrow(),
                                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS)),
                                    syscall, syscall5);
                        }
                    } catch (Throwable t) { // no native access (e.g. --enable-native-access missing): normal priority
                        LOG.log(System.Logger.Level.INFO, "training threads at normal priority: " + t);
                    }
                    tried = true;
                }
            }
            return instance;
        }

        /** sched_setscheduler(0, policy, {0}) for the calling thread; 0 on success. */
        int setPolicy(int policy) throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                var param = arena.allocate(ValueLayout.JAVA_INT); // struct sched_param { int sched_priority = 0; }
                return (int) sched_setscheduler.invokeExact(0, policy, param);
            }
        }

        /** sched_setattr(tid, SCHED_OTHER at this nice, slice in ns; 0 = the kernel's default); 0 on success. */
        long setAttr(int tid, int nice, long sliceNanos) throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment attr = arena.allocate(ATTR_SIZE); // zeroed: flags 0, priority 0, no clamps
                attr.set(ValueLayout.JAVA_INT, 0, (int) ATTR_SIZE);
                attr.set(ValueLayout.JAVA_INT, 4, SCHED_OTHER);
                attr.set(ValueLayout.JAVA_INT, 16, nice);
                attr.set(ValueLayout.JAVA_LONG, 24, sliceNanos);
                return (long) setattr.invokeExact(SYS_SCHED_SETATTR, tid, attr, 0);
            }
        }

        /**
         * Short slices for the process's other threads under the normal policy at the app's nice value (the FX thread,
         * the renderer, the JVM's own; not the lowered threads of another training run). Returns how many took it.
         */
        int shortSlicesForOthers(int baseNice, long sliceNanos) throws IOException {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            List<Path> tasks;
            try (Stream<Path> s = Files.list(Path.of("/proc/self/task"))) { tasks = s.toList(); }
            int done = 0;
            List<String> failed = new ArrayList<>();
            for (Path t : tasks) {
                String tid = t.getFileName().toString();
                if (tid.equals(self)) continue;
                int[] policyAndNice = policyAndNice(t);
                if (policyAndNice == null || policyAndNice[0] != SCHED_OTHER || policyAndNice[1] > baseNice) continue;
                try {
                    if (setAttr(Integer.parseInt(tid), policyAndNice[1], sliceNanos) == 0) done++; else failed.add(tid);
                } catch (Throwable e) {
                    failed.add(tid);
                }
            }
            if (!failed.isEmpty()) LOG.log(System.Logger.Level.DEBUG, "no short slice for threads " + failed);
            return done;
        }

        /** Policy and nice value of a thread from /proc/self/task/TID/stat (fields 41 and 19); null if it has gone. */
        private static int[] policyAndNice(Path task) {
            try {
                String stat = Files.readString(task.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new int[] {Integer.parseInt(f[38]), Integer.parseInt(f[16])};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
