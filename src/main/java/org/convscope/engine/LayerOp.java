package org.convscope.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One layer of a built network: its shapes, where its parameters sit in the flat parameter block, and a
 * forward/backward pair over batch buffers (llm.c style: explicit buffers, backward accumulates parameter
 * gradients). All activations are CNHW — {@code [C][n][H][W]}, a vector of F features being {@code [F][n]} — see
 * {@link Kernels}. The n images of a call are packed, so a buffer holds C·n·H·W meaningful values at its start.
 */
abstract sealed class LayerOp permits LayerOp.Conv, LayerOp.Pool, LayerOp.Act, LayerOp.Flatten, LayerOp.Dense {

    /** At most this many floats of unfolded convolution input at once (1 MiB: stays in a 2 MiB L2 cache). */
    static final int COL_BUDGET_FLOATS = 1 << 18;

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

    /** Scratch floats this layer needs for n images. */
    int scratchFloats(int n) { return 0; }

    /** y = layer(x) for n images. */
    abstract void forward(Kernels k, float[] p, float[] x, float[] y, int n, float[] scratch);

    /**
     * Given dy = dL/dy, adds dL/dparameters into g and, unless dx is null, writes dL/dx into dx.
     * x and y are the forward input and output of the same n images.
     */
    abstract void backward(Kernels k, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] scratch);

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
        return List.copyOf(ops);
    }

    // ------------------------------------------------------------------------------------------------ convolution

    /**
     * 2-D convolution as a matrix product over the unfolded input (im2col):
     * Y[Co][n·P] = W[Co][K] · col[K][n·P] + b, with K = Ci·k·k and P = Ho·Wo. Weights (Co, Ci, k, k).
     */
    static final class Conv extends LayerOp {
        final int ci, co, k, pad, stride, kk, plane;

        Conv(int index, LayerSpec.Conv c, Shape in, int paramOffset) {
            super(index, c, in, paramOffset);
            this.ci = in.c();
            this.co = c.outChannels();
            this.k = c.kernel();
            this.pad = c.padding();
            this.stride = c.stride();
            this.kk = ci * k * k;
            this.plane = out.h() * out.w();
        }

        @Override int weightCount() { return co * kk; }

        @Override int biasCount() { return co; }

        /** Images unfolded at once, so that col stays within the cache budget. */
        int colImages(int n) { return Math.max(1, Math.min(n, COL_BUDGET_FLOATS / (kk * plane))); }

        @Override int scratchFloats(int n) { return kk * plane * colImages(n); }

        @Override
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] col) {
            int step = colImages(n);
            for (int j0 = 0; j0 < n; j0 += step) {
                int cnt = Math.min(step, n - j0);
                kn.im2col(x, ci, n, in.h(), in.w(), j0, cnt, k, pad, stride, out.h(), out.w(), col);       // (K, cnt·P)
                kn.gemm(co, cnt * plane, kk, p, weightOffset, kk, 1, col, 0, cnt * plane,                 // W (Co, K)
                        y, j0 * plane, n * plane, p, biasOffset, false);                                    // Y (Co, n·P)
            }
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] col) {
            int step = colImages(n);
            for (int j0 = 0; j0 < n; j0 += step) {
                int cnt = Math.min(step, n - j0);
                kn.im2col(x, ci, n, in.h(), in.w(), j0, cnt, k, pad, stride, out.h(), out.w(), col);       // (K, cnt·P)
                // dW (Co, K) += dY (Co, cnt·P) · colᵀ
                kn.gemmNT(co, kk, cnt * plane, dy, j0 * plane, n * plane, col, 0, cnt * plane,
                        g, weightOffset, kk, null, 0, true);
                if (dx != null) {
                    // dcol (K, cnt·P) = Wᵀ (K, Co) · dY (Co, cnt·P), then folded back onto the input pixels
                    kn.gemm(kk, cnt * plane, co, p, weightOffset, 1, kk, dy, j0 * plane, n * plane,
                            col, 0, cnt * plane, null, 0, false);
                    kn.col2im(col, ci, n, in.h(), in.w(), j0, cnt, k, pad, stride, out.h(), out.w(), dx);
                }
            }
            kn.addRowSums(dy, 0, co, n * plane, n * plane, g, biasOffset); // db (Co) += Σ over images and pixels
        }
    }

    // ------------------------------------------------------------------------------------------------ pooling

    /** Max or average pooling; every (channel, image) plane is pooled on its own, so CNHW needs nothing special. */
    static final class Pool extends LayerOp {
        final PoolKind kind;
        final int window, stride;

        Pool(int index, LayerSpec.Pool p, Shape in) {
            super(index, p, in, -1);
            this.kind = p.pool();
            this.window = p.window();
            this.stride = p.stride();
        }

        @Override
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] scratch) {
            kn.pool(kind, x, y, in.c() * n, in.h(), in.w(), window, stride);
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] scratch) {
            if (dx != null) kn.poolBackward(kind, x, y, dy, dx, in.c() * n, in.h(), in.w(), window, stride);
        }
    }

    // ------------------------------------------------------------------------------------------------ activation

    static final class Act extends LayerOp {
        final Activation fn;

        Act(int index, LayerSpec.Act a, Shape in) {
            super(index, a, in, -1);
            this.fn = a.fn();
        }

        @Override
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] scratch) {
            kn.activate(fn, x, y, in.size() * n);
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] scratch) {
            if (dx != null) kn.activateBackward(fn, y, dy, dx, in.size() * n);
        }
    }

    // ------------------------------------------------------------------------------------------------ flatten

    /**
     * [C][n][H·W] becomes [C·H·W][n]: feature f = c·H·W + (y·W + x) as in PyTorch's flatten of one image.
     * Per channel that is a transpose of an n × H·W block.
     */
    static final class Flatten extends LayerOp {
        Flatten(int index, LayerSpec.Flatten f, Shape in) { super(index, f, in, -1); }

        @Override
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] scratch) {
            int hw = in.h() * in.w();
            for (int c = 0; c < in.c(); c++) kn.transpose(x, c * n * hw, n, hw, y, c * hw * n);
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] scratch) {
            if (dx == null) return;
            int hw = in.h() * in.w();
            for (int c = 0; c < in.c(); c++) kn.transpose(dy, c * hw * n, hw, n, dx, c * n * hw);
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
        void forward(Kernels kn, float[] p, float[] x, float[] y, int n, float[] scratch) {
            if (n == 1) { // one image: dot products of weight rows with the input vector
                kn.gemmNT(outputs, 1, inputs, p, weightOffset, inputs, x, 0, inputs, y, 0, 1, null, 0, false);
                for (int o = 0; o < outputs; o++) y[o] += p[biasOffset + o];
            } else {
                kn.gemm(outputs, n, inputs, p, weightOffset, inputs, 1, x, 0, n, y, 0, n, p, biasOffset, false);
            }
        }

        @Override
        void backward(Kernels kn, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int n, float[] xt) {
            // dW (O, I) += dY (O, n) · Xᵀ (n, I); Xᵀ made contiguous first so that the product runs along I
            kn.transpose(x, 0, inputs, n, xt, 0);
            kn.gemm(outputs, inputs, n, dy, 0, n, 1, xt, 0, inputs, g, weightOffset, inputs, null, 0, true);
            kn.addRowSums(dy, 0, outputs, n, n, g, biasOffset);
            // dX (I, n) = Wᵀ (I, O) · dY (O, n)
            if (dx != null) kn.gemm(inputs, n, outputs, p, weightOffset, 1, inputs, dy, 0, n, dx, 0, n, null, 0, false);
        }
    }
}
