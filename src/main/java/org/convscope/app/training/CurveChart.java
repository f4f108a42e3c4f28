package org.convscope.app.training;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polyline;

/**
 * A light line chart for live curves. Unlike JavaFX's LineChart it keeps one Polyline per series (no node per
 * point, no animation) and is fed already-decimated points (see {@link LossCurve}), so one redraw costs the same
 * however long training has run. Colours come from the stylesheet (training.css: .curve-chart .series-N), so the
 * themes apply. Redraw by calling {@link #refresh()} after changing points; the view does it at most a few times
 * per second.
 * <pre>
 *   title                         — series A  — series B     (legend)
 *   1.0 |------------------------------------
 *       |        ____-----
 *   0.5 |   __---
 *       |_/
 *     0 +-----------------------------------
 *       0      1      2      3      epochs
 * </pre>
 */
public final class CurveChart extends Region {

    /** One curve: points (x, y) in data units, drawn as a line, optionally with a dot per point. */
    public static final class Series {
        private final StringProperty name = new SimpleStringProperty();
        private final String styleClass;
        private final boolean markers;
        private double[] xs = new double[0], ys = new double[0];
        private int n;
        final Polyline line = new Polyline();
        final Group dots = new Group();
        final Line legendLine = new Line(0, 0, 22, 0);

        public Series(ObservableValue<String> name, String styleClass, boolean markers) {
            this.name.bind(name);
            this.styleClass = styleClass;
            this.markers = markers;
            line.getStyleClass().addAll("curve", styleClass);
            line.setManaged(false);
            dots.setManaged(false);
            legendLine.getStyleClass().addAll("curve", styleClass);
        }

        /** Replaces the points (copied up to n). */
        public void setPoints(double[] x, double[] y, int count) {
            if (xs.length < count) { xs = new double[count]; ys = new double[count]; }
            System.arraycopy(x, 0, xs, 0, count);
            System.arraycopy(y, 0, ys, 0, count);
            n = count;
        }

        public void clear() { n = 0; }
        public int size() { return n; }
        public double x(int i) { return xs[i]; }
        public double y(int i) { return ys[i]; }
        public StringProperty nameProperty() { return name; }
    }

    private static final double LEFT = 64, BOTTOM = 46, TOP = 40, RIGHT = 16;

    private final Label title = new Label();
    private final Label xTitle = new Label();
    private final FlowPane legend = new FlowPane(14, 2); // wraps when the chart is narrow
    private final Path grid = new Path();
    private final Path axes = new Path();
    private final Group plot = new Group();
    private final List<Label> tickLabels = new ArrayList<>();
    private final List<Series> series = new ArrayList<>();
    private double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
    private boolean autoY = true, yFromZero = true, logY;

    public CurveChart(ObservableValue<String> titleText, ObservableValue<String> xAxisText) {
        getStyleClass().add("curve-chart");
        title.getStyleClass().add("chart-title");
        title.textProperty().bind(titleText);
        xTitle.getStyleClass().add("axis-title");
        xTitle.textProperty().bind(xAxisText);
        legend.getStyleClass().add("chart-legend");
        legend.setAlignment(Pos.CENTER_RIGHT);
        legend.setRowValignment(javafx.geometry.VPos.CENTER);
        grid.getStyleClass().add("chart-grid");
        axes.getStyleClass().add("chart-axis");
        for (var node : List.of(title, xTitle, legend, grid, axes, plot)) node.setManaged(false);
        getChildren().addAll(grid, axes, plot, title, xTitle, legend);
        setMinSize(240, 180);
        setPrefSize(520, 300);
    }

    public void addSeries(Series s) {
        series.add(s);
        plot.getChildren().addAll(s.line, s.dots);
        Label l = new Label();
        l.textProperty().bind(s.name);
        l.setGraphic(s.legendLine);
        l.getStyleClass().add("legend-item");
        legend.getChildren().add(l);
    }

    public List<Series> series() { return List.copyOf(series); }

    /** Removes every series (and its legend entry). */
    public void clearSeries() {
        series.clear();
        plot.getChildren().clear();
        legend.getChildren().clear();
    }

    /** The x range shown, e.g. 0 .. epochs, so that a live curve grows from left to right. */
    public void setXRange(double min, double max) {
        xMin = min;
        xMax = max > min ? max : min + 1;
    }

