package org.convscope.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One trainer thread's stopwatch for the per-layer profile ({@link EngineBench#profile}): the wall time and the
 * thread's CPU time spent in each part of a training step, added up over the steps. A trainer has probes only while
 * it is profiled ({@link Trainer#profile}); otherwise the layers run without any timing call.
 *
 * <p>Slots: {@code i} = forward of layer i, {@code layers + i} = backward of layer i, then {@link #input} and
 * {@link #loss}: these run once per chunk of images, and each chunk times only one of them, in turn (reading a thread's
 * CPU clock is a system call, about a microsecond on a virtual machine: timing all 2·layers + 2 parts of every chunk
 * made a step a quarter slower, and the small layers' figures mostly clock reads). Then {@link #zero},
 * {@link #reduce} and {@link #update}, once per step, always timed.
 *
 * <p>The clock reads themselves cost 1-30 µs of CPU on a busy virtual machine, part of which falls inside every timed
 * interval; so every timed interval is followed by an empty one, and the median of the empty ones (measured under the
 * same load) is what {@link EngineBench#profile} takes off each interval. Every interval is kept, so that the profile
 * can report medians: on a machine shared with other programs a mean is dominated by the intervals in which another
 * process evicted the caches or the hypervisor took the core.
 */
final class StepProbe {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = MX.isCurrentThreadCpuTimeSupported();
    /** Timed intervals kept per slot (a profile of a few hundred steps stays below). */
    static final int CAPACITY = 8192;

    final int layers;
    /** Per slot, every timed interval: wall and CPU ns, and the images of its chunk (per-chunk slots). */
    final long[][] wall, cpu;
    final int[][] images;
    final int[] count;
    /** The empty intervals (see above). */
    final long[] emptyWall = new long[CAPACITY], emptyCpu = new long[CAPACITY];
    int empties;
    private final int chunkSlots;
    private int active = -1, activeImages;
    private long w0, c0;

    StepProbe(int layers) {
        this.layers = layers;
        this.chunkSlots = 2 * layers + 2;
        this.wall = new long[chunkSlots + 3][CAPACITY];
        this.cpu = new long[chunkSlots + 3][CAPACITY];
        this.images = new int[chunkSlots + 3][CAPACITY];
        this.count = new int[chunkSlots + 3];
    }

    int forward(int layer) { return layer; }

    int backward(int layer) { return layers + layer; }

    /** Copying a chunk's images into the first buffer. */
    int input() { return 2 * layers; }

    /** Softmax and cross-entropy with their gradient. */
    int loss() { return 2 * layers + 1; }

    /** Clearing the thread's gradient buffer at the start of a step. */
    int zero() { return chunkSlots; }

    /** Adding the other threads' gradients into this thread's parameter range. */
    int reduce() { return chunkSlots + 1; }

    /** The optimizer's update of this thread's parameter range. */
    int update() { return chunkSlots + 2; }

    /** Whether the slot is timed once per chunk (in turn) rather than once per step. */
    boolean perChunk(int slot) { return slot < chunkSlots; }

    /** A new chunk of this many images begins: the next per-chunk slot is the one timed in it. */
    void chunk(int images) {
        active = (active + 1) % chunkSlots;
        activeImages = images;
    }

    static long cpuNow() { return CPU ? MX.getCurrentThreadCpuTime() : System.nanoTime(); }

    void start(int slot) {
        if (slot < chunkSlots && slot != active) return;
        w0 = System.nanoTime();
        c0 = cpuNow();
    }

    void stop(int slot) {
        if (slot < chunkSlots && slot != active) return;
        long c1 = cpuNow(), w1 = System.nanoTime();
        int i = count[slot];
        if (i == CAPACITY) return;
        cpu[slot][i] = c1 - c0;
        wall[slot][i] = w1 - w0;
        images[slot][i] = slot < chunkSlots ? activeImages : 0;
        count[slot] = i + 1;
        if (empties == CAPACITY) return;
        long w2 = System.nanoTime(), c2 = cpuNow(), c3 = cpuNow(), w3 = System.nanoTime(); // an empty interval
        emptyCpu[empties] = c3 - c2;
        emptyWall[empties++] = w3 - w2;
    }
}
