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

    /** A digit the way a person draws it with a mouse (one or two strokes, about 330 pad pixels tall; as the draw tests). */
    static List<Stroke> digit(int d) {
        return switch (d) {
            case 0 -> List.of(ellipse(224, 226, 92, 160, 40));
            case 1 -> List.of(line(190, 110, 236, 60, 236, 392));
            case 2 -> List.of(line(140, 140, 160, 95, 200, 65, 250, 65, 295, 95, 310, 140, 295, 190, 250, 250, 190, 320,
                    140, 390, 230, 390, 322, 390));
            case 3 -> List.of(line(140, 100, 190, 65, 260, 70, 300, 110, 290, 170, 230, 215, 290, 255, 310, 310, 280, 370,
                    210, 395, 140, 370));
            case 4 -> List.of(line(210, 60, 140, 270, 330, 270), line(280, 140, 280, 396));
            case 5 -> List.of(line(300, 65, 170, 65, 155, 205, 210, 180, 270, 190, 305, 240, 305, 310, 270, 370, 200, 395,
                    140, 375));
            case 6 -> List.of(line(290, 65, 230, 90, 180, 150, 150, 230, 150, 310, 180, 370, 230, 395, 280, 370, 305, 310,
                    285, 255, 230, 235, 175, 260, 155, 300));
            case 7 -> List.of(line(135, 70, 320, 70, 265, 190, 225, 290, 205, 395));
            case 8 -> List.of(line(224, 225, 170, 185, 160, 120, 190, 70, 260, 70, 290, 120, 280, 185, 224, 225, 160, 275,
                    150, 340, 190, 390, 260, 390, 300, 340, 290, 275, 224, 225));
            case 9 -> List.of(line(300, 120, 270, 75, 210, 65, 160, 100, 160, 160, 200, 200, 260, 195, 300, 150, 300, 120,
                    295, 230, 280, 320, 262, 396));
            default -> throw new IllegalArgumentException("digit " + d);
        };
    }

    /** The digit as another hand might draw it: slanted, narrower or wider, wobbly, thinner or thicker. */
    static List<Stroke> varied(int d, java.util.Random r) {
        float shear = (float) (r.nextGaussian() * 0.3), sx = 0.55f + 0.7f * r.nextFloat(), width = 16 + 34 * r.nextFloat();
        float bend = (float) (r.nextGaussian() * 0.25); // a curved baseline: the lower half drifts sideways
        List<Stroke> out = new ArrayList<>();
        for (Stroke s : digit(d)) {
            float[] xy = s.xy();
            for (int i = 0; i < xy.length; i += 2) {
                float x = xy[i] - 224, y = xy[i + 1] - 224;
                xy[i] = Math.clamp(224 + sx * x + shear * y + bend * y * y / 224 + (float) r.nextGaussian() * 10, 10, 438);
                xy[i + 1] = Math.clamp(224 + y + (float) r.nextGaussian() * 10, 10, 438);
            }
            out.add(new Stroke(width, false, xy));
        }
        return out;
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
