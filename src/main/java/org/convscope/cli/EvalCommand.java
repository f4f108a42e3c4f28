package org.convscope.cli;

import org.convscope.data.Dataset;
import org.convscope.data.DatasetException;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;
import org.convscope.engine.Evaluation;
import org.convscope.engine.ModelFile;
import org.convscope.engine.Network;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code convscope eval FILE}: accuracy and confusion matrix of a weight file on a test set. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Measure a saved model: accuracy and confusion matrix on the test images.",
        footerHeading = "%nExamples:%n",
        footer = {"  convscope eval lenet5-mnist.safetensors",
                "  convscope eval my-model.safetensors --dataset fashion-mnist --split train"})
final class EvalCommand implements Callable<Integer> {

    @Spec CommandSpec command;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .safetensors file written by 'convscope train' (or the app)")
    Path file;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "mnist or fashion-mnist (default: the dataset recorded in the file)")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder with your own IDX files; default: the bundled copy")
    Path dataDir;

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT", description = "test or train (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N images")
    Integer limit;

    @Option(names = "--threads", paramLabel = "N", description = "Engine threads (default: all cores)")
    Integer threads;

    @Override
    public Integer call() {
        Split s = switch (split.toLowerCase(Locale.ROOT)) {
            case "test" -> Split.TEST;
            case "train" -> Split.TRAIN;
            default -> throw new Cli.UsageProblem("Unknown split '" + split + "'; choose test or train.");
        };
        if (limit != null && limit < 1) throw new Cli.UsageProblem("--limit must be at least 1 image.");
        int t = threads != null ? threads : TrainConfig.defaultThreads();
        TrainConfig config = new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, 256, 1, t, 0);
        if (config.problem() != null) throw new Cli.UsageProblem(config.problem());

        ModelFile.Contents contents;
        try {
            contents = ModelFile.load(file);
        } catch (ModelFile.ModelFileException e) {
            throw new Cli.Failure(e.getMessage(), e);
        }
        String id = dataset != null ? dataset : contents.info().get(ModelFile.DATASET);
        if (id == null) throw new Cli.UsageProblem(file + " does not say which dataset it was trained on; add --dataset mnist or --dataset fashion-mnist.");
        DatasetKind kind;
        try {
            kind = DatasetFiles.kind(id);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageProblem(e.getMessage());
        }
        if (contents.spec().classes() != DatasetKind.CLASSES || contents.spec().input().size() != DatasetKind.ROWS * DatasetKind.COLS)
            throw new Cli.Failure(file + ": the model takes " + contents.spec().input() + " inputs and gives " + contents.spec().classes()
                    + " classes; the datasets have 28\u00d728 images in 10 classes.");
        Dataset data;
        try {
            data = DatasetFiles.load(kind, s, dataDir, limit);
        } catch (DatasetException e) {
            throw new Cli.Failure(e.getMessage(), e);
        }
        int n = limit == null ? data.count() : Math.min(limit, data.count());

        PrintWriter o = command.commandLine().getOut();
        Network network = contents.network();
        ConfusionMatrix cm;
        Evaluation evaluation;
        long t0 = System.nanoTime();
        try (Trainer trainer = new Trainer(network, config)) {
            evaluation = trainer.evaluate(data.images(), data.labels(), 0, n);
            cm = ConfusionMatrix.of(evaluation);
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(file + ": " + e.getMessage() + ".", e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!Double.isFinite(evaluation.meanLoss()))
            throw new Cli.Failure(file + ": the model's answers are not numbers (loss " + evaluation.meanLoss() + "): its weights are so large "
                    + "that the computation overflows. The file is damaged or the model diverged; train it again with a smaller learning rate.");
        List<String> names = DatasetFiles.classNames(kind);

        o.printf(Locale.ROOT, "model     %s, %,d parameters (%s)%n", contents.spec().id(), contents.spec().parameterCount(), file);
        String recorded = contents.info().get(ModelFile.TEST_ACCURACY);
        String trainedOn = contents.info().get(ModelFile.DATASET);
        if (trainedOn != null) o.printf(Locale.ROOT, "trained   on %s%s%n", trainedOn, recorded != null ? ", recorded test accuracy " + recorded : "");
        String cmd = contents.info().get(ModelFile.COMMAND);
        if (cmd != null) o.printf("command   %s%n", cmd);
        o.printf(Locale.ROOT, "data      %s %s, %,d images%n", kind.id(), s == Split.TEST ? "test" : "train", n);
        o.printf(Locale.ROOT, "accuracy  %.4f (%,d of %,d correct; %.2f s, %s img/s)%n", cm.accuracy(), cm.correct(), cm.total(),
                seconds, ProgressLine.thousands(n / seconds));
        o.printf(Locale.ROOT, "loss      %.4f (mean cross-entropy)%n%n", evaluation.meanLoss());
        o.println("Confusion matrix (rows: true class, columns: predicted class, acc: share of the row recognised)");
        o.print(cm.table(names));
        List<String> worst = cm.worstConfusions(names, 3);
        if (!worst.isEmpty()) o.println("\nMost frequent mistakes: " + String.join("; ", worst));
        o.flush();
        return Cli.OK;
    }
}
