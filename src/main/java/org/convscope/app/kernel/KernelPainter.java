package org.convscope.app.kernel;

import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import org.convscope.app.I18n;
import org.convscope.app.common.ColorMap;
import org.convscope.app.common.Playback;
import org.convscope.app.common.StageDrawing;
import org.convscope.app.common.StagePalette;
import org.convscope.app.common.StageDrawing.TextLine;

import static org.convscope.app.common.StageDrawing.alpha;
import static org.convscope.app.common.StageDrawing.format;

/**
 * Paints one frame of the kernel sweep on a canvas of any size (the on-screen stage and the off-screen GIF frames
 * use the same code). Two rows:
 * <pre>
 *   [input with padding and the window]   [sum of the products + bias]   [feature map being built]
 *            [patch]        ×        [kernel]        =        [products]
 * </pre>
 * Lines lead the eye around: window → patch, products → sum, sum → output pixel. All sizes follow from the canvas
 * size, so the numbers are as large as the space allows (about 30 px on a 1920×1080 projector for a 5×5 kernel).
 */
public final class KernelPainter {

    /** What one frame shows. template: {y0, x0, k} of the template square on the input, or null. */
    public record Frame(KernelSweep sweep, Playback.Cursor cursor, int slice, boolean receptiveField,
                        boolean signedColours, int[] template, String inputCaption, String outputCaption) {}

    /** Where everything is, for painting and for hit tests (clicks on the output, drags on the input). */
    public record Layout(double captionH, Rectangle2D input, double inputCell, Rectangle2D sum, Rectangle2D output,
                         double outputCell, double gridX, double gridY, double cell, double opW) {

        public static Layout of(double w, double h, KernelSweep s) {
            double m = Math.max(6, Math.min(w, h) * 0.012);
            double captionH = Math.clamp(h * 0.05, 16, 40);
            int k = s.kernelSize();
            double opW = Math.clamp(w * 0.04, 22, 70);
            double cell = Math.min(Math.min(130, (w - 2 * opW - 2 * m) / (3 * k)), (h * 0.5 - captionH - m) / k);
            cell = Math.max(8, Math.floor(cell));
            double gridW = 3 * k * cell + 2 * opW;
            double gridY = h - m - k * cell;
            double topH = gridY - captionH - m - Math.max(14, h * 0.045); // the gap between the rows carries the lines
            double side = Math.max(40, Math.min(topH, (w - 4 * m) * 0.29));
            double top = m + captionH;
            int ph = s.inputHeight() + 2 * s.padding(), pw = s.inputWidth() + 2 * s.padding();
            double inCell = side / Math.max(ph, pw);
            Rectangle2D input = new Rectangle2D(m, top, pw * inCell, ph * inCell);
            double outCell = side / Math.max(s.outputHeight(), s.outputWidth());
            Rectangle2D output = new Rectangle2D(w - m - s.outputWidth() * outCell, top, s.outputWidth() * outCell,
                    s.outputHeight() * outCell);
            double sumX = input.getMaxX() + 2 * m, sumW = Math.max(20, output.getMinX() - 2 * m - sumX);
            Rectangle2D sum = new Rectangle2D(sumX, top, sumW, side);
            return new Layout(captionH, input, inCell, sum, output, outCell, (w - gridW) / 2, gridY, cell, opW);
        }

        /** The output pixel {oy, ox} under (x, y), or null. */
        public int[] outputAt(double x, double y, KernelSweep s) {
            if (!output.contains(x, y)) return null;
            int ox = (int) ((x - output.getMinX()) / outputCell), oy = (int) ((y - output.getMinY()) / outputCell);
            return oy < s.outputHeight() && ox < s.outputWidth() ? new int[] {oy, ox} : null;
        }

        /** The input pixel {y, x} (image coordinates, padding excluded, clamped) under (x, y), or null. */
        public int[] inputAt(double x, double y, KernelSweep s) {
            if (!input.contains(x, y)) return null;
            int ix = (int) ((x - input.getMinX()) / inputCell) - s.padding(), iy = (int) ((y - input.getMinY()) / inputCell) - s.padding();
            return new int[] {Math.clamp(iy, 0, s.inputHeight() - 1), Math.clamp(ix, 0, s.inputWidth() - 1)};
        }
    }

