package org.convscope.app.pooling;

import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import org.convscope.app.I18n;
import org.convscope.app.common.ColorMap;
import org.convscope.app.common.Playback;
import org.convscope.app.common.StageDrawing;
import org.convscope.app.common.StagePalette;
import org.convscope.app.common.StageDrawing.TextLine;
import org.convscope.engine.PoolKind;

import static org.convscope.app.common.StageDrawing.alpha;
import static org.convscope.app.common.StageDrawing.format;

/**
 * Paints one frame of pooling on a canvas of any size (on screen and off-screen for the GIF):
 * <pre>
 *   [feature map with the 2×2 window]   [the window's values, max or mean]   [smaller output map]
 *   shapes before → after · no parameters
 * </pre>
 * The output map is drawn with the same cell size as the input, so it is visibly half as wide and half as high.
 */
public final class PoolingPainter {

    public record Frame(PoolingWindow window, Playback.Cursor cursor, boolean receptiveField, String inputCaption,
                        String shapes) {}

    public record Layout(double captionH, Rectangle2D input, double cell, Rectangle2D values, Rectangle2D output,
                         double bottomY) {
        public static Layout of(double w, double h, PoolingWindow p) {
            double m = Math.max(6, Math.min(w, h) * 0.012);
            double captionH = Math.clamp(h * 0.05, 16, 40);
            double bottom = Math.clamp(h * 0.1, 30, 90);
            double top = m + captionH;
            double avail = h - top - bottom - m;
            // input, values panel and output in one row; the output has the input's cell size
            double cellW = (w - 6 * m) * 0.62 / (p.inputWidth() + p.outputWidth());
            double cell = Math.max(2, Math.min(avail / p.inputHeight(), cellW));
            Rectangle2D input = new Rectangle2D(m, top, p.inputWidth() * cell, p.inputHeight() * cell);
            double outW = p.outputWidth() * cell, outH = p.outputHeight() * cell;
            Rectangle2D output = new Rectangle2D(w - m - outW, top, outW, outH);
            double vx = input.getMaxX() + 3 * m;
            Rectangle2D values = new Rectangle2D(vx, top, Math.max(40, output.getMinX() - 3 * m - vx), Math.max(40, avail));
            return new Layout(captionH, input, cell, values, output, h - bottom);
        }

        public int[] outputAt(double x, double y, PoolingWindow p) {
            if (!output.contains(x, y)) return null;
            int ox = (int) ((x - output.getMinX()) / cell), oy = (int) ((y - output.getMinY()) / cell);
            return oy < p.outputHeight() && ox < p.outputWidth() ? new int[] {oy, ox} : null;
        }
    }

    private PoolingPainter() {}

