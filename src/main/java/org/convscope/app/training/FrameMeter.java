package org.convscope.app.training;

/**
 * Measures how smoothly the UI runs: fed the timestamp of every frame (AnimationTimer.handle), it reports frames
 * per second and the longest frame gap over the last second. The UI keeps ≥ 55 fps while training when the gap
 * stays under ~18 ms. No JavaFX, so it is testable with made-up timestamps.
 */
public final class FrameMeter {
    private static final long SECOND = 1_000_000_000L;
    private final long[] stamps = new long[512];   // ring of recent frame times
    private int head, count;
    private long last = Long.MIN_VALUE;
    // Whole-run statistics, for the log / report.
    private long frames, slowFrames, totalNanos, worstEver;

    /** Records a frame at time now (nanoseconds, increasing). */
    public void frame(long now) {
        if (last != Long.MIN_VALUE) {
            long gap = now - last;
            frames++;
            totalNanos += gap;
            if (gap > 1_000_000_000L / 50) slowFrames++;   // slower than 50 fps
            if (gap > worstEver) worstEver = gap;
        }
        last = now;
        stamps[head] = now;
        head = (head + 1) % stamps.length;
        if (count < stamps.length) count++;
    }

    /** Frames in the last second before the latest frame. */
    public double fps() {
        if (count < 2) return 0;
        long newest = stamps[(head - 1 + stamps.length) % stamps.length];
        int n = 0;
        long oldest = newest;
        for (int i = 1; i < count; i++) {
            long t = stamps[(head - 1 - i + 2 * stamps.length) % stamps.length];
            if (newest - t > SECOND) break;
            oldest = t;
            n++;
        }
        return n == 0 ? 0 : n * 1e9 / (newest - oldest);
    }

    /** Longest gap between two frames within the last second, in milliseconds. */
    public double worstGapMillis() {
        if (count < 2) return 0;
        long newest = stamps[(head - 1 + stamps.length) % stamps.length];
        long worst = 0;
        long prev = newest;
        for (int i = 1; i < count; i++) {
            long t = stamps[(head - 1 - i + 2 * stamps.length) % stamps.length];
            if (newest - t > SECOND) break;
            worst = Math.max(worst, prev - t);
            prev = t;
        }
        return worst / 1e6;
    }

    /** Mean fps since reset, share of frames slower than 50 fps, and the worst gap: for the log. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%.1f fps mean over %d frames, %.1f%% slower than 20 ms, worst %.1f ms",
                frames == 0 ? 0 : frames * 1e9 / totalNanos, frames, frames == 0 ? 0 : 100.0 * slowFrames / frames, worstEver / 1e6);
    }

    public double meanFps() { return frames == 0 ? 0 : frames * 1e9 / totalNanos; }

    public long frames() { return frames; }

    public void resetSummary() { frames = 0; slowFrames = 0; totalNanos = 0; worstEver = 0; }
}
