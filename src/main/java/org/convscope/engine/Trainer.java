package org.convscope.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Trains a {@link Network} with mini-batch gradient descent on the engine's own thread pool.
 *
 * <p>Batch-parallel: a batch of n images is cut into groups of whole chunks of {@link #CHUNK} images (as many groups
 * as threads, or up to {@link #GROUPS_PER_THREAD} times that where the model's work per parameter makes it cheap, see
 * {@link #maxGroups}). The threads take the groups in turn, first come first served, and run each chunk of a group
 * forward and backward through their own activation buffers, adding into the group's gradient buffer. Then, after
 * a barrier, the gradients are reduced — parameter range r by thread r, always summing group 0, 1, 2, … in that
 * order, clearing the buffers for the next step as it reads them — and the optimizer updates that range, all in one
 * hand-off to the threads per step. What a group adds does
 * not depend on which thread ran it, so the same seed and the same thread count give the same weights bit for bit
 * (one thread: one group). All buffers are allocated in the constructor; a step allocates nothing.
 *
 * <p>One thread drives a trainer (calls step/predict/evaluate); other threads may meanwhile read the network
 * (trace, weights), see {@link Network}. Close the trainer to stop its threads and detach it from the network.
 */
public final class Trainer implements AutoCloseable {
    /**
     * Images per forward/backward pass of one thread: one 512-bit vector of floats, so each vector holds one pixel of
     * every image of the chunk (a multiple of the vector width on any machine up to 512 bits). A shorter chunk at the
     * end of a slice is padded with blank images that add nothing to the loss or the gradient.
     */
    static final int CHUNK = 16;
    private static final float ADAM_BETA1 = 0.9f, ADAM_BETA2 = 0.999f, ADAM_EPS = 1e-8f;

    private final Network net;
    private final TrainConfig config;
    private final Kernels k;
    private final int threads;
    private final WorkerPool pool;
    private final Workspace[] ws;
    /**
     * grads[g]: the gradient of group g of the batch (see {@link #groups}); after the reduction grads[0] holds the batch
     * gradient. groupLoss[g]: the group's summed loss.
     */
    private final float[][] grads;
    private final double[] groupLoss;
    /** Groups of a step: taken by the threads in turn, first come first served (see {@link #trainGroups}). */
    private final AtomicInteger nextGroup = new AtomicInteger();
    private int jobGroups, jobChunks;
    /** Whether all gradient buffers are zero (true between steps, unless a step failed half-way). */
    private boolean gradsClean = true;
    /** Where a gradient-only step (lossAndGradient) writes the batch gradient, else null. */
    private float[] jobGradientOut;
    /** SGD momentum, or Adam's first moment; Adam's second moment. */
    private final float[] state1, state2;
    private final double[] threadLoss;
    /**
     * The layers with weights (indices into the model's layers) and their weight ranges [from, to) in the flat
     * parameter block (biases excluded); gradSquares[t][l]: thread t's sum of squared batch-gradient entries of layer
     * l within its parameter range, gradientRms[l] the last step's root mean square. See {@link #gradientRms}.
     */
    private final int[] gradLayers, gradFrom, gradTo;
    private final double[][] gradSquares;
    private final double[] gradientRms;
    private final int first;
    private final int imageSize, classes, paramCount;
    private final ModelSpec.Cost cost;
    private final int fixedGroups;
    private long adamSteps;
    private boolean closed;
    /** Trainers open now, not counting {@link Warmup}'s own (a warm-up yields to real training). */
    private static final AtomicInteger LIVE = new AtomicInteger();
    private final boolean warmup;

    // the current job, set by the driving thread before the pool runs (the pool's hand-off publishes them)
    private byte[] jobBytes;
    private float[] jobFloats;
    private byte[] jobLabels;
    private int[] jobIntLabels, jobIdx, jobOut;
    private int jobFrom, jobN;
    private int[][] jobConfusion;
    /** Per-thread stopwatches while the trainer is profiled ({@link #profile}), else null: no timing at all. */
    private StepProbe[] probes;
    private final IntConsumer stepTask = this::stepSlice, inferTask = this::inferSlice;
    private final Runnable takeWriteLock = this::takeWriteLock;
    /** Whether the current step updates the parameters (else it only computes the gradient). */
    private boolean jobUpdate;
    /** The write lock's stamp while a step updates the parameters (taken at the barrier), else 0. */
    private long jobStamp;

    /** A trainer computing with the network's kernels. */
    public Trainer(Network network, TrainConfig config) {
        this(network, config, false);
    }

    /** warmup: a {@link Warmup}'s trainer, not counted in {@link #live()}. */
    Trainer(Network network, TrainConfig config, boolean warmup) {
        this(network, config, warmup, 0);
    }

    /**
     * fixedGroups &gt; 0: every step is cut into that many groups (fewer if it has fewer chunks) instead of
     * {@link #groups}' choice, whatever the thread count; for tests that the result depends only on the groups.
     */
    Trainer(Network network, TrainConfig config, boolean warmup, int fixedGroups) {
        this.net = network;
        this.fixedGroups = fixedGroups;
        this.warmup = warmup;
        this.config = config.validate();
        this.k = network.kernels();
        checkMemory(network.spec(), config);
        if (!network.trainer.compareAndSet(null, this))
            throw new IllegalStateException("this network is already being trained; close the other trainer first");
        this.threads = config.threads();
        this.first = firstTrainable(network);
        this.imageSize = network.spec().input().size();
        this.classes = network.spec().classes();
        this.paramCount = network.parameterCount();
        this.cost = network.spec().cost();
        this.ws = new Workspace[threads];
        for (int t = 0; t < threads; t++) ws[t] = new Workspace(network.spec().input(), network.ops, CHUNK);
        int maxGroups = fixedGroups > 0 ? fixedGroups : maxGroups(network.spec(), config);
        this.grads = new float[maxGroups][];
        for (int g = 0; g < maxGroups; g++) grads[g] = new float[paramCount + Workspace.SLACK]; // slack: see Workspace.SLACK
        this.groupLoss = new double[maxGroups];
        boolean adam = config.optimizer() == TrainConfig.Optimizer.ADAM;
        this.state1 = adam || config.momentum() > 0f ? new float[paramCount] : null;
        this.state2 = adam ? new float[paramCount] : null;
        this.threadLoss = new double[threads];
        int weighted = 0;
        for (LayerOp op : network.ops) if (op.weightOffset >= 0) weighted++;
        this.gradLayers = new int[weighted];
        this.gradFrom = new int[weighted];
        this.gradTo = new int[weighted];
        int l = 0;
        for (LayerOp op : network.ops)
            if (op.weightOffset >= 0) { gradLayers[l] = op.index; gradFrom[l] = op.weightOffset; gradTo[l] = op.biasOffset; l++; }
        this.gradSquares = new double[threads][weighted];
        this.gradientRms = new double[weighted];
        Arrays.fill(gradientRms, Double.NaN);
        this.pool = new WorkerPool(threads, warmup ? "convscope-warmup" : "convscope-trainer");
        if (!warmup) LIVE.incrementAndGet();
    }

    /**
     * Bytes a trainer allocates: per thread a chunk's buffers, a gradient per group of a batch, and the optimizer's
     * state.
     */
    static long memoryNeeded(ModelSpec spec, TrainConfig config) {
        ModelSpec.Cost c = spec.cost();
        long params = 4 * (c.parameters() + Workspace.SLACK);
        int states = config.optimizer() == TrainConfig.Optimizer.ADAM ? 2 : config.momentum() > 0f ? 1 : 0;
        return config.threads() * c.bufferBytesChunk() + (maxGroups(spec, config) + states) * params;
    }

    /**
     * At most this many groups per thread in a step: {@code -Dconvscope.engine.groupsPerThread=N} (default 4, at least
     * 1; 1 = one fixed half of the batch per thread of two, the cut before 2026-12-07, which gives its bits).
     */
    static final int GROUPS_PER_THREAD = Math.max(1, Integer.getInteger("convscope.engine.groupsPerThread", 4));

    /**
     * Gradient buffers of a trainer: one per group of its largest step. A step of n images is cut into groups of whole
     * chunks, each with its own gradient buffer, which the threads take in turn (so a thread that the machine slows
     * down, or a thread that starts late, does fewer groups, and none waits long for the other), and which are summed
     * in group order, whichever thread computed them: the result does not depend on who did what. More groups balance
     * better but cost a gradient buffer to zero and to sum each; so a thread gets up to {@link #GROUPS_PER_THREAD}
     * groups, and only as many as keep each group's work above 100 multiply-adds (forward) per parameter, where the
     * buffer costs about 1 % of the group's time. One thread: one group, as there is nothing to balance.
     */
    static int maxGroups(ModelSpec spec, TrainConfig config) {
        return groups(spec.cost(), config.threads(), config.batchSize(), Integer.MAX_VALUE);
    }

    /** Groups of a step of n images (at most {@code allocated}), see {@link #maxGroups}. */
    static int groups(ModelSpec.Cost c, int threads, int n, int allocated) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (threads == 1) return 1;
        double perThread = (double) n * c.workPerImage() / ((double) threads * Math.max(1, c.parameters()) * 100);
        int g = threads * (int) Math.max(1, Math.min(GROUPS_PER_THREAD, Math.floor(perThread)));
        return Math.max(1, Math.min(Math.min(g, chunks), allocated));
    }

    /**
     * Refuses, with a message saying what to change, a model and thread count whose buffers do not fit in the heap
     * that is still free: an OutOfMemoryError half-way through allocating would help nobody.
     */
    private static void checkMemory(ModelSpec spec, TrainConfig config) {
        Runtime rt = Runtime.getRuntime();
        long need = memoryNeeded(spec, config), free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free * 9 / 10)
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "training %s with %d threads needs about %,d MB of buffers, but only %,d MB of memory are free; "
                            + "use fewer threads or a smaller model, or give Java more memory (-Xmx)",
                    spec.id(), config.threads(), need >> 20, free >> 20));
    }

    /** Number of open trainers, not counting warm-ups. */
    static int live() { return LIVE.get(); }

    private static int firstTrainable(Network net) {
        for (LayerOp op : net.ops) if (op.weightOffset >= 0) return op.index;
        return net.ops.size(); // a model without parameters: nothing to learn
    }

    public Network network() { return net; }

    /** Ids of the trainer's own worker threads (not the driving thread), for CPU-time measurements. */
    long[] workerThreadIds() { return pool.workerIds(); }

    public TrainConfig config() { return config; }

    /** The model's layers that have weights (indices into {@code spec().layers()}), in order: conv1, conv2, fc1, ... */
    public int[] gradientLayers() { return gradLayers.clone(); }

    /**
     * The size of the last step's batch gradient (the mean over the batch, before the optimizer's momentum or weight
     * decay) per layer with weights: out[l] = √(Σ g² / count) over the weights of layer {@code gradientLayers()[l]}
     * (biases left out). Computed while the gradients are reduced, from the summed buffer, by the thread that owns
     * each parameter range, and added up in thread order (deterministic); it changes nothing and allocates nothing.
     * NaN before the first step.
     */
    public void gradientRms(double[] out) {
        if (out.length < gradientRms.length)
            throw new IllegalArgumentException("out has room for " + out.length + " layers, need " + gradientRms.length);
        System.arraycopy(gradientRms, 0, out, 0, gradientRms.length);
    }

    /**
     * Turns the per-layer stopwatches on (fresh, zeroed) or off; returns them, one per thread (thread 0 = the driving
     * thread), or null. For {@link EngineBench#profile}; called between steps by the driving thread.
     */
    StepProbe[] profile(boolean on) {
        if (!on) return probes = null;
        StepProbe[] p = new StepProbe[threads];
        for (int t = 0; t < threads; t++) p[t] = new StepProbe(net.ops.size());
        return probes = p;
    }

    /**
     * One optimizer step on images[idx[from..from+n)] (uint8 pixels, imageSize bytes each, scaled to 0..1)
     * with labels[idx[..]]. Returns the mean cross-entropy loss of the batch (NaN if it diverged).
     */
    public float step(byte[] images, byte[] labels, int[] idx, int from, int n) {
        checkOpen();
        checkBatch(images, idx, from, n);
        for (int i = from; i < from + n; i++) {
            int label = labels[idx[i]];
            if (label < 0 || label >= classes)
                throw new IllegalArgumentException("image " + idx[i] + " has label " + label + ", but the model knows classes 0.."
                        + (classes - 1));
        }
        jobBytes = images;
        jobFloats = null;
        jobLabels = labels;
        jobIntLabels = null;
        jobIdx = idx;
        jobFrom = from;
        jobN = n;
        return runStep(true, null);
    }

    /**
     * Loss and gradient of a batch of float images (n × imageSize values) without changing the network: the batch
     * gradient (mean over the images) is written into gradient (length {@link Network#parameterCount()}).
     * For gradient checks and tests.
     */
    float lossAndGradient(float[] images, int[] labels, int n, float[] gradient) {
        checkOpen();
        jobBytes = null;
        jobFloats = images;
        jobLabels = null;
        jobIntLabels = labels;
        jobIdx = null;
        jobFrom = 0;
        jobN = n;
        return runStep(false, gradient);
    }

    private float runStep(boolean update, float[] gradientOut) {
        if (!gradsClean) for (float[] g : grads) Arrays.fill(g, 0f); // the last step failed half-way
        gradsClean = false;
        jobUpdate = update;
        jobGradientOut = gradientOut;
        if (update) adamSteps++;
        jobChunks = (jobN + CHUNK - 1) / CHUNK;
        jobGroups = fixedGroups > 0 ? Math.min(fixedGroups, jobChunks) : groups(cost, threads, jobN, grads.length);
        nextGroup.set(0);
        try {
            pool.run(stepTask); // one hand-off per step: forward and backward, barrier, reduction and update
        } finally {
            long stamp = jobStamp;
            if (stamp != 0L) {
                jobStamp = 0L;
                net.lock.unlockWrite(stamp);
            }
        }
        gradsClean = true; // every thread has cleared its range of every buffer it used
        jobGradientOut = null;
        double loss = 0;
        for (int g = 0; g < jobGroups; g++) loss += groupLoss[g];
        for (int l = 0; l < gradientRms.length; l++) {
            double sum = 0;
            for (int t = 0; t < threads; t++) sum += gradSquares[t][l];
            gradientRms[l] = Math.sqrt(sum / Math.max(1, gradTo[l] - gradFrom[l]));
        }
        return (float) (loss / jobN);
    }

    /**
     * Thread t's part of a step: its slice of the batch, then (once every thread has its gradient) the reduction and
     * update of its parameter range. The last thread at the barrier takes the network's write lock for the update
     * (readers retry or wait while parameters change); the driving thread releases it after the step.
     */
    private void stepSlice(int t) {
        trainGroups(t);
        pool.barrier(jobUpdate ? takeWriteLock : null);
        updateSlice(t);
    }

    private void takeWriteLock() {
        jobStamp = net.lock.writeLock();
    }

    /** Thread t's part of the per-layer gradient sizes: Σ g² of the summed gradient over each layer's weights in [lo, hi). */
    private void squares(int t, int lo, int hi) {
        float[] g = grads[0];
        double[] out = gradSquares[t];
        for (int l = 0; l < out.length; l++) {
            int a = Math.max(lo, gradFrom[l]), b = Math.min(hi, gradTo[l]);
            double s0 = 0, s1 = 0; // two chains: half the add latency
            int i = a;
            for (; i + 1 < b; i += 2) { s0 += (double) g[i] * g[i]; s1 += (double) g[i + 1] * g[i + 1]; }
            if (i < b) s0 += (double) g[i] * g[i];
            out[l] = s0 + s1;
        }
    }

    /**
     * Thread t: takes the step's groups in turn until none is left; for each, forward and backward of its chunks into
     * the group's gradient buffer (zero at the start of a step). The groups are whole chunks: chunk c of the batch is images
     * [16c, 16c + 16), group g chunks [C·g/G, C·(g+1)/G) of C, so only the batch's last chunk can be short.
     */
    private void trainGroups(int t) {
        Workspace w = ws[t];
        StepProbe probe = probes == null ? null : probes[t];
        float scale = 1f / jobN; // mean loss over the whole batch
        int groups = jobGroups, chunks = jobChunks;
        for (int grp; (grp = nextGroup.getAndIncrement()) < groups; ) {
            float[] g = grads[grp]; // all zero: the last step's reduction cleared it (see updateSlice)
            int lo = jobFrom + CHUNK * (int) ((long) chunks * grp / groups);
            int hi = Math.min(jobFrom + jobN, jobFrom + CHUNK * (int) ((long) chunks * (grp + 1) / groups));
            double loss = 0;
            for (int c0 = lo; c0 < hi; c0 += w.capacity) {
                int cnt = Math.min(w.capacity, hi - c0);
                if (probe != null) {
                    probe.chunk(cnt);
                    probe.start(probe.input());
                }
                loadInputs(w, c0, cnt);
                if (probe != null) probe.stop(probe.input());
                w.forward(k, net.ops, net.params, CHUNK, probe);
                int last = net.ops.size();
                if (probe != null) probe.start(probe.loss());
                loss += k.softmaxCrossEntropy(w.act[last], classes, CHUNK, cnt, w.labels, scale, w.grad[last]);
                if (probe != null) probe.stop(probe.loss());
                w.backward(k, net.ops, net.params, g, CHUNK, first, probe);
            }
            groupLoss[grp] = loss;
        }
    }

    /**
     * Copies images [c0, c0+cnt) of the job into w.act[0] as [C·H·W][CHUNK] (image jj in lane jj; lanes from cnt on
     * are blank) and their labels into w.labels.
     */
    private void loadInputs(Workspace w, int c0, int cnt) {
        float[] x = w.act[0];
        for (int jj = 0; jj < CHUNK; jj++) {
            if (jj >= cnt) { // a blank lane (bytesToLanes blanks it on the byte path)
                if (jobFloats != null) for (int q = 0; q < imageSize; q++) x[q * CHUNK + jj] = 0f;
                w.labels[jj] = 0;
                continue;
            }
            int i = c0 + jj;
            if (jobFloats != null) {
                for (int q = 0, src = i * imageSize; q < imageSize; q++) x[q * CHUNK + jj] = jobFloats[src + q];
                w.labels[jj] = jobIntLabels == null ? 0 : jobIntLabels[i];
            } else {
                int img = jobIdx == null ? i : jobIdx[i];
                w.from[jj] = img * imageSize;
                w.labels[jj] = jobLabels == null ? 0 : jobLabels[img];
            }
        }
        if (jobFloats == null) k.bytesToLanes(jobBytes, w.from, cnt, imageSize, x, CHUNK);
    }

    /**
     * Thread t: sum every group's gradient over its parameter range (in group order) into group 0's, clearing the
     * other groups' range as it goes (it is in this core's cache then: clearing the buffers at the start of the next
     * step would fetch them again); then, if the step updates, update that range, else copy it out; then clear group
     * 0's range. So all gradient buffers are zero again when a step ends normally.
     */
    private void updateSlice(int t) {
        int lo = range(t), hi = range(t + 1);
        float[] g = grads[0];
        StepProbe probe = probes == null ? null : probes[t];
        if (probe != null) probe.start(probe.reduce());
        for (int s = 1; s < jobGroups; s++) {
            float[] gs = grads[s];
            for (int a = lo; a < hi; a += REDUCE_BLOCK) {
                int b = Math.min(hi, a + REDUCE_BLOCK);
                k.add(g, gs, a, b);
                Arrays.fill(gs, a, b, 0f);
            }
        }
        squares(t, lo, hi); // the range is in this core's cache now
        if (probe != null) {
            probe.stop(probe.reduce());
            probe.start(probe.update());
        }
        if (jobUpdate) {
            float[] p = net.params;
            if (config.optimizer() == TrainConfig.Optimizer.ADAM) {
                float c1 = (float) (1 - Math.pow(ADAM_BETA1, adamSteps)), c2 = (float) (1 - Math.pow(ADAM_BETA2, adamSteps));
                k.adam(p, g, state1, state2, lo, hi, config.learningRate(), ADAM_BETA1, ADAM_BETA2, ADAM_EPS,
                        config.weightDecay(), c1, c2);
            } else {
                k.sgd(p, g, state1, lo, hi, config.learningRate(), config.momentum(), config.weightDecay());
            }
        } else {
            System.arraycopy(g, lo, jobGradientOut, lo, hi - lo);
        }
        if (probe != null) {
            probe.stop(probe.update());
            probe.start(probe.zero());
        }
        Arrays.fill(g, lo, hi, 0f);
        if (probe != null) probe.stop(probe.zero());
    }

    /** Floats summed and cleared at a time in the reduction: 16 KB, so that the clearing finds them in the L1 cache. */
    private static final int REDUCE_BLOCK = 4096;

    /** Start of thread t's parameter range, a multiple of 64 floats so that ranges share no cache line. */
    private int range(int t) {
        if (t >= threads) return paramCount;
        return Math.min(paramCount, (int) ((long) paramCount * t / threads) & ~63);
    }

    /** Predicted class for each of images[from..from+n) (batched inference); writes into out[0..n). */
    public void predict(byte[] images, int from, int n, int[] out) {
        checkOpen();
        checkBatch(images, null, from, n);
        if (out.length < n) throw new IllegalArgumentException("out has room for " + out.length + " classes, need " + n);
        jobBytes = images;
        jobFloats = null;
        jobLabels = null;
        jobIdx = null;
        jobFrom = from;
        jobN = n;
        jobOut = out;
        jobConfusion = null;
        pool.run(inferTask);
    }

    /**
     * Accuracy, mean loss and confusion matrix of images[from..from+n) with labels[from..from+n), in batches on the
     * trainer's threads.
     */
    public Evaluation evaluate(byte[] images, byte[] labels, int from, int n) {
        checkOpen();
        checkBatch(images, null, from, n);
        if (labels.length < from + n) throw new IllegalArgumentException("there are only " + labels.length + " labels");
        for (int i = from; i < from + n; i++)
            if (labels[i] < 0 || labels[i] >= classes)
                throw new IllegalArgumentException("image " + i + " has label " + labels[i] + ", but the model knows classes 0.." + (classes - 1));
        int[] predicted = new int[n];
        int[][] confusion = new int[classes][classes];
        jobBytes = images;
        jobFloats = null;
        jobLabels = labels;
        jobIdx = null;
        jobFrom = from;
        jobN = n;
        jobOut = predicted;
        jobConfusion = confusion;
        pool.run(inferTask);
        int correct = 0;
        double total = 0;
        for (int t = 0; t < threads; t++) total += threadLoss[t];
        for (int i = 0; i < n; i++) {
            int truth = labels[from + i];
            confusion[truth][predicted[i]]++;
            if (truth == predicted[i]) correct++;
        }
        return new Evaluation(n, (double) correct / n, total / n, confusion);
    }

    /** Thread t: forward of its slice, argmax into jobOut; with labels also the summed loss. */
    private void inferSlice(int t) {
        Workspace w = ws[t];
        double loss = 0;
        int lo = jobFrom + (int) ((long) jobN * t / threads), hi = jobFrom + (int) ((long) jobN * (t + 1) / threads);
        int last = net.ops.size();
        for (int c0 = lo; c0 < hi; c0 += w.capacity) {
            int cnt = Math.min(w.capacity, hi - c0);
            loadInputs(w, c0, cnt);
            w.forward(k, net.ops, net.params, CHUNK);
            float[] logits = w.act[last];
            for (int jj = 0; jj < cnt; jj++) {
                int best = 0;
                for (int c = 1; c < classes; c++) if (logits[c * CHUNK + jj] > logits[best * CHUNK + jj]) best = c;
                jobOut[c0 - jobFrom + jj] = best;
            }
            if (jobLabels != null) loss += k.softmaxCrossEntropy(logits, classes, CHUNK, cnt, w.labels, 0f, w.grad[last]);
        }
        threadLoss[t] = loss;
    }

    private void checkBatch(byte[] images, int[] idx, int from, int n) {
        if (n < 1) throw new IllegalArgumentException("a batch needs at least one image");
        int available = images.length / imageSize;
        if (idx == null) {
            if (from < 0 || from + n > available)
                throw new IllegalArgumentException("images " + from + ".." + (from + n - 1) + " requested, but there are "
                        + available + " images of " + imageSize + " pixels");
        } else {
            if (from < 0 || from + n > idx.length)
                throw new IllegalArgumentException("batch " + from + ".." + (from + n - 1) + " is outside the index of "
                        + idx.length + " entries");
            for (int i = from; i < from + n; i++)
                if (idx[i] < 0 || idx[i] >= available)
                    throw new IllegalArgumentException("index " + idx[i] + " is outside the " + available + " images");
        }
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("this trainer has been closed");
    }

    /** Stops the threads and detaches from the network (another trainer may then attach). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (!warmup) LIVE.decrementAndGet();
        pool.close();
        net.trainer.compareAndSet(this, null);
    }
}
