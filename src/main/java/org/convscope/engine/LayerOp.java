package org.convscope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One layer of a built network: its shapes, where its parameters sit in the flat parameter block, and a
 * forward/backward pair over batch buffers (llm.c style: explicit buffers, backward accumulates parameter
 * gradients). All activations are {@code [C][H][W][n]}, the n images of a chunk innermost (a vector of F features
 * being {@code [F][n]}), see {@link Kernels}; a buffer holds C·H·W·n meaningful values at its start.
 */
abstract sealed class LayerOp permits LayerOp.Conv, LayerOp.Pool, LayerOp.Act, LayerOp.Flatten, LayerOp.Dense {

    final int index;
    final LayerSpec spec;
    final Shape in, out;
    /** Offsets into the flat parameter block, -1 for layers without parameters. */
    final int weightOffset, biasOffset;

    LayerOp(int index, LayerSpec spec, Shape in, int paramOffset) {
        this.index = index;
        this.spec = spec;
        this.in = in;
        this.out = spec.outputShape(in);
        long count = spec.parameterCount(in);
        if (count > 0) { // weights, then one bias per output channel / output (subclass fields are not set yet here)
            int biases = spec instanceof LayerSpec.Conv c ? c.outChannels() : out.size();
            this.weightOffset = paramOffset;
            this.biasOffset = paramOffset + (int) count - biases;
        } else {
            this.weightOffset = -1;
            this.biasOffset = -1;
        }
    }

    int weightCount() { return 0; }

    int biasCount() { return 0; }

    final int parameterCount() { return weightCount() + biasCount(); }

    /** Scratch floats this layer needs for n images (shared between layers: contents do not survive a call). */
    int scratchFloats(int n) { return 0; }

    /** Floats this layer keeps from its forward pass to its backward pass for n images (its own buffer). */
    int auxFloats(int n) { return 0; }

    /** y = layer(x) for n images. */
    abstract void forward(Kernels k, float[] p, float[] x, float[] y, int n, float[] scratch, float[] aux);

    /**
     * Given dy = dL/dy, adds dL/dparameters into g and, unless dx is null, writes dL/dx into dx.
     * x, y and aux are what the forward pass of the same n images read and left.
     */
    abstract void backward(Kernels k, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n,
                           float[] scratch, float[] aux);

    /** Builds the layers of a model with consecutive parameter offsets (weights then bias, layer by layer). */
    static List<LayerOp> plan(ModelSpec model) {
        List<LayerOp> ops = new ArrayList<>();
        Shape s = model.input();
        int offset = 0;
        for (int i = 0; i < model.layers().size(); i++) {
            LayerSpec l = model.layers().get(i);
            long count = l.parameterCount(s);
            if (offset + count > Integer.MAX_VALUE - 64)
                throw new IllegalArgumentException("model " + model.id() + " has too many parameters for this engine");
            LayerOp op = switch (l) {
                case LayerSpec.Conv c -> new Conv(i, c, s, offset);
                case LayerSpec.Pool p -> new Pool(i, p, s);
                case LayerSpec.Act a -> new Act(i, a, s);
                case LayerSpec.Flatten f -> new Flatten(i, f, s);
                case LayerSpec.Dense d -> new Dense(i, d, s, offset);
            };
            ops.add(op);
            offset += (int) count;
            s = op.out;
        }
        // ReLU fused into its neighbours for chunks of images (n > 1, where a ReLU works in place, see Workspace): the
        // convolution before it applies max(y, 0) as it stores its output, and a max pooling after it masks the gradient
        // as it writes it; the ReLU layer then has nothing left to do. Same values, bit for bit, one pass less each way.
        for (int i = 0; i < ops.size(); i++) {
            if (!(ops.get(i) instanceof Act a) || a.fn != Activation.RELU) continue;
            if (i > 0 && ops.get(i - 1) instanceof Conv c) {
                c.reluAfter = true;
                a.fusedForward = true;
            }
            if (i + 1 < ops.size() && ops.get(i + 1) instanceof Pool p && p.kind == PoolKind.MAX) {
                p.reluBelow = true;
                a.fusedBackward = true;
            }
        }
        return List.copyOf(ops);
    }

    // ------------------------------------------------------------------------------------------------ convolution

    /**
     * 2-D convolution. Weights (Co, Ci, k, k). A padded convolution first copies its input into zero-bordered planes
     * (kept in aux for the backward pass), so the kernels never deal with borders.
     * <ul>
     *   <li>A chunk of images (n &gt; 1): direct convolution with the images in the vector lanes
     *       ({@link Kernels#convLanes}).</li>
     *   <li>One image (n = 1): the receptive fields unfolded (im2col), then one matrix product
     *       Y[Co][P] = W[Co][K] · col[K][P] + b, K = Ci·k·k, P = Ho·Wo, vectorised along the image.</li>
     * </ul>
     */
    static final class Conv extends LayerOp {
        final int ci, co, k, pad, stride, kk, plane, hp, wp;
        /** Columns of the single-image product: P rounded up to 16 so that it runs in whole vectors. */
        final int wide;
        /** Stride 1, one image: output columns over the padded width (Ho·Wp rounded up to 16), see Kernels.convWide. */
        final int wideCols;
        /** Kernel taps as pixel offsets in the padded input, see {@link Kernels#taps}. */
        final int[] taps;
        /** A ReLU follows: a chunk's forward pass applies it (see {@link LayerOp#plan}). */
        boolean reluAfter;

