package org.convscope.app.common;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * A Canvas that fills its region, repaints when resized, and can use the theme's CSS looked-up colours
 * (e.g. "-color-accent-emphasis") even though a Canvas does not take part in CSS: each colour is read from a hidden
 * probe label styled with that colour. When the theme changes (light, dark, projector), the probes' colours change
 * and the canvas repaints, so a stylesheet swap is all a theme needs. The probes also carry the theme's font size,
 * so text drawn on the canvas scales with the rest of the app.
 */
public class ThemedCanvas extends Region {

    /** Draws the picture; called on the FX thread with the canvas size in pixels. */
    @FunctionalInterface
    public interface Painter { void paint(GraphicsContext g, double width, double height); }

    private final Canvas canvas = new Canvas();
    private final Map<String, Label> probes = new LinkedHashMap<>();
    private final Label fontProbe = new Label();
    private Painter painter = (g, w, h) -> {};
    private final NumberSizes numbers = new NumberSizes();

    /** The smallest size for drawn numbers, from CSS: {@code -cs-min-number-size: 18px} (projector.css); 0 by default. */
    private static final javafx.css.CssMetaData<ThemedCanvas, Number> MIN_NUMBER_SIZE = new javafx.css.CssMetaData<>(
            "-cs-min-number-size", javafx.css.converter.SizeConverter.getInstance(), 0.0) {
        @Override public boolean isSettable(ThemedCanvas c) { return !c.minNumberSize.isBound(); }
        @Override public javafx.css.StyleableProperty<Number> getStyleableProperty(ThemedCanvas c) { return c.minNumberSize; }
    };
    private static final java.util.List<javafx.css.CssMetaData<? extends javafx.css.Styleable, ?>> CSS;
    static {
        var all = new java.util.ArrayList<>(Region.getClassCssMetaData());
        all.add(MIN_NUMBER_SIZE);
        CSS = java.util.List.copyOf(all);
    }
    private final javafx.css.StyleableDoubleProperty minNumberSize =
            new javafx.css.SimpleStyleableDoubleProperty(MIN_NUMBER_SIZE, this, "minNumberSize", 0.0) {
                @Override protected void invalidated() { numbers.setMin(get()); repaint(); }
            };

    /** @param lookups the looked-up colours the painter will ask for, e.g. "-color-fg-default" */
    public ThemedCanvas(String... lookups) {
        getStyleClass().add("themed-canvas");
        canvas.setManaged(false); // the region's size drives the canvas, never the other way round
        getChildren().add(canvas);
        for (String lookup : lookups) {
            Label probe = probe();
            probe.setStyle("-fx-text-fill: " + lookup + ";");
            probe.textFillProperty().addListener((o, a, b) -> repaint());
            probes.put(lookup, probe);
        }
        fontProbe.getStyleClass().add("themed-canvas-font");
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        fontProbe.fontProperty().addListener((o, a, b) -> repaint());
        getChildren().add(fontProbe);
        setMinSize(0, 0);
    }

    private Label probe() {
        Label l = new Label();
        l.setManaged(false);
        l.setVisible(false);
        getChildren().add(l);
        return l;
    }

    public void setPainter(Painter p) { painter = p; repaint(); }

    /** The resolved colour of a looked-up colour named in the constructor (grey until CSS has been applied). */
    public Color color(String lookup) {
        Label probe = probes.get(lookup);
        if (probe == null) throw new IllegalArgumentException("colour " + lookup + " was not requested in the constructor");
        Paint p = probe.getTextFill();
        return p instanceof Color c ? c : Color.GRAY;
    }

    /** The theme's font (the one labels get), scaled: font(2) is twice the normal text size. */
    public Font font(double scale) {
        Font f = fontProbe.getFont();
        return Font.font(f.getFamily(), f.getSize() * scale);
    }

    /** Base text size in pixels, from the theme. */
    public double fontSize() { return fontProbe.getFont().getSize(); }

    /**
     * The font for numbers (values, products, sums, ticks): the theme's font at scale, but never below the theme's
     * minimum for numbers ({@link NumberSizes}); the size is remembered for {@link #smallestNumberSize()}.
     */
    public Font numberFont(double scale) {
        Font f = fontProbe.getFont();
        return Font.font(f.getFamily(), numbers.use(f.getSize() * scale));
    }

    /** The sizes of the numbers this canvas draws: the theme's minimum and the smallest of the last paint. */
    public NumberSizes numberSizes() { return numbers; }

    /** The smallest size a number was drawn at in the last paint, in px (infinity when it drew none). */
    public double smallestNumberSize() { return numbers.smallest(); }

    public static java.util.List<javafx.css.CssMetaData<? extends javafx.css.Styleable, ?>> getClassCssMetaData() { return CSS; }

    @Override public java.util.List<javafx.css.CssMetaData<? extends javafx.css.Styleable, ?>> getCssMetaData() { return CSS; }

    public Canvas canvas() { return canvas; }

    public void repaint() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        numbers.reset();
        if (w > 0 && h > 0) painter.paint(g, w, h);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
    }
}
