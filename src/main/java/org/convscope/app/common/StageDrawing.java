package org.convscope.app.common;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Drawing pieces shared by the canvas painters of the sweep views: feature maps as cells, cells with large
 * numbers, text fitted to a box, and the number format used everywhere on a stage.
 */
public final class StageDrawing {
    private StageDrawing() {}

    private static final Text MEASURE = new Text();

    /** Width of s in font f, in pixels. */
    public static double width(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** The largest size ≤ max at which s fits into maxWidth in family (bold or not). */
    public static double fit(String s, StagePalette p, boolean bold, double maxWidth, double max) {
        double size = Math.max(6, max);
        double w = width(s, bold ? p.bold(size) : p.font(size));
        if (w > maxWidth && w > 0) size = Math.max(6, size * maxWidth / w);
        return Math.floor(size);
    }

    /**
     * A value with a fixed number of decimals and a real minus sign (U+2212, easier to read at a distance);
     * values that round to zero show as 0 without a sign.
     */
    public static String format(float v, int decimals) {
        if (Float.isNaN(v)) return "\u2013";
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.startsWith("-")) {
            if (s.matches("-0\\.?0*")) return s.substring(1);
            return "\u2212" + s.substring(1);
        }
        return s;
    }

    /** A signed value with an explicit plus: "+0.12", "−0.12". */
    public static String signed(float v, int decimals) {
        String s = format(v, decimals);
        return s.startsWith("\u2212") || s.matches("0\\.?0*") ? s : "+" + s;
    }

    /** Black or white, whichever reads better on the given background. */
    public static Color textOn(Color bg) {
        double lum = 0.2126 * bg.getRed() + 0.7152 * bg.getGreen() + 0.0722 * bg.getBlue();
        return lum > 0.55 ? Color.web("#111111") : Color.WHITE;
    }

    /**
     * Draws an h×w map as cells of side `cell` with its top-left corner at (x, y). Only the first `count` values
     * (row-major) are drawn; the others are left to the caller's background (a map being filled).
     */
    public static void map(GraphicsContext g, float[] values, int offset, int h, int w, ColorMap cmap, float scale,
                           double x, double y, double cell, int count) {
        for (int i = 0; i < Math.min(count, h * w); i++) {
            int r = i / w, c = i % w;
            g.setFill(cmap.color(values[offset + i], scale));
            // overlap by a fraction of a pixel so that no seams show between cells
            g.fillRect(x + c * cell, y + r * cell, cell + 0.6, cell + 0.6);
        }
    }

    /** A cell with a number centred in it: background fill, thin border, text in a colour that contrasts. */
    public static void numberCell(GraphicsContext g, String text, double x, double y, double size, Color fill,
                                  Color border, Font font) {
        if (fill != null) {
            g.setFill(fill);
            g.fillRect(x, y, size, size);
        }
        g.setStroke(border);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
        if (text != null && !text.isEmpty()) {
            g.setFill(fill == null ? border : textOn(fill));
            centred(g, text, x + size / 2, y + size / 2, font);
        }
    }

    /** Text centred on (cx, cy). */
    public static void centred(GraphicsContext g, String text, double cx, double cy, Font font) {
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, cx, cy);
    }

    /** Text with its left edge at x and its vertical centre at cy. */
    public static void left(GraphicsContext g, String text, double x, double cy, Font font) {
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, cy);
    }

    /** A colour with another opacity. */
    public static Color alpha(Color c, double a) { return new Color(c.getRed(), c.getGreen(), c.getBlue(), a); }

    /** s shortened with an ellipsis so that it fits maxWidth in font f. */
    public static String ellipsize(String s, Font f, double maxWidth) {
        if (width(s, f) <= maxWidth) return s;
        String t = s;
        while (t.length() > 1 && width(t + "\u2026", f) > maxWidth) t = t.substring(0, t.length() - 1);
        return t + "\u2026";
    }

    /**
     * One line of a {@link #textColumn}: relative size, colour, weight; `right` is an optional second column
     * (e.g. slice sums side by side), drawn from the middle of the box.
     */
    public record TextLine(String text, double scale, Color colour, boolean bold, String right) {
        public TextLine(String text, double scale, Color colour, boolean bold) { this(text, scale, colour, bold, null); }
    }

    /**
     * Lines of text filling a box from top to bottom, as large as the box height allows. A line too wide for the box
     * shrinks alone (the others keep their size). Returns the vertical centre of each line.
     */
    public static double[] textColumn(GraphicsContext g, java.util.List<TextLine> lines, javafx.geometry.Rectangle2D r,
                                      double pad, StagePalette p) {
        double total = 0;
        for (TextLine l : lines) total += l.scale();
        double base = Math.max(7, Math.min((r.getHeight() - 2 * pad) / (total * 1.28), r.getWidth() / 7));
        double used = total * base * 1.28;
        double y = r.getMinY() + Math.max(pad, (r.getHeight() - used) / 2);
        double[] centres = new double[lines.size()];
        double inner = r.getWidth() - 2 * pad;
        for (int i = 0; i < lines.size(); i++) {
            TextLine l = lines.get(i);
            double lh = base * l.scale() * 1.28;
            double colW = l.right() == null ? inner : inner / 2 - pad / 2;
            double fs = fit(l.text(), p, l.bold(), colW, base * l.scale());
            if (l.right() != null) fs = Math.min(fs, fit(l.right(), p, l.bold(), colW, base * l.scale()));
            g.setFill(l.colour());
            Font f = l.bold() ? p.bold(fs) : p.font(fs);
            left(g, l.text(), r.getMinX() + pad, y + lh / 2, f);
            if (l.right() != null) left(g, l.right(), r.getMinX() + pad + inner / 2 + pad / 2, y + lh / 2, f);
            centres[i] = y + lh / 2;
            y += lh;
        }
        return centres;
    }
}
