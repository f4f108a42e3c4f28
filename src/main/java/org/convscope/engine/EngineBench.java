package org.convscope.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
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
