package org.convscope.app.collect;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.convscope.engine.Network;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.Trainer;

/**
 * Training on the collected drawings with the engine's {@link Trainer}: on the training part only, measuring after
 * every epoch the accuracy on the training part and on the held-out part, so that overfitting shows (a few hundred
 * drawings are learnt by heart long before the held-out accuracy stops rising). Starts from random weights or from a
 * copy of the MNIST model (the app's model is never changed). No JavaFX; blocking (a background thread).
 */
public final class HandwritingTraining {
    private HandwritingTraining() {}

    /** Adam, learning rate 0.001, batches of 16: settles within a few dozen epochs on a few hundred drawings. */
    public static final float LEARNING_RATE = 0.001f;
    public static final int BATCH = 16;

    /** Accuracy after epoch (0 = before training) on the training part and on the held-out part. */
    public record Point(int epoch, double train, double heldOut, double loss) {}

    /** The drawings of a part as the trainer takes them: uint8 pixels one image after another, and the labels. */
    record Part(byte[] images, byte[] labels, int count) {
        static Part of(List<Sample> samples) {
            byte[] img = new byte[samples.size() * Sample.PIXELS], lab = new byte[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                System.arraycopy(samples.get(i).pixels(), 0, img, i * Sample.PIXELS, Sample.PIXELS);
                lab[i] = (byte) samples.get(i).label();
            }
            return new Part(img, lab, samples.size());
        }
    }

    /** Why this set cannot be trained on, or null. */
    public static SetProblem problem(SetData data) {
        int train = data.part(false).size(), held = data.part(true).size();
        if (train < 2) return new SetProblem("collect.train.tooFew", train);
        if (held == 0) return new SetProblem("collect.eval.noHeldOut");
        return null;
    }

    /** The MNIST model's accuracy on the held-out drawings (what training on our drawings has to beat). */
    public static double accuracy(Network net, List<Sample> samples) {
        if (samples.isEmpty()) return Double.NaN;
        int right = 0;
        for (Sample s : samples) {
            float[] p = net.predict(s.image());
            int best = 0;
            for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
            if (best == s.label()) right++;
        }
        return (double) right / samples.size();
    }

    /**
     * Trains net (a fresh network or a copy, owned by the caller) for epochs on the training part; onEpoch hears the
     * accuracies before training and after each epoch. Stops early when cancelled. Returns the last point.
     */
    public static Point train(Network net, SetData data, int epochs, long seed, int threads,
                              Consumer<Point> onEpoch, BooleanSupplier cancelled) {
        Part train = Part.of(data.part(false)), held = Part.of(data.part(true));
        int batch = Math.min(BATCH, train.count());
        TrainConfig config = new TrainConfig(TrainConfig.Optimizer.ADAM, LEARNING_RATE, 0f, 0f, batch, epochs, threads, seed);
        int[] order = new int[train.count()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        SplittableRandom shuffle = new SplittableRandom(seed);
        try (Trainer t = new Trainer(net, config)) {
            Point p = new Point(0, t.evaluate(train.images(), train.labels(), 0, train.count()).accuracy(),
                    t.evaluate(held.images(), held.labels(), 0, held.count()).accuracy(), Double.NaN);
            onEpoch.accept(p);
            for (int e = 1; e <= epochs && !cancelled.getAsBoolean(); e++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int x = order[i]; order[i] = order[j]; order[j] = x;
                }
                double loss = 0;
                for (int from = 0; from < order.length; from += batch) {
                    int n = Math.min(batch, order.length - from);
                    loss += (double) t.step(train.images(), train.labels(), order, from, n) * n;
                }
                p = new Point(e, t.evaluate(train.images(), train.labels(), 0, train.count()).accuracy(),
                        t.evaluate(held.images(), held.labels(), 0, held.count()).accuracy(), loss / order.length);
                onEpoch.accept(p);
            }
            return p;
        }
    }
}
