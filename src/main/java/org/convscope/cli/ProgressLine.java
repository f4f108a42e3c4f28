package org.convscope.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The training progress on a terminal: one line redrawn in place with a carriage return
 * ({@code epoch 2/10 [=========>          ] 118/235  loss 0.4123  14,512 img/s  ETA 0:42}),
 * or plain lines a few times per epoch when the output is a file or a pipe (a log then stays readable).
 */
public final class ProgressLine {

    /** auto: a bar on a terminal, lines otherwise. */
    public enum Mode { AUTO, BAR, LINES, NONE }

    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L; // at most 10 redraws a second
    private static final int LINES_PER_EPOCH = 4;

    private final PrintWriter out;
    private final Mode mode;
    private final int epochs, batchesPerEpoch;
    private final long startNanos;
    private long lastDraw;
    private int lastWidth;
    private long batchesDone;
    private double trainingSeconds; // time spent in training steps only (evaluation does not count for the ETA)

    public ProgressLine(PrintWriter out, Mode mode, int epochs, int batchesPerEpoch) {
        this.out = out;
        this.mode = mode == Mode.AUTO ? (isTerminal() ? Mode.BAR : Mode.LINES) : mode;
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.startNanos = System.nanoTime();
    }

    /** Whether standard output is an interactive terminal (JDK 22+: Console.isTerminal). */
    public static boolean isTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    public Mode mode() { return mode; }

    /**
     * After batch {@code batch} (1-based) of epoch {@code epoch} (1-based).
     *
     * @param loss           mean loss of the epoch so far
     * @param imagesPerSecond throughput of this epoch so far
     * @param stepSeconds    seconds this batch's step took (for the ETA)
     */
    public void batchDone(int epoch, int batch, double loss, double imagesPerSecond, double stepSeconds) {
        batchesDone++;
        trainingSeconds += stepSeconds;
        switch (mode) {
            case BAR -> {
                long now = System.nanoTime();
                if (batch < batchesPerEpoch && now - lastDraw < REDRAW_NANOS) return;
                lastDraw = now;
                int filled = (int) ((long) BAR_WIDTH * batch / batchesPerEpoch);
                String bar = "=".repeat(filled) + (filled < BAR_WIDTH ? ">" + " ".repeat(BAR_WIDTH - filled - 1) : "");
                String line = String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d  loss %.4f  %s img/s  ETA %s",
                        epoch, epochs, bar, batch, batchesPerEpoch, loss, thousands(imagesPerSecond), duration(etaSeconds()));
                out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                lastWidth = line.length();
                out.flush();
            }
            case LINES -> {
                int every = Math.max(1, (batchesPerEpoch + LINES_PER_EPOCH - 1) / LINES_PER_EPOCH);
                if (batch % every != 0 || batch == batchesPerEpoch) return; // the epoch summary line follows the last batch
                out.printf(Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %.4f  %s img/s  ETA %s%n",
                        epoch, epochs, batch, batchesPerEpoch, loss, thousands(imagesPerSecond), duration(etaSeconds()));
                out.flush();
            }
            default -> { }
        }
    }

    /** Removes the bar so that a normal line can be printed. */
    public void clear() {
        if (mode == Mode.BAR && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            out.flush();
            lastWidth = 0;
        }
    }

    /** Seconds of training left, from the average step time so far. */
    public double etaSeconds() {
        long total = (long) epochs * batchesPerEpoch;
        return batchesDone == 0 ? Double.NaN : trainingSeconds / batchesDone * (total - batchesDone);
    }

    public double elapsedSeconds() { return (System.nanoTime() - startNanos) / 1e9; }

    /** 12345.6 -> "12,346". */
    public static String thousands(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,d", Math.round(v)) : "-";
    }

    /** 83 -> "1:23", 3725 -> "1:02:05". */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "-:--";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
