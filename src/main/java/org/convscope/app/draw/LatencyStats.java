package org.convscope.app.draw;

import java.util.Arrays;

/**
 * The last {@link #WINDOW} samples of a duration (prediction latency, frame interval) and their median, 95th
 * percentile and maximum, in milliseconds. Single-threaded (FX thread).
 */
public final class LatencyStats {
    public static final int WINDOW = 240;

    private final long[] nanos = new long[WINDOW];
    private int n, next;
    private long total;

    public void add(long durationNanos) {
        nanos[next] = durationNanos;
        next = (next + 1) % WINDOW;
        if (n < WINDOW) n++;
        total++;
    }

    public void clear() { n = 0; next = 0; }

    /** Samples in the window. */
    public int count() { return n; }

    /** Samples ever added. */
    public long total() { return total; }

    public double medianMs() { return percentileMs(50); }
    public double p95Ms() { return percentileMs(95); }
    public double maxMs() { return percentileMs(100); }

    /** Nearest-rank percentile in ms; NaN when empty. */
    public double percentileMs(double pct) {
        if (n == 0) return Double.NaN;
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        int rank = (int) Math.ceil(pct / 100.0 * n);
        return s[Math.clamp(rank - 1, 0, n - 1)] / 1e6;
    }

    /** Share of samples above limitMs (e.g. frames that took longer than 1/60 s + slack). */
    public double fractionAbove(double limitMs) {
        if (n == 0) return 0;
        int above = 0;
        for (int i = 0; i < n; i++) if (nanos[i] / 1e6 > limitMs) above++;
        return above / (double) n;
    }

    @Override public String toString() {
        return String.format(java.util.Locale.ROOT, "n=%d median=%.2f ms p95=%.2f ms max=%.2f ms", n, medianMs(), p95Ms(), maxMs());
    }
}
