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

    /** n different drawings of class label (bars at different slants). */
    static List<Sample> samples(int label, int n, String origin) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var s = List.of(new Stroke(20 + i, false, new float[] {200 + 3 * i, 80, 224, 220, 240 - 2 * i, 370}));
            out.add(Sample.of(0, label, pixels(s), s, false, origin));
        }
        return out;
    }
}
