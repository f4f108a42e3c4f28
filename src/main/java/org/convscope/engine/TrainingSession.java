package org.convscope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.convscope.engine.TrainingSnapshot.AccuracyPoint;
import org.convscope.engine.TrainingSnapshot.TestPredictions;
import org.convscope.engine.TrainingSnapshot.Event;
import org.convscope.engine.TrainingSnapshot.LossLog;
import org.convscope.engine.TrainingSnapshot.SavePoint;
import org.convscope.engine.TrainingSnapshot.State;

/**
 * One training run that a person can watch and steer: start, pause, resume, step one batch, stop.
 * <p>
 * The run lives on its own thread ("convscope-training") and drives a {@link Trainer} (which owns the engine's
 * worker threads). Controls may be called from any thread; they only set a request that the training thread
 * honours between two batches. What happened is published as immutable {@link TrainingSnapshot}s: readers call
 * {@link #snapshot()} whenever they like (the UI once per frame) and never block the trainer.
 * <p>
 * Per epoch: the training images are shuffled (seed + epoch), cut into batches of config.batchSize() (the last
 * batch may be smaller), and each batch is one optimizer step. During the epoch the test accuracy is measured on a
 * fixed random sample ({@link Options#testSample()}) {@link Options#sampleChecksPerEpoch()} times; at its end on the
 * full test set, and the training accuracy on a fixed sample of training images.
 * <p>
 * Divergence ({@link DivergenceGuard}): when a batch loss is NaN or explodes, the weights are restored from the last
 * good checkpoint (taken every {@link Options#checkpointEvery()} healthy batches), the run pauses and the snapshot's
 * event says so, so that the view can suggest a smaller learning rate ({@link #setLearningRate}).
 * <p>
 * Keeping the work: every snapshot carries a {@link SavePoint}, weights and position (epoch, batch) taken together
 * between two batches, which an autosave writes; a run made with {@link Resume} from it continues at that batch.
 */
public final class TrainingSession implements AutoCloseable {

    /**
     * Knobs that are not hyper-parameters.
     * @param testSample           test images classified at each check during an epoch
     * @param trainSample          training images classified at each epoch end for the training accuracy
     * @param sampleChecksPerEpoch test-sample checks inside each epoch (evenly spaced)
     * @param checkpointEvery      healthy batches between copies of the weights kept for divergence recovery
     * @param publishEveryMillis   the least time between two published snapshots while running
     * @param weightsEveryMillis   the least time between two weight copies for the kernel pictures
     * @param gradientPointsPerEpoch about how many points of the per-layer gradient sizes an epoch records (each the
     *                             mean over the batches since the previous one; one at every epoch end)
     */
    public record Options(int testSample, int trainSample, int sampleChecksPerEpoch, int checkpointEvery,
                          int publishEveryMillis, int weightsEveryMillis, int gradientPointsPerEpoch) {
        public Options {
            if (gradientPointsPerEpoch < 1) throw new IllegalArgumentException("gradientPointsPerEpoch must be at least 1");
        }

        /** With 25 gradient points per epoch. */
        public Options(int testSample, int trainSample, int sampleChecksPerEpoch, int checkpointEvery,
                       int publishEveryMillis, int weightsEveryMillis) {
            this(testSample, trainSample, sampleChecksPerEpoch, checkpointEvery, publishEveryMillis, weightsEveryMillis, 25);
        }

        public static Options defaults() { return new Options(1_000, 10_000, 3, 10, 33, 150, 25); }
    }

    /** Called on the training thread; must be quick (e.g. an autosave of the weights). */
    public interface Listener {
        default void epochEnded(TrainingSnapshot s) {}
        default void ended(TrainingSnapshot s) {}
    }

    /** Numbers the sessions of this process in the order they were made (see {@link SavePoint#run()}). */
    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    private final ModelSpec spec;
    private final LabeledImages train, test;
    private final Options options;
    private final Listener listener;
    private final int batchesPerEpoch;

    // Requests from the controls, guarded by 'this'.
    private boolean started, pauseRequested, stopRequested;
    private int stepsAllowed;          // batches to run while paused (single step)
    private float pendingLearningRate = Float.NaN;

