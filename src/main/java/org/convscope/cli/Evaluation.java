package org.convscope.cli;

import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.engine.Trainer;

/** Batched inference over the first n images of a dataset, counted into a confusion matrix. */
final class Evaluation {
    private Evaluation() {}

    static final int CHUNK = 1024;

    static ConfusionMatrix confusion(Trainer trainer, Dataset data, int n) {
        ConfusionMatrix cm = new ConfusionMatrix(DatasetKind.CLASSES);
        int[] predicted = new int[CHUNK];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            trainer.predict(data.images(), from, m, predicted);
            for (int i = 0; i < m; i++) cm.add(data.labels()[from + i], predicted[i]);
        }
        return cm;
    }
}
