package org.convscope.app.collect;

import java.util.ArrayList;
import java.util.List;

import org.convscope.app.draw.Drawing;

/** Strokes for tests: simple shapes on the pad in pad pixels, and what the collect model makes of them. */
final class Digits {
    private Digits() {}

    /** A vertical bar (a "1") at x, a horizontal one below it when wide: distinct pictures for distinct x. */
    static List<Stroke> bar(float x) {
        return List.of(new Stroke(34, false, new float[] {x, 80, x, 200, x, 370}));
    }

    static List<Stroke> seven(float shift) {
        return List.of(new Stroke(34, false, new float[] {130 + shift, 80, 320 + shift, 80, 250 + shift, 220, 200 + shift, 390}));
    }

    static byte[] pixels(List<Stroke> strokes) {
        Drawing d = Stroke.replay(strokes);
        return Stroke.mnistBytes(d.view());
    }

    /**
     * n different drawings of class label: a bent line whose bend depends on the class and whose slant on i (the
     * MNIST preprocessing removes position and size, so only the shape tells them apart).
     */
    static List<Sample> samples(int label, int n, String origin) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var s = List.of(new Stroke(24, false, new float[] {150 + 12 * i, 80, 130 + 25 * label, 230, 300 - 9 * i, 380}));
            out.add(Sample.of(0, label, pixels(s), s, false, origin));
        }
        if (out.stream().map(Sample::hash).distinct().count() != n) throw new AssertionError("test drawings are not all different");
        return out;
    }

    /** A digit the way a person draws it with a mouse (one or two strokes, about 330 pad pixels tall). */
    static List<Stroke> digit(int d) {
        return switch (d) {
            case 0 -> List.of(ellipse(224, 226, 92, 160, 40));
            case 1 -> List.of(line(190, 110, 236, 60, 236, 392));
            case 4 -> List.of(line(210, 60, 140, 270, 330, 270), line(280, 140, 280, 396));
            case 7 -> List.of(line(135, 70, 320, 70, 265, 190, 225, 290, 205, 395));
            default -> throw new IllegalArgumentException("digit " + d);
        };
    }

    static Stroke line(float... xy) { return new Stroke(34, false, xy); }

    static Stroke ellipse(float cx, float cy, float rx, float ry, int n) {
        float[] xy = new float[2 * (n + 1)];
        for (int i = 0; i <= n; i++) {
            double a = -Math.PI / 2 - 2 * Math.PI * i / n;
            xy[2 * i] = (float) (cx + rx * Math.cos(a));
            xy[2 * i + 1] = (float) (cy + ry * Math.sin(a));
        }
        return new Stroke(34, false, xy);
    }
}
