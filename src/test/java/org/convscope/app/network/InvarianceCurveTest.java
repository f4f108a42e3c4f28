package org.convscope.app.network;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;

import org.convscope.app.draw.GrayImage;
import org.convscope.app.draw.Preprocessing;
import org.junit.jupiter.api.Test;

class InvarianceCurveTest {

    /** A fake classifier: class 3 with a confidence that falls as the ink's centre of mass leaves (14, 14). */
    static float[] centredness(float[] img) {
        float[] com = Preprocessing.centreOfMass(new GrayImage(28, 28, img));
        float d = Float.isNaN(com[0]) ? 99 : Math.abs(com[0] - 14) + Math.abs(com[1] - 14);
        float p3 = (float) Math.exp(-d / 4);
        float[] p = new float[10];
        java.util.Arrays.fill(p, (1 - p3) / 9);
        p[3] = p3;
        return p;
    }

    @Test
    void curvePeaksAtNoShiftAndFallsOffBothWays() {
        float[] img = new float[28 * 28];
        for (int y = 10; y < 18; y++) for (int x = 10; x < 18; x++) img[y * 28 + x] = 1f;
        AtomicInteger calls = new AtomicInteger();
        var curve = InvarianceCurve.compute(img, 28, 28, InputShift.NONE, 8, im -> { calls.incrementAndGet(); return centredness(im); });
        assertEquals(3, curve.referenceClass());
        assertEquals(17, curve.horizontal().length);
        assertEquals(8, curve.max());
        assertEquals(1f, curve.horizontal()[8], 1e-5f);
        assertEquals(curve.horizontal()[8], curve.current());
        for (int i = 0; i < 8; i++) {
            assertTrue(curve.horizontal()[i] < curve.horizontal()[i + 1], "rising towards 0 at " + i);
            assertTrue(curve.vertical()[16 - i] < curve.vertical()[15 - i], "falling away from 0 at " + i);
        }
        assertEquals(1 + 17 + 16, calls.get(), "the shared centre point is not computed twice");
    }

    @Test
    void curveFollowsTheCurrentShift() {
        float[] img = new float[28 * 28];
        for (int y = 10; y < 18; y++) for (int x = 10; x < 18; x++) img[y * 28 + x] = 1f;
        var at = new InputShift(3, -2, 0);
        var curve = InvarianceCurve.compute(img, 28, 28, at, 8, InvarianceCurveTest::centredness);
        float expected = centredness(at.apply(img, 28, 28))[3];
        assertEquals(expected, curve.current(), 1e-6f);
        assertEquals(expected, curve.vertical()[at.dy() + 8], 1e-6f);
        // the horizontal curve at dy = -2 peaks at dx = 0
        int best = InvarianceCurve.argmax(curve.horizontal());
        assertEquals(8, best);
    }
}
