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
}
