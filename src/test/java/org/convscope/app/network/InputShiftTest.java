package org.convscope.app.network;

import static org.junit.jupiter.api.Assertions.*;

import org.convscope.app.draw.GrayImage;
import org.convscope.app.draw.Preprocessing;
import org.junit.jupiter.api.Test;

class InputShiftTest {

    static float[] dot(int x, int y) {
        float[] p = new float[28 * 28];
        p[y * 28 + x] = 1f;
        return p;
    }

    @Test
    void shiftMovesContentAndFillsWithBlack() {
        float[] moved = InputShift.shift(dot(10, 12), 28, 28, 3, -2);
        assertEquals(1f, moved[10 * 28 + 13]);
        float sum = 0;
        for (float v : moved) sum += v;
        assertEquals(1f, sum);
        // moved out of the field: gone
        float[] gone = InputShift.shift(dot(26, 5), 28, 28, 5, 0);
        for (float v : gone) assertEquals(0f, v);
        // shifting back restores what stayed inside
        float[] img = new float[28 * 28];
        for (int i = 0; i < img.length; i++) img[i] = (i * 37 % 11) / 10f;
        float[] there = InputShift.shift(img, 28, 28, 4, 6), back = InputShift.shift(there, 28, 28, -4, -6);
        for (int y = 0; y < 22; y++) for (int x = 0; x < 24; x++) assertEquals(img[y * 28 + x], back[y * 28 + x]);
    }

    @Test
    void shiftMovesTheCentreOfMassByExactlyTheShift() {
        float[] img = new float[28 * 28];
        for (int y = 8; y < 20; y++) for (int x = 12; x < 16; x++) img[y * 28 + x] = 1f;
        float[] c0 = Preprocessing.centreOfMass(new GrayImage(28, 28, img));
        float[] c1 = Preprocessing.centreOfMass(new GrayImage(28, 28, new InputShift(-5, 7, 0).apply(img, 28, 28)));
        assertEquals(c0[0] - 5, c1[0], 1e-5f);
        assertEquals(c0[1] + 7, c1[1], 1e-5f);
    }

    @Test
    void shiftIsClampedToTheExperimentRange() {
        var s = new InputShift(20, -30, 90);
        assertEquals(InputShift.MAX_SHIFT, s.dx());
        assertEquals(-InputShift.MAX_SHIFT, s.dy());
        assertEquals(InputShift.MAX_DEGREES, s.degrees());
    }

    @Test
    void rotationTurnsCounterClockwiseOnScreen() {
        // a horizontal bar to the right of the centre, turned 90 degrees counter-clockwise, points up
        float[] img = new float[28 * 28];
        for (int x = 16; x < 24; x++) img[13 * 28 + x] = 1f;
        img[14 * 28 + 16] = 0; // keep it one pixel thick at row 13
        float[] turned = InputShift.rotate(img, 28, 28, 90);
        float[] com = Preprocessing.centreOfMass(new GrayImage(28, 28, turned));
        assertEquals(13.5f, com[0], 0.6f, "x near the centre column");
        assertTrue(com[1] < 12f, "above the centre, was " + com[1]);
        // zero rotation is the identity
        assertArrayEquals(img, InputShift.rotate(img, 28, 28, 0), 1e-6f);
        // a full-field constant away from the edges stays constant under a small rotation
        float[] full = new float[28 * 28];
        java.util.Arrays.fill(full, 0.5f);
        assertEquals(0.5f, InputShift.rotate(full, 28, 28, 10)[14 * 28 + 14], 1e-5f);
    }
}
