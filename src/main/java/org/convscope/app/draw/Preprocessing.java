package org.convscope.app.draw;

/**
 * What the network really receives: a drawing or picture turned into a 28x28 input the way the datasets were made.
 *
 * <p>MNIST (LeCun, Cortes and Burges, "The MNIST database of handwritten digits"): "the images were size normalized
 * to fit in a 20x20 pixel box while preserving their aspect ratio ... anti-aliasing ... centered in a 28x28 image by
 * computing the center of mass of the pixels, and translating the image so as to position this point at the center
 * of the 28x28 field." Hand-drawn digits that skip this step are misread by most demos, so every step is kept for
 * display: drawing -> cropped (bounding box of the ink) -> scaled (fits 20x20) -> centred (28x28).
 *
 * <p>Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, section 2): trimmed, the longest edge resized to 28, the product
 * centred in 28x28; here the same crop, a fit into 28x28 and centring by the bounding box.
 *
 * <p>Coordinates: pixel (x, y) covers [x, x+1) x [y, y+1); its centre is (x + 0.5, y + 0.5), so the centre of the
 * 28x28 field is (14, 14).
 */
public final class Preprocessing {
    private Preprocessing() {}

    public static final int SIDE = 28, MNIST_BOX = 20;
    /** Values at or below this are background when looking for the ink's bounding box (anti-aliasing leaves faint edges). */
    public static final float INK = 0.02f;

    /** How the picture is fitted: MNIST digits into 20x20 and centred by mass, Fashion-MNIST products into 28x28. */
    public enum Style { MNIST, FASHION }

    /** The ink's bounding box, inclusive-exclusive: columns [x0, x1), rows [y0, y1). */
    public record Box(int x0, int y0, int x1, int y1) {
        public int width() { return x1 - x0; }
        public int height() { return y1 - y0; }
    }

    /**
     * Every step, for display and for the network.
     * @param source   the drawing as given
     * @param box      the ink's bounding box in source, or null if there is no ink
     * @param scaled   the crop resized to fit the box (20x20 for MNIST, 28x28 for Fashion-MNIST), aspect preserved, brightest pixel 1
     * @param framed   scaled, shown inside its full box (20x20 / 28x28), centred by bounding box (for the step picture)
     * @param centred  the network's input, 28x28
     * @param offsetX  where scaled's left column lands in centred
     * @param offsetY  where scaled's top row lands in centred
     */
    public record Steps(Style style, GrayImage source, Box box, GrayImage scaled, GrayImage framed,
                        GrayImage centred, int offsetX, int offsetY) {
        public boolean empty() { return box == null; }

        /**
         * The bounding box cut out of the source (a 1x1 blank when empty). Made on demand: while the pen moves the
         * network needs only the scaled box, and copying a large crop at every mouse event would be wasted.
         */
        public GrayImage cropped() { return box == null ? GrayImage.blank(1, 1) : crop(source, box); }

        /** The crop shrunk so that its longer side is at most maxSide (for a thumbnail), straight from the source. */
        public GrayImage croppedThumbnail(int maxSide) {
            if (box == null) return GrayImage.blank(1, 1);
            if (Math.max(box.width(), box.height()) <= maxSide) return cropped();
            return fit(source, box, maxSide);
        }
    }

    public static Steps apply(GrayImage source, Style style) {
        return style == Style.MNIST ? mnist(source) : fashion(source);
    }

    /** MNIST: crop, fit 20x20 (anti-aliased, aspect kept), centre of mass to (14, 14). An empty drawing gives a black 28x28. */
    public static Steps mnist(GrayImage source) {
        Box box = inkBox(source);
        if (box == null) return emptySteps(source, Style.MNIST);
        GrayImage scaled = normaliseMax(fit(source, box, MNIST_BOX));
        float[] com = centreOfMass(scaled);
        // Integer translation (as MNIST) puts the centre of mass within half a pixel of (14, 14). Clamped so that no
        // ink leaves the field: a very lopsided shape (an "L" with a heavy foot) stays whole, slightly off-centre.
        int ox = Math.clamp(Math.round(SIDE / 2f - com[0]), 0, SIDE - scaled.width());
        int oy = Math.clamp(Math.round(SIDE / 2f - com[1]), 0, SIDE - scaled.height());
        return new Steps(Style.MNIST, source, box, scaled, framed(scaled, MNIST_BOX), paste(scaled, SIDE, ox, oy), ox, oy);
    }

    /** Fashion-MNIST: crop, fit 28x28 (longest edge 28), centred by bounding box. */
    public static Steps fashion(GrayImage source) {
        Box box = inkBox(source);
        if (box == null) return emptySteps(source, Style.FASHION);
        GrayImage scaled = normaliseMax(fit(source, box, SIDE));
        int ox = (SIDE - scaled.width()) / 2, oy = (SIDE - scaled.height()) / 2;
        GrayImage centred = paste(scaled, SIDE, ox, oy);
        return new Steps(Style.FASHION, source, box, scaled, centred, centred, ox, oy);
    }

    private static Steps emptySteps(GrayImage source, Style style) {
        GrayImage none = GrayImage.blank(1, 1);
        int box = style == Style.MNIST ? MNIST_BOX : SIDE;
        return new Steps(style, source, null, none, GrayImage.blank(box, box), GrayImage.blank(SIDE, SIDE), 0, 0);
    }

