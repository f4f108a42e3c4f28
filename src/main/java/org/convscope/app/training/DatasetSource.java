package org.convscope.app.training;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.convscope.app.AppContext;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;
import org.convscope.engine.LabeledImages;

/**
 * Where the training view gets its images: the app's shared dataset cache (each dataset loaded once for all views),
 * or made-up images in tests. Both callbacks run on the FX thread.
 */
@FunctionalInterface
public interface DatasetSource {
    /** @param datasetId AppContext.MNIST or AppContext.FASHION_MNIST */
    void load(String datasetId, BiConsumer<LabeledImages, LabeledImages> onLoaded, Consumer<Throwable> onFailed);

    /** The bundled datasets through the app's shared cache (training set first, then the test set). */
    static DatasetSource of(AppContext ctx) {
        return (id, onLoaded, onFailed) -> {
            DatasetKind kind = DatasetKind.ofId(id);
            ctx.datasets().load(kind, Split.TRAIN,
                    train -> ctx.datasets().load(kind, Split.TEST, test -> onLoaded.accept(images(train), images(test)), onFailed),
                    onFailed);
        };
    }

    /** A dataset as the trainer reads it (shares the arrays). */
    static LabeledImages images(Dataset d) {
        return new LabeledImages(d.images(), d.labels(), d.count(), d.pixelsPerImage());
    }
}
