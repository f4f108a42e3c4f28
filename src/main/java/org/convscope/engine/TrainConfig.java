package org.convscope.engine;

/**
 * Hyper-parameters of a training run. {@link #validate()} explains what is wrong in plain words.
 */
public record TrainConfig(Optimizer optimizer, float learningRate, float momentum, float weightDecay,
                          int batchSize, int epochs, int threads, long seed) {

    public enum Optimizer { SGD, ADAM }

    /** D2L's LeNet settings: SGD lr 0.9, batch 256, 10 epochs. */
    public static TrainConfig d2l() { return new TrainConfig(Optimizer.SGD, 0.9f, 0f, 0f, 256, 10, defaultThreads(), 42); }

    /** The peers' benchmark settings: SGD lr 0.1, batch 256. */
    public static TrainConfig bench() { return new TrainConfig(Optimizer.SGD, 0.1f, 0f, 0f, 256, 1, defaultThreads(), 42); }

    public static int defaultThreads() { return Runtime.getRuntime().availableProcessors(); }

    /** Returns null when fine, else a message saying what is wrong and what to do. */
    public String problem() {
        if (!(learningRate > 0f) || !Float.isFinite(learningRate)) return "The learning rate must be a number greater than 0 (try 0.1).";
        if (learningRate > 100f) return "A learning rate of " + learningRate + " is far too large; try a value between 0.001 and 1.";
        if (momentum < 0f || momentum >= 1f || !Float.isFinite(momentum)) return "Momentum must be in [0, 1) (try 0.9, or 0 for plain SGD).";
        if (weightDecay < 0f || !Float.isFinite(weightDecay)) return "Weight decay cannot be negative (try 0 or 0.0001).";
        if (batchSize < 1) return "The batch size must be at least 1 (try 256).";
        if (batchSize > 60_000) return "The batch size cannot exceed the 60,000 training images.";
        if (epochs < 1) return "Train for at least one epoch.";
        if (epochs > 1000) return "More than 1,000 epochs would take days here; try 10.";
        if (threads < 1) return "Use at least one thread.";
        if (threads > 256) return "At most 256 threads.";
        return null;
    }

    public TrainConfig validate() {
        String p = problem();
        if (p != null) throw new IllegalArgumentException(p);
        return this;
    }
}
