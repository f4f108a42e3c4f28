package org.convscope.engine;

import java.util.List;

/**
 * Everything a view shows about a training run at one moment, immutable and safe to read on any thread.
 * The {@link TrainingSession} publishes a new one at most ~30 times a second (and at every state change);
 * the UI pulls the latest with one AnimationTimer and redraws only when {@link #version()} changed.
 *
 * @param version          increases with every publication
 * @param epoch            the epoch being trained, 0-based (== config.epochs() once finished)
 * @param batch            batches done in that epoch
 * @param imagesPerSecond  recent training throughput of the optimizer steps alone (comparable to {@code bench})
 * @param secondsLeft      estimated time to the end of the run, NaN while unknown
 * @param runningSeconds   wall time spent running (pauses excluded), evaluations included
 * @param losses           the training loss of every batch so far, in order
 * @param trainAccuracy    accuracy on a fixed sample of training images, once per epoch
 * @param testAccuracy     accuracy on a test sample during the epoch and on the full test set at its end
 * @param predictions       the latest test predictions (behind the confusion matrix), null before the first
 * @param weights          a recent copy of every parametric layer's weights (throttled to a few per second)
 * @param network          the live network (its trace/weights are safe to read while training goes on)
 * @param event            the latest notable event (divergence, failure), null if none
 * @param savePoint        the newest state the run can be saved and resumed from (see {@link SavePoint}): what an
 *                         autosave writes, never the live network (which moves on while the file is written)
 * @param gradients        the size of the gradient of each layer with weights over the run (never null)
 */