    private volatile TrainingSnapshot latest;
    private volatile Throwable failure;
    private Thread thread;
    /** Completed with the last snapshot when the training thread has ended (after the listener's ended()). */
    private final CompletableFuture<TrainingSnapshot> ended = new CompletableFuture<>();

    // Owned by the training thread.
    private TrainConfig config;
    private Network network;
    private Trainer trainer;
    private int epoch, batch;
    private long imagesSeen, version;
    private float[] losses = new float[1024];
    private int lossCount;
    private final List<AccuracyPoint> trainAccuracy = new ArrayList<>();
    private final List<AccuracyPoint> testAccuracy = new ArrayList<>();
    private TestPredictions predictions;
    private List<LayerWeights> weights;
    private SavePoint savePoint;
    private long savePoints;
    private final long runId = RUNS.incrementAndGet();
    private List<LayerWeights> checkpoint;
    private int healthySinceCheckpoint;
    private Event event;
    private State state = State.READY;
    private final DivergenceGuard guard = new DivergenceGuard();
    private final int[] order;
    private final byte[] testSampleImages; private final int[] testSampleIndices;
    private final byte[] trainSampleImages; private final byte[] trainSampleLabels;
    private long runningNanos, stepNanos, stepImages, batchesThisSession;
    private long windowNanos, windowImages;
    private double imagesPerSecond = Double.NaN;
    private long lastPublish, lastWeights;
    // per-layer gradient sizes: the trainer's numbers of the last step, their sum over the open window, the log
    private final int gradientEvery;
    private final int[] gradLayers;
    private final double[] gradNow, gradSum;
    private int gradWindow, gradPoints;
    private float[] gradEpochs = new float[256], gradValues;

    /** A fresh run: the network is created from the spec with config.seed(). */
    public TrainingSession(ModelSpec spec, TrainConfig config, LabeledImages train, LabeledImages test,
                           Options options, Listener listener) {
        this(Network.create(spec, config.validate().seed()), config, train, test, options, listener, null);
    }

    /**
     * Continues a run (e.g. from an autosave): starts with the given network at the given epoch, keeping the
     * curves recorded so far.
     */
    public TrainingSession(Network start, TrainConfig config, LabeledImages train, LabeledImages test,
                           Options options, Listener listener, Resume resume) {
        this.config = config.validate();
        this.network = Objects.requireNonNull(start, "network");
        this.spec = start.spec();
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = listener == null ? new Listener() {} : listener;
        if (train.count() == 0) throw new IllegalArgumentException("there are no training images");
        if (train.imageSize() != spec.input().size() || test.imageSize() != spec.input().size())
            throw new IllegalArgumentException("the images have " + train.imageSize() + " pixels but the model expects "
                    + spec.input().size());
        this.batchesPerEpoch = (train.count() + config.batchSize() - 1) / config.batchSize();
        this.gradientEvery = Math.max(1, Math.round((float) batchesPerEpoch / options.gradientPointsPerEpoch()));
        int weighted = 0;
        for (int i = 0; i < spec.layers().size(); i++) if (spec.layers().get(i).parameterCount(spec.inputShapeOf(i)) > 0) weighted++;
        gradLayers = new int[weighted];
        for (int i = 0, l = 0; i < spec.layers().size(); i++)
            if (spec.layers().get(i).parameterCount(spec.inputShapeOf(i)) > 0) gradLayers[l++] = i;
        gradNow = new double[weighted];
        gradSum = new double[weighted];
        gradValues = new float[gradEpochs.length * weighted];
        this.order = new int[train.count()];
        if (resume != null) {
            if (resume.epochsDone() < 0 || resume.epochsDone() > config.epochs())
                throw new IllegalArgumentException("cannot resume at epoch " + resume.epochsDone() + " of " + config.epochs());
            if (resume.batchesDone() < 0 || resume.batchesDone() >= batchesPerEpoch
                    || (resume.batchesDone() > 0 && resume.epochsDone() == config.epochs()))
                throw new IllegalArgumentException("cannot resume after batch " + resume.batchesDone() + " of an epoch of "
                        + batchesPerEpoch + " batches");
            epoch = resume.epochsDone();
            batch = resume.batchesDone();
            imagesSeen = (long) epoch * train.count() + Math.min(train.count(), (long) batch * config.batchSize());
            LossLog l = resume.losses();
            losses = Arrays.copyOf(l.values(), Math.max(1024, l.count() * 2));
            lossCount = l.count();
            trainAccuracy.addAll(resume.trainAccuracy());
            testAccuracy.addAll(resume.testAccuracy());
        }
        // Fixed samples, drawn once so that the points of a curve are comparable; copied into contiguous buffers
        // because Trainer.predict reads consecutive images.
        SplittableRandom rnd = new SplittableRandom(config.seed() ^ 0x5EEDL);
        int px = spec.input().size();
        testSampleIndices = sample(rnd, test.count(), options.testSample());
        testSampleImages = gather(test.images(), px, testSampleIndices);
        int[] trainIdx = sample(rnd, train.count(), options.trainSample());
        trainSampleImages = gather(train.images(), px, trainIdx);
        trainSampleLabels = new byte[trainIdx.length];
        for (int i = 0; i < trainIdx.length; i++) trainSampleLabels[i] = train.labels()[trainIdx[i]];
        keepWeights(network.weights());
        checkpoint = weights;
        publish(true);
    }

