package org.convscope.engine;

/** The shape of one image's activations, channels x height x width (NCHW without N). A vector is (n, 1, 1). */
public record Shape(int c, int h, int w) {
    public Shape {
        if (c <= 0 || h <= 0 || w <= 0) throw new IllegalArgumentException("shape must be positive: " + c + "x" + h + "x" + w);
    }
    public static Shape vector(int n) { return new Shape(n, 1, 1); }
    public int size() { return c * h * w; }
    public boolean isVector() { return h == 1 && w == 1; }
    @Override public String toString() { return isVector() ? Integer.toString(c) : c + "\u00d7" + h + "\u00d7" + w; }
}
