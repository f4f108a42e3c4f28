package org.convscope.app.training;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;

/**
 * A measurement, not a test: one run of the training view's {@link TrainingSession} without the window (the same
 * session, options and data the view uses), printing a line per epoch and the result — for reproducing the
 * published numbers (D2L's LeNet; modern LeNet ≥ 99 % on MNIST, ≥ 90 % on Fashion-MNIST).
 * <pre>java -cp target/classes:target/test-classes:... org.convscope.app.training.TrainingRun
 *     lenet5-modern mnist SGD 0.1 256 10 2</pre>
 */
public final class TrainingRun {
    private TrainingRun() {}

    public static void main(String[] a) throws Exception {
        String model = a[0];
        DatasetKind kind = DatasetKind.ofId(a[1]);
        TrainConfig config = new TrainConfig(TrainConfig.Optimizer.valueOf(a[2]), Float.parseFloat(a[3]), 0f, 0f,
                Integer.parseInt(a[4]), Integer.parseInt(a[5]), Integer.parseInt(a[6]), HyperParameters.SEED);
        var train = DatasetSource.images(BundledDatasets.get(kind, Split.TRAIN, LoadProgress.NONE));
        var test = DatasetSource.images(BundledDatasets.get(kind, Split.TEST, LoadProgress.NONE));
        int[] logged = {0};
        var listener = new TrainingSession.Listener() {
            @Override public void epochEnded(TrainingSnapshot s) {
                int bpe = s.batchesPerEpoch(), n = s.losses().count();
                double mean = 0;
                for (int i = n - bpe; i < n; i++) mean += s.losses().get(i);
                System.out.printf(Locale.ROOT, "epoch %d: loss %.3f, train accuracy %.4f, test accuracy %.4f, %.1f s%n",
                        s.epoch(), mean / bpe, s.finalTrainAccuracy(), s.finalTestAccuracy(), s.runningSeconds());
                logged[0]++;
            }
        };
        try (var s = new TrainingSession(ModelZoo.byId(model), config, train, test, TrainingSession.Options.defaults(), listener)) {
            s.start();
            s.awaitEnd(2, TimeUnit.HOURS);
            TrainingSnapshot end = s.snapshot();
            System.out.printf(Locale.ROOT, "%s on %s, %s lr %s batch %d, %d epochs, %d threads: %s, test accuracy %.4f, "
                            + "train accuracy %.4f, %.1f s, %.0f images/s in optimizer steps%n",
                    model, kind.id(), config.optimizer(), a[3], config.batchSize(), config.epochs(), config.threads(),
                    end.state(), end.finalTestAccuracy(), end.finalTrainAccuracy(), end.runningSeconds(), s.meanStepImagesPerSecond());
            if (end.event() != null) System.out.println("event: " + end.event());
        }
    }
}
