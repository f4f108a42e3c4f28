package org.convscope.app.kernel;

import static org.junit.jupiter.api.Assertions.*;

import org.convscope.app.common.ColorMap;
import org.junit.jupiter.api.Test;

class OutputColoursTest {

    static int r(int argb) { return argb >> 16 & 255; }
    static int b(int argb) { return argb & 255; }

    @Test
    void bySignNegativeSumsAreBluePositiveRedZeroWhite() {
        float[] y = {-2f, 0f, 1f, 0.5f};
        var c = OutputColours.of(y, true);
        assertEquals(ColorMap.SIGNED, c.map());
        assertEquals(-2f, c.low());
        assertEquals(2f, c.high());
        int neg = c.map().argb(c.shift(-2f), c.scale()), zero = c.map().argb(c.shift(0f), c.scale()), pos = c.map().argb(c.shift(1f), c.scale());
        assertTrue(b(neg) > r(neg), "negative is blue");
        assertTrue(r(pos) > b(pos), "positive is red");
        assertEquals(0xFFFFFFFF, zero, "zero is white");
        assertTrue(c.distinguishes(-0.1f));
    }

    @Test
    void byBrightnessBlackIsTheSmallestSumNotZero() {
        float[] y = {-2f, 0f, 2f};
        var c = OutputColours.of(y, false);
        assertEquals(ColorMap.GRAY, c.map());
        assertEquals(-2f, c.low(), "the legend starts at the most negative sum");
        assertEquals(2f, c.high());
        assertEquals(0xFF000000, c.map().argb(c.shifted(y)[0], c.scale()), "the smallest sum is black");
        assertEquals(0xFF808080, c.map().argb(c.shifted(y)[1], c.scale()), "0 is mid-grey");
        assertEquals(0xFFFFFFFF, c.map().argb(c.shifted(y)[2], c.scale()));
        assertTrue(c.distinguishes(-1f));
    }

    @Test
    void byBrightnessWithoutNegativesBlackStaysZero() {
        float[] y = {0f, 1f, 3f};
        var c = OutputColours.of(y, false);
        assertEquals(0f, c.low());
        assertEquals(3f, c.high());
        assertSame(y, c.shifted(y));
        assertEquals(0xFF000000, c.map().argb(c.shift(0f), c.scale()));
    }
}
