package org.convscope.engine;

import java.util.List;

/**
 * A single image run through a network with every layer recorded (for the views).
 *
 * @param input         the input image (C x H x W, values as fed to the network)
 * @param layers        one entry per layer, in order
 * @param probabilities softmax of the last layer
 */
public record Trace(ModelSpec spec, float[] input, List<LayerTrace> layers, float[] probabilities) {
    public int predictedClass() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
        return best;
    }
    /** The output of layer i's predecessor (the input for i == 0). */
    public float[] inputOf(int i) { return i == 0 ? input : layers.get(i - 1).values(); }
}