    /**
     * Where a resumed run starts: epochs completed, batches done in the next epoch (0: at its start; from a
     * {@link SavePoint}) and the curves recorded so far. The run must have the same training images and batch size,
     * so that batch {@code batchesDone} of the epoch is the same images.
     */
    public record Resume(int epochsDone, int batchesDone, LossLog losses, List<AccuracyPoint> trainAccuracy,
                         List<AccuracyPoint> testAccuracy) {
        public Resume { trainAccuracy = List.copyOf(trainAccuracy); testAccuracy = List.copyOf(testAccuracy); }

        /** At the start of an epoch. */
        public Resume(int epochsDone, LossLog losses, List<AccuracyPoint> trainAccuracy, List<AccuracyPoint> testAccuracy) {
            this(epochsDone, 0, losses, trainAccuracy, testAccuracy);
        }

        /** Continues exactly where a save point was taken. */
        public static Resume of(SavePoint p) {
            return new Resume(p.epoch(), p.batch(), p.losses(), p.trainAccuracy(), p.testAccuracy());
        }
    }

    public ModelSpec spec() { return spec; }
    public int batchesPerEpoch() { return batchesPerEpoch; }
    public LabeledImages testSet() { return test; }
    public LabeledImages trainSet() { return train; }

    /** Why the run failed (state FAILED; the event has its message), with its stack trace for a log; else null. */
    public Throwable failure() { return failure; }

    /** The latest published state; never null, never blocks. */
    public TrainingSnapshot snapshot() { return latest; }

    /** Starts training (running). Calling it twice is an error. */
    public synchronized void start() { launch(false); }

    /** Starts paused and runs exactly one batch (the "step" button before anything ran). */
    public synchronized void startOneStep() { launch(true); }

    private void launch(boolean oneStep) {
        if (started) throw new IllegalStateException("this session was already started");
        started = true;
        pauseRequested = oneStep;
        stepsAllowed = oneStep ? 1 : 0;
        thread = Thread.ofPlatform().name("convscope-training").daemon(true).start(this::run);
    }

    public synchronized void pause() { pauseRequested = true; stepsAllowed = 0; notifyAll(); }

    public synchronized void resume() { pauseRequested = false; stepsAllowed = 0; notifyAll(); }

    /** One more batch, then paused again (starts the session paused if it was not started). */
    public synchronized void step() {
        if (!started) { launch(true); return; }
        pauseRequested = true;
        stepsAllowed++;
        notifyAll();
    }

    /** Ends the run after the current batch; the weights stay as they are. */
    public synchronized void stop() {
        stopRequested = true;
        notifyAll();
        if (!started) ended.complete(latest); // nothing will run: it has ended already
    }

    /**
     * Asks the run to stop and returns at once (a UI thread must never wait for a batch, an epoch's test or an
     * autosave to finish): the future completes, on the training thread, when the run has ended.
     */
    public CompletableFuture<TrainingSnapshot> stopAsync() {
        stop();
        return whenEnded();
    }

    /**
     * Completes with the last snapshot once the training thread has ended and the listener's {@code ended} has
     * returned (at once for a session stopped before it started). Never blocks; a copy, so callers cannot complete it.
     */
    public CompletableFuture<TrainingSnapshot> whenEnded() { return ended.copy(); }

