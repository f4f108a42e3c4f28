package org.convscope.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;
import org.convscope.engine.Activation;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.PoolKind;

/**
 * The trained models the app starts with: LeNet-5 for MNIST and for Fashion-MNIST, bundled as safetensors files
 * (assets/models/, see README for the commands that trained them). Loaded once at startup on the background executor
 * and put into {@link AppContext#models()} on the FX thread, with the test accuracy recorded in each file's metadata,
 * so that a first-time user can draw and be recognised without training anything.
 */
public final class ModelLibrary {
    private ModelLibrary() {}

    /** A bundled model file and the dataset it was trained on. */
    public record Bundled(String dataset, String file) {}

    public static final List<Bundled> BUNDLED = List.of(
            new Bundled(AppContext.MNIST, "lenet5-mnist.safetensors"),
            new Bundled(AppContext.FASHION_MNIST, "lenet5-fashion-mnist.safetensors"));

    /** Reads one bundled file (a fake in tests). */
    @FunctionalInterface
    public interface Reader {
        ModelFile.Contents read(String fileName) throws Exception;
    }

    /** Loads every bundled model in the background; onProblem (e.g. the status line) hears of failures. FX thread. */
    public static CompletableFuture<Void> loadBundled(AppContext ctx, Consumer<String> onProblem) {
        return loadBundled(ctx, ctx.services().background(), Platform::runLater, ModelFile::loadBundled, onProblem);
    }

    /**
     * Loads the bundled models with reader on background and puts each into ctx.models() on fx, unless a model for
     * that dataset is already there (one the user trained or chose wins over the bundled one).
     * @param onProblem receives a translated message for each file that could not be loaded
     * @return completes (on fx) when every file has been tried
     */
    public static CompletableFuture<Void> loadBundled(AppContext ctx, Executor background, Executor fx, Reader reader,
                                                      Consumer<String> onProblem) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Bundled b : BUNDLED) {
            var done = new CompletableFuture<Void>();
            all.add(done);
            try {
                background.execute(() -> {
                    AppContext.ActiveModel model = null;
                    String problem = null;
                    try {
                        var contents = reader.read(b.file());
                        String trainedOn = contents.info().get(ModelFile.DATASET);
                        if (trainedOn != null && !trainedOn.equals(b.dataset())) {
                            problem = I18n.get("models.error.dataset", b.file(), trainedOn, b.dataset());
                        } else {
                            model = toActiveModel(contents, b.dataset());
                        }
                    } catch (Exception | LinkageError e) {
                        ErrorLog.log("Loading the bundled model " + b.file() + " failed", e); // the status bar says so
                        problem = I18n.get("models.error.load", b.file(), String.valueOf(e.getMessage()));
                    }
                    var m = model;
                    var p = problem;
                    fx.execute(() -> {
                        if (m != null) ctx.models().putIfAbsent(b.dataset(), m);
                        else onProblem.accept(p);
                        done.complete(null);
                    });
                });
            } catch (RuntimeException rejected) {
                onProblem.accept(I18n.get("models.error.load", b.file(), String.valueOf(rejected.getMessage())));
                done.complete(null);
            }
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** The file's network, its description and its recorded test accuracy (NaN when the file does not say). */
    public static AppContext.ActiveModel toActiveModel(ModelFile.Contents c, String dataset) {
        return new AppContext.ActiveModel(c.network(), dataset, null, testAccuracy(c.info()));
    }

    static double testAccuracy(Map<String, String> info) {
        String s = info.get(ModelFile.TEST_ACCURACY);
        if (s == null) return Double.NaN;
        try {
            double a = Double.parseDouble(s.trim());
            return a > 1 && a <= 100 ? a / 100 : a >= 0 && a <= 1 ? a : Double.NaN; // "0.991" or "99.1"
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * A short name from the architecture: a model of the zoo by its name in the current language ("LeNet-5 (ReLU,
     * max pooling)", "LeNet-5（ReLU，最大汇聚）"); another architecture from its layers, e.g. "MLP 784-128-10 (ReLU)"
     * or "CNN (3 conv) (ReLU, max pooling)" (technical names, the same in both languages).
     */
    public static String describe(ModelSpec spec) {
        for (ModelSpec zoo : org.convscope.engine.ModelZoo.all()) {
            if (zoo.input().equals(spec.input()) && zoo.layers().equals(spec.layers())) return I18n.get("params.model." + zoo.id());
        }
        int convs = 0;
        Activation act = null;
        PoolKind pool = null;
        List<Integer> dense = new ArrayList<>();
        for (LayerSpec l : spec.layers()) {
            switch (l) {
                case LayerSpec.Conv c -> convs++;
                case LayerSpec.Act a -> act = a.fn();
                case LayerSpec.Pool p -> pool = p.pool();
                case LayerSpec.Dense d -> dense.add(d.outputs());
                case LayerSpec.Flatten f -> { }
            }
        }
        String actName = act == null ? null : switch (act) {
            case RELU -> "ReLU";
            case SIGMOID -> "sigmoid";
            case TANH -> "tanh";
        };
        if (convs > 0) {
            String p = pool == null ? "" : pool == PoolKind.MAX ? ", max pooling" : ", average pooling";
            return (convs == 2 && dense.size() == 3 ? "LeNet-5" : "CNN (" + convs + " conv)") + " (" + actName + p + ")";
        }
        if (dense.size() == 1) return "Softmax regression";
        StringBuilder sb = new StringBuilder("MLP ").append(spec.input().size());
        for (int d : dense) sb.append('-').append(d);
        return sb + (actName == null ? "" : " (" + actName + ")");
    }
}
