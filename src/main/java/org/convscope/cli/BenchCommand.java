package org.convscope.cli;

import org.convscope.data.Dataset;
import org.convscope.data.DatasetException;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;
import org.convscope.engine.EngineBench;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code convscope bench}: the engine's throughput in the peers' configuration (../shared/peers/README.md: LeNet-5
 * modern, MNIST, batch 256, SGD lr 0.1), vector kernels and the scalar reference in the same run, as one JSON line.
 * The measuring itself is {@link EngineBench}; this command adds the data, the options and the ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Measure training and inference speed (LeNet-5, MNIST, batch 256, SGD lr 0.1) against the scalar reference.",
                "Prints one JSON line."},
        footerHeading = "%nExamples:%n",
        footer = {"  convscope bench", "  convscope bench --threads 1 --scalar-batches 0", "  convscope bench --profile --batches 100"})
final class BenchCommand implements Callable<Integer> {

    @Spec CommandSpec command;

    @Option(names = "--threads", paramLabel = "N", description = "Engine threads (default: all cores)")
    Integer threads;

    @Option(names = "--batches", defaultValue = "60", paramLabel = "N", description = "Timed training steps, vector kernels (default: ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "N", description = "Untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--scalar-batches", defaultValue = "6", paramLabel = "N",
            description = "Timed steps of the scalar reference; 0 skips it (default: ${DEFAULT-VALUE})")
    int scalarBatches;

    @Option(names = "--model", defaultValue = "lenet5-modern", paramLabel = "ID", description = "Model to measure (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--batch", defaultValue = "256", paramLabel = "N", description = "Batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--infer-images", defaultValue = "10000", paramLabel = "N",
            description = "Test images per inference pass (default: ${DEFAULT-VALUE}, the whole MNIST test set)")
    int inferImages;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder with your own MNIST IDX files; default: the bundled copy")
    Path dataDir;

    @Option(names = "--peak-gflops", defaultValue = "408", paramLabel = "G",
            description = "The machine's FP32 peak for 'fraction_of_peak' (default: ${DEFAULT-VALUE}, this project's 2-core machine; "
                    + "measure yours with ../shared/peers/peak/run.sh)")
    double peakGflops;

    @Option(names = "--profile",
            description = {"Instead: a per-layer profile of the training step (forward and backward of every layer, loss, gradient "
                    + "reduction, optimizer update) in wall and thread CPU time, GFLOP/s per layer against the FMA peak measured in "
                    + "the same run; prints a table, then one JSON line. --batches steps are timed without and then with the stopwatches."})
    boolean profile;

    @Override
    public Integer call() {
        int t = threads != null ? threads : TrainConfig.defaultThreads();
        String p = new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, batch, 1, t, 42).problem();
        if (p != null) throw new Cli.UsageProblem(p);
        if (batches < 1) throw new Cli.UsageProblem("--batches must be at least 1.");
        if (warmup < 0 || scalarBatches < 0) throw new Cli.UsageProblem("--warmup and --scalar-batches cannot be negative.");
        if (!(peakGflops > 0)) throw new Cli.UsageProblem("--peak-gflops must be greater than 0.");
        try {
            ModelZoo.byId(model);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageProblem("U" + e.getMessage().substring(1) + ".");
        }
        Dataset train, test;
        try {
            train = DatasetFiles.load(DatasetKind.MNIST, Split.TRAIN, dataDir);
            test = DatasetFiles.load(DatasetKind.MNIST, Split.TEST, dataDir);
        } catch (DatasetException e) {
            throw new Cli.Failure(e.getMessage(), e);
        }
        if (profile) {
            if (batch >= train.count()) throw new Cli.UsageProblem("--batch must be smaller than the " + train.count() + " training images.");
            EngineBench.Profile pr = EngineBench.profile(new EngineBench.Options(model, batch, t, batches, warmup, 0, 42),
                    train.images(), train.labels());
            var out = command.commandLine().getOut();
            out.print(pr.table());
            String json = pr.toJson();
            out.println(json.substring(0, json.length() - 1) + String.format(Locale.ROOT, ",\"load_avg\":%s,\"java\":\"%s\",\"cores\":%d}",
                    loadAverage(), Runtime.version(), Runtime.getRuntime().availableProcessors()));
            out.flush();
            return Cli.OK;
        }
        if (inferImages < 1) throw new Cli.UsageProblem("--infer-images must be at least 1.");
        byte[] testImages = inferImages >= test.count() ? test.images()
                : java.util.Arrays.copyOf(test.images(), inferImages * test.pixelsPerImage());
        if (batch >= train.count()) throw new Cli.UsageProblem("--batch must be smaller than the " + train.count() + " training images.");
        var options = new EngineBench.Options(model, batch, t, batches, warmup, scalarBatches, 42);
        String loadBefore = loadAverage();
        long wall0 = System.nanoTime();
        java.time.Duration cpu0 = ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
        EngineBench.Result r = EngineBench.run(options, DatasetKind.MNIST.id(), train.images(), train.labels(), testImages);
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO).minus(cpu0).toNanos() / 1e9;
        // How busy the machine was: on a shared machine other processes take cores, and the numbers drop with them.
        String machine = String.format(Locale.ROOT, ",\"bench_wall_s\":%.1f,\"bench_cpu_util\":%.2f,\"load_avg_before\":%s,\"load_avg_after\":%s}",
                wall, cpu / wall, loadBefore, loadAverage());
        String line = json(r, peakGflops);
        command.commandLine().getOut().println(line.substring(0, line.length() - 1) + machine);
        command.commandLine().getOut().flush();
        return Cli.OK;
    }

    /** The 1-minute load average (Linux /proc/loadavg) as a JSON number, or null where there is none. */
    static String loadAverage() {
        try {
            String first = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
            return first.matches("\\d+(\\.\\d+)?") ? first : "null";
        } catch (java.io.IOException | RuntimeException e) {
            return "null";
        }
    }

    /** EngineBench's JSON plus the trace-latency ratio and the fraction of the machine's peak. */
    static String json(EngineBench.Result r, double peakGflops) {
        String base = r.toJson();
        StringBuilder sb = new StringBuilder(base.substring(0, base.length() - 1)); // reopen the object
        if (r.scalar() != null)
            sb.append(String.format(Locale.ROOT, ",\"trace_speedup\":%.2f", r.scalar().traceLatencyUs() / r.vector().traceLatencyUs()));
        if (r.model().startsWith("lenet5"))
            sb.append(String.format(Locale.ROOT, ",\"peak_gflops\":%.0f,\"fraction_of_peak\":%.4f", peakGflops, r.peakFraction(peakGflops)));
        sb.append(String.format(Locale.ROOT, ",\"java\":\"%s\",\"cores\":%d}", Runtime.version(), Runtime.getRuntime().availableProcessors()));
        return sb.toString();
    }
}