    /**
     * Changes the learning rate from the next batch on (e.g. after a divergence). The optimizer's state (Adam's
     * moments) starts afresh, as it would in a new Trainer.
     */
    public synchronized void setLearningRate(float lr) {
        TrainConfig c = withLearningRate(config, lr);
        String p = c.problem();
        if (p != null) throw new IllegalArgumentException(p);
        pendingLearningRate = lr;
        if (!started) { config = c; publish(true); }
    }

    private static TrainConfig withLearningRate(TrainConfig c, float lr) {
        return new TrainConfig(c.optimizer(), lr, c.momentum(), c.weightDecay(), c.batchSize(), c.epochs(), c.threads(), c.seed());
    }

    /** Waits until the run has ended (finished, stopped or failed); true if it did within the time. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        Thread t;
        synchronized (this) { t = thread; }
        if (t == null) return false;
        return t.join(java.time.Duration.ofNanos(unit.toNanos(timeout)));
    }

    /** Stops and waits briefly for the training thread. Not for the FX thread: use {@link #stopAsync()} there. */
    @Override public void close() {
        stop();
        try { awaitEnd(5, TimeUnit.SECONDS); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    // ---------------------------------------------------------------- the training thread

    private void run() {
        try {
            TrainingPriority.lowerCurrentThread(); // before the trainer starts its workers: they inherit it
            trainer = new Trainer(network, config);
            long epochStartSeed = config.seed();
            boolean shuffled = false;
            while (epoch < config.epochs()) {
                if (!shuffled) { shuffle(order, epochStartSeed + epoch); shuffled = true; }
                if (!awaitPermission()) break;
                applyPendingLearningRate();
                long t0 = System.nanoTime();
                int from = batch * config.batchSize();
                int n = Math.min(config.batchSize(), train.count() - from);
                float loss = trainer.step(train.images(), train.labels(), order, from, n);
                long dt = System.nanoTime() - t0;
                runningNanos += dt;
                coldStart(n, t0, dt);
                batch++;
                imagesSeen += n;
                batchesThisSession++;
                if (guard.diverged(loss)) {
                    recoverFromDivergence(loss);
                } else {
                    appendLoss(loss);
                    addGradients();
                    countThroughput(n, dt);
                    if (++healthySinceCheckpoint >= options.checkpointEvery()) {
                        checkpoint = network.weights();
                        healthySinceCheckpoint = 0;
                    }
                }
                if (gradWindow > 0 && (gradWindow >= gradientEvery || batch == batchesPerEpoch)) appendGradients();
                boolean evaluated = false;
                if (batch == batchesPerEpoch) {
                    endEpoch();
                    shuffled = false;
                    evaluated = true;
                } else if (isSampleCheck(batch)) {
                    timed(this::checkTestSample);
                    evaluated = true;
                }
                publish(evaluated);
                if (evaluated && batch == 0) listener.epochEnded(latest);
            }
            synchronized (this) { state = stopRequested && epoch < config.epochs() ? State.STOPPED : State.FINISHED; }
        } catch (Throwable t) {
            failure = t;
            state = State.FAILED;
            event = new Event(Event.Kind.FAILED, Float.NaN, config.learningRate(), epoch, batch,
                    t.getMessage() == null ? t.toString() : t.getMessage());
        } finally {
            try {
                if (trainer != null) trainer.close();
                keepWeights(network.weights());
                publish(true);
                listener.ended(latest);
            } finally {
                ended.complete(latest);
            }
        }
    }

    /** Blocks while paused; false when stopped. Sets the state shown to readers. */
    private boolean awaitPermission() throws InterruptedException {
        synchronized (this) {
            while (!stopRequested && pauseRequested && stepsAllowed == 0) {
                if (state != State.PAUSED) { state = State.PAUSED; keepWeights(network.weights()); publish(true); }
                wait();
            }
            if (stopRequested) return false;
            if (stepsAllowed > 0) stepsAllowed--;
            if (state != State.RUNNING) { state = State.RUNNING; publish(true); }
            return true;
        }
    }

    private void applyPendingLearningRate() {
        float lr;
        synchronized (this) { lr = pendingLearningRate; pendingLearningRate = Float.NaN; }
        if (Float.isNaN(lr) || lr == config.learningRate()) return;
        config = withLearningRate(config, lr);
        trainer.close();
        trainer = new Trainer(network, config);
    }

    private void recoverFromDivergence(float loss) {
        event = new Event(Event.Kind.DIVERGED, loss, config.learningRate(), epoch, batch, null);
        trainer.close();
        network = Network.of(spec, checkpoint);
        trainer = new Trainer(network, config);
        healthySinceCheckpoint = 0;
        keepWeights(checkpoint); // the run goes on from here with these weights: the batches since the checkpoint are lost
        synchronized (this) { pauseRequested = true; stepsAllowed = 0; }
    }

    private boolean isSampleCheck(int b) {
        int k = options.sampleChecksPerEpoch();
        if (k <= 0 || testSampleIndices.length == 0) return false;
        for (int i = 1; i <= k; i++) if (b == Math.round((double) i * batchesPerEpoch / (k + 1))) return true;
        return false;
    }

    private void checkTestSample() {
        int[] pred = new int[testSampleIndices.length];
        trainer.predict(testSampleImages, 0, pred.length, pred);
        int correct = 0;
        for (int i = 0; i < pred.length; i++) if (pred[i] == test.labels()[testSampleIndices[i]]) correct++;
        double x = epoch + (double) batch / batchesPerEpoch;
        testAccuracy.add(new AccuracyPoint(x, (double) correct / pred.length, true, pred.length));
        predictions = new TestPredictions(testSampleIndices, pred, false, x);
    }

    private void endEpoch() {
        timed(() -> {
            // Full test set, in chunks so that a stop request is not kept waiting for long.
            int[] pred = new int[test.count()];
            int correct = 0;
            int[] chunk = new int[2048];
            for (int from = 0; from < test.count(); from += chunk.length) {
                int n = Math.min(chunk.length, test.count() - from);
                trainer.predict(test.images(), from, n, chunk);
                System.arraycopy(chunk, 0, pred, from, n);
            }
            for (int i = 0; i < pred.length; i++) if (pred[i] == test.labels()[i]) correct++;
            int[] all = new int[pred.length];
            for (int i = 0; i < all.length; i++) all[i] = i;
            double x = epoch + 1;
            if (pred.length > 0) testAccuracy.add(new AccuracyPoint(x, (double) correct / pred.length, false, pred.length));
            predictions = new TestPredictions(all, pred, true, x);

            int[] tp = new int[trainSampleLabels.length];
            trainer.predict(trainSampleImages, 0, tp.length, tp);
            int tc = 0;
            for (int i = 0; i < tp.length; i++) if (tp[i] == trainSampleLabels[i]) tc++;
            if (tp.length > 0) trainAccuracy.add(new AccuracyPoint(x, (double) tc / tp.length, false, tp.length));
        });
        epoch++;
        batch = 0;
        keepWeights(network.weights());
    }

    /**
     * Logs how fast the first batches of this run were (one line at 2,000 images, or at the end of a shorter run): in a
     * fresh JVM they wait for the JIT, which is what the engine warm-up ({@link Warmup}) is for.
     */
    private void coldStart(int n, long t0, long dt) {
        if (coldImages < 0) return;
        if (coldImages == 0) { coldFirstImages = n; coldFirstNanos = dt; coldStartNanos = t0; }
        coldImages += n;
        coldStepNanos += dt;
        if (coldImages >= COLD_IMAGES || (batch + 1 == batchesPerEpoch && epoch + 1 == config.epochs())) {
            System.getLogger("convscope.training").log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "first batch of this run: %d images in %.1f ms (%.0f images/s); first %d images: %.3f s in optimizer "
                            + "steps, %.3f s on the wall clock", coldFirstImages, coldFirstNanos / 1e6,
                    coldFirstImages * 1e9 / coldFirstNanos, coldImages, coldStepNanos / 1e9, (t0 + dt - coldStartNanos) / 1e9));
            coldImages = -1;
        }
    }

