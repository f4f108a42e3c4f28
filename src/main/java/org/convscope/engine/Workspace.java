package org.convscope.engine;

import java.util.List;

/**
 * The buffers one thread needs to run up to {@code capacity} images through a network: every layer's output and
 * the gradient with respect to it, plus the largest scratch area any layer asks for. Allocated once; nothing is
 * allocated per batch.
 */
final class Workspace {
    final int capacity;
    /** act[0] is the input batch, act[i + 1] the output of layer i; all CNHW. */
    final float[][] act;
    /** grad[i + 1] = dL/d act[i + 1]; grad[0] stays null (nobody needs the gradient of the pixels). */
    final float[][] grad;
    final float[] scratch;
    /** aux[i]: what layer i keeps from forward to backward (null if nothing). */
    final float[][] aux;
    final int[] labels;
    /** Where each image of the chunk starts in the caller's byte array (Kernels.bytesToLanes). */
    final int[] from;
    /**
     * Spare floats at the end of every buffer: a masked vector access whose full width would run past the end of
     * the array leaves the fast path of the Vector API (and allocates), even if the masked-off lanes are unused.
     */
    static final int SLACK = 64;

    Workspace(Shape input, List<LayerOp> ops, int capacity) {
        this.capacity = capacity;
        act = new float[ops.size() + 1][];
        grad = new float[ops.size() + 1][];
        act[0] = new float[input.size() * capacity + SLACK];
        aux = new float[ops.size()][];
        int scratchSize = 0;
        for (int i = 0; i < ops.size(); i++) {
            LayerOp op = ops.get(i);
            if (capacity > 1 && (op instanceof LayerOp.Act || op instanceof LayerOp.Flatten)) {
                // in place: an activation's backward needs only its output, and flatten is the identity in this
                // layout, so they share their input's buffers (a smaller working set for the cache)
                act[i + 1] = act[i];
                grad[i + 1] = grad[i] != null ? grad[i] : new float[op.out.size() * capacity + SLACK];
            } else {
                act[i + 1] = new float[op.out.size() * capacity + SLACK];
                grad[i + 1] = new float[op.out.size() * capacity + SLACK];
            }
            scratchSize = Math.max(scratchSize, op.scratchFloats(capacity));
            if (op.auxFloats(capacity) > 0) aux[i] = new float[op.auxFloats(capacity) + SLACK];
        }
        scratch = new float[scratchSize + SLACK];
        labels = new int[capacity];
        from = new int[capacity];
    }

    /** Forward pass of n ≤ capacity images already in act[0]; the logits end up in act[ops.size()]. */
    void forward(Kernels k, List<LayerOp> ops, float[] params, int n) {
        forward(k, ops, params, n, null);
    }

    /** The same, timing every layer into probe unless it is null (see {@link StepProbe}). */
    void forward(Kernels k, List<LayerOp> ops, float[] params, int n, StepProbe probe) {
        for (int i = 0; i < ops.size(); i++) {
            if (probe == null) {
                ops.get(i).forward(k, params, act[i], act[i + 1], n, scratch, aux[i]);
            } else {
                probe.start(probe.forward(i));
                ops.get(i).forward(k, params, act[i], act[i + 1], n, scratch, aux[i]);
                probe.stop(probe.forward(i));
            }
        }
    }

    /**
     * Backward pass from grad[ops.size()] down to layer {@code first} (the first layer with parameters; nothing
     * below it needs a gradient), adding parameter gradients into g.
     */
    void backward(Kernels k, List<LayerOp> ops, float[] params, float[] g, int n, int first, StepProbe probe) {
        for (int i = ops.size() - 1; i >= first; i--) {
            float[] dx = i == first ? null : grad[i];
            if (probe == null) {
                ops.get(i).backward(k, params, g, act[i], act[i + 1], grad[i + 1], dx, n, scratch, aux[i]);
            } else {
                probe.start(probe.backward(i));
                ops.get(i).backward(k, params, g, act[i], act[i + 1], grad[i + 1], dx, n, scratch, aux[i]);
                probe.stop(probe.backward(i));
            }
        }
    }
}
