package org.convscope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.StampedLock;

/**
 * A sequential network built from a {@link ModelSpec}, with all parameters in one flat block: for each layer with
 * parameters, its weights (convolution (Co, Ci, K, K), dense (out, in)) and then its bias, in layer order.
 *
 * <h2>Threads</h2>
 * The rule: <b>only an attached {@link Trainer} writes the parameters, and it writes them only inside its optimizer
 * update, under a write lock</b> (a {@link StampedLock}). Everything else only reads:
 * <ul>
 *   <li>{@link #trace}, {@link #predict}, {@link #weights} and {@link #copy} may be called from any thread at any
 *       time, also while a trainer trains this network in another thread. They run an optimistic read: compute on
 *       the live parameters without locking, then check that no update happened meanwhile, and compute again if one
 *       did (an update takes tens of microseconds out of milliseconds per batch, so a retry is rare). After three
 *       failed tries they take the read lock, which waits at most for one update to finish. So they never see a
 *       half-updated network and never stop the trainer for longer than one forward pass of one image.</li>
 *   <li>What they return is immutable: every array in a {@link Trace} or {@link LayerWeights} is a fresh copy.</li>
 *   <li>At most one trainer is attached at a time; a second one is refused until the first is closed.</li>
 * </ul>
 * The trainer's own forward and backward passes read the parameters without a lock: they are its own writes.
 */
public final class Network {
    private final ModelSpec spec;
    private final Kernels kernels;
    final List<LayerOp> ops;
    /** The live parameters. Written only by the attached trainer, under {@link #lock}'s write lock. */
    final float[] params;
    final StampedLock lock = new StampedLock();
    final AtomicReference<Trainer> trainer = new AtomicReference<>();
    /** One reusable single-image workspace; a second concurrent trace builds its own. */
    private final AtomicReference<Workspace> spare = new AtomicReference<>();

    private Network(ModelSpec spec, float[] params, Kernels kernels) {
        this.spec = spec;
        this.kernels = kernels;
        this.ops = LayerOp.plan(spec);
        this.params = params;
    }

    /**
     * New network with weights drawn from the seed: He-uniform (bound √(6/fan_in)) for a layer followed by ReLU,
     * Xavier/Glorot-uniform (bound √(6/(fan_in + fan_out))) otherwise; biases zero. Fan-in of a convolution is
     * Ci·K·K and its fan-out Co·K·K, as in PyTorch. The same seed gives the same weights bit for bit.
     */
    public static Network create(ModelSpec spec, long seed) {
        return create(spec, seed, Kernels.preferred());
    }