    private static final int COLD_IMAGES = 2_000;
    private long coldImages, coldFirstNanos, coldStartNanos, coldStepNanos;
    private int coldFirstImages;

    private void timed(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        runningNanos += System.nanoTime() - t0;
    }

    private void appendLoss(float loss) {
        if (lossCount == losses.length) losses = Arrays.copyOf(losses, losses.length * 2); // readers keep the old array
        losses[lossCount++] = loss;
    }

    private void addGradients() {
        trainer.gradientRms(gradNow);
        for (int l = 0; l < gradSum.length; l++) gradSum[l] += gradNow[l];
        gradWindow++;
    }

    /** Closes the window of batches: one point of the gradient log at the current position. */
    private void appendGradients() {
        int L = gradSum.length;
        if (gradPoints == gradEpochs.length) { // readers keep the old arrays
            gradEpochs = Arrays.copyOf(gradEpochs, gradPoints * 2);
            gradValues = Arrays.copyOf(gradValues, gradPoints * 2 * L);
        }
        gradEpochs[gradPoints] = (float) (epoch + (double) batch / batchesPerEpoch);
        for (int l = 0; l < L; l++) gradValues[gradPoints * L + l] = (float) (gradSum[l] / gradWindow);
        gradPoints++;
        Arrays.fill(gradSum, 0);
        gradWindow = 0;
    }

