package org.convscope.engine;

import java.util.List;

/**
 * A sequential network built from a {@link ModelSpec}, with all parameters in one flat block.
 * Thread-safety: {@link #trace} and {@link #weights()} may be called from any thread while a
 * {@link Trainer} updates the network; they read a consistent published snapshot.
 */
public final class Network {
    private final ModelSpec spec;

    private Network(ModelSpec spec) { this.spec = spec; }

    /** New network, Xavier (sigmoid/tanh) or He (ReLU) initialised from the seed; biases zero. */
    public static Network create(ModelSpec spec, long seed) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /** New network with the given weights (in {@link #weights()} order); validates shapes. */
    public static Network of(ModelSpec spec, List<LayerWeights> weights) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    public ModelSpec spec() { return spec; }

    /** Runs one image (length spec.input().size(), pixel values 0..1) and records every layer. */
    public Trace trace(float[] image) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /** Class probabilities for one image. */
    public float[] predict(float[] image) { return trace(image).probabilities(); }

    /** Immutable copy of every parametric layer's weights, in layer order. */
    public List<LayerWeights> weights() {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /** A deep copy (independent weights). */
    public Network copy() { return of(spec, weights()); }
}
