package org.convscope.app.common;

/**
 * The type size of the numbers a canvas draws (kernel values, products, sums, tick values): the theme's minimum
 * (0 in the light theme, 18 px in the projector theme, from the canvas's CSS property {@code -cs-min-number-size}),
 * and the smallest size the canvas used in its last paint, so that a test can check that the numbers a lesson talks
 * about stay readable from the back of the room. One per {@link ThemedCanvas}; FX thread only.
 */
public final class NumberSizes {
    private double min;
    private double smallest = Double.POSITIVE_INFINITY;

    /** The theme's minimum size for numbers, in px (0: none). */
    public double min() { return min; }

    void setMin(double px) { min = Math.max(0, px); }

    /** A number is about to be drawn at this size: returns the size raised to the minimum, and remembers it. */
    public double use(double size) {
        double s = Math.max(size, min);
        smallest = Math.min(smallest, s);
        return s;
    }

    /** A paint starts: forget the sizes of the previous one. */
    void reset() { smallest = Double.POSITIVE_INFINITY; }

    /** The smallest size a number was drawn at in the last paint (infinity when it drew none). */
    public double smallest() { return smallest; }
}
