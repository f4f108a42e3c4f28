package org.convscope.cli;

import org.convscope.data.Dataset;
import org.convscope.data.DatasetException;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;
import org.convscope.engine.Evaluation;
import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/** {@code convscope train}: mini-batch training with a progress line, per-epoch accuracy, and a safetensors file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Train a model on MNIST or Fashion-MNIST and save its weights (safetensors).",
        footerHeading = "%nExamples:%n",
        footer = {"  convscope train --dataset mnist --model lenet5-modern --optimizer adam --lr 0.001 --epochs 10 --out lenet5-mnist.safetensors",
                "  convscope train --dataset fashion-mnist --model lenet5-classic --lr 0.9 --epochs 10   # D2L's LeNet",
                "  convscope train --limit 2000 --epochs 1                                             # a quick try"})
final class TrainCommand implements Callable<Integer> {

    /**
     * A mean cross-entropy above this has diverged even if it is still a number: the network gives the right class a
     * probability below e^-100 on average (guessing gives ln 10 = 2.3). The engine's softmax is stable, so the loss of
     * a run whose weights blow up often stays finite for a while.
     */
    static final float DIVERGED_LOSS = 100f;

    @Spec CommandSpec command;

    @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "NAME", description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder with your own IDX files (train-images-idx3-ubyte[.gz], t10k-...); default: the bundled copy")
    Path dataDir;

    @Option(names = "--model", defaultValue = "lenet5-modern", paramLabel = "ID",
            description = "softmax-regression, mlp, lenet5-classic or lenet5-modern (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--init", paramLabel = "FILE",
            description = "Start from the weights in FILE (continue training, or a second stage with a smaller --lr) "
                    + "instead of random ones; the model is the file's")
    Path init;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME", description = "sgd or adam (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.1 for sgd, 0.001 for adam)")
    Float learningRate;

    @Option(names = "--momentum", defaultValue = "0", paramLabel = "M", description = "SGD momentum in [0, 1) (default: ${DEFAULT-VALUE})")
    float momentum;

    @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "WD", description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    float weightDecay;

    @Option(names = "--batch", defaultValue = "256", paramLabel = "N", description = "Images per optimizer step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N", description = "Passes over the training images (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--threads", paramLabel = "N", description = "Engine threads (default: all cores)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Seed for the initial weights and the shuffling; same seed and threads = same model (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N training images only (quick experiments)")
    Integer limit;

    @Option(names = "--test-limit", paramLabel = "N", description = "Measure test accuracy on the first N test images only")
    Integer testLimit;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the trained weights here (.safetensors); nothing is saved without it")
    Path out;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
            description = "auto, bar, lines or none (default: ${DEFAULT-VALUE}: a bar on a terminal, lines otherwise)")
    ProgressLine.Mode progress;

    @Override
    public Integer call() {
        // ---- everything the user typed is checked before any data is loaded
        DatasetKind kind = usage(() -> DatasetFiles.kind(dataset));
        ModelFile.Contents start = null;
        if (init != null) {
            try {
                start = ModelFile.load(init);
            } catch (ModelFile.ModelFileException e) {
                throw new Cli.Failure(e.getMessage(), e);
            }
            if (command.commandLine().getParseResult().hasMatchedOption("--model") && !start.spec().id().equals(model))
                throw new Cli.UsageProblem("--init " + init + " holds a " + start.spec().id() + " model, not " + model
                        + "; leave --model out to continue with the file's model.");
        }
        ModelSpec spec = start != null ? start.spec() : usage(() -> ModelZoo.byId(model));
        TrainConfig.Optimizer opt = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "sgd" -> TrainConfig.Optimizer.SGD;
            case "adam" -> TrainConfig.Optimizer.ADAM;
            default -> throw new Cli.UsageProblem("Unknown optimizer '" + optimizer + "'; choose sgd or adam.");
        };
        float lr = learningRate != null ? learningRate : opt == TrainConfig.Optimizer.ADAM ? 0.001f : 0.1f;
        TrainConfig config = new TrainConfig(opt, lr, momentum, weightDecay, batch, epochs,
                threads != null ? threads : TrainConfig.defaultThreads(), seed);
        String problem = config.problem();
        if (problem != null) throw new Cli.UsageProblem(problem);
        if (momentum != 0f && opt == TrainConfig.Optimizer.ADAM)
            throw new Cli.UsageProblem("--momentum belongs to sgd; Adam keeps its own moment estimates (leave --momentum out).");
        if (limit != null && limit < 1) throw new Cli.UsageProblem("--limit must be at least 1 image.");
        if (testLimit != null && testLimit < 1) throw new Cli.UsageProblem("--test-limit must be at least 1 image.");
        if (out != null) { // before any work: a bad path found after the run would lose the model
            String cannot = OutputFile.problem("--out", out, spec.id() + ".safetensors");
            if (cannot != null) throw new Cli.Failure(cannot);
        }

        PrintWriter o = command.commandLine().getOut();
        Dataset train, test;
        try {
            // only the images the run uses: --limit 2000 unpacks 2,000 of 60,000 (the first N either way)
            train = DatasetFiles.load(kind, Split.TRAIN, dataDir, limit);
            test = DatasetFiles.load(kind, Split.TEST, dataDir, testLimit);
        } catch (DatasetException e) {
            throw new Cli.Failure(e.getMessage(), e);
        }
        int n = limit == null ? train.count() : Math.min(limit, train.count());
        int nTest = testLimit == null ? test.count() : Math.min(testLimit, test.count());
        if (config.batchSize() > n)
            throw new Cli.UsageProblem("The batch size " + config.batchSize() + " is larger than the " + n + " training images; use --batch " + n + " or less.");
        int batches = (n + config.batchSize() - 1) / config.batchSize();

        o.printf(Locale.ROOT, "Training %s (%,d parameters) on %s: %,d training images, %,d test images%n",
                spec.id(), spec.parameterCount(), kind.id(), n, nTest);
        o.printf(Locale.ROOT, "%s lr %s%s%s, batch %d, %d epoch%s, %d thread%s, seed %d%n", opt.name().toLowerCase(Locale.ROOT), num(lr),
                momentum != 0 ? ", momentum " + num(momentum) : "", weightDecay != 0 ? ", weight decay " + num(weightDecay) : "",
                config.batchSize(), config.epochs(), config.epochs() == 1 ? "" : "s", config.threads(), config.threads() == 1 ? "" : "s", seed);
        o.flush();

        Network network = start != null ? start.network() : Network.create(spec, seed);
        if (start != null)
            o.printf(Locale.ROOT, "Starting from %s (%s)%n", init, start.info().getOrDefault(ModelFile.TEST_ACCURACY, "?").equals("?")
                    ? "no recorded accuracy" : "recorded test accuracy " + start.info().get(ModelFile.TEST_ACCURACY));
        ProgressLine bar = new ProgressLine(o, progress, config.epochs(), batches);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom shuffle = new SplittableRandom(seed);
        double trainLoss = Double.NaN, trainAcc = Double.NaN, testAcc = Double.NaN, testLoss = Double.NaN;
        long startNanos = System.nanoTime();
        Trainer made;
        try {
            made = new Trainer(network, config);
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1) + ".", e);
        }
        try (Trainer trainer = made) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                for (int i = n - 1; i > 0; i--) { // Fisher-Yates, a new order every epoch
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i]; order[i] = order[j]; order[j] = t;
                }
                double lossSum = 0;
                long epochStart = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    int from = b * config.batchSize(), m = Math.min(config.batchSize(), n - from);
                    long t0 = System.nanoTime();
                    float loss = trainer.step(train.images(), train.labels(), order, from, m);
                    long t1 = System.nanoTime();
                    if (!(loss <= DIVERGED_LOSS)) { // also true for NaN
                        bar.clear();
                        throw new Cli.Failure(String.format(Locale.ROOT,
                                "Training diverged in epoch %d, batch %d: the loss became %s (guessing gives %.2f). The learning rate %s is too "
                                        + "large for %s; try --lr %s.%s", epoch, b + 1, loss, Math.log(spec.classes()), num(lr), spec.id(),
                                num(lr / 10f), out != null ? " Nothing was saved." : ""));
                    }
                    lossSum += (double) loss * m;
                    double seconds = (t1 - epochStart) / 1e9;
                    bar.batchDone(epoch, b + 1, lossSum / (from + m), (from + m) / seconds, (t1 - t0) / 1e9);
                }
                double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                trainLoss = lossSum / n;
                // after the epoch, on the final weights (D2L averages over the epoch while the weights change)
                trainAcc = trainer.evaluate(train.images(), train.labels(), 0, n).accuracy();
                Evaluation testEval = trainer.evaluate(test.images(), test.labels(), 0, nTest);
                testAcc = testEval.accuracy();
                testLoss = testEval.meanLoss();
                bar.clear();
                o.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  train acc %.4f  test acc %.4f  (%.1f s, %s img/s)%n", epoch, config.epochs(),
                        trainLoss, trainAcc, testAcc, epochSeconds, ProgressLine.thousands(n / epochSeconds));
                o.flush();
            }
        }
        double totalSeconds = (System.nanoTime() - startNanos) / 1e9;
        o.printf(Locale.ROOT, "Done in %s: test accuracy %.4f%n", ProgressLine.duration(totalSeconds), testAcc);

        if (out != null) {
            Map<String, String> info = new LinkedHashMap<>();
            info.put(ModelFile.DATASET, kind.id());
            info.put(ModelFile.TEST_ACCURACY, String.format(Locale.ROOT, "%.4f", testAcc));
            info.put("test_loss", String.format(Locale.ROOT, "%.4f", testLoss));
            info.put("test_images", Integer.toString(nTest));
            info.put("train_accuracy", String.format(Locale.ROOT, "%.4f", trainAcc));
            info.put("train_loss", String.format(Locale.ROOT, "%.4f", trainLoss));
            info.put("train_images", Integer.toString(n));
            info.put(ModelFile.EPOCHS, Integer.toString(config.epochs()));
            info.put("optimizer", opt.name().toLowerCase(Locale.ROOT));
            info.put("learning_rate", num(lr));
            info.put("momentum", num(momentum));
            info.put("weight_decay", num(weightDecay));
            info.put("batch_size", Integer.toString(config.batchSize()));
            info.put("seed", Long.toString(seed));
            info.put("threads", Integer.toString(config.threads()));
            info.put(ModelFile.COMMAND, commandText());
            if (start != null) { // how the starting weights were made, so the whole chain can be reproduced
                info.put("init_file", init.getFileName().toString());
                info.put("init_command", start.info().getOrDefault(ModelFile.COMMAND, "unknown"));
                info.put("init_test_accuracy", start.info().getOrDefault(ModelFile.TEST_ACCURACY, "unknown"));
                String before = start.info().getOrDefault("total_epochs", start.info().get(ModelFile.EPOCHS));
                if (before != null && before.trim().matches("\\d{1,6}"))
                    info.put("total_epochs", Integer.toString(config.epochs() + Integer.parseInt(before.trim())));
            }
            info.put(ModelFile.ENGINE_VERSION, "ConvScope " + Cli.version() + ", Java " + Runtime.version());
            info.put("training_seconds", String.format(Locale.ROOT, "%.1f", totalSeconds));
            info.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            try {
                ModelFile.save(out, network, info);
            } catch (IOException e) {
                throw new Cli.Failure("Could not save the model to " + out + ": " + OutputFile.reason(e), e);
            } catch (RuntimeException e) {
                throw new Cli.Failure("Could not save the model to " + out + ": " + e.getMessage(), e);
            }
            o.println("Saved " + out);
        }
        return Cli.OK;
    }

    /** The command as typed, to reproduce the run: "convscope train --dataset mnist ...". */
    private String commandText() {
        StringBuilder sb = new StringBuilder("convscope"); // originalArgs starts with the subcommand
        for (String a : command.commandLine().getParseResult().originalArgs()) {
            sb.append(' ');
            sb.append(a.matches("[A-Za-z0-9_./=:,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** 0.1f -> "0.1", 1e-4f -> "1.0E-4" (Float.toString keeps the value the user typed). */
    static String num(float v) { return Float.toString(v); }

    private static <T> T usage(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new Cli.UsageProblem(Character.toUpperCase(m.charAt(0)) + m.substring(1) + (m.endsWith(".") ? "" : "."));
        }
    }
}