    /** Throughput of the optimizer steps over windows of at least half a second. */
    private void countThroughput(int n, long dt) {
        stepNanos += dt; stepImages += n;
        windowNanos += dt; windowImages += n;
        if (windowNanos >= 500_000_000L) {
            imagesPerSecond = windowImages * 1e9 / windowNanos;
            windowNanos = 0; windowImages = 0;
        } else if (Double.isNaN(imagesPerSecond) || stepNanos < 500_000_000L) {
            imagesPerSecond = stepImages * 1e9 / stepNanos;
        }
    }

    /** Mean throughput of all optimizer steps of this session (images/s), for reports. */
    public double meanStepImagesPerSecond() { return stepNanos == 0 ? Double.NaN : stepImages * 1e9 / stepNanos; }

    private double secondsLeft() {
        if (batchesThisSession == 0) return Double.NaN;
        long remaining = (long) (config.epochs() - epoch) * batchesPerEpoch - batch;
        return Math.max(0, remaining) * (runningNanos / 1e9) / batchesThisSession;
    }

    /** Builds and publishes a snapshot; throttled unless forced. Called on the training thread (or in the constructor). */
    private void publish(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastPublish < options.publishEveryMillis() * 1_000_000L) return;
        lastPublish = now;
        if (state == State.RUNNING && now - lastWeights >= options.weightsEveryMillis() * 1_000_000L) {
            keepWeights(network.weights());
            lastWeights = now;
        }
        latest = new TrainingSnapshot(++version, state, spec, config, epoch, batch, batchesPerEpoch, imagesSeen,
                imagesPerSecond, state.ended() ? 0 : secondsLeft(), runningNanos / 1e9,
                new LossLog(losses, lossCount), List.copyOf(trainAccuracy), List.copyOf(testAccuracy),
                predictions, weights, network, event, savePoint,
                new TrainingSnapshot.GradientLog(gradLayers, gradEpochs, gradValues, gradPoints));
    }

    /**
     * The weights the snapshots show and the save point that goes with them: on the training thread between two
     * batches (or in the constructor), so that weights, position and curves describe the same moment.
     */
    private void keepWeights(List<LayerWeights> w) {
        weights = w;
        savePoint = new SavePoint(runId, ++savePoints, epoch, batch, imagesSeen, w, new LossLog(losses, lossCount),
                trainAccuracy, testAccuracy);
    }

    /** The order of an epoch's batches: 0..n shuffled with the seed (seed + epoch). */
    static void shuffle(int[] order, long seed) {
        for (int i = 0; i < order.length; i++) order[i] = i;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
    }

    /** min(k, n) distinct indices in 0..n, in increasing order (a partial Fisher-Yates shuffle). */
    static int[] sample(SplittableRandom r, int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        int m = Math.min(k, n);
        for (int i = 0; i < m; i++) {
            int j = i + r.nextInt(n - i);
            int t = all[i]; all[i] = all[j]; all[j] = t;
        }
        int[] out = Arrays.copyOf(all, m);
        Arrays.sort(out);
        return out;
    }

    private static byte[] gather(byte[] images, int px, int[] idx) {
        byte[] out = new byte[idx.length * px];
        for (int i = 0; i < idx.length; i++) System.arraycopy(images, idx[i] * px, out, i * px, px);
        return out;
    }
}
