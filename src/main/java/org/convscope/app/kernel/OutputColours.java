package org.convscope.app.kernel;

import org.convscope.app.common.ColorMap;

/**
 * How the convolution view colours its feature map, so that the sign of a sum can be read. By sign (the default,
 * as in the network view): red positive, white 0, blue negative, symmetric in the largest |value|. By brightness:
 * black is the smallest value, white the largest; when there are negative sums, black is that negative value (not 0),
 * so a negative sum never looks the same as 0, and the legend says so.
 *
 * @param map  the colour map to paint with
 * @param low  the value at the legend's left end (black or full blue)
 * @param high the value at the legend's right end (white or full red)
 */
public record OutputColours(ColorMap map, float low, float high) {

    public static OutputColours of(float[] values, boolean bySign) {
        if (bySign) {
            float s = ColorMap.SIGNED.scaleOf(values, 0, values.length);
            return new OutputColours(ColorMap.SIGNED, -s, s);
        }
        float min = 0f, max = 0f;
        for (float v : values) { min = Math.min(min, v); max = Math.max(max, v); }
        return new OutputColours(ColorMap.GRAY, min, Math.max(max, min + 1e-6f));
    }

    /** The scale to pass to {@link ColorMap#argb} for a value that went through {@link #shift}. */
    public float scale() { return map == ColorMap.SIGNED ? high : high - low; }

    /** The value to colour: as it is by sign, moved up by -low by brightness (so that low becomes black). */
    public float shift(float v) { return map == ColorMap.SIGNED ? v : v - low; }

    /** A copy of the values ready for {@link ColorMap#argb} with {@link #scale()}. */
    public float[] shifted(float[] values) {
        if (map == ColorMap.SIGNED || low == 0f) return values;
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) out[i] = values[i] - low;
        return out;
    }

    /** Whether a negative value and 0 get different colours: always, by sign and by brightness. */
    public boolean distinguishes(float negative) {
        return map.argb(shift(negative), scale()) != map.argb(shift(0f), scale());
    }
}
