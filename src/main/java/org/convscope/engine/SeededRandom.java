package org.convscope.engine;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014): a tiny generator whose
 * sequence is fixed by its seed on every JVM, so the same seed always gives the same initial weights.
 */
final class SeededRandom {
    private long state;

    SeededRandom(long seed) { this.state = seed; }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }

    /** Uniform in [-bound, bound). */
    float uniform(double bound) { return (float) ((2 * nextDouble() - 1) * bound); }

    /** Uniform integer in [0, n). */
    int nextInt(int n) { return (int) ((nextLong() >>> 33) % n); }
}
