package org.convscope.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Gets the engine's kernels compiled before a person needs them. In a fresh JVM the Vector API kernels run in
 * the interpreter and in C1 code, where every vector operation is a Java loop over the lanes: 200-10,000 times
 * slower than the C2 code that the same kernels get once they are hot. A warm-up runs them on a throw-away network
 * and synthetic images, so that the JIT compiles them while the window opens, and the teacher's first Start and
 * the first digit on the draw pad meet compiled code.
 *
 * <p>It never touches a caller's network, weights or data, so results are exactly those of a run without it
 * (the tests and the determinism of seed + thread count are unaffected). It yields to real work: it stops before
 * its next step as soon as another {@link Trainer} exists (a real training run takes over warming the same
 * kernels), or when the caller's {@code stop} says so.
 */
public final class Warmup {
    private Warmup() {}

    /** What a warm-up did: training steps and images, traces, wall time, and whether it stopped early. */
    public record Result(int steps, long images, int traces, long nanos, boolean stoppedEarly) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d training steps (%d images), %d traces in %.2f s%s", steps, images,
                    traces, nanos / 1e9, stoppedEarly ? " (stopped early)" : "");
        }
    }

    /** Images of one warm-up training step per thread: one chunk, the smallest unit every training kernel runs on. */
    static final int STEP_IMAGES = Trainer.CHUNK;
    /**
     * Upper bounds per model (and per optimizer). The kernels reach C2 after a few hundred calls each: about 1,000-3,000
     * training images of the warm-up on a machine with a free core for the compiler; the bounds cap what a warm-up can
     * cost on a busy one.
     */
    static final int MAX_TRAINING_IMAGES = 4_000, MAX_TRACES = 2_000;
    /**
     * At most this much CPU time of the warm-up's thread (2-4 s are typical on two cores): where the kernels never
     * reach the settled rate (a machine without wide vectors, the scalar kernels), the warm-up still ends.
     */
    static final long MAX_CPU_NANOS = 20_000_000_000L;
    /** Traces of the first pass: enough for their kernels to be queued for C2 (a few hundred calls each). */
    static final int FIRST_TRACES = 300;

    /**
     * Warms the single-image forward pass ({@link Network#trace}, what the draw, network and kernel views call)
     * and then training (forward, backward, gradient reduction, SGD and Adam updates, batched inference) of each
     * model, on one thread (the caller's), until every step runs at a rate that only C2 code reaches
     * ({@link Settling}) or a bound is reached; then the traces once more, until they are fast too.
     *
     * @param models the models whose kernels to warm (their layers pick the kernels)
     * @param stop   checked before every step; true ends the warm-up
     */
    public static Result run(List<ModelSpec> models, BooleanSupplier stop) {
        return run(models, models, stop, MAX_CPU_NANOS);
    }

    /**
     * The same with the traced models and the trained models chosen apart (in the order given): the app traces the
     * draw view's model and trains the models of its two recipes.
     */
    public static Result run(List<ModelSpec> traced, List<ModelSpec> trained, BooleanSupplier stop) {
        return run(traced, trained, stop, MAX_CPU_NANOS);
    }

    /** {@link #run(List, List, BooleanSupplier)} that also stops once it has used cpuBudgetNanos of its thread's CPU time. */
    static Result run(List<ModelSpec> traced, List<ModelSpec> trained, BooleanSupplier userStop, long cpuBudgetNanos) {
        long t0 = System.nanoTime(), cpu0 = cpuNanos();
        BooleanSupplier stop = () -> userStop.getAsBoolean() || cpuNanos() - cpu0 > cpuBudgetNanos;
        int steps = 0, traces = 0;
        long images = 0;
        boolean early = false;
        SplittableRandom rnd = new SplittableRandom(1);
        outer:
        // Phase 0: traces (what a view asks for first), a short while: their kernels keep compiling in the JIT's queue
        // while phase 1 trains; phase 2 traces again until they run in C2 code (at once if they already do).
        for (int phase = 0; phase < 3; phase++) {
            for (ModelSpec spec : phase == 1 ? trained : traced) {
                Network net = Network.create(spec, 1);
                long macs = multiplyAdds(net);
                if (phase != 1) {
                    float[] image = new float[spec.input().size()];
                    for (int i = 0; i < image.length; i++) image[i] = rnd.nextInt(4) == 0 ? rnd.nextFloat() : 0f;
                    Settling settle = new Settling(2.0 * macs);
                    for (int i = 0; i < (phase == 0 ? FIRST_TRACES : MAX_TRACES) && !settle.settled(); i++) {
                        if (stop.getAsBoolean() || Trainer.live() > 0) { early = true; break outer; }
                        long s = cpuNanos();
                        net.trace(image);
                        settle.add(cpuNanos() - s, 1);
                        traces++;
                    }
                    continue;
                }
                int pixels = spec.input().size(), n = 64;
                byte[] px = new byte[n * pixels], labels = new byte[n];
                for (int i = 0; i < px.length; i++) px[i] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(256) : 0;
                for (int i = 0; i < n; i++) labels[i] = (byte) rnd.nextInt(spec.classes());
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) idx[i] = i;
                float[] sum = new float[net.parameterCount()], part = new float[net.parameterCount()];
                for (TrainConfig.Optimizer opt : TrainConfig.Optimizer.values()) {
                    TrainConfig config = new TrainConfig(opt, opt == TrainConfig.Optimizer.ADAM ? 1e-3f : 0.01f, 0f, 0f,
                            STEP_IMAGES, 1, 1, 1);
                    Settling settle = new Settling(6.0 * macs);
                    try (Trainer trainer = new Trainer(net, config, true)) {
                        for (int done = 0; done < MAX_TRAINING_IMAGES && !settle.settled(); ) {
                            if (stop.getAsBoolean() || Trainer.live() > 0) { early = true; break outer; }
                            // now and then a short batch: the padded lanes of a last batch take other branches
                            int m = steps % 7 == 6 ? STEP_IMAGES - 5 : STEP_IMAGES;
                            long s = cpuNanos();
                            trainer.step(px, labels, idx, (steps * STEP_IMAGES) % (n - STEP_IMAGES + 1), m);
                            // the reduction of the threads' gradients, which a one-thread trainer never runs
                            net.kernels().add(sum, part, 0, sum.length);
                            boolean evaluated = steps % 4 == 3; // the accuracy checks of a training run
                            if (evaluated) trainer.evaluate(px, labels, 0, STEP_IMAGES);
                            settle.add(cpuNanos() - s, evaluated ? m + STEP_IMAGES / 3 : m); // inference: 1/3 of a training image
                            steps++;
                            done += m;
                            images += m;
                        }
                    }
                }
            }
        }
        return new Result(steps, images, traces, System.nanoTime() - t0, early);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    /**
     * This thread's CPU time (the wall time where the JVM cannot say): on a busy machine the wall time of a step
     * also counts the time other processes held the core, which would hide whether the code got faster.
     */
    static long cpuNanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * Multiply-adds of one image's forward pass: every weight of a convolution is used once per output pixel, every
     * weight of a dense layer once. A training step costs about three times this (forward, input gradient, weight
     * gradient): 416,520 multiply-adds, 2.50 MFLOP per training image of LeNet-5.
     */
    static long multiplyAdds(Network net) {
        long macs = 0;
        for (LayerOp op : net.ops) macs += (long) op.weightCount() * op.out.h() * op.out.w();
        return macs;
    }

    /**
     * Is a repeated task running in compiled code yet? The Vector API kernels run at about 0.3 GFLOP/s per core in C1
     * code and at 10-70 in C2 code (depending on the vector width of the machine), so a step that reaches
     * {@link #SETTLED_GFLOPS} per core of CPU time runs in C2 code; settled once the last {@link #WINDOW} steps
     * all did, after at least {@link #MIN} steps. (A test of the step time alone is fooled: the time stays flat for a
     * while in C1 code too, while C2 is still compiling.)
     */
    static final class Settling {
        static final double SETTLED_GFLOPS = 8.0;
        static final int MIN = 20, WINDOW = 10;
        private final double flopsPerUnit;
        private int count, fast;

        /** flopsPerUnit: the floating point operations of one unit of work (an image) */
        Settling(double flopsPerUnit) { this.flopsPerUnit = flopsPerUnit; }

        /** One step of units units that took nanos of CPU time. */
        void add(long nanos, int units) {
            count++;
            fast = flopsPerUnit * units / Math.max(1, nanos) >= SETTLED_GFLOPS ? fast + 1 : 0; // flop per ns = GFLOP/s
        }

        boolean settled() { return count >= MIN && fast >= WINDOW; }
    }
}
