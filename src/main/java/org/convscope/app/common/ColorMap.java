package org.convscope.app.common;

import javafx.scene.paint.Color;

/**
 * How a value becomes a colour in every feature-map picture of the app.
 * GRAY: 0 = black, max = white ("brighter = larger", for activations, pooling outputs, images).
 * SIGNED: blue for negative, white for 0, red for positive (pre-activations, kernels, weights), symmetric in |max|.
 */
public enum ColorMap {
    GRAY, SIGNED;

    /** ARGB for value v, scaled so that |v| == scale is full intensity. */
    public int argb(float v, float scale) {
        if (!(scale > 0f)) scale = 1f;
        float t = v / scale;
        if (Float.isNaN(t)) t = 0f;
        return switch (this) {
            case GRAY -> {
                int g = Math.round(Math.clamp(t, 0f, 1f) * 255f);
                yield 0xFF000000 | g << 16 | g << 8 | g;
            }
            case SIGNED -> {
                float a = Math.clamp(Math.abs(t), 0f, 1f);
                int fade = Math.round((1f - a) * 255f);
                // positive: white -> red (214, 39, 40); negative: white -> blue (31, 119, 180)
                int r, g, b;
                if (t >= 0) { r = mix(255, 214, a); g = mix(255, 39, a); b = mix(255, 40, a); }
                else { r = mix(255, 31, a); g = mix(255, 119, a); b = mix(255, 180, a); }
                yield 0xFF000000 | r << 16 | g << 8 | b;
            }
        };
    }

    public Color color(float v, float scale) {
        int c = argb(v, scale);
        return Color.rgb(c >> 16 & 255, c >> 8 & 255, c & 255);
    }

    private static int mix(int from, int to, float a) { return Math.round(from + (to - from) * a); }

    /** The natural scale for a map: max value for GRAY (at least 1e-6), max |value| for SIGNED. */
    public float scaleOf(float[] values, int from, int len) {
        float m = 1e-6f;
        for (int i = from; i < from + len; i++) {
            float v = this == GRAY ? values[i] : Math.abs(values[i]);
            if (v > m) m = v;
        }
        return m;
    }
}
