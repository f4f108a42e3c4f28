package org.convscope.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.convscope.app.I18n;

/**
 * The network's answer: one horizontal bar per class (softmax probability), class name on the left, percentage on
 * the right, the most probable class highlighted (style class {@code top}). Class names come from the I18n keys
 * {@code prefix + index} and follow the language switch.
 * Ids for tests: {@code #bar-N} (the row's bar), {@code #bar-value-N}, {@code #bar-name-N}.
 */
public final class ProbabilityBars extends GridPane {

    private final List<Label> names = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final List<Bar> bars = new ArrayList<>();
    private float[] probabilities = new float[0];
    private int top = -1;

    public ProbabilityBars() {
        getStyleClass().add("probability-bars");
        getStylesheets().add(ProbabilityBars.class.getResource("common.css").toExternalForm());
        var nameCol = new ColumnConstraints();
        var barCol = new ColumnConstraints();
        barCol.setHgrow(Priority.ALWAYS);
        barCol.setMinWidth(40); // a short bar still reads; a narrow side column must not be pushed wider
        var valueCol = new ColumnConstraints();
        valueCol.setMinWidth(Region.USE_PREF_SIZE);
        getColumnConstraints().setAll(nameCol, barCol, valueCol);
    }

    /** Sets the number of classes and the I18n key prefix of their names, e.g. "class.mnist." (rebuilds the rows). */
    public void setClasses(int count, String keyPrefix) {
        getChildren().clear();
        names.clear();
        values.clear();
        bars.clear();
        for (int i = 0; i < count; i++) {
            var name = new Label();
            name.textProperty().bind(I18n.bind(keyPrefix + i));
            name.getStyleClass().add("bar-name");
            name.setId("bar-name-" + i);
            name.setMinWidth(Region.USE_PREF_SIZE);
            var bar = new Bar();
            bar.setId("bar-" + i);
            var value = new Label("–");
            value.getStyleClass().add("bar-value");
            value.setId("bar-value-" + i);
            value.setAlignment(Pos.CENTER_RIGHT);
            GridPane.setMargin(bar, new Insets(2, 8, 2, 8));
            addRow(i, name, bar, value);
            names.add(name);
            values.add(value);
            bars.add(bar);
        }
        probabilities = new float[count];
        top = -1;
    }

    /** Shows these probabilities (length = classes); null clears the bars. FX thread. */
    public void setProbabilities(float[] p) {
        if (p == null) {
            for (int i = 0; i < bars.size(); i++) {
                bars.get(i).setFraction(0);
                values.get(i).setText("–");
                mark(i, false);
            }
            top = -1;
            return;
        }
        if (p.length != bars.size()) throw new IllegalArgumentException("expected " + bars.size() + " probabilities, got " + p.length);
        probabilities = p.clone();
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        for (int i = 0; i < p.length; i++) {
            bars.get(i).setFraction(p[i]);
            values.get(i).setText(percent(p[i]));
            mark(i, i == best);
        }
        top = best;
    }

    /** "98.2 %" (locale-independent digits; both languages write percentages this way). */
    public static String percent(float p) {
        return String.format(Locale.ROOT, "%.1f %%", 100f * p);
    }

    public int topClass() { return top; }

    public float[] probabilities() { return probabilities.clone(); }

    private void mark(int i, boolean isTop) {
        for (var n : List.of(names.get(i), values.get(i), bars.get(i))) {
            if (isTop) {
                if (!n.getStyleClass().contains("top")) n.getStyleClass().add("top");
            } else {
                n.getStyleClass().remove("top");
            }
        }
    }

    /** A track with a fill whose width is the probability. */
    static final class Bar extends Region {
        private final Region fill = new Region();
        private double fraction;

        Bar() {
            getStyleClass().add("bar-track");
            fill.getStyleClass().add("bar-fill");
            getChildren().add(fill);
            setMinHeight(18);
            setPrefHeight(26);
            setMaxWidth(Double.MAX_VALUE);
        }

        void setFraction(double f) {
            double v = Double.isFinite(f) ? Math.clamp(f, 0, 1) : 0;
            if (v != fraction) {
                fraction = v;
                requestLayout();
            }
        }

        double fraction() { return fraction; }

        @Override protected void layoutChildren() {
            Insets in = getInsets();
            double w = getWidth() - in.getLeft() - in.getRight(), h = getHeight() - in.getTop() - in.getBottom();
            fill.resizeRelocate(in.getLeft(), in.getTop(), Math.max(0, w * fraction), h);
        }

        @Override public String getTypeSelector() { return "Bar"; }
    }

    /** The fraction shown by row i's bar (for tests). */
    public double barFraction(int i) { return bars.get(i).fraction(); }
}
