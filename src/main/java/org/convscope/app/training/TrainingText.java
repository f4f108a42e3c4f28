package org.convscope.app.training;

import java.util.Locale;

import org.convscope.app.AppContext;
import org.convscope.app.I18n;

/** How the training view writes numbers, durations, datasets and class names (shared by its panes; no state). */
public final class TrainingText {
    private TrainingText() {}

    public static String datasetKey(String id) {
        return AppContext.MNIST.equals(id) ? "training.dataset.mnist" : "training.dataset.fashion";
    }

    /** Class name in the current language (the data layer's keys). */
    public static String className(String datasetId, int c) {
        return I18n.get((AppContext.MNIST.equals(datasetId) ? "class.mnist." : "class.fashion.") + c);
    }

    public static String percent(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** A float as the form shows it: six significant digits, no trailing zeros ("0.9", "0.001"). */
    static String number(float v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    static String lossText(float loss) {
        return Float.isNaN(loss) ? "NaN" : Float.isInfinite(loss) ? "∞" : String.format(Locale.ROOT, "%.3g", loss);
    }

    /** The time-left estimate is shown from this share of the run on (5 %)... */
    public static final double TIME_LEFT_MIN_FRACTION = 0.05;
    /** ...and after this many seconds of training (3 s): before that it is mostly start-up cost, not speed. */
    public static final double TIME_LEFT_MIN_SECONDS = 3;

    /**
     * Whether an estimate of the time left means something yet: the first seconds of a run (data, JIT, the first
     * batches) are much slower than the rest, and an estimate from them said 57 minutes for a 44-second run.
     */
    public static boolean timeLeftMeaningful(double fraction, double runningSeconds) {
        return fraction >= TIME_LEFT_MIN_FRACTION && runningSeconds >= TIME_LEFT_MIN_SECONDS;
    }

    public static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) return "—";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