    /** A fixed y range (auto scaling off). */
    public void setYRange(double min, double max) {
        autoY = false;
        yMin = min;
        yMax = max > min ? max : min + 1;
    }

    /**
     * y from 0.1 below the lowest accuracy (rounded down to a tenth) to 1, so that curves near the top stay readable;
     * 0 to 1 while there are no points yet.
     */
    public void setAccuracyRange(java.util.stream.DoubleStream accuracies) {
        double lo = accuracies.min().orElse(0);
        setYRange(Math.max(0, Math.floor(Math.min(lo, 1) * 10 - 1e-9) / 10), 1);
    }

    /** Scale y to the data: from 0 (fromZero) or from a rounded-down minimum, to a rounded-up maximum. */
    public void setAutoY(boolean fromZero) {
        autoY = true;
        yFromZero = fromZero;
    }

    /**
     * A logarithmic y axis (for sizes that span several powers of ten, e.g. gradients): scaled to whole decades around
     * the data, ticks labelled 1e-3, 1e-2, ..., every second or third decade only when they would crowd one another.
     * Points that are not positive sit on the bottom edge.
     */
    public void setLogY(boolean log) {
        logY = log;
        autoY = true;
    }

    /** The y range drawn: data units, or powers of ten (exponents) on a logarithmic axis. */
    double[] yRange() { return new double[]{yMin, yMax}; }

    /** The tick labels shown now, bottom to top on the y axis after the x axis's, for tests. */
    List<String> tickTexts() {
        return tickLabels.stream().filter(Label::isVisible).map(Label::getText).toList();
    }

    /**
     * Re-reads the series' points and redraws. All children are unmanaged (layout roots), so a redraw changes only
     * this chart and never makes the rest of the window lay itself out again: a live chart stays cheap.
     */
    public void refresh() {
        if (getWidth() > 0 && getHeight() > 0) draw();
    }

    @Override protected void layoutChildren() { draw(); }

    private void draw() {
        double w = getWidth(), h = getHeight();
        double px = LEFT, py = TOP, pw = Math.max(10, w - LEFT - RIGHT), ph = Math.max(10, h - TOP - BOTTOM);
        if (autoY) fitY();

        title.autosize();
        title.relocate(px, 6);
        legend.setPrefWrapLength(Math.max(40, w - px - RIGHT));
        legend.autosize();
        double lw = legend.prefWidth(-1);
        if (px + title.prefWidth(-1) + 16 + lw <= w - RIGHT) {
            legend.relocate(w - RIGHT - lw, 8);
        } else { // no room beside the title: the legend goes on its own line and the plot moves down
            legend.relocate(px, 8 + title.prefHeight(-1));
            double shift = legend.prefHeight(-1) + 2;
            py += shift;
            ph = Math.max(10, ph - shift);
        }

        // Grid and tick labels at "nice" steps (1, 2 or 5 times a power of ten).
        grid.getElements().clear();
        int label = 0;
        double xs = niceStep(xMax - xMin, Math.max(2, (int) (pw / 90)));
        for (double x = Math.ceil(xMin / xs) * xs; x <= xMax + 1e-9; x += xs) {
            double sx = px + (x - xMin) / (xMax - xMin) * pw;
            grid.getElements().addAll(new MoveTo(sx, py), new LineTo(sx, py + ph));
            Label t = tick(label++, format(x, xs));
            t.relocate(sx - t.prefWidth(-1) / 2, py + ph + 4);
        }
        if (logY) {
            // one decade per label unless the labels (about 1.6 line heights apart at least) would touch
            double lineHeight = Math.max(1, tick(label, "1e0").prefHeight(-1));
            int decades = (int) Math.round(yMax - yMin);
            int every = 1;
            while (decades / every > 1 && ph / decades * every < 1.6 * lineHeight) every++;
            for (int e = (int) Math.ceil(yMin); e <= yMax + 1e-9; e++) {
                double sy = py + ph - (e - yMin) / (yMax - yMin) * ph;
                grid.getElements().addAll(new MoveTo(px, sy), new LineTo(px + pw, sy)); // a line at every decade
                if (Math.floorMod(e, every) != 0) continue;
                Label t = tick(label++, "1e" + e);
                t.relocate(px - 8 - t.prefWidth(-1), sy - t.prefHeight(-1) / 2);
            }
        } else {
            double ys = niceStep(yMax - yMin, Math.max(2, (int) (ph / 50)));
            // a short chart (a projector's large type, a narrow window) labels only lines that leave room for the
            // label below: "1.0" over "0.0" in a 20 px plot was unreadable
            double lineHeight = Math.max(1, tick(label, "0").prefHeight(-1)), lastLabelled = Double.NaN;
            for (double y = Math.ceil(yMin / ys) * ys; y <= yMax + 1e-9; y += ys) {
                double sy = py + ph - (y - yMin) / (yMax - yMin) * ph;
                grid.getElements().addAll(new MoveTo(px, sy), new LineTo(px + pw, sy));
                if (!Double.isNaN(lastLabelled) && lastLabelled - sy < 1.15 * lineHeight) continue;
                lastLabelled = sy;
                Label t = tick(label++, format(y, ys));
                t.relocate(px - 8 - t.prefWidth(-1), sy - t.prefHeight(-1) / 2);
            }
        }
        for (int i = label; i < tickLabels.size(); i++) tickLabels.get(i).setVisible(false);
        axes.getElements().setAll(new MoveTo(px, py), new LineTo(px, py + ph), new LineTo(px + pw, py + ph));
        xTitle.autosize();
        xTitle.relocate(px + pw / 2 - xTitle.prefWidth(-1) / 2, py + ph + 22);

        for (Series s : series) {
            Double[] pts = new Double[2 * s.n];
            List<javafx.scene.Node> dots = new ArrayList<>();
            for (int i = 0; i < s.n; i++) {
                double sx = px + (s.xs[i] - xMin) / (xMax - xMin) * pw;
                double sy = py + ph - (clampY(s.ys[i]) - yMin) / (yMax - yMin) * ph;
                pts[2 * i] = sx;
                pts[2 * i + 1] = sy;
                if (s.markers) {
                    Circle c = new Circle(sx, sy, 4);
                    c.getStyleClass().addAll("curve-dot", s.styleClass);
                    dots.add(c);
                }
            }
            s.line.getPoints().setAll(pts);
            s.dots.getChildren().setAll(dots);
        }
    }

