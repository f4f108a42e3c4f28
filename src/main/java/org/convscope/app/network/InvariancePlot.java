package org.convscope.app.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * The top class's probability against the shift (-max..+max pixels): one line for horizontal shifts, one for
 * vertical, a dot at the current shift. Drawn with shapes so that the theme colours them (style classes
 * {@code curve-h}, {@code curve-v}, {@code axis}, {@code grid}).
 */
public final class InvariancePlot extends Region {
    private static final double LEFT = 44, RIGHT = 12, TOP = 10, BOTTOM = 40;

    private final Polyline horizontal = new Polyline(), vertical = new Polyline();
    private final Circle dotH = new Circle(5), dotV = new Circle(5);
    private final List<Line> grid = new ArrayList<>();
    private final List<Label> ticks = new ArrayList<>();
    private final Label xTitle = new Label();
    private InvarianceCurve curve;

    public InvariancePlot() {
        getStyleClass().add("invariance-plot");
        horizontal.getStyleClass().add("curve-h");
        vertical.getStyleClass().add("curve-v");
        dotH.getStyleClass().addAll("dot", "curve-h-dot");
        dotV.getStyleClass().addAll("dot", "curve-v-dot");
        for (int i = 0; i < 8; i++) {
            var l = new Line();
            l.getStyleClass().add(i < 2 ? "axis" : "grid");
            grid.add(l);
        }
        for (String t : new String[] {"0", "0.5", "1", "-8", "-4", "0", "+4", "+8"}) {
            var l = new Label(t);
            l.getStyleClass().add("tick");
            l.setManaged(false);
            ticks.add(l);
        }
        xTitle.getStyleClass().add("tick");
        xTitle.setManaged(false);
        getChildren().addAll(grid);
        getChildren().addAll(ticks);
        getChildren().addAll(xTitle, vertical, horizontal, dotV, dotH);
        setPrefSize(400, 210);
        setMinSize(240, 140);
    }

    public Label axisTitle() { return xTitle; }

    public void setCurve(InvarianceCurve c) {
        this.curve = c;
        requestLayout();
    }

    public InvarianceCurve curve() { return curve; }

    @Override protected void layoutChildren() {
        double w = getWidth() - LEFT - RIGHT, h = getHeight() - TOP - BOTTOM;
        int max = curve == null ? InputShift.MAX_SHIFT : curve.max();
        // axes, then horizontal grid at p = 0.5 and 1, vertical grid at -4, 0, +4 and the ends
        set(grid.get(0), LEFT, TOP + h, LEFT + w, TOP + h);
        set(grid.get(1), LEFT, TOP, LEFT, TOP + h);
        set(grid.get(2), LEFT, TOP + h / 2, LEFT + w, TOP + h / 2);
        set(grid.get(3), LEFT, TOP, LEFT + w, TOP);
        double[] xs = {-max / 2.0, 0, max / 2.0, max};
        for (int i = 0; i < 4; i++) set(grid.get(4 + i), x(xs[i], max, w), TOP, x(xs[i], max, w), TOP + h);
        place(ticks.get(0), LEFT - 6, TOP + h, 1, 0.5);
        place(ticks.get(1), LEFT - 6, TOP + h / 2, 1, 0.5);
        place(ticks.get(2), LEFT - 6, TOP, 1, 0.5);
        int[] xv = {-max, -max / 2, 0, max / 2, max};
        for (int i = 0; i < 5; i++) {
            ticks.get(3 + i).setText(xv[i] > 0 ? "+" + xv[i] : Integer.toString(xv[i]));
            place(ticks.get(3 + i), x(xv[i], max, w), TOP + h + 2, 0.5, 0);
        }
        xTitle.autosize();
        place(xTitle, LEFT + w / 2, TOP + h + 20, 0.5, 0);
        if (curve == null) {
            horizontal.getPoints().clear();
            vertical.getPoints().clear();
            dotH.setVisible(false);
            dotV.setVisible(false);
            return;
        }
        points(horizontal, curve.horizontal(), max, w, h);
        points(vertical, curve.vertical(), max, w, h);
        dotH.setVisible(true);
        dotV.setVisible(true);
        dotH.setCenterX(x(curve.at().dx(), max, w));
        dotH.setCenterY(y(curve.horizontal()[curve.at().dx() + max], h));
        dotV.setCenterX(x(curve.at().dy(), max, w));
        dotV.setCenterY(y(curve.vertical()[curve.at().dy() + max], h));
    }

    private void points(Polyline line, float[] p, int max, double w, double h) {
        List<Double> pts = new ArrayList<>(2 * p.length);
        for (int i = 0; i < p.length; i++) {
            pts.add(x(i - max, max, w));
            pts.add(y(p[i], h));
        }
        line.getPoints().setAll(pts);
    }

    private static double x(double shift, int max, double w) { return LEFT + (shift + max) / (2.0 * max) * w; }
    private static double y(double p, double h) { return TOP + (1 - Math.clamp(p, 0, 1)) * h; }

    private static void set(Line l, double x0, double y0, double x1, double y1) {
        l.setStartX(x0); l.setStartY(y0); l.setEndX(x1); l.setEndY(y1);
    }

    /** Places a label with its anchor point (ax, ay in 0..1 of its size) at (x, y). */
    private static void place(Label l, double x, double y, double ax, double ay) {
        l.autosize();
        l.relocate(x - ax * l.getWidth(), y - ay * l.getHeight());
    }

    static String percent(float p) { return String.format(Locale.ROOT, "%.1f %%", 100 * p); }
}
