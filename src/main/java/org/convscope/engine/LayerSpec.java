package org.convscope.engine;

/**
 * One layer of a sequential model, described by its hyper-parameters only (no weights).
 * Output shapes follow DJL's Conv2d Javadoc: out = (H + 2p - k) / s + 1.
 */
public sealed interface LayerSpec {

    /** Output shape for the given input shape; throws IllegalArgumentException with a plain message if impossible. */
    Shape outputShape(Shape in);

    /** Learnable parameters (weights + biases) for the given input shape. */
    long parameterCount(Shape in);

    /** Short lower-case kind used in names and files: conv, pool, act, flatten, dense. */
    String kind();

    /** 2-D convolution, square kernel, NCHW. Weights (Co, Ci, K, K) + bias (Co). */
    record Conv(int outChannels, int kernel, int padding, int stride) implements LayerSpec {
        public Conv {
            if (outChannels <= 0) throw new IllegalArgumentException("a convolution needs at least one output channel");
            if (kernel <= 0) throw new IllegalArgumentException("kernel size must be at least 1");
            if (padding < 0) throw new IllegalArgumentException("padding cannot be negative");
            if (stride <= 0) throw new IllegalArgumentException("stride must be at least 1");
        }
        public Shape outputShape(Shape in) {
            // long arithmetic: a padding near 2^31 must not wrap around into a plausible size
            long ph = in.h() + 2L * padding, pw = in.w() + 2L * padding;
            if (ph > ModelSpec.MAX_SIDE || pw > ModelSpec.MAX_SIDE)
                throw new IllegalArgumentException("padding " + padding + " makes the input " + ph + "\u00d7" + pw
                        + "; at most " + ModelSpec.MAX_SIDE + " pixels a side are allowed");
            long h = ph - kernel, w = pw - kernel;
            if (h < 0 || w < 0) throw new IllegalArgumentException("kernel " + kernel + "\u00d7" + kernel
                    + " is larger than its padded input " + ph + "\u00d7" + pw);
            return new Shape(outChannels, (int) (h / stride + 1), (int) (w / stride + 1));
        }
        public long parameterCount(Shape in) { return (long) outChannels * in.c() * kernel * kernel + outChannels; }
        public String kind() { return "conv"; }
    }

    /** Max or average pooling over window x window with the given stride; no padding. */
    record Pool(PoolKind pool, int window, int stride) implements LayerSpec {
        public Pool {
            if (window <= 0) throw new IllegalArgumentException("pooling window must be at least 1");
            if (stride <= 0) throw new IllegalArgumentException("pooling stride must be at least 1");
        }
        public Shape outputShape(Shape in) {
            if (window > in.h() || window > in.w()) throw new IllegalArgumentException("pooling window " + window
                    + " is larger than its input " + in.h() + "\u00d7" + in.w());
            return new Shape(in.c(), (in.h() - window) / stride + 1, (in.w() - window) / stride + 1);
        }
        public long parameterCount(Shape in) { return 0; }
        public String kind() { return "pool"; }
    }

    /** Element-wise activation; shape unchanged, no parameters. */
    record Act(Activation fn) implements LayerSpec {
        public Shape outputShape(Shape in) { return in; }
        public long parameterCount(Shape in) { return 0; }
        public String kind() { return "act"; }
    }

    /** C x H x W becomes a vector of C*H*W values, row-major: index = (c*H + y)*W + x. */
    record Flatten() implements LayerSpec {
        public Shape outputShape(Shape in) { return Shape.vector(in.size()); }
        public long parameterCount(Shape in) { return 0; }
        public String kind() { return "flatten"; }
    }

    /** Fully connected: n inputs, m outputs, weights (m, n) as in PyTorch's Linear + bias (m). */
    record Dense(int outputs) implements LayerSpec {
        public Dense {
            if (outputs <= 0) throw new IllegalArgumentException("a dense layer needs at least one output");
        }
        public Shape outputShape(Shape in) {
            if (!in.isVector()) throw new IllegalArgumentException("a dense layer needs a flat input; add Flatten first");
            return Shape.vector(outputs);
        }
        public long parameterCount(Shape in) { return (long) in.size() * outputs + outputs; }
        public String kind() { return "dense"; }
    }
}
