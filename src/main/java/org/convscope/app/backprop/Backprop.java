package org.convscope.app.backprop;

import java.util.ArrayList;
import java.util.List;

import org.convscope.engine.Gradients;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;

/**
 * The numbers of the backpropagation view for one image and label, no JavaFX: a run of plain gradient-descent steps
 * on a copy of a network (the shared model is never changed), each step's gradients from
 * {@link Network#lossGradients}, one conv1 kernel's update, and the same image through the other LeNet at
 * initialisation for comparison. Built on a background thread.
 */
public final class Backprop {

    /** Which network learns: the app's trained model, or a LeNet at initialisation. */
    public enum Source {
        TRAINED("trained"), MODERN("modern"), D2L("d2l");

        public final String id;

        Source(String id) { this.id = id; }

        public static Source of(String id) {
            for (Source s : values()) if (s.id.equals(id)) return s;
            throw new IllegalArgumentException("model: '" + id + "' is not one of trained, modern, d2l");
        }

        /**
         * The learning rate of the steps on one image. Smaller than a batch recipe's (D2L: 0.9 on the mean gradient
         * of 256 images), since one image's gradient is not averaged down: with 0.9 one step already learns the image.
         */
        public float learningRate() { return 0.05f; }
    }

    /** Seed of the networks at initialisation (the same weights every time). */
    public static final long INIT_SEED = 1;
    /** The most steps the view takes on one image. */
    public static final int MAX_STEPS = 50;

    /** A fresh LeNet: ReLU and max pooling (modern) or sigmoid and average pooling (D2L's). */
    public static Network initial(Source s) {
        return switch (s) {
            case MODERN -> Network.create(ModelZoo.lenetModern(), INIT_SEED);
            case D2L -> Network.create(ModelZoo.lenetClassic(), INIT_SEED);
            case TRAINED -> throw new IllegalArgumentException("a trained network is not made here");
        };
    }

    /** One point of the run: the network after some steps and its gradients for the image. */
    public record Step(Network network, Gradients gradients) {
        public double loss() { return gradients.loss(); }
    }

    /**
     * One conv1 kernel before and after a step: w ← w − η · ∂L/∂w (each of length k·k for a one-channel input).
     * @param lossBefore the loss before the step, lossAfter after it (the whole network moved, not only this kernel)
     */
    public record KernelUpdate(int kernel, int size, float learningRate, float[] before, float[] gradient, float[] after,
                               double lossBefore, double lossAfter) {
        /** The tap with the largest gradient, the one written out. */
        public int largestTap() {
            int best = 0;
            for (int i = 1; i < gradient.length; i++) if (Math.abs(gradient[i]) > Math.abs(gradient[best])) best = i;
            return best;
        }
    }

    private final float[] image;
    private final int label;
    private final float learningRate;
    private final List<Step> steps = new ArrayList<>();

    /** Starts a run at network (not changed: every step makes a new network). */
    public Backprop(Network network, float[] image, int label, float learningRate) {
        if (label < 0 || label >= network.spec().classes())
            throw new IllegalArgumentException("the image needs a label in 0.." + (network.spec().classes() - 1) + " to have a loss");
        this.image = image.clone();
        this.label = label;
        this.learningRate = learningRate;
        steps.add(new Step(network, network.lossGradients(this.image, label)));
    }

    public float learningRate() { return learningRate; }

    public int label() { return label; }

    /** The point after k steps (computed on first use; k ≤ {@link #MAX_STEPS} + 1). */
    public Step step(int k) {
        if (k < 0 || k > MAX_STEPS + 1) throw new IllegalArgumentException("step " + k + " is outside 0.." + MAX_STEPS);
        while (steps.size() <= k) {
            Step last = steps.getLast();
            Network next = last.network().stepped(last.gradients().parameterGradient(), learningRate);
            steps.add(new Step(next, next.lossGradients(image, label)));
        }
        return steps.get(k);
    }

    /** conv1 kernel k's update in step k → k + 1. */
    public KernelUpdate kernelUpdate(int step, int kernel) {
        Step s = step(step), t = step(step + 1);
        LayerWeights conv1 = s.network().weights().getFirst();
        int[] shape = conv1.weightShape(); // (Co, Ci, K, K)
        if (shape.length != 4) throw new IllegalArgumentException("the first layer with weights is not a convolution");
        if (kernel < 0 || kernel >= shape[0]) throw new IllegalArgumentException("kernel " + kernel + " is outside 0.." + (shape[0] - 1));
        int n = shape[1] * shape[2] * shape[3], from = kernel * n; // weights come first in the flat block
        float[] before = java.util.Arrays.copyOfRange(conv1.weights(), from, from + n);
        float[] grad = java.util.Arrays.copyOfRange(s.gradients().parameterGradient(), from, from + n);
        float[] after = java.util.Arrays.copyOfRange(t.network().weights().getFirst().weights(), from, from + n);
        return new KernelUpdate(kernel, shape[3], learningRate, before, grad, after, s.loss(), t.loss());
    }

    /** Layer names as the app writes them: conv1, relu, pool1, conv2, ..., flatten, dense1, ... */
    public static List<String> layerNames(ModelSpec spec) {
        List<String> names = new ArrayList<>();
        int conv = 0, pool = 0, dense = 0;
        for (LayerSpec l : spec.layers()) {
            names.add(switch (l) {
                case LayerSpec.Conv c -> "conv" + ++conv;
                case LayerSpec.Pool p -> "pool" + ++pool;
                case LayerSpec.Dense d -> "dense" + ++dense;
                case LayerSpec.Flatten f -> "flatten";
                case LayerSpec.Act a -> a.fn().name().toLowerCase(java.util.Locale.ROOT);
            });
        }
        return names;
    }

    /** RMS of the gradient of conv1's weights (the first layer with weights), the number that says how fast it learns. */
    public static double firstWeightsRms(Network net, Gradients g) {
        LayerWeights first = net.weights().getFirst();
        return g.parameterRms(0, first.weights().length);
    }
}