    public static Layout paint(GraphicsContext g, double w, double h, Frame f, StagePalette p) {
        PoolingWindow pw = f.window();
        Layout L = Layout.of(w, h, pw);
        Playback.Cursor c = f.cursor();
        int pos = c.position(), done = c.done(), k = pw.window();
        double u = L.cell();
        Font caption = p.font(L.captionH() * 0.62);
        g.setFill(p.bg());
        g.fillRect(0, 0, w, h);

        // ---- input map ----
        Rectangle2D in = L.input();
        float[] x = pw.input();
        ColorMap inMap = min(x) < 0 ? ColorMap.SIGNED : ColorMap.GRAY;
        float scale = inMap.scaleOf(x, 0, x.length);
        // input and output share one scale so that a pooled pixel is as bright as the value it came from
        float outScale = Math.max(scale, inMap.scaleOf(pw.outputMap(), 0, pw.positions()));
        g.setFill(p.fg());
        StageDrawing.left(g, StageDrawing.ellipsize(f.inputCaption(), caption, L.values().getMaxX() - in.getMinX()), in.getMinX(),
                in.getMinY() - L.captionH() * 0.5, caption);
        StageDrawing.map(g, x, 0, pw.inputHeight(), pw.inputWidth(), inMap, outScale, in.getMinX(), in.getMinY(), u, x.length);
        g.setStroke(alpha(p.border(), 0.5));
        g.setLineWidth(1);
        for (int gy = 0; gy <= pw.outputHeight(); gy++) { // the window grid: every stride-th line
            double yy = in.getMinY() + gy * pw.stride() * u;
            if (yy <= in.getMaxY()) g.strokeLine(in.getMinX(), yy, in.getMaxX(), yy);
        }
        for (int gx = 0; gx <= pw.outputWidth(); gx++) {
            double xx = in.getMinX() + gx * pw.stride() * u;
            if (xx <= in.getMaxX()) g.strokeLine(xx, in.getMinY(), xx, in.getMaxY());
        }
        g.setStroke(p.border());
        g.strokeRect(in.getMinX(), in.getMinY(), in.getWidth(), in.getHeight());
        double wx = in.getMinX() + pw.windowLeft(pos) * u, wy = in.getMinY() + pw.windowTop(pos) * u, ws = k * u;
        int winner = pw.kind() == PoolKind.MAX ? pw.winner(pos, done) : -1;
        if (f.receptiveField()) {
            g.setFill(alpha(p.accent(), 0.3));
            g.fillRect(wx, wy, ws, ws);
        }
        if (winner >= 0) {
            g.setStroke(p.success());
            g.setLineWidth(Math.max(2, u * 0.2));
            g.strokeRect(wx + winner % k * u, wy + winner / k * u, u, u);
        }
        g.setStroke(p.accent());
        g.setLineWidth(Math.max(2.5, u * 0.16));
        g.strokeRect(wx, wy, ws, ws);

        // ---- output map ----
        Rectangle2D out = L.output();
        float[] y = pw.outputMap();
        g.setFill(p.fg());
        StageDrawing.left(g, StageDrawing.ellipsize(I18n.get("pooling.caption.output", pw.outputHeight(), pw.outputWidth()), caption,
                w - out.getMinX()), out.getMinX(), out.getMinY() - L.captionH() * 0.5, caption);
        g.setFill(p.subtle());
        g.fillRect(out.getMinX(), out.getMinY(), out.getWidth(), out.getHeight());
        StageDrawing.map(g, y, 0, pw.outputHeight(), pw.outputWidth(), inMap, outScale, out.getMinX(), out.getMinY(), u, c.filled());
        g.setStroke(p.border());
        g.setLineWidth(1);
        g.strokeRect(out.getMinX(), out.getMinY(), out.getWidth(), out.getHeight());
        double ox = out.getMinX() + pw.outX(pos) * u, oy = out.getMinY() + pw.outY(pos) * u;
        g.setStroke(c.complete() ? p.accent() : p.highlight());
        g.setLineWidth(Math.max(2.5, u * 0.2));
        g.strokeRect(ox, oy, u, u);
        if (f.receptiveField()) {
            g.setStroke(alpha(p.accent(), 0.6));
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeLine(ox, oy, wx + ws, wy);
            g.strokeLine(ox, oy + u, wx + ws, wy + ws);
            g.setLineDashes();
        }

        paintValues(g, L, f, p, pw, pos, done, inMap, outScale, winner);

        // ---- shapes and "no parameters" ----
        String bottomText = f.shapes() + "    \u00b7    " + I18n.get("pooling.stage.noParameters");
        double fs = StageDrawing.fit(bottomText, p, true, w - 2 * in.getMinX(), (h - L.bottomY()) * 0.42);
        g.setFill(p.fg());
        StageDrawing.left(g, bottomText, in.getMinX(), L.bottomY() + (h - L.bottomY()) / 2, p.bold(fs));
        return L;
    }

    /** The window's values as big numbers, the winner (max) or the mean (average), and the result. */
    private static void paintValues(GraphicsContext g, Layout L, Frame f, StagePalette p, PoolingWindow pw, int pos,
                                    int done, ColorMap map, float scale, int winner) {
        Rectangle2D r = L.values();
        Playback.Cursor c = f.cursor();
        int k = pw.window();
        g.setFill(p.subtle());
        g.fillRoundRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight(), 12, 12);
        g.setStroke(p.border());
        g.setLineWidth(1);
        g.strokeRoundRect(r.getMinX() + 0.5, r.getMinY() + 0.5, r.getWidth() - 1, r.getHeight() - 1, 12, 12);
        double pad = Math.max(8, r.getWidth() * 0.05);
        double capH = L.captionH();
        Font caption = p.font(capH * 0.62);
        g.setFill(p.muted());
        String title = I18n.get(pw.kind() == PoolKind.MAX ? "pooling.stage.windowMax" : "pooling.stage.windowAvg", k, k);
        StageDrawing.left(g, StageDrawing.ellipsize(title, caption, r.getWidth() - 2 * pad), r.getMinX() + pad, r.getMinY() + pad + capH / 2, caption);

