package org.convscope.app.draw;

import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.convscope.app.AppContext.InputImage;
import org.convscope.app.I18n;
import org.convscope.data.BundledDatasets;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;

/**
 * A random test image of a chosen class ("show me any sneaker"). The test split is loaded once in the background
 * (shared with every other view through {@link BundledDatasets}); the answer comes back on the FX executor.
 */
final class RandomImages {
    /** Loads (blocking) a test split; the bundled one in the app, a small fake in tests. */
    @FunctionalInterface
    interface TestSet {
        Dataset load(DatasetKind kind) throws Exception;
    }

    private final Executor background, fx;
    private final TestSet testSet;
    private final Random random;

    RandomImages(Executor background, Executor fx) {
        this(background, fx, kind -> BundledDatasets.get(kind, Split.TEST, LoadProgress.NONE), new Random());
    }

    RandomImages(Executor background, Executor fx, TestSet testSet, Random random) {
        this.background = background;
        this.fx = fx;
        this.testSet = testSet;
        this.random = random;
    }

    /** Picks a random test image of class label from dataset (AppContext.MNIST / FASHION_MNIST). */
    void pick(String dataset, int label, Consumer<InputImage> onPicked, Consumer<DrawViewModel.Message> onProblem) {
        DatasetKind kind = DatasetKind.ofId(dataset);
        if (BundledDatasets.ifLoaded(kind, Split.TEST).isEmpty()) onProblem.accept(new DrawViewModel.Message("random.loading"));
        try {
            background.execute(() -> {
                try {
                    Dataset d = testSet.load(kind);
                    int[] of = d.indicesOf(label);
                    if (of.length == 0) {
                        fx.execute(() -> onProblem.accept(new DrawViewModel.Message("random.error.none")));
                        return;
                    }
                    int i;
                    synchronized (random) { i = of[random.nextInt(of.length)]; }
                    var img = new InputImage(d.image(i), dataset, d.label(i),
                            I18n.get("draw.random.source", I18n.get(kind.nameKey()), i, I18n.get(kind.classKey(d.label(i)))));
                    fx.execute(() -> onPicked.accept(img));
                } catch (Exception e) {
                    fx.execute(() -> onProblem.accept(new DrawViewModel.Message("random.error.load", String.valueOf(e.getMessage()))));
                }
            });
        } catch (RuntimeException rejected) {
            onProblem.accept(new DrawViewModel.Message("random.error.load", String.valueOf(rejected.getMessage())));
        }
    }
}
