package org.convscope.app.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * Simple pen strokes for the digits 0-9 on the {@link Drawing#SIZE} pad, the way a person draws them with a mouse:
 * one or two strokes each, about 330 pad pixels tall. Each stroke is a polyline; {@link #dense} adds points every few
 * pixels, as a real mouse reports them.
 */
final class DigitStrokes {
    private DigitStrokes() {}

    static List<double[][]> of(int digit) {
        return switch (digit) {
            case 0 -> List.<double[][]>of(ellipse(224, 226, 92, 160, 40));
            case 1 -> List.<double[][]>of(pts(190, 110, 236, 60, 236, 392));
            case 2 -> List.<double[][]>of(pts(140, 140, 160, 95, 200, 65, 250, 65, 295, 95, 310, 140, 295, 190, 250, 250, 190, 320,
                    140, 390, 230, 390, 322, 390));
            case 3 -> List.<double[][]>of(pts(140, 100, 190, 65, 260, 70, 300, 110, 290, 170, 230, 215, 290, 255, 310, 310, 280, 370,
                    210, 395, 140, 370));
            case 4 -> List.<double[][]>of(pts(210, 60, 140, 270, 330, 270), pts(280, 140, 280, 396));
            case 5 -> List.<double[][]>of(pts(300, 65, 170, 65, 155, 205, 210, 180, 270, 190, 305, 240, 305, 310, 270, 370, 200, 395,
                    140, 375));
            case 6 -> List.<double[][]>of(pts(290, 65, 230, 90, 180, 150, 150, 230, 150, 310, 180, 370, 230, 395, 280, 370, 305, 310,
                    285, 255, 230, 235, 175, 260, 155, 300));
            case 7 -> List.<double[][]>of(pts(135, 70, 320, 70, 265, 190, 225, 290, 205, 395));
            case 8 -> List.<double[][]>of(pts(224, 225, 170, 185, 160, 120, 190, 70, 260, 70, 290, 120, 280, 185, 224, 225, 160, 275,
                    150, 340, 190, 390, 260, 390, 300, 340, 290, 275, 224, 225));
            case 9 -> List.<double[][]>of(pts(300, 120, 270, 75, 210, 65, 160, 100, 160, 160, 200, 200, 260, 195, 300, 150, 300, 120,
                    295, 230, 280, 320, 262, 396));
            default -> throw new IllegalArgumentException("digit " + digit);
        };
    }

    private static double[][] pts(double... xy) {
        double[][] p = new double[xy.length / 2][];
        for (int i = 0; i < p.length; i++) p[i] = new double[] {xy[2 * i], xy[2 * i + 1]};
        return p;
    }

    private static double[][] ellipse(double cx, double cy, double rx, double ry, int n) {
        double[][] p = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            double a = -Math.PI / 2 - 2 * Math.PI * i / n; // start at the top, counter-clockwise as most people draw a 0
            p[i] = new double[] {cx + rx * Math.cos(a), cy + ry * Math.sin(a)};
        }
        return p;
    }

    /** The polyline with extra points so that no two are more than step pixels apart. */
    static double[][] dense(double[][] line, double step) {
        List<double[]> out = new ArrayList<>();
        out.add(line[0]);
        for (int i = 1; i < line.length; i++) {
            double dx = line[i][0] - line[i - 1][0], dy = line[i][1] - line[i - 1][1];
            int n = Math.max(1, (int) Math.ceil(Math.hypot(dx, dy) / step));
            for (int k = 1; k <= n; k++) out.add(new double[] {line[i - 1][0] + dx * k / n, line[i - 1][1] + dy * k / n});
        }
        return out.toArray(double[][]::new);
    }

    /** Draws the digit on a drawing directly (no mouse), for view-model tests and the screenshot tour. */
    static void draw(DrawViewModel vm, int digit) {
        for (double[][] s : of(digit)) {
            double[][] d = dense(s, 6);
            vm.press(d[0][0], d[0][1], System.nanoTime());
            for (int i = 1; i < d.length; i++) vm.drag(d[i][0], d[i][1], System.nanoTime());
            vm.release();
        }
    }
}