        double gridTop = r.getMinY() + pad + capH * 1.2;
        double cell = Math.min((r.getWidth() - 2 * pad) / k, (r.getHeight() - (gridTop - r.getMinY()) - pad) * 0.6 / k);
        cell = Math.floor(Math.min(cell, 150));
        double gx = r.getMinX() + (r.getWidth() - k * cell) / 2;
        Font num = p.numberBold(StageDrawing.fit("0.000", p, true, cell * 0.86, cell * 0.34));
        for (int t = 0; t < k * k; t++) {
            double cx = gx + t % k * cell, cy = gridTop + t / k * cell;
            boolean seen = t < done;
            float v = pw.valueAt(pos, t);
            StageDrawing.numberCell(g, seen ? format(v, 3) : "", cx, cy, cell, seen ? map.color(v, scale) : p.bg(), p.border(), num);
            if (t == winner) {
                g.setStroke(p.success());
                g.setLineWidth(Math.max(4, cell * 0.07));
                g.strokeRect(cx + 2, cy + 2, cell - 4, cell - 4);
            } else if (t == done - 1 && !c.complete()) {
                g.setStroke(p.highlight());
                g.setLineWidth(Math.max(3, cell * 0.05));
                g.strokeRect(cx + 2, cy + 2, cell - 4, cell - 4);
            }
        }
        g.setStroke(p.accent());
        g.setLineWidth(Math.max(2.5, cell * 0.04));
        g.strokeRect(gx, gridTop, k * cell, k * cell);

        // the result lines
        var lines = new java.util.ArrayList<TextLine>();
        if (pw.kind() == PoolKind.MAX) {
            if (done == 0) lines.add(new TextLine(I18n.get("pooling.stage.maxNone"), 0.8, p.muted(), false));
            else if (!c.complete()) lines.add(new TextLine(I18n.get("pooling.stage.maxSoFar", done, pw.terms(), format(pw.runningMax(pos, done), 3)), 0.85, p.highlight(), true));
            else lines.add(new TextLine(I18n.get("pooling.stage.maxWins"), 0.8, p.success(), false));
        } else {
            StringBuilder sum = new StringBuilder("(");
            for (int t = 0; t < pw.terms(); t++) {
                if (t > 0) sum.append(" + ");
                sum.append(t < done ? format(pw.valueAt(pos, t), 2) : "\u2026");
            }
            sum.append(") / ").append(pw.terms());
            lines.add(new TextLine(sum.toString(), 0.75, p.fg(), false));
            if (!c.complete()) lines.add(new TextLine(I18n.get("pooling.stage.sumSoFar", done, pw.terms(), format(pw.runningSum(pos, done), 3)), 0.8, p.highlight(), true));
        }
        int valueLine = lines.size();
        lines.add(new TextLine(c.complete() ? "= " + format(pw.output(pos), 3) : "= ?", 1.6, c.complete() ? p.accent() : p.muted(), true));
        lines.add(new TextLine(I18n.get("pooling.stage.at", pw.outY(pos) + 1, pw.outX(pos) + 1), 0.65, p.muted(), false));
        double top = gridTop + k * cell + pad * 0.5;
        Rectangle2D box = new Rectangle2D(r.getMinX(), top, r.getWidth(), Math.max(20, r.getMaxY() - top));
        double valueY = StageDrawing.textColumn(g, lines, box, pad, p)[valueLine];
        Rectangle2D out = L.output();
        double px = out.getMinX() + pw.outX(pos) * L.cell(), py = out.getMinY() + pw.outY(pos) * L.cell() + L.cell() / 2;
        g.setStroke(alpha(c.complete() ? p.accent() : p.muted(), 0.7));
        g.setLineWidth(2);
        g.strokeLine(r.getMaxX(), valueY, px, py);
        // window -> values
        Rectangle2D in = L.input();
        double wx = in.getMinX() + (pw.windowLeft(pos) + k) * L.cell(), wy = in.getMinY() + pw.windowTop(pos) * L.cell();
        g.setStroke(alpha(p.accent(), 0.45));
        g.setLineWidth(1.5);
        g.strokeLine(wx, wy, gx, gridTop);
        g.strokeLine(wx, wy + k * L.cell(), gx, gridTop + k * cell);
    }

    private static float min(float[] a) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : a) m = Math.min(m, v);
        return m;
    }
}
