package org.convscope.engine;

/**
 * Trains a {@link Network} with mini-batch gradient descent on the engine's own thread pool.
 * Batch-parallel: each thread owns gradient buffers for its slice of the batch; they are reduced
 * before the optimizer step. No allocation per batch in steady state.
 */
public final class Trainer implements AutoCloseable {

    public Trainer(Network network, TrainConfig config) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /**
     * One optimizer step on images[idx[from..from+n)] (uint8 pixels, imageSize bytes each, scaled to 0..1)
     * with labels[idx[..]]. Returns the mean cross-entropy loss of the batch (NaN if it diverged).
     */
    public float step(byte[] images, byte[] labels, int[] idx, int from, int n) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /** Predicted class for each of images[from..from+n) (batched inference); writes into out[0..n). */
    public void predict(byte[] images, int from, int n, int[] out) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    @Override public void close() {}
}
