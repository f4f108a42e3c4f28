package org.convscope.app.pooling;

import org.convscope.engine.PoolKind;
import org.convscope.engine.Pooling;

/**
 * A pooling window moving over one feature map, position by position: the model behind the pooling view. Pure Java,
 * immutable.
 *
 * <p>Shapes: the map is one channel (H, W) of a layer input (C, H, W); window k×k, stride s, no padding; output
 * (Ho, Wo) with Ho = (H − k) / s + 1, so a 2×2 window with stride 2 halves height and width (28×28 → 14×14). Positions
 * are row-major over the output; at each position the k² values of the window are looked at one by one
 * ("terms", row-major), keeping the largest (max pooling) or adding them up for the mean (average pooling).
 * The finished map comes from {@link Pooling#forward}; every per-position number here is derived from the same
 * values in the same order and tested against it and against the engine's pooling layer.
 */
public final class PoolingWindow {
    private final PoolKind kind;
    private final float[] map;
    private final int height, width, window, stride, outH, outW;
    private final float[] output;

    /** @param map (height, width) row-major; copied */
    public PoolingWindow(PoolKind kind, float[] map, int height, int width, int window, int stride) {
        if (map.length != height * width) throw new IllegalArgumentException("map has " + map.length + " values, expected "
                + height + "\u00d7" + width);
        this.outH = Pooling.outputSize(height, window, stride);
        this.outW = Pooling.outputSize(width, window, stride);
        this.kind = kind;
        this.map = map.clone();
        this.height = height;
        this.width = width;
        this.window = window;
        this.stride = stride;
        this.output = Pooling.forward(kind, this.map, 1, height, width, window, stride);
    }

    public PoolKind kind() { return kind; }
    public int inputHeight() { return height; }
    public int inputWidth() { return width; }
    public int window() { return window; }
    public int stride() { return stride; }
    public int outputHeight() { return outH; }
    public int outputWidth() { return outW; }
    public int positions() { return outH * outW; }
    /** Values per window: k². */
    public int terms() { return window * window; }

    public int outY(int position) { return position / outW; }
    public int outX(int position) { return position % outW; }
    public int positionAt(int oy, int ox) { return oy * outW + ox; }
    public int windowTop(int position) { return outY(position) * stride; }
    public int windowLeft(int position) { return outX(position) * stride; }

    public float inputAt(int y, int x) { return map[y * width + x]; }

    /** The map, a copy. */
    public float[] input() { return map.clone(); }

    /** Window value t (row-major in the window) at a position. */
    public float valueAt(int position, int t) {
        return inputAt(windowTop(position) + t / window, windowLeft(position) + t % window);
    }

    /**
     * Of the first `done` values of the window, the index of the largest (the first one on ties, as the engine's
     * backward pass picks it), or −1 when done is 0.
     */
    public int winner(int position, int done) {
        int best = -1;
        for (int t = 0; t < Math.min(done, terms()); t++) if (best < 0 || valueAt(position, t) > valueAt(position, best)) best = t;
        return best;
    }

    /** Largest of the first `done` values (NaN when done is 0). */
    public float runningMax(int position, int done) {
        int w = winner(position, done);
        return w < 0 ? Float.NaN : valueAt(position, w);
    }

    /** Sum of the first `done` values, row-major, as the engine adds them. */
    public float runningSum(int position, int done) {
        float s = 0f;
        for (int t = 0; t < Math.min(done, terms()); t++) s += valueAt(position, t);
        return s;
    }

    /** The finished value at a position, from the engine's reference. */
    public float output(int position) { return output[position]; }

    public float[] outputMap() { return output.clone(); }

    /** How many values go into the next layer, per channel, before and after: H·W → Ho·Wo. */
    public double shrink() { return (double) height * width / (outH * (double) outW); }
}