    private KernelPainter() {}

    public static Layout paint(GraphicsContext g, double w, double h, Frame f, StagePalette p) {
        KernelSweep s = f.sweep();
        Layout L = Layout.of(w, h, s);
        Playback.Cursor c = f.cursor();
        int pos = c.position(), done = c.done(), k = s.kernelSize();
        int slice = Math.clamp(f.slice(), 0, s.channels() - 1);
        int term = done > 0 && !c.complete() ? done - 1 : -1; // the multiply-add just done, highlighted
        int termSlice = term >= 0 ? s.termChannel(term) : -1;
        Font caption = p.font(L.captionH() * 0.62);

        g.setFill(p.bg());
        g.fillRect(0, 0, w, h);
        g.setLineCap(StrokeLineCap.BUTT);

        // ---- input map with padding, window, template, current term ----
        Rectangle2D in = L.input();
        double u = L.inputCell();
        int H = s.inputHeight(), W = s.inputWidth(), pad = s.padding();
        float[] x = s.input();
        int off = slice * H * W;
        ColorMap inMap = minOf(x, off, H * W) < 0 ? ColorMap.SIGNED : ColorMap.GRAY;
        float inScale = inMap.scaleOf(x, off, H * W);
        g.setFill(p.fg());
        String inCap = f.inputCaption() + (s.channels() > 1 ? "  \u00b7  " + I18n.get("kernel.stage.channel", slice + 1, s.channels()) : "");
        StageDrawing.left(g, StageDrawing.ellipsize(inCap, caption, L.output().getMinX() - in.getMinX() - 12), in.getMinX(), in.getMinY() - L.captionH() * 0.5, caption);
        if (pad > 0) { // the zero border: drawn as empty cells so that it reads as "not part of the image"
            g.setFill(p.subtle());
            g.fillRect(in.getMinX(), in.getMinY(), in.getWidth(), in.getHeight());
            g.setStroke(alpha(p.border(), 0.9));
            g.setLineWidth(1);
            g.setLineDashes(3, 3);
            g.strokeRect(in.getMinX() + 0.5, in.getMinY() + 0.5, in.getWidth() - 1, in.getHeight() - 1);
            g.setLineDashes();
        }
        StageDrawing.map(g, x, off, H, W, inMap, inScale, in.getMinX() + pad * u, in.getMinY() + pad * u, u, H * W);
        g.setStroke(p.border());
        g.setLineWidth(1);
        g.strokeRect(in.getMinX() + pad * u, in.getMinY() + pad * u, W * u, H * u);

        double wx = in.getMinX() + (s.windowLeft(pos) + pad) * u, wy = in.getMinY() + (s.windowTop(pos) + pad) * u;
        double ws = k * u;
        if (f.template() != null) {
            int[] t = f.template();
            g.setStroke(p.success());
            g.setLineWidth(Math.max(2, u * 0.25));
            g.setLineDashes(Math.max(4, u * 0.6), Math.max(3, u * 0.4));
            g.strokeRect(in.getMinX() + (t[1] + pad) * u, in.getMinY() + (t[0] + pad) * u, t[2] * u, t[2] * u);
            g.setLineDashes();
        }
        if (f.receptiveField()) {
            g.setFill(alpha(p.accent(), 0.28));
            g.fillRect(wx, wy, ws, ws);
        }
        if (term >= 0 && termSlice == slice) {
            g.setStroke(p.highlight());
            g.setLineWidth(Math.max(2, u * 0.22));
            g.strokeRect(wx + s.termCol(term) * u, wy + s.termRow(term) * u, u, u);
        }
        g.setStroke(p.accent());
        g.setLineWidth(Math.max(2.5, u * 0.28));
        g.strokeRect(wx, wy, ws, ws);

        // ---- output map being filled ----
        Rectangle2D out = L.output();
        double v = L.outputCell();
        float[] y = s.outputMap();
        OutputColours colours = OutputColours.of(y, f.signedColours());
        ColorMap outMap = colours.map();
        float outScale = colours.scale();
        g.setFill(p.fg());
        String outCap = f.outputCaption() + I18n.get(f.signedColours() ? "kernel.stage.bySign" : "kernel.stage.brighter");
        if (StageDrawing.width(outCap, caption) > w - out.getMinX()) outCap = StageDrawing.ellipsize(f.outputCaption(), caption, w - out.getMinX());
        StageDrawing.left(g, outCap, out.getMinX(), out.getMinY() - L.captionH() * 0.5, caption);
        legend(g, out, L.captionH(), colours, p);
        g.setFill(p.subtle());
        g.fillRect(out.getMinX(), out.getMinY(), out.getWidth(), out.getHeight());
        StageDrawing.map(g, colours.shifted(y), 0, s.outputHeight(), s.outputWidth(), outMap, outScale, out.getMinX(), out.getMinY(), v, c.filled());
        g.setStroke(p.border());
        g.setLineWidth(1);
        g.strokeRect(out.getMinX(), out.getMinY(), out.getWidth(), out.getHeight());
        double ox = out.getMinX() + s.outX(pos) * v, oy = out.getMinY() + s.outY(pos) * v;
        g.setStroke(c.complete() ? p.accent() : p.highlight());
        g.setLineWidth(Math.max(2.5, v * 0.3));
        if (!c.complete()) g.setLineDashes(Math.max(3, v * 0.3), Math.max(2, v * 0.2));
        g.strokeRect(ox, oy, v, v);
        g.setLineDashes();

        if (f.receptiveField()) { // lines from the output pixel back to the window it saw
            g.setStroke(alpha(p.accent(), 0.6));
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeLine(ox, oy, wx + ws, wy);
            g.strokeLine(ox, oy + v, wx + ws, wy + ws);
            g.setLineDashes();
        }

        // ---- patch × kernel = products ----
        double cell = L.cell(), gy = L.gridY();
        double gx0 = L.gridX(), gx1 = gx0 + k * cell + L.opW(), gx2 = gx1 + k * cell + L.opW();
        int decimals = cell >= 95 ? 3 : 2;
        float kScale = ColorMap.SIGNED.scaleOf(s.kernel(), 0, s.channels() * k * k);
        float pScale = 1e-6f;
        for (int cc = 0; cc < s.channels(); cc++)
            for (int ky = 0; ky < k; ky++) for (int kx = 0; kx < k; kx++) pScale = Math.max(pScale, Math.abs(s.productAt(pos, cc, ky, kx)));
        String widest = "\u22120." + "0".repeat(decimals);
        Font num = p.numberBold(StageDrawing.fit(widest, p, true, cell * 0.88, cell * 0.36));
        String sliceNote = s.channels() > 1 ? "  \u00b7  " + I18n.get("kernel.stage.slice", slice + 1, s.channels()) : "";
        g.setFill(p.fg());
        double capY = gy - L.captionH() * 0.45;
        StageDrawing.left(g, StageDrawing.ellipsize(I18n.get("kernel.stage.patch"), caption, k * cell + L.opW()), gx0, capY, caption);
        StageDrawing.left(g, StageDrawing.ellipsize(I18n.get("kernel.stage.kernel") + sliceNote, caption, k * cell + L.opW()), gx1, capY, caption);
        StageDrawing.left(g, StageDrawing.ellipsize(I18n.get("kernel.stage.products"), caption, k * cell + L.opW()), gx2, capY, caption);
        int sliceFrom = slice * k * k;
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                int t = sliceFrom + ky * k + kx;
                boolean padded = s.inPadding(pos, ky, kx);
                float pv = s.patchAt(pos, slice, ky, kx), kv = s.kernelAt(slice, ky, kx), prod = pv * kv;
                double cx = kx * cell, cy = gy + ky * cell;
                StageDrawing.numberCell(g, padded ? "0" : format(pv, decimals), gx0 + cx, cy, cell,
                        padded ? p.subtle() : inMap.color(pv, inScale), p.border(), padded ? p.number(num.getSize()) : num);
                StageDrawing.numberCell(g, format(kv, decimals), gx1 + cx, cy, cell, ColorMap.SIGNED.color(kv, kScale), p.border(), num);
                boolean computed = t < done;
                StageDrawing.numberCell(g, computed ? format(prod, decimals) : "", gx2 + cx, cy, cell,
                        computed ? ColorMap.SIGNED.color(prod, pScale) : p.subtle(), p.border(), num);
                if (t == term) {
                    g.setStroke(p.highlight());
                    g.setLineWidth(Math.max(3, cell * 0.07));
                    for (double gx : new double[] {gx0, gx1, gx2}) g.strokeRect(gx + cx + 1.5, cy + 1.5, cell - 3, cell - 3);
                }
            }
        }
        g.setStroke(p.accent());
        g.setLineWidth(Math.max(2.5, cell * 0.05));
        g.strokeRect(gx0, gy, k * cell, k * cell);
        Font op = p.bold(Math.min(L.opW() * 0.9, cell * 0.9));
        g.setFill(p.fg());
        StageDrawing.centred(g, "\u00d7", gx0 + k * cell + L.opW() / 2, gy + k * cell / 2, op);
        StageDrawing.centred(g, "=", gx1 + k * cell + L.opW() / 2, gy + k * cell / 2, op);

        // connectors: window -> patch, products -> sum
        g.setStroke(alpha(p.accent(), 0.4));
        g.setLineWidth(1.5);
        g.strokeLine(wx, wy + ws, gx0, gy - L.captionH() * 0.9);
        g.strokeLine(wx + ws, wy + ws, gx0 + k * cell, gy - L.captionH() * 0.9);

        paintSum(g, L, f, p, s, pos, done, slice, term);
        return L;
    }

    /** The running sum panel: each slice's partial sum (several input channels), Σ, + bias, = the output value. */
    private static void paintSum(GraphicsContext g, Layout L, Frame f, StagePalette p, KernelSweep s, int pos, int done,
                                 int slice, int term) {
        Rectangle2D r = L.sum();
        Playback.Cursor c = f.cursor();
        int C = s.channels(), kk = s.kernelSize() * s.kernelSize();
        g.setFill(p.subtle());
        g.fillRoundRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight(), 12, 12);
        g.setStroke(p.border());
        g.setLineWidth(1);
        g.strokeRoundRect(r.getMinX() + 0.5, r.getMinY() + 0.5, r.getWidth() - 1, r.getHeight() - 1, 12, 12);

        var lines = new java.util.ArrayList<TextLine>();
        lines.add(new TextLine(I18n.get(C > 1 ? "kernel.stage.sliceSums" : "kernel.stage.sum"), 0.75, p.muted(), false));
        float sum = s.runningSum(pos, done);
        if (C > 1) { // slices in two columns: six slices take three lines
            for (int cc = 0; cc < C; cc += 2) {
                String left = sliceText(s, pos, done, cc);
                String right = cc + 1 < C ? sliceText(s, pos, done, cc + 1) : null;
                boolean current = slice == cc || slice == cc + 1;
                lines.add(new TextLine(left, 0.85, current ? p.accent() : p.fg(), current, right));
            }
        }
        String sigma = done == s.terms() ? I18n.get("kernel.stage.sigma", format(sum, 3))
                : I18n.get("kernel.stage.sigmaPartial", done, s.terms(), format(sum, 3));
        lines.add(new TextLine(sigma, 1, p.fg(), false));
        lines.add(new TextLine(I18n.get("kernel.stage.bias", format(s.bias(), 3)), 1, p.fg(), false));
        int valueLine = lines.size();
        lines.add(new TextLine(c.complete() ? "= " + format(s.output(pos), 3) : "= ?", 1.7, c.complete() ? p.accent() : p.muted(), true));
        if (term >= 0) {
            int cc = s.termChannel(term), ky = s.termRow(term), kx = s.termCol(term);
            lines.add(new TextLine(format(s.patchAt(pos, cc, ky, kx), 3) + " \u00d7 " + format(s.kernelAt(cc, ky, kx), 3)
                    + " = " + format(s.productAt(pos, cc, ky, kx), 3), 0.85, p.highlight(), true));
        }
        lines.add(new TextLine(I18n.get("kernel.stage.at", s.outY(pos) + 1, s.outX(pos) + 1), 0.7, p.muted(), false));
        double pad = Math.max(8, r.getWidth() * 0.05);
        double valueY = StageDrawing.textColumn(g, lines, r, pad, p)[valueLine];
        // sum -> output pixel
        Rectangle2D out = L.output();
        double v = L.outputCell();
        double px = out.getMinX() + s.outX(pos) * v, py = out.getMinY() + s.outY(pos) * v + v / 2;
        g.setStroke(alpha(c.complete() ? p.accent() : p.muted(), 0.7));
        g.setLineWidth(2);
        g.strokeLine(r.getMaxX(), valueY, px, py);
    }

    /** "slice 3:  +0.532", "slice 4:  +0.1 …" (partly added), "slice 5:  …" (not started). */
    private static String sliceText(KernelSweep s, int pos, int done, int c) {
        int kk = s.kernelSize() * s.kernelSize();
        int started = Math.clamp(done - c * kk, 0, kk);
        String val = started == 0 ? "\u2026" : StageDrawing.signed(s.sliceSum(pos, c, done), 3) + (started < kk ? " \u2026" : "");
        return I18n.get("kernel.stage.sliceSum", c + 1, val);
    }

    /** A colour ramp under the output map from its lowest to its highest value (blue to red by sign). */
    private static void legend(GraphicsContext g, Rectangle2D out, double captionH, OutputColours colours, StagePalette p) {
        double y = out.getMaxY() + captionH * 0.2, hh = captionH * 0.42;
        Font f = p.number(captionH * 0.5);
        ColorMap map = colours.map();
        float scale = colours.scale();
        String lo = format(colours.low(), 2), hi = format(colours.high(), 2);
        double x = out.getMinX();
        double rampW = Math.max(20, out.getWidth() - StageDrawing.width(lo, f) - StageDrawing.width(hi, f) - 12);
        g.setFill(p.muted());
        StageDrawing.left(g, lo, x, y + hh / 2, f);
        x += StageDrawing.width(lo, f) + 6;
        int steps = 32;
        for (int i = 0; i < steps; i++) {
            float v = colours.low() + (colours.high() - colours.low()) * i / (steps - 1f);
            g.setFill(map.color(colours.shift(v), scale));
            g.fillRect(x + rampW * i / steps, y, rampW / steps + 0.6, hh);
        }
        g.setStroke(p.border());
        g.setLineWidth(1);
        g.strokeRect(x, y, rampW, hh);
        g.setFill(p.muted());
        StageDrawing.left(g, hi, x + rampW + 6, y + hh / 2, f);
    }

    private static float minOf(float[] a, int off, int n) {
        float m = Float.POSITIVE_INFINITY;
        for (int i = off; i < off + n; i++) m = Math.min(m, a[i]);
        return m;
    }
}
