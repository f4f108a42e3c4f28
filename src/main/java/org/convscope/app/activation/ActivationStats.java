package org.convscope.app.activation;

import org.convscope.engine.Activation;

/**
 * Where a layer's pre-activations fall on an activation curve.
 *
 * @param curve                the function the values are judged by
 * @param units                number of values (a layer of 6x28x28 has 4,704)
 * @param flatShare            share of values in the flat region ({@link Saturation#isFlat}), 0..1
 * @param meanRelativeGradient mean of f'(x) / max f' over the values: 1 = every unit passes the full gradient back
 * @param min                  smallest value
 * @param max                  largest value
 * @param axisRange            the histogram covers [-axisRange, axisRange]
 * @param activeCounts         per bin, values outside the flat region
 * @param flatCounts           per bin, values in the flat region
 * @param beyondAxis           values outside [-axisRange, axisRange], counted in the end bins
 */
public record ActivationStats(Activation curve, int units, double flatShare, double meanRelativeGradient,
                              float min, float max, double axisRange, int[] activeCounts, int[] flatCounts, int beyondAxis) {

    /** Histogram bins across the axis. */
    public static final int BINS = 48;

    /** The axis never gets narrower than ±6, so the whole bend of sigmoid and tanh stays visible. */
    public static final double MIN_RANGE = 6;

    public static ActivationStats of(Activation curve, float[] values) {
        if (values.length == 0) throw new IllegalArgumentException("the layer has no values");
        double maxSlope = Saturation.maxDerivative(curve);
        double threshold = Saturation.FLAT_FRACTION * maxSlope;
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        float[] abs = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
            abs[i] = Math.abs(values[i]);
        }
        // axis: the 99.5th percentile of |x|, so one outlier does not squash the picture; rounded up to a nice number
        java.util.Arrays.sort(abs);
        double p = abs[Math.min(abs.length - 1, (int) Math.ceil(0.995 * abs.length) - 1)];
        double range = niceCeil(Math.max(MIN_RANGE, p));

        int[] active = new int[BINS], flat = new int[BINS];
        int flatN = 0, beyond = 0;
        double slopeSum = 0;
        for (float v : values) {
            double slope = Math.abs(curve.derivative(v));
            slopeSum += slope / maxSlope;
            boolean isFlat = slope < threshold;
            if (isFlat) flatN++;
            if (v < -range || v > range) beyond++;
            int bin = (int) Math.floor((v + range) / (2 * range) * BINS);
            bin = Math.clamp(bin, 0, BINS - 1);
            if (isFlat) flat[bin]++; else active[bin]++;
        }
        return new ActivationStats(curve, values.length, (double) flatN / values.length, slopeSum / values.length,
                min, max, range, active, flat, beyond);
    }

    /** The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 (times a power of ten) that is at least v. */
    static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.5, 2, 3, 4, 5, 6, 8, 10}) if (m * p >= v * (1 - 1e-12)) return m * p;
        return 10 * p;
    }

    /** Left edge of bin b on the x axis. */
    public double binStart(int b) { return -axisRange + 2 * axisRange * b / BINS; }

    public int largestBin() {
        int m = 1;
        for (int b = 0; b < BINS; b++) m = Math.max(m, activeCounts[b] + flatCounts[b]);
        return m;
    }
}
