package org.convscope.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The engine's throughput benchmark, in the peers' configuration (../shared/peers/README.md): LeNet-5 modern (ReLU,
 * max pooling) on MNIST, batch 256, SGD lr 0.1, measured for the vector kernels and the scalar reference in the same
 * run so that their ratio holds on a noisy machine.
 * <ul>
 *   <li>training: at least {@code warmup} batches on a throw-away network, more until the JIT has settled (see
 *       {@link #warmUp}), then {@code batches} timed steps on a fresh one (forward + backward + update, reading the
 *       loss every step), images/s over the wall time;</li>
 *   <li>inference: Trainer.predict over the test images in batches of 256, median of 3 passes;</li>
 *   <li>trace latency: Network.trace of one image with every layer recorded, median of 2,000 calls after a warm-up
 *       of at least 5,000 calls that lasts until the JIT has settled.</li>
 * </ul>
 * {@link #run} returns a {@link Result}; {@link #main} prints it as one JSON line. Usage:
 * {@code java --add-modules jdk.incubator.vector -cp target/classes org.convscope.engine.EngineBench
 * data=DIR threads=2 batches=60 warmup=10 scalar_batches=6}. DIR holds MNIST IDX files (plain or .gz).
 */
public final class EngineBench {
    private EngineBench() {}

    /** Floating-point operations of one LeNet-5 training image as the peers count them (3 × forward). */
    public static final double LENET_TRAIN_FLOP = 2_499_120;

    /**
     * What to measure.
     * @param threads       trainer threads
     * @param batches       timed training steps for the vector kernels
     * @param warmup        untimed steps first (JIT)
     * @param scalarBatches timed training steps for the scalar reference (0 skips the scalar run)
     * @param seed          network seed
     */
    public record Options(String model, int batch, int threads, int batches, int warmup, int scalarBatches, long seed) {
        public static Options defaults() {
            return new Options("lenet5-modern", 256, TrainConfig.defaultThreads(), 60, 10, 6, 42);
        }
    }

    /**
     * One kernel set's numbers.
     * @param trainCpuUsPerImage CPU time of all training threads per image (does not grow when other programs take the
     *                           cores; 1e6 / it is the throughput of one fully available core)
     * @param trainCoresBusy     CPU time of the training threads / wall time: how many cores training actually got
     */
    public record Numbers(String kernels, double trainImagesPerS, double inferImagesPerS, double traceLatencyUs,
                          float firstLoss, float lastLoss, double trainCpuUsPerImage, double trainCoresBusy) {}

    /** Vector and scalar numbers of one run; scalar is null when it was skipped. */
    public record Result(String model, String dataset, int batch, int threads, Numbers vector, Numbers scalar) {
        /** Fraction of the given peak FLOP/s that the vector training throughput reaches (LeNet-5 only). */
        public double peakFraction(double peakGflops) { return vector.trainImagesPerS * LENET_TRAIN_FLOP / (peakGflops * 1e9); }

        public String toJson() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "{\"model\":\"%s\",\"dataset\":\"%s\",\"batch\":%d,\"threads\":%d,", model, dataset, batch, threads));
            append(sb, "", vector);
            if (scalar != null) {
                sb.append(',');
                append(sb, "scalar_", scalar);
                sb.append(String.format(Locale.ROOT, ",\"train_speedup\":%.2f,\"infer_speedup\":%.2f",
                        vector.trainImagesPerS / scalar.trainImagesPerS, vector.inferImagesPerS / scalar.inferImagesPerS));
            }
            if (model.startsWith("lenet5")) sb.append(String.format(Locale.ROOT, ",\"train_gflops\":%.1f",
                    vector.trainImagesPerS * LENET_TRAIN_FLOP / 1e9));
            return sb.append('}').toString();
        }

        private static void append(StringBuilder sb, String prefix, Numbers n) {
            sb.append(String.format(Locale.ROOT, "\"%skernels\":\"%s\",\"%strain_images_per_s\":%.0f,\"%sinfer_images_per_s\":%.0f,"
                            + "\"%strace_latency_us\":%.1f,\"%sfirst_loss\":%.4f,\"%slast_loss\":%.4f,"
                            + "\"%strain_cpu_us_per_image\":%.1f,\"%strain_cores_busy\":%.2f",
                    prefix, n.kernels, prefix, n.trainImagesPerS, prefix, n.inferImagesPerS, prefix, n.traceLatencyUs,
                    prefix, n.firstLoss, prefix, n.lastLoss, prefix, n.trainCpuUsPerImage, prefix, n.trainCoresBusy));
        }
    }

    /**
     * Runs the benchmark on the given data (uint8 images of 28×28, labels 0..9).
     * @param dataset only a name for the output
     */
    public static Result run(Options o, String dataset, byte[] trainImages, byte[] trainLabels, byte[] testImages) {
        Numbers vector = measure(o, Kernels.vector(), o.batches, trainImages, trainLabels, testImages);
        Numbers scalar = o.scalarBatches > 0 ? measure(o, Kernels.scalar(), o.scalarBatches, trainImages, trainLabels, testImages) : null;
        return new Result(o.model, dataset, o.batch, o.threads, vector, scalar);
    }

    static Numbers measure(Options o, Kernels kernels, int batches, byte[] trainImages, byte[] trainLabels, byte[] testImages) {
        ModelSpec spec = ModelZoo.byId(o.model);
        int imageSize = spec.input().size(), trainCount = trainImages.length / imageSize, testCount = testImages.length / imageSize;
        int[] order = shuffled(trainCount, o.seed);
        TrainConfig cfg = new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, o.batch, 1, o.threads, o.seed);
        boolean scalar = kernels instanceof ScalarKernels;
        try (Trainer t = new Trainer(Network.create(spec, o.seed + 1, kernels), cfg)) {
            warmUp(t, o, scalar, trainImages, trainLabels, order, trainCount, testImages);
        }
        Network net = Network.create(spec, o.seed, kernels);
        float first = Float.NaN, last = Float.NaN;
        double trainRate, inferRate;
        double cpuPerImage, coresBusy;
        try (Trainer t = new Trainer(net, cfg)) {
            long[] ids = threadIds(t);
            long cpu0 = cpuTime(ids), t0 = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                last = t.step(trainImages, trainLabels, order, (b * o.batch) % (trainCount - o.batch), o.batch);
                if (b == 0) first = last;
            }
            long wall = System.nanoTime() - t0, cpu = cpuTime(ids) - cpu0;
            trainRate = (double) batches * o.batch / (wall / 1e9);
            cpuPerImage = cpu / 1e3 / ((double) batches * o.batch);
            coresBusy = (double) cpu / wall;
            int n = scalar ? Math.min(testCount, 2560) : testCount;
            int[] out = new int[o.batch];
            double[] passes = new double[3];
            for (int pass = -1; pass < 3; pass++) { // pass -1 warms up
                long p0 = System.nanoTime();
                for (int i = 0; i < n; i += o.batch) t.predict(testImages, i, Math.min(o.batch, n - i), out);
                if (pass >= 0) passes[pass] = n / ((System.nanoTime() - p0) / 1e9);
            }
            Arrays.sort(passes);
            inferRate = passes[1];
        }
        float[] image = new float[imageSize];
        for (int i = 0; i < imageSize; i++) image[i] = (testImages[i] & 0xff) / 255f;
        // the single-image kernels are not the training ones: warm them up on their own, until the JIT has settled
        int calls = scalar ? 300 : 2000;
        long[] times = new long[calls];
        long previous = Long.MAX_VALUE, warmStart = System.nanoTime();
        for (int block = 0; block < 100 && System.nanoTime() - warmStart < 20e9; block++) {
            long[] t = new long[200];
            for (int i = 0; i < t.length; i++) {
                long s = System.nanoTime();
                net.trace(image);
                t[i] = System.nanoTime() - s;
            }
            long median = median(t, 0, t.length);
            if (block >= 25 && median >= 0.95 * previous) break; // at least 5,000 calls: C2 compiles in the background
            previous = Math.min(previous, median);
        }
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            net.trace(image);
            times[i] = System.nanoTime() - s;
        }
        Arrays.sort(times);
        return new Numbers(kernels.name(), trainRate, inferRate, times[calls / 2] / 1e3, first, last, cpuPerImage, coresBusy);
    }

    // ------------------------------------------------------------------------------------------------ per-layer profile

    /**
     * One part of a training step in the profile: times in µs per training image, summed over the trainer's threads
     * (so CPU µs are what one core spends per image), and the floating-point operations of the part per image
     * (0 for parts that only move data).
     */
    public record Part(String name, double forwardFlop, double backwardFlop, double forwardWallUs, double forwardCpuUs,
                       double backwardWallUs, double backwardCpuUs) {
        public double wallUs() { return forwardWallUs + backwardWallUs; }

        public double cpuUs() { return forwardCpuUs + backwardCpuUs; }

        public double flop() { return forwardFlop + backwardFlop; }

        /** GFLOP/s on one core: the part's operations over its CPU time (0 for data movement). */
        public double coreGflops() { return cpuUs() > 0 ? flop() / cpuUs() / 1e3 : 0; }
    }

    /**
     * The per-layer profile of a training step ({@link #profile}).
     * @param parts             every layer (forward and backward), then input, loss, zeroing the gradient, the
     *                          gradient reduction, the optimizer update and "other" (hand-off to the threads, waiting
     *                          for the slower one: the threads' time outside the parts)
     * @param wallUsPerImage    a step's wall time per image with the stopwatches off, median over the steps
     * @param cpuUsPerImage     the threads' CPU time per image with the stopwatches off, median over the steps
     * @param profiledWallUsPerImage the same with the stopwatches on (their cost shows in the difference)
     * @param peakCoreGflops    FMA peak of one core, measured in this process over the thread's CPU time
     * @param peakGflops        FMA peak of {@code threads} threads over the wall time, measured in this process
     * @param coresBusy         CPU time of the trainer's threads over wall time with the stopwatches off
     * @param clockCpuUs        CPU µs that the clock reads add to one timed interval (taken off every part; in "other")
     * @param imagesPerS        training images per second over all steps with the stopwatches off (the mean rate, as
     *                          {@link #run} reports it; the per-image times are medians over the steps)
     */
    public record Profile(String model, int batch, int threads, int steps, List<Part> parts, double wallUsPerImage,
                          double cpuUsPerImage, double profiledWallUsPerImage, double peakCoreGflops, double peakGflops,
                          double coresBusy, double clockCpuUs, double imagesPerS) {
        /** Floating-point operations of one training image, counted layer by layer (the first layer needs no input gradient). */
        public double flopPerImage() { return parts.stream().mapToDouble(Part::flop).sum(); }

        /** The median step's CPU µs per image with the stopwatches on: the parts add up to this. */
        public double profiledCpuUsPerImage() { return parts.stream().mapToDouble(Part::cpuUs).sum(); }

        /** Training GFLOP/s on the wall clock (stopwatches off, median step), with the peers' 2.50 MFLOP per LeNet image. */
        public double trainGflops() { return LENET_TRAIN_FLOP / wallUsPerImage / 1e3; }

        /** The table printed by {@code convscope bench --profile}. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            double cpu = parts.stream().mapToDouble(Part::cpuUs).sum();
            sb.append(String.format(Locale.ROOT, "Per-layer profile: %s, batch %d, %d thread(s), %d steps; times are µs per training image summed over "
                    + "the threads (CPU = thread CPU time)%n", model, batch, threads, steps));
            sb.append(String.format(Locale.ROOT, "%-9s %9s %9s %9s %9s %7s %9s %8s %11s %7s%n", "part", "fwd cpu", "bwd cpu", "cpu",
                    "wall", "share", "wall/cpu", "MFLOP", "GFLOP/s/core", "% peak"));
            for (Part p : parts) {
                boolean math = p.flop() > 0;
                sb.append(String.format(Locale.ROOT, "%-9s %9.3f %9.3f %9.3f %9.3f %6.1f%% %9.2f %8s %11s %7s%n", p.name, p.forwardCpuUs,
                        p.backwardCpuUs, p.cpuUs(), p.wallUs(), 100 * p.cpuUs() / cpu, p.cpuUs() > 0 ? p.wallUs() / p.cpuUs() : 0,
                        math ? String.format(Locale.ROOT, "%.3f", p.flop() / 1e6) : "-",
                        math ? String.format(Locale.ROOT, "%.1f", p.coreGflops()) : "-",
                        math ? String.format(Locale.ROOT, "%.1f%%", 100 * p.coreGflops() / peakCoreGflops) : "-"));
            }
            sb.append(String.format(Locale.ROOT, "%-9s %9s %9s %9.3f %9.3f %6.1f%% %9.2f %8.3f %11.1f %6.1f%%%n", "total", "", "", cpu,
                    parts.stream().mapToDouble(Part::wallUs).sum(), 100.0, parts.stream().mapToDouble(Part::wallUs).sum() / cpu,
                    flopPerImage() / 1e6, flopPerImage() / cpu / 1e3, 100 * flopPerImage() / cpu / 1e3 / peakCoreGflops));
            sb.append(String.format(Locale.ROOT, "FMA peak measured now: %.1f GFLOP/s per core (CPU time), %.1f GFLOP/s on %d thread(s) (wall).%n",
                    peakCoreGflops, peakGflops, threads));
            sb.append(String.format(Locale.ROOT, "Stopwatches off: %.0f images/s over all steps; median step %.2f µs wall, %.2f µs CPU per image; "
                            + "on: %.2f µs wall (%+.1f%%), %.2f µs CPU. Cores busy %.2f; a clock read pair costs %.2f µs of CPU (taken off each part). "
                            + "Times are medians: on a shared machine a mean is dominated by the steps other programs disturbed.%n",
                    imagesPerS, wallUsPerImage, cpuUsPerImage, profiledWallUsPerImage,
                    100 * (profiledWallUsPerImage / wallUsPerImage - 1), profiledCpuUsPerImage(), coresBusy, clockCpuUs));
            if (model.startsWith("lenet5"))
                sb.append(String.format(Locale.ROOT, "Training (median step) %.1f GFLOP/s (2.50 MFLOP per image) = %.1f%% of the %d-thread peak measured now (wall); "
                                + "per core of CPU time %.1f%% of the core peak.%n", trainGflops(), 100 * trainGflops() / peakGflops, threads,
                        100 * LENET_TRAIN_FLOP / cpuUsPerImage / 1e3 / peakCoreGflops));
            return sb.toString();
        }

        public String toJson() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "{\"profile\":{\"model\":\"%s\",\"batch\":%d,\"threads\":%d,\"steps\":%d,\"wall_us_per_image\":%.3f,"
                            + "\"cpu_us_per_image\":%.3f,\"profiled_wall_us_per_image\":%.3f,\"peak_core_gflops\":%.1f,\"peak_gflops\":%.1f,"
                            + "\"cores_busy\":%.2f,\"clock_cpu_us\":%.3f,\"images_per_s\":%.0f,\"flop_per_image\":%.0f,\"parts\":[",
                    model, batch, threads, steps, wallUsPerImage, cpuUsPerImage, profiledWallUsPerImage, peakCoreGflops, peakGflops,
                    coresBusy, clockCpuUs, imagesPerS, flopPerImage()));
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"name\":\"%s\",\"fwd_flop\":%.0f,\"bwd_flop\":%.0f,\"fwd_wall_us\":%.4f,\"fwd_cpu_us\":%.4f,"
                                + "\"bwd_wall_us\":%.4f,\"bwd_cpu_us\":%.4f,\"core_gflops\":%.1f}",
                        p.name, p.forwardFlop, p.backwardFlop, p.forwardWallUs, p.forwardCpuUs, p.backwardWallUs, p.backwardCpuUs, p.coreGflops()));
            }
            return sb.append("]}}").toString();
        }
    }

    /**
     * A per-layer profile of training steps: the same warm-up as {@link #run}, then {@code o.batches} steps with the
     * stopwatches off (the step's rate) and {@code o.batches} steps with every layer's forward and backward timed on
     * each trainer thread (wall and thread CPU time: on a shared machine the CPU time is what the code costs, the
     * wall time adds what the other programs took), and the FMA peak measured in this process for comparison.
     */
    public static Profile profile(Options o, byte[] trainImages, byte[] trainLabels) {
        ModelSpec spec = ModelZoo.byId(o.model);
        int imageSize = spec.input().size(), trainCount = trainImages.length / imageSize;
        int[] order = shuffled(trainCount, o.seed);
        TrainConfig cfg = new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, o.batch, 1, o.threads, o.seed);
        double[] peak = fmaPeak(o.threads);
        byte[] someImages = Arrays.copyOf(trainImages, Math.min(trainImages.length, 20 * o.batch * imageSize));
        try (Trainer t = new Trainer(Network.create(spec, o.seed + 1, Kernels.vector()), cfg)) {
            warmUp(t, o, false, trainImages, trainLabels, order, trainCount, someImages);
        }
        Network net = Network.create(spec, o.seed, Kernels.vector());
        try (Trainer t = new Trainer(net, cfg)) {
            long[] ids = threadIds(t);
            int b = 0;
            double images = (double) o.batches * o.batch;
            long[][] off = new long[2][o.batches], on = new long[2][o.batches]; // per step: wall, CPU of all threads
            long cpu0 = cpuTime(ids), t0 = System.nanoTime();
            for (int i = 0; i < o.batches; i++, b++) {
                long sc = cpuTime(ids), sw = System.nanoTime();
                t.step(trainImages, trainLabels, order, (b * o.batch) % (trainCount - o.batch), o.batch);
                off[0][i] = System.nanoTime() - sw;
                off[1][i] = cpuTime(ids) - sc;
            }
            long wallOff = System.nanoTime() - t0, cpuOff = cpuTime(ids) - cpu0;
            StepProbe[] probes = t.profile(true);
            for (int i = 0; i < o.batches; i++, b++) {
                long sc = cpuTime(ids), sw = System.nanoTime();
                t.step(trainImages, trainLabels, order, (b * o.batch) % (trainCount - o.batch), o.batch);
                on[0][i] = System.nanoTime() - sw;
                on[1][i] = cpuTime(ids) - sc;
            }
            t.profile(false);
            double wallOn = median(on[0], 0, o.batches) / 1e3 / o.batch, cpuOn = median(on[1], 0, o.batches) / 1e3 / o.batch;
            List<Part> parts = parts(net, probes, o.batch, wallOn, cpuOn);
            return new Profile(o.model, o.batch, o.threads, o.batches, parts, median(off[0], 0, o.batches) / 1e3 / o.batch,
                    median(off[1], 0, o.batches) / 1e3 / o.batch, wallOn, peak[0], peak[1], (double) cpuOff / wallOff,
                    medianOf(probes[0].emptyCpu, probes[0].empties) / 1e3, images / (wallOff / 1e9));
        }
    }

    /**
     * The probes' medians as parts, named conv1, relu1, pool1, ..., fc1, ... as a reader of the model counts them; "other"
     * is what the median step took beyond the parts. wallOn and cpuOn: a step's µs per image, median over the steps.
     */
    private static List<Part> parts(Network net, StepProbe[] probes, int batch, double wallOn, double cpuOn) {
        List<Part> parts = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        int first = -1;
        for (LayerOp op : net.ops) if (first < 0 && op.weightOffset >= 0) first = op.index;
        StepProbe p0 = probes[0];
        for (LayerOp op : net.ops) {
            String kind = switch (op) {
                case LayerOp.Conv c -> "conv";
                case LayerOp.Pool p -> "pool";
                case LayerOp.Act a -> a.fn.name().toLowerCase(Locale.ROOT);
                case LayerOp.Flatten f -> "flatten";
                case LayerOp.Dense d -> "fc";
            };
            int k = counts.merge(kind, 1, Integer::sum);
            double macs = (double) op.weightCount() * op.out.h() * op.out.w(); // per image, as Warmup.multiplyAdds
            double backward = op.weightCount() == 0 ? 0 : (op.index == first ? 1 : 2) * 2 * macs; // weight (+ input) gradient
            int i = op.index;
            parts.add(new Part(kind.equals("flatten") ? kind : kind + k, 2 * macs, backward, perImage(probes, true, i, batch),
                    perImage(probes, false, i, batch), perImage(probes, true, p0.backward(i), batch),
                    perImage(probes, false, p0.backward(i), batch)));
        }
        String[] names = {"input", "loss", "zero grad", "reduce", "update"};
        int[] slots = {p0.input(), p0.loss(), p0.zero(), p0.reduce(), p0.update()};
        for (int j = 0; j < names.length; j++)
            parts.add(new Part(names[j], 0, 0, perImage(probes, true, slots[j], batch), perImage(probes, false, slots[j], batch), 0, 0));
        double wall = 0, cpu = 0;
        for (Part p : parts) {
            wall += p.wallUs();
            cpu += p.cpuUs();
        }
        // the rest of the threads' time: hand-off, parking, waiting for the slower thread, the stopwatches themselves
        parts.add(new Part("other", 0, 0, Math.max(0, probes.length * wallOn - wall), Math.max(0, cpuOn - cpu), 0, 0));
        return List.copyOf(parts);
    }

    /**
     * µs per image of one slot over all threads, from medians (robust on a shared machine): a per-chunk slot as the
     * median over its timed chunks of (interval − clock overhead) / the chunk's images; a per-step slot as the median
     * interval less the clock overhead, times the threads, over the batch. The clock overhead is the median empty
     * interval of the same thread.
     */
    private static double perImage(StepProbe[] probes, boolean wall, int slot, int batch) {
        int n = 0;
        for (StepProbe p : probes) n += p.count[slot];
        if (n == 0) return 0;
        long[] v = new long[n];
        boolean chunk = probes[0].perChunk(slot);
        int at = 0;
        for (StepProbe p : probes) {
            long overhead = medianOf(wall ? p.emptyWall : p.emptyCpu, p.empties);
            for (int i = 0; i < p.count[slot]; i++) {
                long t = Math.max(0, (wall ? p.wall[slot][i] : p.cpu[slot][i]) - overhead);
                v[at++] = chunk ? t * 1024 / Math.max(1, p.images[slot][i]) : t; // per image, in 1/1024 ns
            }
        }
        long m = median(v, 0, n);
        return chunk ? m / 1024.0 / 1e3 : m / 1e3 * probes.length / batch;
    }

    private static long medianOf(long[] a, int n) { return n == 0 ? 0 : median(a, 0, n); }

    /**
     * The FP32 FMA peak as ../shared/peers/peak measures it (16 independent accumulators, acc = acc·a + b), here in
     * this process: [0] GFLOP/s of one thread over its CPU time (the best of 5 runs), [1] GFLOP/s of {@code threads}
     * threads together over the wall time (the best of 3 runs).
     */
    static double[] fmaPeak(int threads) {
        long iters = 2_000_000; // 2·16·L·16 FLOP each: about 0.1 s per run at 200 GFLOP/s
        // JIT: many short calls, not a few long ones. The command line's launcher turns on-stack replacement off, so a
        // long loop stays in the code it started in (5 calls of 200,000 iterations measured 1.1 GFLOP/s: C1 code).
        for (int i = 0; i < 2_000; i++) fmaKernel(100);
        double core = 0;
        for (int r = 0; r < 5; r++) {
            long c0 = StepProbe.cpuNow();
            fmaKernel(iters);
            core = Math.max(core, fmaFlop(iters) / (StepProbe.cpuNow() - c0));
        }
        double all = 0;
        for (int r = 0; r < 3; r++) {
            Thread[] ts = new Thread[threads];
            for (int t = 0; t < threads; t++) ts[t] = new Thread(() -> fmaKernel(iters));
            long t0 = System.nanoTime();
            for (Thread t : ts) t.start();
            for (Thread t : ts) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new double[]{core, Double.NaN};
                }
            }
            all = Math.max(all, threads * fmaFlop(iters) / (System.nanoTime() - t0));
        }
        return new double[]{core, all};
    }

    private static double fmaFlop(long iters) { return 2.0 * VectorKernels.L * 16 * iters; }

    private static volatile float fmaSink;

    private static void fmaKernel(long iters) {
        jdk.incubator.vector.VectorSpecies<Float> s = VectorKernels.S;
        jdk.incubator.vector.FloatVector a = jdk.incubator.vector.FloatVector.broadcast(s, 0.999f), b = jdk.incubator.vector.FloatVector.broadcast(s, 0.001f);
        jdk.incubator.vector.FloatVector c0 = a.mul(0.1f), c1 = a.mul(0.2f), c2 = a.mul(0.3f), c3 = a.mul(0.4f), c4 = a.mul(0.5f),
                c5 = a.mul(0.6f), c6 = a.mul(0.7f), c7 = a.mul(0.8f), c8 = a.mul(0.9f), c9 = a.mul(1.0f), c10 = a.mul(1.1f),
                c11 = a.mul(1.2f), c12 = a.mul(1.3f), c13 = a.mul(1.4f), c14 = a.mul(1.5f), c15 = a.mul(1.6f);
        for (long i = 0; i < iters; i++) {
            c0 = c0.fma(a, b); c1 = c1.fma(a, b); c2 = c2.fma(a, b); c3 = c3.fma(a, b);
            c4 = c4.fma(a, b); c5 = c5.fma(a, b); c6 = c6.fma(a, b); c7 = c7.fma(a, b);
            c8 = c8.fma(a, b); c9 = c9.fma(a, b); c10 = c10.fma(a, b); c11 = c11.fma(a, b);
            c12 = c12.fma(a, b); c13 = c13.fma(a, b); c14 = c14.fma(a, b); c15 = c15.fma(a, b);
        }
        fmaSink = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).add(c12)
                .add(c13).add(c14).add(c15).lane(0);
    }

    private static long[] threadIds(Trainer t) {
        long[] workers = t.workerThreadIds(), ids = Arrays.copyOf(workers, workers.length + 1);
        ids[workers.length] = Thread.currentThread().threadId(); // the driving thread runs slice 0
        return ids;
    }

    /** Total CPU time of the threads, or 0 where the JVM cannot measure it. */
    private static long cpuTime(long[] ids) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) return 0;
        long sum = 0;
        for (long id : ids) sum += Math.max(0, mx.getThreadCpuTime(id));
        return sum;
    }

    /**
     * At least {@code o.warmup} (and 40) steps, then more until the JIT has settled: the Vector API runs boxed,
     * allocating code until C2 has compiled the kernels (tens of steps), so a fixed short warm-up would time the
     * compiler. Stops when twice in a row the median of 5 step times is within 5 % of the 5 before, or after 300
     * steps or 60 s.
     */
    private static void warmUp(Trainer t, Options o, boolean scalar, byte[] images, byte[] labels, int[] order, int count,
                               byte[] testImages) {
        int min = scalar ? Math.max(1, o.warmup / 5) : o.warmup;
        long[] times = new long[300];
        long start = System.nanoTime();
        int b = 0;
        for (; b < times.length; b++) {
            long s = System.nanoTime();
            t.step(images, labels, order, (b * o.batch) % (count - o.batch), o.batch);
            times[b] = System.nanoTime() - s;
            if (scalar && b + 1 >= min) break; // plain Java code: C2 needs no long warm-up
            if (b + 1 >= Math.max(min, 40) && settled(times, b + 1) && settled(times, b - 4)) break;
            if (System.nanoTime() - start > 60e9) break;
        }
        int[] out = new int[o.batch];
        int n = Math.min(testImages.length / t.network().spec().input().size(), 20 * o.batch);
        for (int i = 0; i + o.batch <= n; i += o.batch) t.predict(testImages, i, o.batch, out); // inference path too
    }

    private static boolean settled(long[] times, int n) {
        long recent = median(times, n - 5, n), before = median(times, n - 10, n - 5);
        return recent >= 0.95 * before;
    }

    private static long median(long[] a, int from, int to) {
        long[] c = Arrays.copyOfRange(a, from, to);
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** Fisher–Yates with the engine's seeded generator. */
    static int[] shuffled(int n, long seed) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        SeededRandom r = new SeededRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1), tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        return idx;
    }

    /**
     * Reads an IDX file (LeCun's MNIST format, optionally gzipped) and returns its payload bytes after checking the
     * magic number and dimensions.
     */
    public static byte[] readIdx(Path file, int expectedDims) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw)) {
            int magic = in.readInt();
            if ((magic >>> 8) != 0x08 || (magic & 0xff) != expectedDims)
                throw new IOException(file + " is not an IDX file of unsigned bytes with " + expectedDims + " dimensions (magic "
                        + Integer.toHexString(magic) + ")");
            long size = 1;
            for (int d = 0; d < expectedDims; d++) size *= in.readInt();
            if (size > Integer.MAX_VALUE) throw new IOException(file + " is too large");
            byte[] data = new byte[(int) size];
            in.readFully(data);
            return data;
        }
    }

    private static Path find(Path dir, String name) throws IOException {
        for (String candidate : new String[]{name, name + ".gz", name.replace("-idx", ".idx"), name.replace("-idx", ".idx") + ".gz"}) {
            Path p = dir.resolve(candidate);
            if (Files.exists(p)) return p;
        }
        throw new IOException("no " + name + "(.gz) in " + dir + "; pass data=DIR with the MNIST IDX files");
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.defaults();
        Path dir = Path.of("assets/datasets/mnist");
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("arguments are key=value, got " + a);
            switch (kv[0]) {
                case "data" -> dir = Path.of(kv[1]);
                case "model" -> o = new Options(kv[1], o.batch, o.threads, o.batches, o.warmup, o.scalarBatches, o.seed);
                case "threads" -> o = new Options(o.model, o.batch, Integer.parseInt(kv[1]), o.batches, o.warmup, o.scalarBatches, o.seed);
                case "batches" -> o = new Options(o.model, o.batch, o.threads, Integer.parseInt(kv[1]), o.warmup, o.scalarBatches, o.seed);
                case "warmup" -> o = new Options(o.model, o.batch, o.threads, o.batches, Integer.parseInt(kv[1]), o.scalarBatches, o.seed);
                case "scalar_batches" -> o = new Options(o.model, o.batch, o.threads, o.batches, o.warmup, Integer.parseInt(kv[1]), o.seed);
                case "batch" -> o = new Options(o.model, Integer.parseInt(kv[1]), o.threads, o.batches, o.warmup, o.scalarBatches, o.seed);
                default -> throw new IllegalArgumentException("unknown argument " + kv[0]
                        + "; known: data, model, threads, batches, warmup, scalar_batches, batch");
            }
        }
        byte[] trainImages = readIdx(find(dir, "train-images-idx3-ubyte"), 3);
        byte[] trainLabels = readIdx(find(dir, "train-labels-idx1-ubyte"), 1);
        byte[] testImages = readIdx(find(dir, "t10k-images-idx3-ubyte"), 3);
        System.out.println(run(o, "mnist", trainImages, trainLabels, testImages).toJson());
    }
}