        Conv(int index, LayerSpec.Conv c, Shape in, int paramOffset) {
            super(index, c, in, paramOffset);
            this.ci = in.c();
            this.co = c.outChannels();
            this.k = c.kernel();
            this.pad = c.padding();
            this.stride = c.stride();
            this.kk = ci * k * k;
            this.plane = out.h() * out.w();
            this.hp = in.h() + 2 * pad;
            this.wp = in.w() + 2 * pad;
            this.wide = (plane + 15) & ~15;
            this.wideCols = (out.h() * wp + 15) & ~15;
            this.taps = Kernels.taps(ci, hp, wp, k);
        }

        @Override int weightCount() { return co * kk; }

        @Override int biasCount() { return co; }

        /** The single-image path: the unfolded image (K, wide), and the product (Co, wide) when wide ≠ P. */
        @Override int scratchFloats(int n) {
            return n == 1 ? Math.max(co * wideCols, kk * wide + (wide != plane ? co * wide : 0)) : 0;
        }

        /** The padded input; one image always gets a copy: its kernels read past the last plane, into aux's slack. */
        @Override int auxFloats(int n) { return pad > 0 || n == 1 ? ci * hp * wp * n : 0; }

        /** (Ci, H, W, n) -> (Ci, H+2p, W+2p, n) with a zero border, in aux. */
        private float[] padded(float[] x, int n, float[] aux) {
            if (pad == 0 && n > 1) return x;
            Arrays.fill(aux, 0, ci * hp * wp * n, 0f);
            int rowLength = in.w() * n;
            for (int c = 0; c < ci; c++)
                for (int r = 0; r < in.h(); r++)
                    System.arraycopy(x, (c * in.h() + r) * rowLength, aux, ((c * hp + r + pad) * wp + pad) * n, rowLength);
            return aux;
        }

        /** The interior of the padded gradient in aux back into dx. */
        private void crop(float[] aux, float[] dx, int n) {
            int rowLength = in.w() * n;
            for (int c = 0; c < ci; c++)
                for (int r = 0; r < in.h(); r++)
                    System.arraycopy(aux, ((c * hp + r + pad) * wp + pad) * n, dx, (c * in.h() + r) * rowLength, rowLength);
        }

