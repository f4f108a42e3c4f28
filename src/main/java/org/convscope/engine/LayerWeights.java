package org.convscope.engine;

/**
 * An immutable copy of one parametric layer's weights.
 * Convolution: weightShape (Co, Ci, K, K); dense: (out, in) as in PyTorch. bias has length Co / out.
 */
public record LayerWeights(int layerIndex, String name, int[] weightShape, float[] weights, float[] bias) {
    /** Convolution weight at output channel o, input channel i, row y, column x. */
    public float kernel(int o, int i, int y, int x) {
        int ci = weightShape[1], k = weightShape[2];
        return weights[((o * ci + i) * k + y) * k + x];
    }
}
