package org.convscope.engine;

/** The shape of one image's activations, channels x height x width (NCHW without N). A vector is (n, 1, 1). */
public record Shape(int c, int h, int w) {
    public Shape {
        if (c <= 0 || h <= 0 || w <= 0) throw new IllegalArgumentException("shape must be positive: " + c + "x" + h + "x" + w);
    }
    public static Shape vector(int n) { return new Shape(n, 1, 1); }
    /** c·h·w; throws IllegalArgumentException when that does not fit in an int (no silent wrap-around). */
    public int size() {
        long ch = (long) c * h; // < 2^62; checked before the third factor so that no product wraps around
        if (ch > Integer.MAX_VALUE || ch * w > Integer.MAX_VALUE)
            throw new IllegalArgumentException(c + "\u00d7" + h + "\u00d7" + w + " has more than " + Integer.MAX_VALUE + " values");
        return (int) (ch * w);
    }
    public boolean isVector() { return h == 1 && w == 1; }
    @Override public String toString() { return isVector() ? Integer.toString(c) : c + "\u00d7" + h + "\u00d7" + w; }
}