        @Override
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] col, float[] aux) {
            float[] src = padded(x, n, aux);
            if (n > 1) {
                kn.convLanes(src, ci, hp, wp, p, weightOffset, biasOffset, co, k, stride, y, out.h(), out.w(), n, taps, reluAfter);
            } else if (stride == 1) { // sum over shifted views of the padded image, then drop the wrap-around columns
                kn.convWide(src, ci, hp, wp, p, weightOffset, biasOffset, co, k, col, wideCols, taps);
                for (int o = 0; o < co; o++)
                    for (int r = 0; r < out.h(); r++)
                        System.arraycopy(col, o * wideCols + r * wp, y, (o * out.h() + r) * out.w(), out.w());
            } else if (wide == plane) {
                kn.im2col(src, ci, hp, wp, k, 0, stride, out.h(), out.w(), col, wide);               // (K, P)
                kn.gemm(co, plane, kk, p, weightOffset, kk, 1, col, 0, wide, y, 0, plane, p, biasOffset, false);
            } else { // (Co, wide) = W · col, then the first P columns of each row
                kn.im2col(src, ci, hp, wp, k, 0, stride, out.h(), out.w(), col, wide);               // (K, wide)
                int c0 = kk * wide;
                kn.gemm(co, wide, kk, p, weightOffset, kk, 1, col, 0, wide, col, c0, wide, p, biasOffset, false);
                for (int o = 0; o < co; o++) System.arraycopy(col, c0 + o * wide, y, o * plane, plane);
            }
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] col, float[] aux) {
            float[] src = pad > 0 || n == 1 ? aux : x;
            if (n > 1) {
                kn.convLanesWeightGrad(src, ci, hp, wp, dy, co, k, stride, out.h(), out.w(), n, g, weightOffset, biasOffset);
                if (dx != null) { // the padded input in aux is no longer needed: its buffer takes the padded gradient
                    kn.convLanesInputGrad(p, weightOffset, dy, co, k, stride, out.h(), out.w(), n, pad > 0 ? aux : dx, ci, hp, wp);
                    if (pad > 0) crop(aux, dx, n);
                }
                return;
            }
            kn.im2col(src, ci, hp, wp, k, 0, stride, out.h(), out.w(), col, wide);                  // (K, wide)
            kn.gemmNT(co, kk, plane, dy, 0, plane, col, 0, wide, g, weightOffset, kk, null, 0, true); // dW += dY · colᵀ
            kn.addRowSums(dy, 0, co, plane, plane, g, biasOffset);
            if (dx != null) { // dcol (K, P) = Wᵀ · dY, folded back onto the (padded) input pixels
                kn.gemm(kk, plane, co, p, weightOffset, 1, kk, dy, 0, plane, col, 0, wide, null, 0, false);
                kn.col2im(col, wide, ci, hp, wp, k, 0, stride, out.h(), out.w(), pad > 0 ? aux : dx);
                if (pad > 0) crop(aux, dx, 1);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ pooling

    /** Max or average pooling. A chunk pools lane-wise; one image pools along its rows (2×2/2 with shuffles). */
    static final class Pool extends LayerOp {
        final PoolKind kind;
        final int window, stride;
        /** Max pooling of a ReLU's output: a chunk's backward pass also does the ReLU's (see {@link LayerOp#plan}). */
        boolean reluBelow;

        Pool(int index, LayerSpec.Pool p, Shape in) {
            super(index, p, in, -1);
            this.kind = p.pool();
            this.window = p.window();
            this.stride = p.stride();
        }

        @Override
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] scratch, float[] aux) {
            if (n > 1) kn.poolLanes(kind, x, y, in.c(), in.h(), in.w(), window, stride, n);
            else kn.pool(kind, x, y, in.c(), in.h(), in.w(), window, stride);
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] scratch, float[] aux) {
            if (dx == null) return;
            if (n > 1) kn.poolLanesBackward(kind, x, y, dy, dx, in.c(), in.h(), in.w(), window, stride, n, reluBelow);
            else kn.poolBackward(kind, x, y, dy, dx, in.c(), in.h(), in.w(), window, stride);
        }
    }

    // ------------------------------------------------------------------------------------------------ activation

    static final class Act extends LayerOp {
        final Activation fn;
        /** For a chunk (n > 1) the convolution before / the max pooling after does this layer's work (see {@link LayerOp#plan}). */
        boolean fusedForward, fusedBackward;

        Act(int index, LayerSpec.Act a, Shape in) {
            super(index, a, in, -1);
            this.fn = a.fn();
        }

        @Override
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] scratch, float[] aux) {
            if (n > 1 && fusedForward && x == y) return; // in place, and already applied by the convolution's store
            kn.activate(fn, x, y, in.size() * n);
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] scratch, float[] aux) {
            if (n > 1 && fusedBackward && dx == dy) return; // in place, and already masked by the pooling's backward pass
            if (dx != null) kn.activateBackward(fn, y, dy, dx, in.size() * n);
        }
    }

    // ------------------------------------------------------------------------------------------------ flatten

    /**
     * C×H×W becomes a vector of C·H·W features, f = (c·H + y)·W + x as in PyTorch's flatten. With the images innermost,
     * [C][H][W][n] already is [C·H·W][n]: a copy.
     */
    static final class Flatten extends LayerOp {
        Flatten(int index, LayerSpec.Flatten f, Shape in) { super(index, f, in, -1); }

        @Override
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] scratch, float[] aux) {
            if (x != y) System.arraycopy(x, 0, y, 0, in.size() * n);
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] scratch, float[] aux) {
            if (dx != null && dx != dy) System.arraycopy(dy, 0, dx, 0, in.size() * n);
        }
    }

    // ------------------------------------------------------------------------------------------------ dense

    /** Fully connected, weights (O, I) as PyTorch's Linear: Y[O][n] = W[O][I] · X[I][n] + b. */
    static final class Dense extends LayerOp {
        final int inputs, outputs;

        Dense(int index, LayerSpec.Dense d, Shape in, int paramOffset) {
            super(index, d, in, paramOffset);
            this.inputs = in.size();
            this.outputs = d.outputs();
        }

        @Override int weightCount() { return outputs * inputs; }

        @Override int biasCount() { return outputs; }

        @Override int scratchFloats(int n) { return n * inputs; }

        @Override
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] scratch, float[] aux) {
            if (n == 1) { // one image: dot products of weight rows with the input vector
                kn.gemmNT(outputs, 1, inputs, p, weightOffset, inputs, x, 0, inputs, y, 0, 1, null, 0, false);
                for (int o = 0; o < outputs; o++) y[o] += p[biasOffset + o];
            } else {
                kn.gemm(outputs, n, inputs, p, weightOffset, inputs, 1, x, 0, n, y, 0, n, p, biasOffset, false);
            }
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] xt, float[] aux) {
            // dW (O, I) += dY (O, n) · Xᵀ (n, I); Xᵀ made contiguous first so that the product runs along I
            kn.transpose(x, 0, inputs, n, xt, 0);
            kn.gemm(outputs, inputs, n, dy, 0, n, 1, xt, 0, inputs, g, weightOffset, inputs, null, 0, true);
            kn.addRowSums(dy, 0, outputs, n, n, g, biasOffset);
            // dX (I, n) = Wᵀ (I, O) · dY (O, n)
            if (dx != null) kn.gemm(inputs, n, outputs, p, weightOffset, 1, inputs, dy, 0, n, dx, 0, n, null, 0, false);
        }
    }
}
