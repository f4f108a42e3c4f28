package org.convscope.app.draw;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.convscope.app.AppContext;
import org.convscope.app.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draw view's logic without JavaFX running: background and FX executors run inline. */
class DrawViewModelTest {

    Services services;
    AppContext ctx;
    DrawViewModel vm;
    @TempDir Path dir;

    @BeforeEach
    void setUp() {
        services = new Services();
        ctx = new AppContext(services);
        vm = new DrawViewModel(ctx, Runnable::run, Runnable::run);
        vm.setShowing(true);
    }

    @AfterEach
    void tearDown() { services.close(); }

    void line(double x0, double y0, double x1, double y1) {
        vm.press(x0, y0, System.nanoTime());
        for (int i = 1; i <= 20; i++) vm.drag(x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * i / 20, System.nanoTime());
        vm.release();
    }

    @Test
    void theDrawingIsSharedWhenThePenIsLiftedNotBefore() {
        vm.press(100, 100, System.nanoTime());
        vm.drag(100, 300, System.nanoTime());
        assertNull(ctx.currentImageProperty().get(), "not while drawing");
        assertNotNull(vm.inputProperty().get(), "but the input follows the pen at once");
        vm.release();
        var shared = ctx.currentImageProperty().get();
        assertNotNull(shared);
        assertEquals(AppContext.MNIST, shared.dataset());
        assertEquals(-1, shared.label());
        assertEquals(784, shared.pixels().length);
        assertFalse(vm.blankProperty().get());
        assertTrue(vm.canUndoProperty().get());
    }

    @Test
    void clearingLeavesNoInputAndNoPrediction() {
        line(100, 100, 300, 300);
        vm.clear();
        assertTrue(vm.blankProperty().get());
        assertNull(vm.inputProperty().get());
        assertNull(vm.predictionProperty().get());
        assertTrue(vm.stepsProperty().get().empty());
        vm.undo();
        assertNotNull(vm.inputProperty().get());
    }

    @Test
    void fashionModeFitsTheDrawingIntoTwentyEight() {
        line(100, 200, 300, 200); // a wide bar
        assertEquals(20, vm.stepsProperty().get().scaled().width());
        vm.datasetProperty().set(AppContext.FASHION_MNIST);
        assertEquals(Preprocessing.Style.FASHION, vm.stepsProperty().get().style());
        assertEquals(28, vm.stepsProperty().get().scaled().width());
        assertEquals(AppContext.FASHION_MNIST, vm.inputProperty().get().dataset());
    }

    @Test
    void aDatasetImageIsUsedExactlyUntilSomeoneDrawsOnIt() {
        float[] px = new float[784];
        for (int i = 300; i < 500; i++) px[i] = (i % 7) / 7f;
        var img = new AppContext.InputImage(px, AppContext.FASHION_MNIST, 4, "Fashion-MNIST test #12");
        vm.show(img);
        assertSame(img, vm.inputProperty().get());
        assertEquals(AppContext.FASHION_MNIST, vm.datasetProperty().get());
        assertNull(vm.stepsProperty().get(), "no preprocessing steps for a dataset image");
        line(10, 10, 60, 60);
        assertNull(vm.datasetImageProperty().get());
        assertNotSame(img, vm.inputProperty().get());
        assertEquals(Preprocessing.Style.FASHION, vm.stepsProperty().get().style());
    }

    @Test
    void anImagePickedWhileHiddenIsShownWhenTheViewOpensAndOwnImagesAreNotEchoed() {
        vm.setShowing(false);
        var img = new AppContext.InputImage(new float[784], AppContext.MNIST, 3, "MNIST test #1");
        img.pixels()[400] = 1f;
        ctx.currentImageProperty().set(img);
        assertNull(vm.datasetImageProperty().get(), "nothing happens while hidden");
        vm.setShowing(true);
        assertSame(img, vm.datasetImageProperty().get());
        int history = vm.drawing().history().size();
        // the view's own drawing going to the context does not come back as a new picture
        line(100, 100, 200, 300);
        assertEquals(history + 1, vm.drawing().history().size());
        assertNull(vm.datasetImageProperty().get());
    }

    @Test
    void openingAPictureReportsItAndAProblemKeepsTheDrawing() throws Exception {
        line(100, 100, 300, 300);
        float[] before = vm.drawing().raster().clone();
        Path bad = Files.writeString(dir.resolve("x.jpg"), "no");
        vm.openPicture(bad);
        assertEquals("picture.error.notImage", vm.messageProperty().get().key());
        assertTrue(vm.messageProperty().get().isProblem());
        assertFalse(vm.openingProperty().get());
        assertArrayEquals(before, vm.drawing().raster());

        var img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.WHITE);
        g.fillOval(16, 8, 32, 48);
        g.dispose();
        Path good = dir.resolve("zero.bmp");
        ImageIO.write(img, "bmp", good.toFile());
        vm.openPicture(good);
        assertEquals("picture.loaded", vm.messageProperty().get().key(), "dark background: not inverted");
        assertEquals("zero.bmp", ctx.currentImageProperty().get().source());
        vm.undo();
        assertArrayEquals(before, vm.drawing().raster());
    }

    @Test
    void withoutAModelThereIsAnInputButNoPrediction() {
        line(100, 100, 100, 300);
        assertNull(vm.modelProperty().get());
        assertNotNull(vm.inputProperty().get());
        assertNull(vm.predictionProperty().get());
    }

    @Test
    void switchingFromClothesToDigitsClearsTheClothesPicture() {
        float[] px = new float[784];
        for (int i = 200; i < 600; i++) px[i] = 0.8f;
        var sneaker = new AppContext.InputImage(px, AppContext.FASHION_MNIST, 7, "Fashion-MNIST test #3");
        vm.show(sneaker);
        assertSame(sneaker, vm.inputProperty().get());
        vm.datasetProperty().set(AppContext.MNIST);
        assertTrue(vm.blankProperty().get(), "the pad is cleared");
        assertNull(vm.datasetImageProperty().get());
        assertNull(vm.inputProperty().get(), "nothing for the digit model to read");
        assertNull(vm.predictionProperty().get(), "so no answer such as '2, 100 %'");
        vm.undo();
        assertFalse(vm.blankProperty().get(), "the clearing can be undone, like any other");
    }

    @Test
    void aDrawingStaysWhenTheDatasetChanges() {
        line(100, 100, 300, 300);
        vm.datasetProperty().set(AppContext.FASHION_MNIST);
        assertFalse(vm.blankProperty().get(), "the user's own strokes are not thrown away");
    }
}
