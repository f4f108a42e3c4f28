package org.convscope.app.flatten;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

class FlatteningTest {

    private final Flattening f = Flattening.mnist();

    @Test
    void rowMajorIndexAndBack() {
        assertEquals(784, f.length());
        assertEquals(0, f.index(0, 0));
        assertEquals(27, f.index(0, 27));
        assertEquals(28, f.index(1, 0));
        assertEquals(294, f.index(10, 14));
        assertEquals(783, f.index(27, 27));
        for (int i = 0; i < f.length(); i++) assertEquals(i, f.index(f.rowOf(i), f.columnOf(i)));
        assertThrows(IllegalArgumentException.class, () -> f.index(28, 0));
        assertThrows(IllegalArgumentException.class, () -> f.index(0, -1));
    }

    @Test
    void verticalNeighbourIs28AwayHorizontalOne() {
        for (int y = 0; y < 27; y++)
            for (int x = 0; x < 27; x++) {
                assertEquals(1, f.rightNeighbour(y, x) - f.index(y, x));
                assertEquals(28, f.lowerNeighbour(y, x) - f.index(y, x));
            }
        assertEquals(-1, f.rightNeighbour(5, 27));
        assertEquals(-1, f.lowerNeighbour(27, 5));
        // a non-square image: the vertical distance is the width
        assertEquals(7, new Flattening(3, 7).lowerNeighbour(0, 2) - 2);
    }

    @Test
    void kernelCellsFallIntoPiecesWidthApart() {
        List<Integer> k3 = f.kernelIndices(10, 14, 3);
        assertEquals(List.of(265, 266, 267, 293, 294, 295, 321, 322, 323), k3);
        assertEquals(2 * 28 + 3, f.kernelSpan(10, 14, 3)); // (k-1)W + k
        assertEquals(4 * 28 + 5, f.kernelSpan(10, 14, 5));
        assertEquals(4, f.kernelIndices(0, 0, 3).size()); // corner: only the cells inside the image
        assertThrows(IllegalArgumentException.class, () -> f.kernelIndices(3, 3, 4));
    }

    /** What the view shows is what the engine does: softmax regression's Flatten layer puts pixel (y, x) at index(y, x). */
    @Test
    void agreesWithTheEnginesFlattenLayer() {
        var net = org.convscope.engine.Network.create(org.convscope.engine.ModelZoo.softmaxRegression(), 1);
        float[] image = new float[784];
        for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) image[y * 28 + x] = (y + 1) * 0.001f + x * 0.03f; // all distinct
        var trace = net.trace(image);
        var flat = trace.layers().getFirst();
        assertEquals("flatten", flat.spec().kind());
        for (int y = 0; y < 28; y++)
            for (int x = 0; x < 28; x++) assertEquals((y + 1) * 0.001f + x * 0.03f, flat.values()[f.index(y, x)], 1e-6f, y + "," + x);
    }

    @Test
    void rowsArriveOneAfterAnotherPixelByPixel() {
        var vm = new FlattenViewModel();
        assertEquals(1.0, vm.progress());
        assertTrue(vm.arrived(783));
        vm.setArrived(0, 0);
        assertEquals(0.0, vm.progress());
        assertFalse(vm.arrived(0));
        vm.setArrived(2, 5); // rows 0 and 1, and pixels 0..4 of row 2
        assertTrue(vm.arrived(55));
        assertTrue(vm.arrived(56 + 4));
        assertFalse(vm.arrived(56 + 5));
        assertFalse(vm.arrived(84));
        assertEquals(61.0 / 784, vm.progress(), 1e-12);
        vm.setArrived(3, 28); // a complete row counts as the next row with no pixels
        assertEquals(4, vm.rowsDone());
        assertEquals(0, vm.pixelsDone());
        vm.setArrived(28, 0);
        assertEquals(1.0, vm.progress());
        assertThrows(IllegalArgumentException.class, () -> vm.setArrived(28, 1));
        assertThrows(IllegalArgumentException.class, () -> vm.setArrived(-1, 0));
    }

    @Test
    void viewModelPicksAndReportsDistances() {
        var vm = new FlattenViewModel();
        vm.pick(10, 14);
        assertEquals(294, vm.index());
        assertEquals(295, vm.rightIndex());
        assertEquals(322, vm.lowerIndex());
        assertEquals(1, vm.rightDistance());
        assertEquals(28, vm.lowerDistance());
        assertEquals(3, vm.kernelPieces());
        vm.setKernel(5);
        assertEquals(25, vm.kernelIndices().size());
        assertEquals(5, vm.kernelPieces());
        vm.pickIndex(55); // row 1, column 27: no right neighbour
        assertEquals(1, vm.row());
        assertEquals(27, vm.column());
        assertEquals(-1, vm.rightDistance());
        assertEquals(28, vm.lowerDistance());
        assertThrows(IllegalArgumentException.class, () -> vm.pickIndex(784));
        assertThrows(IllegalArgumentException.class, () -> vm.setKernel(7));
    }
}
