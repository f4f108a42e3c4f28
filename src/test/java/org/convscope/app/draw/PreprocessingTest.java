package org.convscope.app.draw;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PreprocessingTest {

    /** A filled rectangle of ink at [x0, x1) x [y0, y1) on a blank w x h picture. */
    static GrayImage rect(int w, int h, int x0, int y0, int x1, int y1) {
        float[] p = new float[w * h];
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) p[y * w + x] = 1f;
        return new GrayImage(w, h, p);
    }

    @Test
    void centreOfMassLandsAtTheCentreOfTheField() {
        // a lopsided shape: a tall bar with a heavy block at the bottom left (like a "b" without the bowl's hole)
        float[] p = new float[300 * 300];
        for (int y = 40; y < 260; y++) for (int x = 100; x < 130; x++) p[y * 300 + x] = 1f;
        for (int y = 200; y < 260; y++) for (int x = 60; x < 200; x++) p[y * 300 + x] = 0.7f;
        var steps = Preprocessing.mnist(new GrayImage(300, 300, p));
        float[] com = Preprocessing.centreOfMass(steps.centred());
        assertEquals(14f, com[0], 0.5f);
        assertEquals(14f, com[1], 0.5f);
        assertEquals(28, steps.centred().width());
        assertEquals(28, steps.centred().height());
    }

    @Test
    void centreOfMassIsCentredWhereverTheDigitWasDrawn() {
        for (int ox = 0; ox <= 300; ox += 75) {
            for (int oy = 0; oy <= 300; oy += 100) {
                float[] p = new float[448 * 448];
                // an "L": vertical stroke plus a foot
                for (int y = oy; y < oy + 140; y++) for (int x = ox; x < ox + 20; x++) p[y * 448 + x] = 1f;
                for (int y = oy + 120; y < oy + 140; y++) for (int x = ox; x < ox + 90; x++) p[y * 448 + x] = 1f;
                float[] com = Preprocessing.centreOfMass(Preprocessing.mnist(new GrayImage(448, 448, p)).centred());
                assertEquals(14f, com[0], 0.5f, "at " + ox + "," + oy);
                assertEquals(14f, com[1], 0.5f, "at " + ox + "," + oy);
            }
        }
    }

    @Test
    void longerSideBecomesTwentyAndAspectIsKept() {
        // 200 wide x 50 tall -> 20 x 5
        var steps = Preprocessing.mnist(rect(400, 400, 100, 100, 300, 150));
        assertEquals(new Preprocessing.Box(100, 100, 300, 150), steps.box());
        assertEquals(200, steps.cropped().width());
        assertEquals(50, steps.cropped().height());
        assertEquals(20, steps.scaled().width());
        assertEquals(5, steps.scaled().height());
        // tall and thin: 30 x 210 -> 3 x 20 (aspect 1:7 kept within rounding)
        var tall = Preprocessing.mnist(rect(400, 400, 10, 20, 40, 230));
        assertEquals(20, tall.scaled().height());
        assertEquals(3, tall.scaled().width());
    }

    @Test
    void inkStaysInsideTheFieldAndTheTwentyBox() {
        var steps = Preprocessing.mnist(rect(448, 448, 0, 0, 448, 448)); // the whole pad inked
        var c = steps.centred();
        var box = Preprocessing.inkBox(c);
        assertEquals(new Preprocessing.Box(4, 4, 24, 24), box, "a full square becomes the central 20x20");
        for (float v : c.pixels()) assertTrue(v >= 0f && v <= 1f);
        assertEquals(1f, c.max(), 1e-6f);
    }

    @Test
    void lopsidedShapeIsClampedRatherThanCut() {
        // a thin horizontal line at the top of a tall frame with a single heavy blob at the very bottom right:
        // the centre of mass is near the blob, so centring by mass would push the line out of the field.
        float[] p = new float[100 * 100];
        for (int x = 0; x < 2; x++) p[x] = 0.05f; // faint, barely ink, top left
        for (int y = 80; y < 100; y++) for (int x = 80; x < 100; x++) p[y * 100 + x] = 1f;
        var steps = Preprocessing.mnist(new GrayImage(100, 100, p));
        float inkBefore = steps.scaled().sum(), inkAfter = steps.centred().sum();
        assertEquals(inkBefore, inkAfter, 1e-3f, "no ink lost");
        assertTrue(steps.offsetX() >= 0 && steps.offsetX() + steps.scaled().width() <= 28);
        assertTrue(steps.offsetY() >= 0 && steps.offsetY() + steps.scaled().height() <= 28);
    }

    @Test
    void emptyDrawingGivesABlackInputAndNoBox() {
        var steps = Preprocessing.mnist(GrayImage.blank(448, 448));
        assertTrue(steps.empty());
        assertNull(steps.box());
        assertEquals(28 * 28, steps.centred().pixels().length);
        assertEquals(0f, steps.centred().max());
        // faint anti-aliasing residue below the ink threshold is still "empty"
        float[] p = new float[448 * 448];
        p[1000] = Preprocessing.INK / 2;
        assertTrue(Preprocessing.mnist(new GrayImage(448, 448, p)).empty());
    }

    @Test
    void resizeAveragesAreas() {
        // 4x4 checkerboard of 2x2 blocks -> 2x2 exact block values
        float[] p = new float[16];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) p[y * 4 + x] = ((x / 2 + y / 2) % 2 == 0) ? 1f : 0f;
        var r = Preprocessing.resize(new GrayImage(4, 4, p), 2, 2);
        assertArrayEquals(new float[] {1, 0, 0, 1}, r.pixels(), 1e-6f);
        // 3 -> 2: the middle pixel is shared half and half (anti-aliased, not picked)
        var line = Preprocessing.resize(new GrayImage(3, 1, new float[] {0, 1, 0}), 2, 1);
        assertArrayEquals(new float[] {1f / 3, 1f / 3}, line.pixels(), 1e-6f);
        // total ink (mean brightness) is preserved by area averaging
        var big = rect(448, 448, 37, 51, 301, 222);
        var small = Preprocessing.resize(big, 28, 28);
        assertEquals(big.sum() / (448f * 448f), small.sum() / (28f * 28f), 1e-4f);
    }

    @Test
    void resizingARegionInPlaceEqualsCroppingFirst() {
        float[] p = new float[300 * 200];
        for (int i = 0; i < p.length; i++) p[i] = (float) ((i * 7919L % 1000) / 1000.0);
        var img = new GrayImage(300, 200, p);
        var box = new Preprocessing.Box(37, 21, 251, 180);
        assertArrayEquals(Preprocessing.resize(Preprocessing.crop(img, box), 17, 13).pixels(),
                Preprocessing.resize(img, box, 17, 13).pixels(), 1e-6f);
        var steps = Preprocessing.mnist(rect(448, 448, 100, 50, 300, 400));
        assertEquals(200, steps.cropped().width());
        var thumb = steps.croppedThumbnail(112);
        assertEquals(112, thumb.height());
        assertEquals(64, thumb.width());
    }

    @Test
    void enlargingATinyDotStillFillsTheBox() {
        var steps = Preprocessing.mnist(rect(448, 448, 200, 200, 203, 203));
        assertEquals(20, steps.scaled().width());
        assertEquals(20, steps.scaled().height());
        assertEquals(1f, steps.centred().max(), 1e-6f);
    }

    @Test
    void fashionFitsTheLongerSideToTwentyEightAndCentresTheBox() {
        var steps = Preprocessing.fashion(rect(300, 300, 50, 100, 250, 200)); // 200 x 100
        assertEquals(28, steps.scaled().width());
        assertEquals(14, steps.scaled().height());
        assertEquals(new Preprocessing.Box(0, 7, 28, 21), Preprocessing.inkBox(steps.centred()));
    }

    @Test
    void thinFaintInkIsBroughtToFullBrightness() {
        float[] p = new float[200 * 200];
        for (int y = 20; y < 180; y++) p[y * 200 + 100] = 0.4f; // a faint one-pixel line
        var steps = Preprocessing.mnist(new GrayImage(200, 200, p));
        assertEquals(1f, steps.centred().max(), 1e-6f);
    }
}
