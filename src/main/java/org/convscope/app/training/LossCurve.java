package org.convscope.app.training;

import java.util.Arrays;

/**
 * The training-loss curve with a bounded point budget, so the chart costs the same after 100 batches and after
 * 100,000: points are gathered into buckets of {@code stride} consecutive batches; when the budget is full,
 * neighbouring buckets merge pairwise and the stride doubles (progressive decimation, amortised O(1) per point).
 * <p>
 * Each bucket keeps the mean raw loss of its batches and the smoothed loss at its last batch. Smoothing is an
 * exponential moving average, the usual way a noisy per-batch loss is shown (TensorBoard's "smoothing" slider):
 * s = a * loss + (1 - a) * s, started at the first loss. No JavaFX: the chart only reads {@link #x}, {@link #mean},
 * {@link #smoothed}.
 */
public final class LossCurve {
    private final int budget;
    private final double alpha;
    private double[] xs, means, smooths;
    private int size;              // closed buckets
    private int stride = 1;        // batches per bucket
    private int openCount;         // batches in the open (last, partial) bucket
    private double openSum, openX, openSmooth;
    private double ema = Double.NaN;
    private long total;
    private double minMean = Double.POSITIVE_INFINITY, maxMean = Double.NEGATIVE_INFINITY;

    /** @param budget most points shown (at least 4, even); @param alpha smoothing weight of the newest loss, 0..1 */
    public LossCurve(int budget, double alpha) {
        if (budget < 4 || budget % 2 != 0) throw new IllegalArgumentException("budget must be an even number >= 4");
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in (0, 1]");
        this.budget = budget;
        this.alpha = alpha;
        xs = new double[budget];
        means = new double[budget];
        smooths = new double[budget];
    }

    public LossCurve() { this(600, 0.05); }

    /** Adds the loss of the next batch at position x (e.g. in epochs); x must not decrease. */
    public void add(double x, double loss) {
        ema = Double.isNaN(ema) ? loss : alpha * loss + (1 - alpha) * ema;
        total++;
        openSum += loss;
        openX = x;
        openSmooth = ema;
        if (++openCount == stride) {
            if (size == budget) {
                // Full: merge the closed buckets pairwise. The stride doubles, so the open bucket is now only
                // half full and keeps collecting (every closed bucket always holds exactly stride batches).
                halve();
                return;
            }
            xs[size] = openX;
            means[size] = openSum / openCount;
            smooths[size] = openSmooth;
            track(means[size]);
            size++;
            openCount = 0;
            openSum = 0;
        }
    }

    /** Merges neighbouring buckets: budget buckets become budget / 2 with twice the stride. */
    private void halve() {
        for (int i = 0; i < budget / 2; i++) {
            xs[i] = xs[2 * i + 1];
            means[i] = 0.5 * (means[2 * i] + means[2 * i + 1]); // equal batch counts, so the plain mean is exact
            smooths[i] = smooths[2 * i + 1];
        }
        size = budget / 2;
        stride *= 2;
    }

    private void track(double m) {
        if (m < minMean) minMean = m;
        if (m > maxMean) maxMean = m;
    }

    /** Points to draw: the closed buckets plus the open one if it has batches. Never more than budget + 1. */
    public int size() { return size + (openCount > 0 ? 1 : 0); }

    public double x(int i) { return i < size ? xs[i] : openX; }

    /** Mean raw loss of bucket i. */
    public double mean(int i) { return i < size ? means[i] : openSum / openCount; }

    /** Smoothed loss at the end of bucket i. */
    public double smoothed(int i) { return i < size ? smooths[i] : openSmooth; }

    /** Batches added in all. */
    public long total() { return total; }

    /** Batches per drawn point now. */
    public int stride() { return stride; }

    public int budget() { return budget; }

    /** The latest smoothed loss (NaN when empty). */
    public double latestSmoothed() { return ema; }

    /** Largest drawn mean (for the y axis); NaN when empty. */
    public double maxMean() {
        double m = maxMean;
        if (openCount > 0) m = Math.max(m, openSum / openCount);
        return total == 0 ? Double.NaN : m;
    }

    public void clear() {
        size = 0; stride = 1; openCount = 0; openSum = 0; total = 0; ema = Double.NaN;
        minMean = Double.POSITIVE_INFINITY; maxMean = Double.NEGATIVE_INFINITY;
        Arrays.fill(xs, 0);
    }
}
