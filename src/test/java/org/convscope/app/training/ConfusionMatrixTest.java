package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.convscope.engine.TrainingSnapshot.TestPredictions;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    /** Fashion-MNIST classes: 0 T-shirt/top, 2 pullover, 4 coat, 6 shirt. */
    private static final int TSHIRT = 0, PULLOVER = 2, COAT = 4, SHIRT = 6;

    @Test
    void countsRowsAsTrueClassAndColumnsAsPrediction() {
        int[] actual = {SHIRT, SHIRT, SHIRT, SHIRT, TSHIRT, TSHIRT, COAT, PULLOVER, 1, 1};
        int[] pred = {SHIRT, TSHIRT, TSHIRT, PULLOVER, TSHIRT, SHIRT, COAT, COAT, 1, 1};
        ConfusionMatrix m = ConfusionMatrix.of(actual, pred, 10);
        assertEquals(10, m.total());
        assertEquals(2, m.count(SHIRT, TSHIRT));
        assertEquals(1, m.count(TSHIRT, SHIRT));
        assertEquals(4, m.rowTotal(SHIRT));
        assertEquals(5, m.correct());
        assertEquals(0.5, m.accuracy(), 1e-12);
        assertEquals(0.25, m.classAccuracy(SHIRT), 1e-12);
        assertEquals(0.5, m.rowShare(SHIRT, TSHIRT), 1e-12);
        assertTrue(Double.isNaN(m.classAccuracy(9)), "a class that never occurred has no accuracy");
        int rows = 0;
        for (int a = 0; a < 10; a++) rows += m.rowTotal(a);
        assertEquals(m.total(), rows);
    }

    @Test
    void topConfusionsAreTheLargestOffDiagonalCells() {
        int[] actual = {SHIRT, SHIRT, SHIRT, TSHIRT, PULLOVER, PULLOVER, 3, 3, 3, 3};
        int[] pred = {TSHIRT, TSHIRT, SHIRT, SHIRT, COAT, COAT, 3, 3, 3, 3};
        List<ConfusionMatrix.Confusion> top = ConfusionMatrix.of(actual, pred, 10).topConfusions(5);
        assertEquals(List.of(new ConfusionMatrix.Confusion(PULLOVER, COAT, 2), new ConfusionMatrix.Confusion(SHIRT, TSHIRT, 2),
                new ConfusionMatrix.Confusion(TSHIRT, SHIRT, 1)), top);
    }

    @Test
    void examplesAreTheTestImagesOfACell() {
        // Predictions for a sample of test images 3, 7, 9, 20 (indices into the test set).
        byte[] labels = new byte[21];
        labels[3] = SHIRT; labels[7] = SHIRT; labels[9] = COAT; labels[20] = SHIRT;
        TestPredictions p = new TestPredictions(new int[]{3, 7, 9, 20}, new int[]{TSHIRT, SHIRT, COAT, TSHIRT}, false, 0.5);
        ConfusionMatrix m = ConfusionMatrix.of(labels, p, 10);
        assertArrayEquals(new int[]{3, 20}, m.examples(SHIRT, TSHIRT, 10));
        assertArrayEquals(new int[]{3}, m.examples(SHIRT, TSHIRT, 1));
        assertArrayEquals(new int[]{9}, m.examples(COAT, COAT, 10));
        assertArrayEquals(new int[0], m.examples(1, 2, 10));
    }

    @Test
    void rejectsClassesOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[]{10}, new int[]{0}, 10));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[]{0}, new int[]{-1}, 10));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[]{0, 1}, new int[]{0}, 10));
    }
}
