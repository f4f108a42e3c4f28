package org.convscope.app.saliency;

import java.util.function.BooleanSupplier;

import org.convscope.engine.Network;
import org.convscope.engine.Shape;

/**
 * Where a network's decision comes from, for one image, no JavaFX. Saliency: ∂z_c/∂x (or ∂(z_c − z_v)/∂x against a
 * second class v) from {@link Network#scoreGradients}. Occlusion: a {@link #PATCH}×{@link #PATCH} patch set to 0
 * (the background) at every {@link #STRIDE}-th position, and how much the score z_c (or z_c − z_v) falls, and with it
 * the probability p_c (or p_c − p_v); a pixel's value is the mean score drop over the patches that cover it. The map
 * uses the score because a confident network's probability hardly moves (0.9999 stays 0.999), while its score does. Occlusion runs one forward pass per position: call it off the FX thread.
 */
public final class Attribution {
    private Attribution() {}

    public static final int PATCH = 6, STRIDE = 2;

    /**
     * The saliency map, one value per pixel (C×H×W).
     * @param versus the second class, or -1 for the chosen class alone
     */
    public static float[] saliency(Network net, float[] image, int cls, int versus) {
        checkClasses(net, cls, versus);
        float[] g = net.scoreGradients(image, cls).inputGradient();
        if (versus >= 0) {
            float[] gv = net.scoreGradients(image, versus).inputGradient();
            for (int i = 0; i < g.length; i++) g[i] -= gv[i];
        }
        return g;
    }

    /**
     * The occlusion map.
     * @param map         per pixel, the mean drop of the score over the patches covering it
     * @param baseScore   the score (z_c, or z_c − z_v) of the image itself
     * @param baseProbability the probability (p_c, or p_c − p_v) of the image itself
     * @param largest     the largest score drop of one patch, and where that patch's top-left corner is
     * @param probabilityThere the probability with that patch covered
     * @param positions   how many patches were tried
     */
    public record Occlusion(float[] map, float baseScore, float baseProbability, float largest, int largestY, int largestX,
                            float probabilityThere, int positions) {}

    /** @param cancelled polled between positions: a newer request makes this one stop early (returns null) */
    public static Occlusion occlusion(Network net, float[] image, int cls, int versus, BooleanSupplier cancelled) {
        checkClasses(net, cls, versus);
        Shape in = net.spec().input();
        int h = in.h(), w = in.w();
        var t0 = net.trace(image);
        float base = measure(t0.layers().getLast().values(), cls, versus), baseP = measure(t0.probabilities(), cls, versus);
        float pThere = baseP;
        double[] sum = new double[h * w];
        int[] count = new int[h * w];
        float largest = Float.NEGATIVE_INFINITY;
        int ly = 0, lx = 0, positions = 0;
        float[] covered = image.clone();
        for (int y0 = 0; y0 + PATCH <= h; y0 += STRIDE) {
            for (int x0 = 0; x0 + PATCH <= w; x0 += STRIDE) {
                if (cancelled.getAsBoolean()) return null;
                System.arraycopy(image, 0, covered, 0, image.length);
                for (int c = 0; c < in.c(); c++)
                    for (int y = y0; y < y0 + PATCH; y++)
                        for (int x = x0; x < x0 + PATCH; x++) covered[(c * h + y) * w + x] = 0f;
                var t = net.trace(covered);
                float drop = base - measure(t.layers().getLast().values(), cls, versus);
                positions++;
                if (drop > largest) { largest = drop; ly = y0; lx = x0; pThere = measure(t.probabilities(), cls, versus); }
                for (int y = y0; y < y0 + PATCH; y++)
                    for (int x = x0; x < x0 + PATCH; x++) { sum[y * w + x] += drop; count[y * w + x]++; }
            }
        }
        float[] map = new float[h * w];
        for (int i = 0; i < map.length; i++) map[i] = count[i] == 0 ? 0f : (float) (sum[i] / count[i]);
        return new Occlusion(map, base, baseP, largest, ly, lx, pThere, positions);
    }

    /** v[c], or v[c] − v[versus]: a score or a probability. */
    private static float measure(float[] v, int cls, int versus) {
        return versus >= 0 ? v[cls] - v[versus] : v[cls];
    }

    private static void checkClasses(Network net, int cls, int versus) {
        int n = net.spec().classes();
        if (cls < 0 || cls >= n) throw new IllegalArgumentException("class " + cls + " is outside 0.." + (n - 1));
        if (versus >= n || versus == cls) throw new IllegalArgumentException("the second class must be another class in 0.." + (n - 1));
    }
}