    private double clampY(double y) {
        if (logY) return y > 0 && Double.isFinite(y) ? Math.clamp(Math.log10(y), yMin, yMax) : y > 0 ? yMax : yMin;
        return Double.isFinite(y) ? Math.clamp(y, yMin, yMax) : yMax;
    }

    private Label tick(int i, String text) {
        while (tickLabels.size() <= i) {
            Label l = new Label();
            l.getStyleClass().add("tick-label");
            l.setManaged(false);
            tickLabels.add(l);
            getChildren().add(l);
        }
        Label l = tickLabels.get(i);
        l.setText(text);
        l.setVisible(true);
        l.autosize();
        return l;
    }

    private void fitY() {
        if (logY) { fitLogY(); return; }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series)
            for (int i = 0; i < s.n; i++) {
                if (!Double.isFinite(s.ys[i])) continue;
                lo = Math.min(lo, s.ys[i]);
                hi = Math.max(hi, s.ys[i]);
            }
        if (lo > hi) { yMin = 0; yMax = 1; return; }
        double span = Math.max(hi - (yFromZero ? 0 : lo), 1e-3);
        double step = niceStep(span, 5);
        yMax = Math.ceil(hi / step) * step;
        if (yMax <= hi) yMax += step * 0.5;
        yMin = yFromZero ? 0 : Math.floor(lo / step) * step;
        if (yMax <= yMin) yMax = yMin + step;
    }

    /** Whole decades around the positive points: yMin, yMax are exponents; 1e-3 .. 1e0 while there are none. */
    private void fitLogY() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series)
            for (int i = 0; i < s.n; i++) {
                double y = s.ys[i];
                if (!(y > 0) || !Double.isFinite(y)) continue;
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        if (lo > hi) { yMin = -3; yMax = 0; return; }
        yMin = Math.floor(Math.log10(lo));
        yMax = Math.ceil(Math.log10(hi));
        if (yMax <= yMin) yMax = yMin + 1;
    }

    /** 1, 2 or 5 x 10^k so that span / step is about target. */
    static double niceStep(double span, int target) {
        if (!(span > 0)) return 1;
        double raw = span / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
    }

    private static String format(double v, double step) {
        if (step >= 1) return String.format(java.util.Locale.ROOT, "%.0f", v);
        int digits = (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", v);
    }
}
