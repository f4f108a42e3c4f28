package org.convscope.app.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.convscope.engine.LayerSpec;
import org.convscope.engine.Shape;

/**
 * One layer's input and output shapes plus the kernel that connects them, from which the weight and bias counts of a
 * fully connected, a locally connected and a shared (convolutional) layer are computed. The three layers produce the
 * same output shape; only how many distinct weights they use differs.
 *
 * @param input   C_in x H x W
 * @param output  C_out x H_out x W_out
 * @param kernelH kernel rows (1 for a 1-D layer)
 * @param kernelW kernel columns
 * @param padTop  zero rows added above the input (the kernel may touch padding)
 * @param padLeft zero columns added left of the input
 * @param stride  step between neighbouring output units
 */
public record LayerWiring(Shape input, Shape output, int kernelH, int kernelW, int padTop, int padLeft, int stride) {

    /** A convolution layer of a model, e.g. LeNet's first: input 1x28x28, output 6x28x28, kernel 5x5, padding 2. */
    public static LayerWiring of(LayerSpec.Conv conv, Shape in) {
        return new LayerWiring(in, conv.outputShape(in), conv.kernel(), conv.kernel(), conv.padding(), conv.padding(), conv.stride());
    }

    /**
     * The toy of the notes: 6 inputs, 6 outputs, each output sees 2 neighbouring inputs (kernel width 2, stride 1).
     * Six outputs of width 2 over six inputs need one zero of padding after the last input.
     */
    public static LayerWiring toy() {
        return new LayerWiring(new Shape(1, 1, 6), new Shape(1, 1, 6), 1, 2, 0, 0, 1);
    }

    /** Weights feeding one output unit in a local or shared layer: C_in x K_h x K_w. */
    public long weightsPerUnit() { return (long) input.c() * kernelH * kernelW; }

    /** Number of weights: FULL in x out, LOCAL out x (C_in K_h K_w), SHARED C_out x C_in x K_h x K_w. */
    public long weights(Wiring w) {
        return switch (w) {
            case FULL -> (long) input.size() * output.size();
            case LOCAL -> output.size() * weightsPerUnit();
            case SHARED -> output.c() * weightsPerUnit();
        };
    }

    /** Number of biases: one per output unit, except the shared layer where one bias per output channel is shared too. */
    public long biases(Wiring w) {
        return w == Wiring.SHARED ? output.c() : output.size();
    }

    public long parameters(Wiring w) { return weights(w) + biases(w); }

    /** The weight count as a product of this layer's own numbers, e.g. "784 × 4,704" or "6 × 1 × 5 × 5". */
    public String weightProduct(Wiring w) {
        return switch (w) {
            case FULL -> group(input.size()) + " × " + group(output.size());
            case LOCAL -> group(output.size()) + " × " + group(weightsPerUnit());
            case SHARED -> output.c() + " × " + input.c() + " × " + kernelH + " × " + kernelW;
        };
    }

    /**
     * One drawn connection: output unit {@code output} reads input position {@code input} (which may lie in the
     * padding: then {@code padding} is true and {@code input} is the position in the padded row) through weight number
     * {@code weight} (0-based; equal numbers mean the same shared weight).
     */
    public record Connection(int input, int output, int weight, boolean padding) {}

    /**
     * Every connection of a 1-D layer (one channel, one row), for drawing. FULL connects each output to each real input;
     * LOCAL and SHARED connect each output to the K_w inputs under its window, padding included.
     */
    public List<Connection> connections(Wiring w) {
        if (input.c() != 1 || output.c() != 1 || input.h() != 1 || output.h() != 1)
            throw new IllegalStateException("connections are drawn for a one-channel 1-D layer only, not " + input + " -> " + output);
        int n = input.w(), m = output.w();
        List<Connection> out = new ArrayList<>();
        for (int o = 0; o < m; o++) {
            if (w == Wiring.FULL) {
                for (int i = 0; i < n; i++) out.add(new Connection(i, o, o * n + i, false));
            } else {
                for (int t = 0; t < kernelW; t++) {
                    int i = o * stride + t - padLeft;
                    int weight = w == Wiring.LOCAL ? o * kernelW + t : t;
                    out.add(new Connection(i, o, weight, i < 0 || i >= n));
                }
            }
        }
        return out;
    }

    /** Zero positions appended after the last input so that every output window fits (the toy needs one). */
    public int padRight() {
        int needed = (output.w() - 1) * stride + kernelW - padLeft;
        return Math.max(0, needed - input.w());
    }

    static String group(long v) { return String.format(Locale.US, "%,d", v); }
}
