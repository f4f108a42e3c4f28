package org.convscope.app.training;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.convscope.engine.LabeledImages;

/**
 * Where the training view gets its images: the app's shared dataset cache (each dataset loaded once for all views),
 * or made-up images in tests. Both callbacks run on the FX thread.
 */
@FunctionalInterface
public interface DatasetSource {
    /** @param datasetId AppContext.MNIST or AppContext.FASHION_MNIST */
    void load(String datasetId, BiConsumer<LabeledImages, LabeledImages> onLoaded, Consumer<Throwable> onFailed);
}
