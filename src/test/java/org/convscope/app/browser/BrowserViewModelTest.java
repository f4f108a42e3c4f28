package org.convscope.app.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.convscope.app.AppContext;
import org.convscope.app.I18n;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;
import org.junit.jupiter.api.Test;

/** The browser's state without any control (no JavaFX toolkit needed). */
class BrowserViewModelTest {

    /** 6 images with labels 3,1,3,0,9,3; image i has every pixel = 10*i, except pixel (2,5) = 255. */
    static Dataset six(DatasetKind kind) {
        byte[] labels = {3, 1, 3, 0, 9, 3};
        byte[] images = new byte[6 * 784];
        for (int i = 0; i < 6; i++) {
            java.util.Arrays.fill(images, i * 784, (i + 1) * 784, (byte) (10 * i));
            images[i * 784 + 2 * 28 + 5] = (byte) 255;
        }
        return new Dataset(kind, Split.TEST, images, labels, 6, 28, 28);
    }

    @Test
    void filtersByClassAndKeepsOrMovesTheSelection() {
        var m = new BrowserViewModel();
        m.dataProperty().set(six(DatasetKind.MNIST));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, m.visibleProperty().get());
        assertEquals(0, m.selectedProperty().get(), "the first image is shown at once");

        m.selectedProperty().set(2);
        m.classFilterProperty().set(3);
        assertArrayEquals(new int[] {0, 2, 5}, m.visibleProperty().get());
        assertEquals(2, m.selectedProperty().get(), "image 2 is a 3: it stays selected");

        m.classFilterProperty().set(9);
        assertArrayEquals(new int[] {4}, m.visibleProperty().get());
        assertEquals(4, m.selectedProperty().get(), "the selection moves to the first image that passes");

        m.classFilterProperty().set(7);
        assertArrayEquals(new int[0], m.visibleProperty().get());
        assertEquals(-1, m.selectedProperty().get());

        m.classFilterProperty().set(BrowserViewModel.ALL);
        assertEquals(3, m.classCount(3));
        assertEquals(0, m.classCount(7));
    }

    @Test
    void newDataStartsAtItsFirstImage() {
        var m = new BrowserViewModel();
        m.dataProperty().set(six(DatasetKind.MNIST));
        m.selectedProperty().set(5);
        m.dataProperty().set(six(DatasetKind.FASHION_MNIST));
        assertEquals(0, m.selectedProperty().get());
        m.dataProperty().set(null);
        assertEquals(-1, m.selectedProperty().get());
        assertEquals(0, m.visibleProperty().get().length);
    }

    @Test
    void pixelsAndTheSharedImage() {
        var m = new BrowserViewModel();
        m.datasetProperty().set(DatasetKind.FASHION_MNIST);
        m.dataProperty().set(six(DatasetKind.FASHION_MNIST));
        assertEquals(255, m.pixel(4, 2, 5));
        assertEquals(40, m.pixel(4, 0, 0));
        assertEquals(40, m.pixels(4)[0]);

        AppContext.InputImage img = m.toInputImage(4);
        assertEquals(AppContext.FASHION_MNIST, img.dataset());
        assertEquals(9, img.label());
        assertEquals(784, img.pixels().length);
        assertEquals(1f, img.pixels()[2 * 28 + 5]);
        assertEquals(40 / 255f, img.pixels()[0], 1e-6);
    }

    /** (English only through the model: the global locale is bound by windows of other tests in this JVM.) */
    @Test
    void classNamesComeFromTheDataBundle() {
        var m = new BrowserViewModel();
        m.datasetProperty().set(DatasetKind.FASHION_MNIST);
        assertEquals(I18n.get(DatasetKind.FASHION_MNIST.classKey(9)), m.className(9));
        assertEquals("Ankle boot", I18n.get(I18n.ENGLISH, DatasetKind.FASHION_MNIST.classKey(9)));
        String zh = I18n.get(I18n.CHINESE, DatasetKind.FASHION_MNIST.classKey(9));
        assertEquals(false, zh.equals("Ankle boot") || zh.startsWith("!"), zh);
        m.datasetProperty().set(DatasetKind.MNIST);
        assertEquals("7", m.className(7));
    }

    @Test
    void indicesOfMatchesTheLabels() {
        byte[] labels = {5, 5, 1, 5};
        assertArrayEquals(new int[] {0, 1, 3}, BrowserViewModel.indicesOf(labels, 4, 5));
        assertArrayEquals(new int[] {0, 1, 2}, BrowserViewModel.indicesOf(labels, 3, BrowserViewModel.ALL));
    }
}
