package org.convscope.app.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.app.I18n;
import org.convscope.app.lesson.LessonFacts;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.GradientLog;

/**
 * How large each layer's gradient is while the network trains: one line per layer with weights (conv1, conv2, fc1,
 * ...) over the epochs, on a logarithmic axis, from the engine's {@link GradientLog} (the RMS of each layer's weight
 * gradient, measured by the trainer on the batches it trains on). Two nodes that the pane places: the chart
 * ({@link #chart()}, id #gradient-chart, in the row of curves beside the loss) and its caption ({@link #caption()},
 * under the row): what to look for (with sigmoid, conv1's gradient lies far below the others': vanishing gradients)
 * and, in #gradient-note, the latest ratio of the first layer's gradient to the last one's.
 */
final class GradientChart {
    /** Most points drawn per line: a long run is thinned to every k-th point (and its last). */
    static final int BUDGET = 400;

    private final CurveChart chart = new CurveChart(I18n.bind("training.gradients.title"), I18n.bind("training.chart.epochs"));
    private final Label caption = new Label(), note = new Label();
    private final VBox captionBox = new VBox(2, caption, note);
    private final List<CurveChart.Series> lines = new ArrayList<>();
    private int[] layersShown = new int[0];
    private double[] xs = new double[0], ys = new double[0];
    private GradientLog shown;
    private TrainingSnapshot last;

    GradientChart() {
        chart.setId("gradient-chart");
        chart.setLogY(true);
        chart.setMaxWidth(Double.MAX_VALUE);
        captionBox.setId("gradient-caption");
        caption.textProperty().bind(I18n.bind("training.gradients.caption"));
        note.setId("gradient-note");
        for (Label l : List.of(caption, note)) {
            l.getStyleClass().add("hint");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        note.managedProperty().bind(note.visibleProperty());
        note.setVisible(false);
        I18n.onChange(chart, () -> { shown = null; if (last != null) update(last); });
    }

    /** The chart, for the row of curves. */
    CurveChart chart() { return chart; }

    /** What to look for and the latest ratio, for under the row. */
    VBox caption() { return captionBox; }

    /** Shows the snapshot's gradient sizes; cheap when nothing was added since the last call. */
    void update(TrainingSnapshot s) {
        last = s;
        GradientLog log = s.gradients();
        if (!Arrays.equals(layersShown, log.layers())) setLayers(s, log.layers());
        chart.setXRange(0, s.config().epochs());
        if (log == shown || (shown != null && shown.count() == log.count() && shown.epochs() == log.epochs())) {
            chart.refresh();
            return;
        }
        shown = log;
        int n = log.count(), stride = Math.max(1, (n + BUDGET - 1) / BUDGET), m = 0;
        if (xs.length < BUDGET + 1) { xs = new double[BUDGET + 1]; ys = new double[BUDGET + 1]; }
        for (int l = 0; l < lines.size(); l++) {
            m = 0;
            for (int i = 0; i < n; i += stride) { xs[m] = log.epochs(i); ys[m++] = log.rms(i, l); }
            if (n > 0 && (n - 1) % stride != 0) { xs[m] = log.epochs(n - 1); ys[m++] = log.rms(n - 1, l); }
            lines.get(l).setPoints(xs, ys, m);
        }
        chart.refresh();
        showRatio(s, log);
    }

    /** No run: empty lines. */
    void clear() {
        last = null;
        shown = null;
        for (CurveChart.Series l : lines) l.clear();
        note.setVisible(false);
        chart.refresh();
    }

    private void setLayers(TrainingSnapshot s, int[] layers) {
        List<String> names = LessonFacts.layerNames(s.spec());
        for (CurveChart.Series l : lines) l.clear();
        lines.clear();
        chart.clearSeries(); // another model: other layers
        for (int l = 0; l < layers.length; l++) {
            CurveChart.Series line = new CurveChart.Series(new SimpleStringProperty(names.get(layers[l])), "layer-" + (l % 8), false);
            lines.add(line);
            chart.addSeries(line);
        }
        layersShown = layers.clone();
        shown = null;
    }

    /** "Now conv1's gradient is 93× smaller than fc3's": the first layer's size against the last one's, latest point. */
    private void showRatio(TrainingSnapshot s, GradientLog log) {
        int n = log.count(), L = log.layerCount();
        if (n == 0 || L < 2) { note.setVisible(false); return; }
        double first = log.rms(n - 1, 0), lastLayer = log.rms(n - 1, L - 1);
        if (!(first > 0) || !(lastLayer > 0) || !Double.isFinite(first) || !Double.isFinite(lastLayer)) { note.setVisible(false); return; }
        List<String> names = LessonFacts.layerNames(s.spec());
        String a = names.get(log.layers()[0]), b = names.get(log.layers()[L - 1]);
        double r = lastLayer / first;
        note.setText(r >= 1 ? I18n.get("training.gradients.smaller", a, times(r), b)
                : I18n.get("training.gradients.larger", a, times(1 / r), b));
        note.setVisible(true);
    }

    /** 93, 4.2, 1.3: two significant digits at most. */
    static String times(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%,.0f", r) : String.format(Locale.ROOT, "%.1f", r);
    }

    /** The latest ratio line, for tests. */
    String noteText() { return note.isVisible() ? note.getText() : ""; }
}
