package org.convscope.app.training;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.Trainer;
import org.convscope.engine.TrainingSession;

/**
 * A measurement, not a test: how much of the engine's raw training speed a {@link TrainingSession} keeps (its
 * snapshots, weight copies for the kernel pictures, divergence checkpoints and test-sample checks). Alternates a
 * bare Trainer loop (what {@code convscope bench} times) with a session over the same batches, several rounds in
 * alternating order, so that a busy machine slows both alike; prints one line per round and the medians.
 * <pre>java -cp target/classes:target/test-classes:... org.convscope.app.training.TrainingThroughput [model] [threads] [batches] [rounds]</pre>
 */
public final class TrainingThroughput {
    private TrainingThroughput() {}

    public static void main(String[] args) throws Exception {
        String model = args.length > 0 ? args[0] : "lenet5-modern";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : TrainConfig.defaultThreads();
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ModelSpec spec = ModelZoo.byId(model);
        var d = BundledDatasets.get(DatasetKind.MNIST, Split.TRAIN, LoadProgress.NONE);
        var t = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
        LabeledImages train = DatasetSource.images(d), test = DatasetSource.images(t);
        TrainConfig config = new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, 256, 1, threads, 42);
        int images = Math.min(batches * 256, train.count());

        // Warm-up: both paths, so that the JIT has compiled the kernels before anything is timed.
        raw(spec, config, train, Math.min(images, 20 * 256));
        session(spec, config, train.first(Math.min(images, 20 * 256)), test);

        double[] r = new double[rounds], s = new double[rounds], e = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            // Alternate which goes first, so that a load change on the machine does not always hit the same one.
            double[] se;
            if (i % 2 == 0) { r[i] = raw(spec, config, train, images); se = session(spec, config, train.first(images), test); }
            else { se = session(spec, config, train.first(images), test); r[i] = raw(spec, config, train, images); }
            s[i] = se[0];
            e[i] = se[1];
            System.out.printf(Locale.ROOT, "round %d: bare trainer %.0f images/s, session steps %.0f images/s (%.0f%%), session with evaluations %.0f images/s (%.0f%%)%n",
                    i + 1, r[i], s[i], 100 * s[i] / r[i], e[i], 100 * e[i] / r[i]);
        }
        java.util.Arrays.sort(r);
        java.util.Arrays.sort(s);
        java.util.Arrays.sort(e);
        System.out.printf(Locale.ROOT, "median: bare %.0f, session steps %.0f (%.0f%%), with evaluations %.0f (%.0f%%); %s, %d threads, %d batches of 256%n",
                r[rounds / 2], s[rounds / 2], 100 * s[rounds / 2] / r[rounds / 2], e[rounds / 2], 100 * e[rounds / 2] / r[rounds / 2],
                model, threads, batches);
    }

    /** Images/s of a bare Trainer loop over the first n images in shuffled batches, like the bench command. */
    static double raw(ModelSpec spec, TrainConfig config, LabeledImages train, int n) {
        Network net = Network.create(spec, 42);
        int[] order = new int[train.count()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = order.length - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int x = order[i]; order[i] = order[j]; order[j] = x; }
        try (Trainer tr = new Trainer(net, config)) {
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += config.batchSize()) tr.step(train.images(), train.labels(), order, from, Math.min(config.batchSize(), n - from));
            return n * 1e9 / (System.nanoTime() - t0);
        }
    }

    /** {optimizer steps only, wall time including the session's test checks} in images/s for one epoch over train. */
    static double[] session(ModelSpec spec, TrainConfig config, LabeledImages train, LabeledImages test) throws InterruptedException {
        try (var s = new TrainingSession(spec, config, train, test, TrainingSession.Options.defaults(), null)) {
            long t0 = System.nanoTime();
            s.start();
            if (!s.awaitEnd(10, TimeUnit.MINUTES)) throw new IllegalStateException("session did not end");
            double wall = train.count() * 1e9 / (System.nanoTime() - t0);
            return new double[]{s.meanStepImagesPerSecond(), wall};
        }
    }
}