public record TrainingSnapshot(long version, State state, ModelSpec spec, TrainConfig config,
                               int epoch, int batch, int batchesPerEpoch, long imagesSeen,
                               double imagesPerSecond, double secondsLeft, double runningSeconds,
                               LossLog losses, List<AccuracyPoint> trainAccuracy, List<AccuracyPoint> testAccuracy,
                               TestPredictions predictions, List<LayerWeights> weights, Network network, Event event,
                               SavePoint savePoint, GradientLog gradients) {

    public TrainingSnapshot {
        if (gradients == null) gradients = GradientLog.EMPTY;
    }

    /** A snapshot with its save point and no gradient sizes (e.g. read back from an autosave, tests). */
    public TrainingSnapshot(long version, State state, ModelSpec spec, TrainConfig config,
                            int epoch, int batch, int batchesPerEpoch, long imagesSeen,
                            double imagesPerSecond, double secondsLeft, double runningSeconds,
                            LossLog losses, List<AccuracyPoint> trainAccuracy, List<AccuracyPoint> testAccuracy,
                            TestPredictions predictions, List<LayerWeights> weights, Network network, Event event,
                            SavePoint savePoint) {
        this(version, state, spec, config, epoch, batch, batchesPerEpoch, imagesSeen, imagesPerSecond, secondsLeft,
                runningSeconds, losses, trainAccuracy, testAccuracy, predictions, weights, network, event, savePoint,
                GradientLog.EMPTY);
    }

    /**
     * A snapshot whose {@code weights} are those after batch {@code batch} of epoch {@code epoch} (tests, and readers
     * that build a snapshot by hand): its save point is the snapshot itself, numbered by {@code version}; no gradient
     * sizes.
     */
    public TrainingSnapshot(long version, State state, ModelSpec spec, TrainConfig config,
                            int epoch, int batch, int batchesPerEpoch, long imagesSeen,
                            double imagesPerSecond, double secondsLeft, double runningSeconds,
                            LossLog losses, List<AccuracyPoint> trainAccuracy, List<AccuracyPoint> testAccuracy,
                            TestPredictions predictions, List<LayerWeights> weights, Network network, Event event) {
        this(version, state, spec, config, epoch, batch, batchesPerEpoch, imagesSeen, imagesPerSecond, secondsLeft,
                runningSeconds, losses, trainAccuracy, testAccuracy, predictions, weights, network, event,
                new SavePoint(0, version, epoch, batch, imagesSeen, weights, losses, trainAccuracy, testAccuracy));
    }

    /**
     * A state a run can be resumed from, every part describing the same moment: the weights after {@code batch}
     * batches of epoch {@code epoch} (0-based; batch 0: the epoch has not begun), with the losses and accuracy points
     * recorded up to then. The session takes one on its training thread, between two batches, whenever it copies its
     * weights (a few times a second while running, at every pause, epoch end and divergence recovery), so a save
     * point is at most that much behind the live network, and resuming from it repeats no batch and skips none: the
     * order of an epoch's images depends only on the seed and the epoch. What it does not hold is the optimizer's
     * state (Adam's moment estimates, SGD's momentum): a resumed run starts those afresh, as after a change of the
     * learning rate.
     * <p>
     * {@code run} and {@code sequence} order save points: a session made later has a larger {@code run}, and within a
     * run {@code sequence} grows with every save point, also across divergence recovery (which replaces the
     * network). A writer keeps the newest with {@link #newerThan}.
     */
    public record SavePoint(long run, long sequence, int epoch, int batch, long imagesSeen, List<LayerWeights> weights,
                            LossLog losses, List<AccuracyPoint> trainAccuracy, List<AccuracyPoint> testAccuracy) {
        public SavePoint {
            weights = weights == null ? List.of() : List.copyOf(weights);
            losses = losses == null ? LossLog.EMPTY : losses;
            trainAccuracy = trainAccuracy == null ? List.of() : List.copyOf(trainAccuracy);
            testAccuracy = testAccuracy == null ? List.of() : List.copyOf(testAccuracy);
        }

        /** Whether this save point comes after {@code other} (a later run, or later in the same run). */
        public boolean newerThan(long otherRun, long otherSequence) {
            return run != otherRun ? run > otherRun : sequence > otherSequence;
        }
    }

    public enum State {
        /** Built, not started. */ READY,
        RUNNING,
        /** Paused by the user, after a single step, or after a divergence (see event). */ PAUSED,
        /** All epochs done. */ FINISHED,
        /** Stopped by the user before the last epoch. */ STOPPED,
        /** The engine threw; see event. */ FAILED;

        public boolean ended() { return this == FINISHED || this == STOPPED || this == FAILED; }
    }

    /** Epochs done as a fraction, e.g. 2.5 in the middle of the third epoch (the x axis of the curves). */
    public double progressEpochs() {
        return epoch + (batchesPerEpoch == 0 ? 0 : (double) batch / batchesPerEpoch);
    }

    /** 0..1 of the whole run. */
    public double fraction() { return Math.min(1, progressEpochs() / config.epochs()); }

    /** The newest full-test-set accuracy, or NaN. */
    public double finalTestAccuracy() { return lastFull(testAccuracy); }

    public double finalTrainAccuracy() { return lastFull(trainAccuracy); }

    private static double lastFull(List<AccuracyPoint> points) {
        for (int i = points.size() - 1; i >= 0; i--) if (!points.get(i).sample()) return points.get(i).accuracy();
        return Double.NaN;
    }

    /**
     * Append-only per-batch losses. values[0..count) are never written again after publication (the writer
     * appends behind count and grows into a new array), so a snapshot can share the array without copying.
     * Entry i belongs to global batch i; its x in epochs is (i + 1) / batchesPerEpoch.
     */
    public record LossLog(float[] values, int count) {
        public static final LossLog EMPTY = new LossLog(new float[0], 0);
        public float get(int i) {
            if (i < 0 || i >= count) throw new IndexOutOfBoundsException(i + " of " + count);
            return values[i];
        }
    }

    /**
     * How large the gradient of each layer with weights was during the run: point i, at {@code epochs(i)} (the x axis
     * of the loss curve), holds per layer the root mean square of the batch gradient of its weights
     * ({@link Trainer#gradientRms}), averaged over the healthy batches since the previous point. Append-only like
     * {@link LossLog}: entries below count are never written again, so a snapshot shares the arrays.
     *
     * @param layers indices into the model's layers of the layers with weights (conv1, conv2, fc1, ...)
     * @param epochs x of each point, in epochs
     * @param rms    point-major: rms[i · layers.length + l]
     */
    public record GradientLog(int[] layers, float[] epochs, float[] rms, int count) {
        public static final GradientLog EMPTY = new GradientLog(new int[0], new float[0], new float[0], 0);

        public int layerCount() { return layers.length; }

        public double epochs(int i) { check(i); return epochs[i]; }

        public double rms(int i, int layer) {
            check(i);
            if (layer < 0 || layer >= layers.length) throw new IndexOutOfBoundsException("layer " + layer + " of " + layers.length);
            return rms[i * layers.length + layer];
        }

        private void check(int i) {
            if (i < 0 || i >= count) throw new IndexOutOfBoundsException(i + " of " + count);
        }
    }

    /**
     * One accuracy measurement.
     * @param epochs x position in epochs (3.0 = end of the third epoch)
     * @param sample true when measured on a sample (during an epoch), false for the full set
     * @param images how many images were classified
     */
    public record AccuracyPoint(double epochs, double accuracy, boolean sample, int images) {}

    /**
     * Predictions for test images: image indices[i] (into the session's test set) was classified as predicted[i].
     * Never written after publication.
     */
    public record TestPredictions(int[] indices, int[] predicted, boolean full, double epochs) {
        public int size() { return predicted.length; }
    }

    /**
     * A notable moment of the run. For DIVERGED: the bad loss, the learning rate in use, where it happened;
     * the weights were restored to the last good checkpoint and training paused. For FAILED: detail says why.
     */
    public record Event(Kind kind, float loss, float learningRate, int epoch, int batch, String detail) {
        public enum Kind { DIVERGED, FAILED }
    }
}
