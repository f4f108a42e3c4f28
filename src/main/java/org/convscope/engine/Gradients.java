package org.convscope.engine;

import java.util.List;

/**
 * One image's forward and backward pass ({@link Network#lossGradients}, {@link Network#scoreGradients}). Immutable:
 * every array is a private copy.
 *
 * @param trace             the forward pass (every layer's output, the probabilities)
 * @param loss              the cross-entropy loss −ln p(label), NaN for the gradients of a score
 * @param outputGradients   per layer i, the gradient with respect to layer i's output (same layout as
 *                          trace.layers().get(i).values())
 * @param inputGradient     the gradient with respect to the input pixels (C×H×W)
 * @param parameterGradient the gradient with respect to every parameter, in the flat layout of
 *                          {@link Network#parameters()} (each layer's weights, then its bias)
 */
public record Gradients(Trace trace, double loss, List<float[]> outputGradients, float[] inputGradient, float[] parameterGradient) {
    public Gradients {
        outputGradients = List.copyOf(outputGradients);
    }

    /** Root mean square of layer i's output gradient. */
    public double rms(int layer) {
        float[] g = outputGradients.get(layer);
        double s = 0;
        for (float v : g) s += (double) v * v;
        return Math.sqrt(s / g.length);
    }

    /** Root mean square of the gradient of the parameters in [from, to) of the flat block. */
    public double parameterRms(int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += (double) parameterGradient[i] * parameterGradient[i];
        return Math.sqrt(s / Math.max(1, to - from));
    }
}
