package org.convscope.app.draw;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class DrawingTest {

    static float at(Drawing d, int x, int y) { return d.raster()[y * Drawing.SIZE + x]; }

    @Test
    void strokeInksAlongTheSegmentWithSoftEdges() {
        var d = new Drawing();
        d.begin(100, 100, 20, false);
        var dirty = d.extend(300, 100);
        d.end();
        assertEquals(1f, at(d, 200, 100));      // on the line
        assertEquals(1f, at(d, 200, 108));      // inside the 10 px radius
        assertEquals(0f, at(d, 200, 115));      // outside
        float edge = at(d, 200, 110);           // pixel centre 110.5: 10 + 0.5 - 10.5 = 0 ... the edge row is partly covered
        assertTrue(edge >= 0f && edge < 1f);
        assertEquals(1f, at(d, 95, 100));       // round cap
        assertTrue(dirty.x0() <= 90 && dirty.x1() >= 310 && dirty.y0() <= 90 && dirty.y1() >= 110);
        assertFalse(d.isBlank());
    }

    @Test
    void singleClickLeavesADot() {
        var d = new Drawing();
        d.begin(50, 60, 10, false);
        d.end();
        assertEquals(1f, at(d, 50, 60));
        assertEquals(0f, at(d, 70, 60));
    }

    @Test
    void eraserRemovesInk() {
        var d = new Drawing();
        d.begin(100, 100, 30, false);
        d.extend(300, 100);
        d.end();
        d.begin(200, 60, 40, true);
        d.extend(200, 140);
        d.end();
        assertEquals(0f, at(d, 200, 100));
        assertEquals(1f, at(d, 120, 100));
    }

    @Test
    void undoRedoAndClearAreReversible() {
        var d = new Drawing();
        d.begin(100, 100, 20, false);
        d.extend(200, 200);
        d.end();
        float[] first = d.raster().clone();
        d.begin(300, 50, 20, false);
        d.extend(300, 400);
        d.end();
        float[] both = d.raster().clone();

        d.undo();
        assertArrayEquals(first, d.raster());
        assertTrue(d.canRedo());
        d.redo();
        assertArrayEquals(both, d.raster());

        d.clear();
        assertTrue(d.isBlank());
        d.undo(); // clear is undoable: nothing the user drew is lost
        assertArrayEquals(both, d.raster());

        d.undo();
        d.undo();
        assertTrue(d.isBlank());
        assertFalse(d.canUndo());
        d.redo();
        assertArrayEquals(first, d.raster());
        // a new stroke drops the redo branch
        d.begin(10, 10, 5, false);
        d.end();
        assertFalse(d.canRedo());
    }

    @Test
    void clearingABlankPadAddsNothingToUndo() {
        var d = new Drawing();
        d.clear();
        assertFalse(d.canUndo());
    }

    @Test
    void pictureCanBeDrawnOnAndUndone() {
        var d = new Drawing();
        d.begin(10, 10, 10, false);
        d.end();
        float[] before = d.raster().clone();
        float[] img = new float[28 * 28];
        img[14 * 28 + 14] = 1f;
        d.place(Drawing.fitToPad(new GrayImage(28, 28, img), "test"));
        // 28 x 28 is enlarged by whole pixels: pixel (14, 14) covers pad [224, 240)
        assertEquals(1f, at(d, 224, 224));
        assertEquals(1f, at(d, 239, 239));
        assertEquals(0f, at(d, 240, 240));
        assertEquals(0f, at(d, 10, 10));
        d.begin(400, 400, 10, false);
        d.end();
        d.undo();
        d.undo();
        assertArrayEquals(before, d.raster());
    }

    @Test
    void strokesOutsideThePadAreClipped() {
        var d = new Drawing();
        d.begin(-50, -50, 30, false);
        d.extend(Drawing.SIZE + 50, Drawing.SIZE + 50);
        d.end();
        assertEquals(1f, at(d, 0, 0));
        assertEquals(1f, at(d, Drawing.SIZE - 1, Drawing.SIZE - 1));
    }
}
