package org.convscope.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The training threads run below the window: lowered on the training thread, inherited by the workers it starts. */
class TrainingPriorityTest {

    /** The calling thread's nice value (Linux), from /proc/thread-self/stat: field 19, counted after the ")". */
    static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(f[16]); // fields 3.. of stat(5): state is f[0], nice is field 19
    }

    @Test
    void theTrainingThreadAndTheThreadsItStartsRunAtALowerPriority() throws Exception {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        AtomicReference<int[]> seen = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                int before = linux ? niceOfThisThread() : 0;
                boolean lowered = TrainingPriority.lowerCurrentThread();
                int after = linux ? niceOfThisThread() : 0;
                int[] child = new int[1];
                Thread c = Thread.ofPlatform().start(() -> {
                    try { child[0] = linux ? niceOfThisThread() : Thread.currentThread().getPriority(); }
                    catch (Exception e) { failed.set(e); }
                });
                c.join();
                seen.set(new int[] {before, after, child[0], lowered ? 1 : 0, Thread.currentThread().getPriority()});
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        t.join();
        if (failed.get() != null) throw new AssertionError(failed.get());
        int[] s = seen.get();
        assertEquals(Thread.MIN_PRIORITY, s[4], "the Java priority too (what Windows goes by)");
        if (linux) {
            assertEquals(1, s[3], "setpriority worked");
            assertEquals(Math.min(19, s[0] + TrainingPriority.nice()), s[1], "nice raised by " + TrainingPriority.nice());
            assertEquals(s[1], s[2], "a worker started by the training thread inherits it");
        } else {
            assertEquals(Thread.MIN_PRIORITY, s[2], "a worker inherits the Java priority");
        }
    }

    @Test
    void theNiceValueComesFromTheSystemPropertyWithinRange() {
        String old = System.getProperty(TrainingPriority.NICE_PROPERTY);
        try {
            System.clearProperty(TrainingPriority.NICE_PROPERTY);
            assertEquals(TrainingPriority.DEFAULT_NICE, TrainingPriority.nice());
            System.setProperty(TrainingPriority.NICE_PROPERTY, "0");
            assertEquals(0, TrainingPriority.nice());
            assertFalse(TrainingPriority.lowerCurrentThread(), "0 turns it off");
            System.setProperty(TrainingPriority.NICE_PROPERTY, "40");
            assertEquals(19, TrainingPriority.nice());
            System.setProperty(TrainingPriority.NICE_PROPERTY, "fast");
            assertEquals(TrainingPriority.DEFAULT_NICE, TrainingPriority.nice());
        } finally {
            if (old == null) System.clearProperty(TrainingPriority.NICE_PROPERTY); else System.setProperty(TrainingPriority.NICE_PROPERTY, old);
        }
    }

    /** The scheduling policy of the calling thread (Linux): field 41 of /proc/thread-self/stat (5 = SCHED_IDLE). */
    static int policyOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(f[38]);
    }

    @Test
    void theIdlePolicyIsOptInAndInheritedByTheWorkers() throws Exception {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return; // Linux only
        int[] seen = new int[3];
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread plain = Thread.ofPlatform().start(() -> {
            try { TrainingPriority.lowerCurrentThread(); seen[0] = policyOfThisThread(); }
            catch (Throwable e) { failed.set(e); }
        });
        plain.join();
        System.setProperty(TrainingPriority.IDLE_PROPERTY, "true");
        try {
            Thread idle = Thread.ofPlatform().start(() -> {
                try {
                    TrainingPriority.lowerCurrentThread();
                    seen[1] = policyOfThisThread();
                    Thread c = Thread.ofPlatform().start(() -> {
                        try { seen[2] = policyOfThisThread(); } catch (Exception e) { failed.set(e); }
                    });
                    c.join();
                } catch (Throwable e) { failed.set(e); }
            });
            idle.join();
        } finally {
            System.clearProperty(TrainingPriority.IDLE_PROPERTY);
        }
        if (failed.get() != null) throw new AssertionError(failed.get());
        assertEquals(0, seen[0], "SCHED_OTHER unless asked");
        assertEquals(5, seen[1], "SCHED_IDLE when asked");
        assertEquals(5, seen[2], "inherited by a worker");
    }

    static int tidOfThisThread() throws Exception {
        return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }

    /**
     * The window's threads (here: one that exists before training starts) ask for 100 µs slices, so that they take a
     * core from a training thread as soon as they wake (Linux 6.12+; CI's kernel is newer). The training thread and the
     * workers it starts keep the kernel's own slice, even though the training thread was started by a short-slice one.
     */
    @Test
    void theOtherThreadsGetShortSlicesAndTheTrainingThreadsDoNot() throws Exception {
        assertTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "CI runs on Linux");
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        int[] tids = new int[3];
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread ui = Thread.ofPlatform().start(() -> {
            try { tids[0] = tidOfThisThread(); done.await(); } catch (Throwable e) { failed.set(e); }
        });
        while (tids[0] == 0 && failed.get() == null) Thread.sleep(1);
        long[] slices = new long[3];
        Thread trainer = Thread.ofPlatform().start(() -> {
            try {
                assertTrue(TrainingPriority.lowerCurrentThread());
                tids[1] = tidOfThisThread();
                Thread worker = Thread.ofPlatform().start(() -> {
                    try { tids[2] = tidOfThisThread(); slices[2] = TrainingPriority.sliceNanos(0); } catch (Throwable e) { failed.set(e); }
                });
                worker.join();
                slices[1] = TrainingPriority.sliceNanos(0);
            } catch (Throwable e) { failed.set(e); }
        });
        trainer.join();
        slices[0] = TrainingPriority.sliceNanos(tids[0]);
        done.countDown();
        ui.join();
        if (failed.get() != null) throw new AssertionError(failed.get());
        assertEquals(TrainingPriority.DEFAULT_SLICE_MICROS * 1000, slices[0], "the window's thread asks for a short slice");
        assertTrue(slices[1] > TrainingPriority.DEFAULT_SLICE_MICROS * 1000, "the training thread keeps the kernel's: " + slices[1]);
        assertEquals(slices[1], slices[2], "and so do its workers");
    }

    @Test
    void theSliceComesFromTheSystemPropertyWithinTheKernelsBounds() {
        String old = System.getProperty(TrainingPriority.SLICE_PROPERTY);
        try {
            System.clearProperty(TrainingPriority.SLICE_PROPERTY);
            assertEquals(100, TrainingPriority.sliceMicros());
            System.setProperty(TrainingPriority.SLICE_PROPERTY, "0");
            assertEquals(0, TrainingPriority.sliceMicros(), "0 turns it off");
            System.setProperty(TrainingPriority.SLICE_PROPERTY, "5");
            assertEquals(100, TrainingPriority.sliceMicros(), "the kernel's minimum is 100 µs");
            System.setProperty(TrainingPriority.SLICE_PROPERTY, "soon");
            assertEquals(100, TrainingPriority.sliceMicros());
        } finally {
            if (old == null) System.clearProperty(TrainingPriority.SLICE_PROPERTY); else System.setProperty(TrainingPriority.SLICE_PROPERTY, old);
        }
    }
}
