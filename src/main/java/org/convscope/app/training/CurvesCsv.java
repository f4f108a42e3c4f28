package org.convscope.app.training;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.AccuracyPoint;

/**
 * The curves of one or more runs as CSV, one row per measured value ("long" format, easy to plot with pandas or a
 * spreadsheet pivot):
 * <pre>
 * model,series,epoch,x_epochs,value
 * lenet5-classic,train_loss,1,0.004255,2.302585
 * lenet5-classic,test_accuracy_sample,1,0.250000,0.412000
 * lenet5-classic,test_accuracy,1,1.000000,0.655300
 * lenet5-classic,train_accuracy,1,1.000000,0.651200
 * </pre>
 * x_epochs is the position in epochs (batch i of b per epoch ends at i / b); epoch is the 1-based epoch it
 * belongs to. Full-resolution losses, not the decimated chart points. No JavaFX.
 */
public final class CurvesCsv {
    private CurvesCsv() {}

    public static final String HEADER = "model,series,epoch,x_epochs,value";

    public static void writeHeader(Writer out) throws IOException { out.write(HEADER + "\n"); }

    /** The rows of one run, labelled with model (commas are replaced, so the column stays one field). */
    public static void writeRun(Writer out, String model, TrainingSnapshot s) throws IOException {
        String m = model.replace(',', ' ');
        var losses = s.losses();
        int bpe = Math.max(1, s.batchesPerEpoch());
        for (int i = 0; i < losses.count(); i++) {
            row(out, m, "train_loss", i / bpe + 1, (i + 1) / (double) bpe, losses.get(i));
        }
        for (AccuracyPoint p : s.testAccuracy())
            row(out, m, p.sample() ? "test_accuracy_sample" : "test_accuracy", epochOf(p), p.epochs(), p.accuracy());
        for (AccuracyPoint p : s.trainAccuracy())
            row(out, m, p.sample() ? "train_accuracy_sample" : "train_accuracy", epochOf(p), p.epochs(), p.accuracy());
    }

    /** A point at x = 2.0 closes epoch 2; x = 2.25 lies in epoch 3. */
    private static int epochOf(AccuracyPoint p) {
        return p.sample() ? (int) Math.floor(p.epochs()) + 1 : (int) Math.round(p.epochs());
    }

    private static void row(Writer out, String model, String series, int epoch, double x, double v) throws IOException {
        out.write(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f%n", model, series, epoch, x, v));
    }
}
