package org.convscope.app.network;

/**
 * Moves or turns an input image, for the translation-invariance experiment. Images are row-major h x w, background 0.
 * A shift moves the content by whole pixels (what leaves the field is lost, what enters is black); a rotation turns
 * it about the field's centre with bilinear interpolation.
 *
 * @param dx      pixels to the right (negative: left)
 * @param dy      pixels down (negative: up)
 * @param degrees counter-clockwise as seen on the screen
 */
public record InputShift(int dx, int dy, double degrees) {

    public static final InputShift NONE = new InputShift(0, 0, 0);
    /** The experiment's range: MNIST digits have about 4 pixels of margin, so +-8 clearly shows where invariance ends. */
    public static final int MAX_SHIFT = 8;
    public static final double MAX_DEGREES = 45;

    public InputShift {
        dx = Math.clamp(dx, -MAX_SHIFT, MAX_SHIFT);
        dy = Math.clamp(dy, -MAX_SHIFT, MAX_SHIFT);
        degrees = Math.clamp(degrees, -MAX_DEGREES, MAX_DEGREES);
    }

    public boolean isNone() { return dx == 0 && dy == 0 && degrees == 0; }

    public InputShift withDx(int v) { return new InputShift(v, dy, degrees); }
    public InputShift withDy(int v) { return new InputShift(dx, v, degrees); }
    public InputShift withDegrees(double v) { return new InputShift(dx, dy, v); }

    /** Rotation first (about the original centre), then the shift. Returns a new array. */
    public float[] apply(float[] img, int h, int w) {
        float[] turned = degrees == 0 ? img : rotate(img, h, w, degrees);
        return shift(turned, h, w, dx, dy);
    }

    /** out(x, y) = img(x - dx, y - dy), 0 outside. */
    public static float[] shift(float[] img, int h, int w, int dx, int dy) {
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            int sy = y - dy;
            if (sy < 0 || sy >= h) continue;
            for (int x = 0; x < w; x++) {
                int sx = x - dx;
                if (sx >= 0 && sx < w) out[y * w + x] = img[sy * w + sx];
            }
        }
        return out;
    }

    /**
     * Counter-clockwise on screen by the given angle about the centre (w/2, h/2). Each output pixel centre is turned
     * back into the source and sampled bilinearly (outside the source counts as 0).
     */
    public static float[] rotate(float[] img, int h, int w, double degrees) {
        double a = Math.toRadians(degrees), cos = Math.cos(a), sin = Math.sin(a);
        double cx = w / 2.0, cy = h / 2.0;
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double px = x + 0.5 - cx, py = y + 0.5 - cy;
                // screen y points down, so a counter-clockwise turn on screen is clockwise in (x, y); invert it here
                double sx = cos * px - sin * py + cx - 0.5, sy = sin * px + cos * py + cy - 0.5;
                out[y * w + x] = bilinear(img, h, w, sx, sy);
            }
        }
        return out;
    }

    private static float bilinear(float[] img, int h, int w, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        double v = (1 - fx) * (1 - fy) * px(img, h, w, x0, y0) + fx * (1 - fy) * px(img, h, w, x0 + 1, y0)
                + (1 - fx) * fy * px(img, h, w, x0, y0 + 1) + fx * fy * px(img, h, w, x0 + 1, y0 + 1);
        return (float) v;
    }

    private static float px(float[] img, int h, int w, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0f : img[y * w + x];
    }
}
