package org.convscope.app.activation;

import org.convscope.engine.Activation;

/**
 * Where an activation function is "flat". A unit is counted as saturated (in the flat region) when the function's
 * slope at its pre-activation is below {@link #FLAT_FRACTION} of the function's steepest slope: there the gradient
 * passed back to earlier layers is under 5 % of what it could be, so learning through that unit almost stops.
 * Sigmoid: |x| > 4.36 (slope below 0.0125 of 0.25); tanh: |x| > 2.18; ReLU: x ≤ 0 (slope 0).
 */
public final class Saturation {
    private Saturation() {}

    /** The slope threshold, as a fraction of the steepest slope. */
    public static final double FLAT_FRACTION = 0.05;

    private static final java.util.Map<Activation, Double> MAX_SLOPE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The steepest slope of f, found on a fine grid over [-10, 10] (0.25 for sigmoid, 1 for tanh and ReLU); computed once. */
    public static double maxDerivative(Activation f) {
        return MAX_SLOPE.computeIfAbsent(f, fn -> {
            double m = 0;
            for (int i = -2000; i <= 2000; i++) m = Math.max(m, Math.abs(fn.derivative(i / 200f)));
            return m;
        });
    }

    public static boolean isFlat(Activation f, float x) {
        return Math.abs(f.derivative(x)) < FLAT_FRACTION * maxDerivative(f);
    }

    /**
     * For sigmoid and tanh: the |x| beyond which the function is flat (found by bisection, the slope falls
     * monotonically with |x|). For ReLU the flat region is x ≤ 0 and this returns 0.
     */
    public static double flatBeyond(Activation f) {
        if (f == Activation.RELU) return 0;
        double threshold = FLAT_FRACTION * maxDerivative(f), lo = 0, hi = 100;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (Math.abs(f.derivative((float) mid)) < threshold) hi = mid; else lo = mid;
        }
        return hi;
    }
}