    /** Smallest box holding every pixel brighter than {@link #INK}, or null when there is none. */
    public static Box inkBox(GrayImage img) {
        int w = img.width(), h = img.height();
        float[] p = img.pixels();
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (p[row + x] > INK) {
                    if (x < x0) x0 = x;
                    if (x > x1) x1 = x;
                    if (y < y0) y0 = y;
                    y1 = y;
                }
            }
        }
        return x1 < 0 ? null : new Box(x0, y0, x1 + 1, y1 + 1);
    }

    public static GrayImage crop(GrayImage img, Box b) {
        float[] out = new float[b.width() * b.height()];
        for (int y = 0; y < b.height(); y++) {
            System.arraycopy(img.pixels(), (b.y0() + y) * img.width() + b.x0(), out, y * b.width(), b.width());
        }
        return new GrayImage(b.width(), b.height(), out);
    }

    /** Resize so that the longer side is exactly {@code side} and the aspect ratio is kept (the shorter side at least 1). */
    public static GrayImage fit(GrayImage img, int side) {
        return fit(img, new Box(0, 0, img.width(), img.height()), side);
    }

    /** The region of img resized so that its longer side is exactly {@code side}, aspect kept. */
    public static GrayImage fit(GrayImage img, Box region, int side) {
        double s = (double) side / Math.max(region.width(), region.height());
        int w = Math.clamp(Math.round(region.width() * s), 1, side), h = Math.clamp(Math.round(region.height() * s), 1, side);
        return resize(img, region, w, h);
    }

    /**
     * Area-average resampling: each output pixel is the mean of the source area it covers, fractional pixels weighted
     * by their overlap. This is the anti-aliasing MNIST asks for when shrinking; when enlarging it degrades to nearest
     * neighbour with blended borders. Separable: rows first (h x dw), then columns (dh x dw).
     */
    public static GrayImage resize(GrayImage img, int dw, int dh) {
        return resize(img, new Box(0, 0, img.width(), img.height()), dw, dh);
    }

    /** Area-average resampling of a region of img (read in place: no crop is copied) to dw x dh. */
    public static GrayImage resize(GrayImage img, Box region, int dw, int dh) {
        int sw = region.width(), sh = region.height(), stride = img.width(), base = region.y0() * stride + region.x0();
        float[] src = img.pixels();
        Weights wx = Weights.of(sw, dw), wy = Weights.of(sh, dh);
        float[] rows = new float[sh * dw]; // (sh, dw)
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < dw; x++) {
                float acc = 0f;
                int first = wx.first[x];
                float[] wt = wx.weight[x];
                int row = base + y * stride + first;
                for (int k = 0; k < wt.length; k++) acc += wt[k] * src[row + k];
                rows[y * dw + x] = acc;
            }
        }
        float[] out = new float[dh * dw]; // (dh, dw)
        for (int y = 0; y < dh; y++) {
            int first = wy.first[y];
            float[] wt = wy.weight[y];
            for (int k = 0; k < wt.length; k++) {
                float c = wt[k];
                int r = (first + k) * dw, o = y * dw;
                for (int x = 0; x < dw; x++) out[o + x] += c * rows[r + x];
            }
        }
        for (int i = 0; i < out.length; i++) out[i] = Math.clamp(out[i], 0f, 1f); // float round-off only
        return new GrayImage(dw, dh, out);
    }

    /** For output pixel i: source pixels first[i] .. first[i] + weight[i].length - 1 with weights summing to 1. */
    private record Weights(int[] first, float[][] weight) {
        static Weights of(int n, int m) {
            int[] first = new int[m];
            float[][] weight = new float[m][];
            double step = (double) n / m;
            for (int i = 0; i < m; i++) {
                double a = i * step, b = (i + 1) * step;
                int s0 = (int) Math.floor(a), s1 = Math.min(n, (int) Math.ceil(b - 1e-9));
                if (s1 <= s0) s1 = s0 + 1;
                first[i] = s0;
                weight[i] = new float[s1 - s0];
                for (int s = s0; s < s1; s++) {
                    double overlap = Math.min(b, s + 1) - Math.max(a, s);
                    weight[i][s - s0] = (float) (Math.max(0, overlap) / step);
                }
            }
            return new Weights(first, weight);
        }
    }

    /** Scales so that the brightest pixel is 1 (MNIST digits reach full intensity; thin or faint ink would not). */
    public static GrayImage normaliseMax(GrayImage img) {
        float m = img.max();
        if (!(m > 0f) || m == 1f) return img;
        float[] p = img.pixels().clone();
        for (int i = 0; i < p.length; i++) p[i] /= m;
        return new GrayImage(img.width(), img.height(), p);
    }

    /** Centre of mass {x, y} in pixel-centre coordinates (a lone pixel (0, 0) has its mass at (0.5, 0.5)); NaN when empty. */
    public static float[] centreOfMass(GrayImage img) {
        double m = 0, mx = 0, my = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                float v = img.at(x, y);
                m += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        return new float[] {(float) (mx / m), (float) (my / m)};
    }

    /** img placed in a blank side x side field with its top-left at (ox, oy); parts outside are cut. */
    public static GrayImage paste(GrayImage img, int side, int ox, int oy) {
        float[] out = new float[side * side];
        for (int y = 0; y < img.height(); y++) {
            int ty = oy + y;
            if (ty < 0 || ty >= side) continue;
            for (int x = 0; x < img.width(); x++) {
                int tx = ox + x;
                if (tx >= 0 && tx < side) out[ty * side + tx] = img.at(x, y);
            }
        }
        return new GrayImage(side, side, out);
    }

    private static GrayImage framed(GrayImage scaled, int box) {
        return paste(scaled, box, (box - scaled.width()) / 2, (box - scaled.height()) / 2);
    }
}
