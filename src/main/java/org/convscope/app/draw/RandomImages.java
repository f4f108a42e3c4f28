package org.convscope.app.draw;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import org.convscope.app.AppContext.InputImage;
import org.convscope.app.DatasetCache;
import org.convscope.app.I18n;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;

/**
 * A random test image of a chosen class ("show me any sneaker"). The test split comes from the app's shared
 * {@link DatasetCache} (loaded once, progress in the status bar); the answer is handed over on the FX executor.
 */
final class RandomImages {
    private final Function<DatasetKind, CompletableFuture<Dataset>> testSet;
    private final Executor fx;
    private final Random random;

    /** @param testSet the test split of a dataset, e.g. kind -> ctx.datasets().load(kind, Split.TEST) */
    RandomImages(Function<DatasetKind, CompletableFuture<Dataset>> testSet, Executor fx, Random random) {
        this.testSet = testSet;
        this.fx = fx;
        this.random = random;
    }

    /** Picks a random test image of class label from dataset (AppContext.MNIST / FASHION_MNIST). FX thread. */
    void pick(String dataset, int label, Consumer<InputImage> onPicked, Consumer<DrawViewModel.Message> onProblem) {
        DatasetKind kind = DatasetKind.ofId(dataset);
        CompletableFuture<Dataset> data;
        try {
            data = testSet.apply(kind);
        } catch (RuntimeException e) {
            onProblem.accept(new DrawViewModel.Message("random.error.load", String.valueOf(e.getMessage())));
            return;
        }
        if (!data.isDone()) onProblem.accept(new DrawViewModel.Message("random.loading"));
        data.whenComplete((d, error) -> fx.execute(() -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                onProblem.accept(new DrawViewModel.Message("random.error.load", String.valueOf(cause.getMessage())));
                return;
            }
            int[] of = d.indicesOf(label);
            if (of.length == 0) {
                onProblem.accept(new DrawViewModel.Message("random.error.none"));
                return;
            }
            int i = of[random.nextInt(of.length)];
            int index = i;
            onPicked.accept(InputImage.localized(d.image(i), dataset, d.label(i),
                    () -> I18n.get("browser.image", DatasetCache.name(new DatasetCache.Key(kind, Split.TEST)), index),
                    dataset + "/test/" + i));
        }));
    }
}