    /** As {@link #create(ModelSpec, long)}, computing with the given kernels (the benchmark compares both). */
    public static Network create(ModelSpec spec, long seed, Kernels kernels) {
        List<LayerOp> ops = LayerOp.plan(spec);
        float[] params = new float[parameterCount(ops)];
        SeededRandom rnd = new SeededRandom(seed);
        for (LayerOp op : ops) {
            if (op.weightOffset < 0) continue;
            int fanIn, fanOut;
            if (op instanceof LayerOp.Conv c) {
                fanIn = c.ci * c.k * c.k;
                fanOut = c.co * c.k * c.k;
            } else {
                LayerOp.Dense d = (LayerOp.Dense) op;
                fanIn = d.inputs;
                fanOut = d.outputs;
            }
            double bound = followedByRelu(spec, op.index) ? Math.sqrt(6.0 / fanIn) : Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < op.weightCount(); i++) params[op.weightOffset + i] = rnd.uniform(bound);
        }
        return new Network(spec, params, kernels);
    }

    /** Whether the first activation after layer i (before the next layer with parameters) is ReLU. */
    private static boolean followedByRelu(ModelSpec spec, int i) {
        for (int j = i + 1; j < spec.layers().size(); j++) {
            LayerSpec l = spec.layers().get(j);
            if (l instanceof LayerSpec.Act a) return a.fn() == Activation.RELU;
            if (l instanceof LayerSpec.Conv || l instanceof LayerSpec.Dense) return false;
        }
        return false;
    }

    /**
     * New network with the given weights, one entry per layer with parameters, in layer order (as returned by
     * {@link #weights()}). Every shape and length is checked against the architecture; NaN and infinite values are
     * refused. The arrays are copied.
     */
    public static Network of(ModelSpec spec, List<LayerWeights> weights) {
        return of(spec, weights, Kernels.preferred());
    }

    /** As {@link #of(ModelSpec, List)}, computing with the given kernels. */
    public static Network of(ModelSpec spec, List<LayerWeights> weights, Kernels kernels) {
        List<LayerOp> ops = LayerOp.plan(spec);
        List<LayerOp> parametric = ops.stream().filter(o -> o.weightOffset >= 0).toList();
        if (weights.size() != parametric.size())
            throw new IllegalArgumentException("model " + spec.id() + " has " + parametric.size()
                    + " layers with weights, but " + weights.size() + " were given");
        float[] params = new float[parameterCount(ops)];
        for (int i = 0; i < parametric.size(); i++) {
            LayerOp op = parametric.get(i);
            LayerWeights w = weights.get(i);
            String where = "layer " + op.index + " (" + op.spec.kind() + ")";
            if (w.layerIndex() != op.index)
                throw new IllegalArgumentException("weights #" + i + " are for layer " + w.layerIndex() + ", expected " + where);
            int[] shape = weightShape(op);
            if (!Arrays.equals(shape, w.weightShape()))
                throw new IllegalArgumentException(where + " needs weights of shape " + Arrays.toString(shape)
                        + ", got " + Arrays.toString(w.weightShape()));
            if (w.weights() == null || w.weights().length != op.weightCount())
                throw new IllegalArgumentException(where + " needs " + op.weightCount() + " weights, got "
                        + (w.weights() == null ? "none" : w.weights().length));
            if (w.bias() == null || w.bias().length != op.biasCount())
                throw new IllegalArgumentException(where + " needs " + op.biasCount() + " biases, got "
                        + (w.bias() == null ? "none" : w.bias().length));
            for (float v : w.weights()) if (!Float.isFinite(v))
                throw new IllegalArgumentException(where + " has a weight that is " + v + "; the file is damaged or training diverged");
            for (float v : w.bias()) if (!Float.isFinite(v))
                throw new IllegalArgumentException(where + " has a bias that is " + v + "; the file is damaged or training diverged");
            System.arraycopy(w.weights(), 0, params, op.weightOffset, op.weightCount());
            System.arraycopy(w.bias(), 0, params, op.biasOffset, op.biasCount());
        }
        return new Network(spec, params, kernels);
    }

    private static int parameterCount(List<LayerOp> ops) {
        int n = 0;
        for (LayerOp op : ops) n += op.parameterCount();
        return n;
    }

    private static int[] weightShape(LayerOp op) {
        return switch (op) {
            case LayerOp.Conv c -> new int[]{c.co, c.ci, c.k, c.k};
            case LayerOp.Dense d -> new int[]{d.outputs, d.inputs};
            default -> throw new IllegalStateException("layer " + op.index + " has no weights");
        };
    }

    public ModelSpec spec() { return spec; }

    /** The kernels this network computes with. */
    public Kernels kernels() { return kernels; }

    /** Number of parameters (weights and biases), the length of the flat parameter block. */
    public int parameterCount() { return params.length; }

    /**
     * Runs one image (length spec.input().size(), C×H×W row-major, pixel values 0..1) and records every layer's
     * output (for an activation layer, its input — the pre-activation — is the previous layer's output) and the
     * softmax. Safe to call from any thread, also during training (see the class comment).
     */
    public Trace trace(float[] image) {
        checkImage(image);
        Workspace ws = takeWorkspace();
        float[][] kept = ws.act.clone();
        try {
            // the layers write straight into fresh, exactly sized arrays that the trace then keeps: no copies
            float[] input = image.clone();
            ws.act[0] = input;
            LayerTrace[] layers = new LayerTrace[ops.size()];
            for (int i = 0; i < ops.size(); i++) ws.act[i + 1] = new float[ops.get(i).out.size()];
            forwardOne(ws);
            for (int i = 0; i < ops.size(); i++) {
                LayerOp op = ops.get(i);
                layers[i] = new LayerTrace(i, op.spec, op.out, ws.act[i + 1]);
            }
            return new Trace(spec, input, List.of(layers), softmax(ws.act[ops.size()], spec.classes()));
        } finally {
            System.arraycopy(kept, 0, ws.act, 0, kept.length); // the workspace's own buffers again
            spare.set(ws);
        }
    }

    /** Class probabilities for one image; the same as trace(image).probabilities(), without recording the layers. */
    public float[] predict(float[] image) {
        checkImage(image);
        Workspace ws = takeWorkspace();
        try {
            System.arraycopy(image, 0, ws.act[0], 0, image.length);
            forwardOne(ws);
            return softmax(ws.act[ops.size()], spec.classes());
        } finally {
            spare.set(ws);
        }
    }

    private void checkImage(float[] image) {
        if (image == null || image.length != spec.input().size())
            throw new IllegalArgumentException("model " + spec.id() + " takes images of " + spec.input() + " = "
                    + spec.input().size() + " values, got " + (image == null ? "none" : image.length));
    }

    private Workspace takeWorkspace() {
        Workspace ws = spare.getAndSet(null);
        return ws != null ? ws : new Workspace(spec.input(), ops, 1);
    }

    /** Forward pass of the image in ws.act[0] on a consistent set of parameters (optimistic read, then read lock). */
    private void forwardOne(Workspace ws) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long stamp = lock.tryOptimisticRead();
            if (stamp == 0) { Thread.onSpinWait(); continue; } // an update is running right now
            ws.forward(kernels, ops, params, 1);
            if (lock.validate(stamp)) return;
        }
        long stamp = lock.readLock();
        try {
            ws.forward(kernels, ops, params, 1);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Numerically stable softmax: exp(z − max) / Σ exp(z − max). */
    static float[] softmax(float[] logits, int classes) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) max = Math.max(max, logits[c]);
        double sum = 0;
        for (int c = 0; c < classes; c++) sum += Math.exp(logits[c] - max);
        float[] p = new float[classes];
        for (int c = 0; c < classes; c++) p[c] = (float) (Math.exp(logits[c] - max) / sum);
        return p;
    }

    /**
     * Immutable copy of every parametric layer's weights, in layer order. Names are "conv1", "conv2", "dense1", …
     * counted per kind. Safe to call during training.
     */
    public List<LayerWeights> weights() {
        float[] copy = parameters();
        List<LayerWeights> out = new ArrayList<>();
        int convs = 0, denses = 0;
        for (LayerOp op : ops) {
            if (op.weightOffset < 0) continue;
            String name = op instanceof LayerOp.Conv ? "conv" + ++convs : "dense" + ++denses;
            out.add(new LayerWeights(op.index, name, weightShape(op),
                    Arrays.copyOfRange(copy, op.weightOffset, op.weightOffset + op.weightCount()),
                    Arrays.copyOfRange(copy, op.biasOffset, op.biasOffset + op.biasCount())));
        }
        return List.copyOf(out);
    }

    /** A consistent copy of the flat parameter block (layout in the class comment). Safe to call during training. */
    public float[] parameters() {
        for (int attempt = 0; attempt < 3; attempt++) {
            long stamp = lock.tryOptimisticRead();
            if (stamp == 0) { Thread.onSpinWait(); continue; }
            float[] copy = params.clone();
            if (lock.validate(stamp)) return copy;
        }
        long stamp = lock.readLock();
        try {
            return params.clone();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Forward and backward pass of one image for the cross-entropy loss of the given true class: the loss
     * −ln p(label), the gradient of the loss with respect to every layer's output, the input pixels and every
     * parameter. The same layer code as {@link Trainer}'s backward pass (its single-image kernels), so these are the
     * gradients training uses; nothing is changed. Safe to call from any thread (it works on a copy of the weights).
     */
    public Gradients lossGradients(float[] image, int label) {
        if (label < 0 || label >= spec.classes())
            throw new IllegalArgumentException("label " + label + " is outside the classes 0.." + (spec.classes() - 1));
        return backprop(image, label, true);
    }

    /**
     * As {@link #lossGradients}, but for the score (logit) of class {@code cls} instead of the loss: the gradients of
     * z_cls. Its {@link Gradients#inputGradient()} is the saliency map of that class. {@link Gradients#loss()} is NaN.
     */
    public Gradients scoreGradients(float[] image, int cls) {
        if (cls < 0 || cls >= spec.classes())
            throw new IllegalArgumentException("class " + cls + " is outside the classes 0.." + (spec.classes() - 1));
        return backprop(image, cls, false);
    }

    private Gradients backprop(float[] image, int cls, boolean loss) {
        checkImage(image);
        float[] p = parameters();
        Workspace ws = new Workspace(spec.input(), ops, 1);
        System.arraycopy(image, 0, ws.act[0], 0, image.length);
        ws.forward(kernels, ops, p, 1);
        int last = ops.size(), classes = spec.classes();
        double lossValue = Double.NaN;
        if (loss) {
            ws.labels[0] = cls;
            lossValue = kernels.softmaxCrossEntropy(ws.act[last], classes, 1, 1, ws.labels, 1f, ws.grad[last]);
        } else {
            java.util.Arrays.fill(ws.grad[last], 0f);
            ws.grad[last][cls] = 1f;
        }
        float[] g = new float[p.length + Workspace.SLACK];
        float[] dInput = new float[spec.input().size() + Workspace.SLACK];
        for (int i = ops.size() - 1; i >= 0; i--) {
            float[] dx = i == 0 ? dInput : ws.grad[i];
            ops.get(i).backward(kernels, p, g, ws.act[i], ws.act[i + 1], ws.grad[i + 1], dx, 1, ws.scratch, ws.aux[i]);
        }
        LayerTrace[] layers = new LayerTrace[ops.size()];
        List<float[]> outGrads = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            LayerOp op = ops.get(i);
            layers[i] = new LayerTrace(i, op.spec, op.out, Arrays.copyOf(ws.act[i + 1], op.out.size()));
            outGrads.add(Arrays.copyOf(ws.grad[i + 1], op.out.size()));
        }
        float[] logits = Arrays.copyOf(ws.act[last], classes);
        Trace trace = new Trace(spec, image.clone(), List.of(layers), softmax(logits, classes));
        return new Gradients(trace, lossValue, outGrads, Arrays.copyOf(dInput, image.length), Arrays.copyOf(g, p.length));
    }

    /**
     * A new network whose parameters are these minus learningRate · gradient (one plain gradient-descent step; the
     * gradient in the flat layout of {@link #parameters()}, e.g. {@link Gradients#parameterGradient()}). This network
     * is not changed.
     */
    public Network stepped(float[] gradient, float learningRate) {
        float[] p = parameters();
        if (gradient.length != p.length)
            throw new IllegalArgumentException("the gradient has " + gradient.length + " values, the network " + p.length + " parameters");
        for (int i = 0; i < p.length; i++) p[i] -= learningRate * gradient[i];
        return new Network(spec, p, kernels);
    }

    /** A deep copy (independent weights, same kernels). */
    public Network copy() { return new Network(spec, parameters(), kernels); }
}
