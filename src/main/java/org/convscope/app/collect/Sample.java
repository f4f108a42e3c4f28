package org.convscope.app.collect;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One collected drawing.
 * @param id       unique within its set (the grid and undo refer to it); not stored in the files
 * @param label    class index, 0 .. classes-1
 * @param pixels   the 28x28 image as 784 unsigned bytes, row-major, ink bright on black (MNIST's layout)
 * @param strokes  the pen strokes it was drawn with; empty for an imported picture
 * @param heldOut  true: in the held-out part (never trained on), else in the training part
 * @param origin   where it came from, for display: "drawn", a file name, a student's set
 * @param hash     SHA-256 of the pixels in hex: two drawings with the same hash are the same picture
 */
public record Sample(long id, int label, byte[] pixels, List<Stroke> strokes, boolean heldOut, String origin, String hash) {
    public static final int SIDE = 28, PIXELS = SIDE * SIDE;

    public Sample {
        if (pixels.length != PIXELS) throw new IllegalArgumentException("a drawing has " + PIXELS + " pixels, not " + pixels.length);
        if (label < 0) throw new IllegalArgumentException("label " + label);
        strokes = List.copyOf(strokes);
        if (hash == null) hash = hashOf(pixels);
        if (origin == null) origin = "";
    }

    public static Sample of(long id, int label, byte[] pixels, List<Stroke> strokes, boolean heldOut, String origin) {
        return new Sample(id, label, pixels.clone(), strokes, heldOut, origin, null);
    }

    /** The image in 0..1, the scale the networks see. */
    public float[] image() {
        float[] out = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) out[i] = (pixels[i] & 0xFF) / 255f;
        return out;
    }

    public Sample withLabel(int newLabel) { return new Sample(id, newLabel, pixels, strokes, heldOut, origin, hash); }
    public Sample withId(long newId) { return new Sample(newId, label, pixels, strokes, heldOut, origin, hash); }
    public Sample withHeldOut(boolean h) { return new Sample(id, label, pixels, strokes, h, origin, hash); }

    public static String hashOf(byte[] pixels) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pixels));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof Sample s && s.id == id && s.label == label && s.heldOut == heldOut && s.hash.equals(hash)
                && s.strokes.equals(strokes) && s.origin.equals(origin);
    }
    @Override public int hashCode() { return Long.hashCode(id) * 31 + hash.hashCode(); }
    @Override public String toString() { return "Sample[" + id + ", class " + label + ", " + hash.substring(0, 8) + "]"; }
}
