package org.convscope.app.kernel;

import static org.junit.jupiter.api.Assertions.*;

import org.convscope.engine.Convolution;
import org.junit.jupiter.api.Test;

/** The per-position numbers of a sweep, on inputs small enough to check by hand, and against the reference. */
class KernelSweepTest {

    /** 4×4 input 0..15, 3×3 kernel with a 1 in the centre and a −1 top-left, bias 0.5. */
    private static KernelSweep small(int pad, int stride) {
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) x[i] = i;
        float[] k = {-1, 0, 0, 0, 1, 0, 0, 0, 0};
        return new KernelSweep(x, 1, 4, 4, k, 3, 0.5f, pad, stride);
    }

    @Test
    void valuesByHand() {
        KernelSweep s = small(0, 1);
        assertEquals(2, s.outputHeight());
        assertEquals(4, s.positions());
        assertEquals(9, s.terms());
        // position (0,0): centre x[1][1] = 5, top-left x[0][0] = 0 → 5 − 0 + 0.5
        assertEquals(5.5f, s.output(0));
        // position (1,1): centre x[2][2] = 10, top-left x[1][1] = 5 → 5.5
        assertEquals(5.5f, s.output(3));
        assertEquals(6f, s.patchAt(3, 0, 0, 1));           // x[1][2]
        assertEquals(-5f, s.productAt(3, 0, 0, 0));
        assertEquals(-5f, s.runningSum(3, 1));              // after the first multiply-add
        assertEquals(5f, s.runningSum(3, 9));
        assertEquals(5.5f, s.runningSum(3, 9, s.bias()));
    }

    @Test
    void paddingIsZeroAndStrideSkips() {
        KernelSweep s = small(1, 2);
        assertEquals("(4 + 2\u00b71 \u2212 3) / 2 + 1 = 2", s.rowsFormula().filledIn().replace("\u230a", "").replace("\u230b", ""));
        assertFalse(s.rowsFormula().exact());               // 3 / 2 is not whole: ⌊1.5⌋
        assertEquals(2, s.outputWidth());
        assertEquals(-1, s.windowTop(0));
        assertTrue(s.inPadding(0, 0, 0));
        assertEquals(0f, s.patchAt(0, 0, 0, 0));
        assertEquals(0f + 0.5f, s.output(0));               // centre x[0][0] = 0, top-left is padding
        assertEquals(1, s.windowTop(s.positionAt(1, 1)));
        assertEquals(10f - 5f + 0.5f, s.output(s.positionAt(1, 1)));  // centre x[2][2] = 10, corner x[1][1] = 5
    }

    @Test
    void everyPositionEqualsTheReference() {
        java.util.Random r = new java.util.Random(3);
        for (int[] geo : new int[][] {{28, 5, 2, 1}, {14, 5, 0, 1}, {10, 3, 1, 2}, {13, 4, 3, 3}, {5, 5, 0, 1}}) {
            int h = geo[0], k = geo[1], pad = geo[2], stride = geo[3], c = 3;
            float[] x = new float[c * h * h], w = new float[c * k * k];
            for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
            for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
            KernelSweep s = new KernelSweep(x, c, h, h, w, k, -0.25f, pad, stride);
            float[] ref = Convolution.forward(x, c, h, h, w, new float[] {-0.25f}, 1, k, pad, stride);
            assertEquals(ref.length, s.positions());
            for (int p = 0; p < s.positions(); p++) {
                assertEquals(ref[p], s.output(p), 0f);
                assertEquals(ref[p], s.runningSum(p, s.terms(), s.bias()), 0f, "same order, same float");
                float slices = 0;
                for (int ch = 0; ch < c; ch++) slices += s.sliceSum(p, ch, s.terms());
                assertEquals(ref[p], slices + s.bias(), 1e-4f * (1 + Math.abs(ref[p])));
            }
        }
    }

    @Test
    void templateIsThePatchMinusItsMean() {
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) x[i] = i;
        float[] t = KernelSweep.template(x, 0, 4, 4, 1, 1, 2, false);
        assertArrayEquals(new float[] {5, 6, 9, 10}, t);
        float[] z = KernelSweep.template(x, 0, 4, 4, 1, 1, 2, true);
        assertArrayEquals(new float[] {-2.5f, -1.5f, 1.5f, 2.5f}, z);
    }

    @Test
    void tooLargeKernelIsRefusedWithAMessage() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new KernelSweep(new float[9], 1, 3, 3, new float[25], 5, 0, 0, 1));
        assertTrue(e.getMessage().contains("larger than its padded input"), e.getMessage());
    }
}
