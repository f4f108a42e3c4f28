package org.convscope.app.collect;

import java.util.Arrays;
import java.util.List;

import org.convscope.app.draw.Drawing;
import org.convscope.app.draw.GrayImage;
import org.convscope.app.draw.Preprocessing;

/**
 * One pen stroke as drawn on the pad: points (x, y) in pad pixels ({@link Drawing#SIZE} square), its width in pad
 * pixels. Kept so that a collected drawing can be drawn again (at another size, with other preprocessing).
 */
public record Stroke(float width, boolean eraser, float[] xy) {
    public Stroke {
        if (!(width > 0f) || xy.length < 2 || xy.length % 2 != 0)
            throw new IllegalArgumentException("a stroke needs a positive width and at least one point");
        xy = xy.clone();
    }

    @Override public float[] xy() { return xy.clone(); }
    public int points() { return xy.length / 2; }

    @Override public boolean equals(Object o) {
        return o instanceof Stroke s && s.width == width && s.eraser == eraser && Arrays.equals(s.xy, xy);
    }
    @Override public int hashCode() { return Arrays.hashCode(xy) * 31 + Float.hashCode(width); }

    /** The strokes replayed on a fresh draw pad: the same raster the pad showed. */
    public static Drawing replay(List<Stroke> strokes) {
        Drawing d = new Drawing();
        for (Stroke s : strokes) {
            d.begin(s.xy[0], s.xy[1], s.width, s.eraser);
            for (int i = 1; i < s.points(); i++) d.extend(s.xy[2 * i], s.xy[2 * i + 1]);
            d.end();
        }
        return d;
    }

    /** The pad through the draw view's MNIST preprocessing, as 784 unsigned bytes (0 = background), like MNIST's files. */
    public static byte[] mnistBytes(GrayImage pad) {
        return toBytes(Preprocessing.mnist(pad).centred());
    }

    /** A 28x28 image in 0..1 as unsigned bytes (rounded). */
    public static byte[] toBytes(GrayImage img) {
        float[] p = img.pixels();
        byte[] out = new byte[p.length];
        for (int i = 0; i < p.length; i++) out[i] = (byte) Math.round(Math.clamp(p[i], 0f, 1f) * 255f);
        return out;
    }
}
