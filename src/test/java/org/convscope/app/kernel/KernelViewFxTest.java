package org.convscope.app.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.convscope.app.AppContext;
import org.convscope.app.FxTestSupport;
import org.convscope.app.I18n;
import org.convscope.app.Services;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a person clicks in the kernel-sliding view, with the speed property at zero. */
@ExtendWith(ApplicationExtension.class)
public class KernelViewFxTest {

    private KernelView view;
    private AppContext ctx;
    private Services services;
    private KernelViewModel vm;
    @TempDir Path tmp;

    @Start
    void start(Stage stage) {
        FxTestSupport.theme();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services);
        view = new KernelView(ctx);
        vm = view.viewModel();
        vm.playback().stepSecondsProperty().set(0);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1000, 950));
        stage.show();
        view.onShow();
        ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(Network.create(ModelZoo.lenetModern(), 7),
                AppContext.MNIST, "LeNet-5", Double.NaN));
        ctx.currentImageProperty().set(SweepFx.mnist(0));
    }

    @AfterEach
    void stop() { services.close(); }

    private void waitForNetwork() {
        FxTestSupport.await("the trace of the current image", 10, () -> vm.hasNetwork() && vm.sweep() != null);
    }

    private static String text(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    private void modelKernel(FxRobot robot) {
        waitForNetwork();
        robot.clickOn("#kernel-source-model");
        assertEquals(KernelViewModel.Source.MODEL, vm.sourceProperty().get());
    }

    /** Scrolls the side column so that the node with this id is in view (it is a tall column at 1000×950). */
    public static void reveal(FxRobot robot, String id) {
        Node n = robot.lookup("#" + id).query();
        robot.interact(() -> {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp) {
                    double contentH = sp.getContent().getLayoutBounds().getHeight(), viewH = sp.getViewportBounds().getHeight();
                    double y = sp.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds())).getMinY();
                    sp.setVvalue(contentH <= viewH ? 0 : Math.clamp((y - 20) / (contentH - viewH), 0, 1));
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Screen point of the centre of output pixel (oy, ox) on the stage. */
    private Point2D outputPixel(FxRobot robot, int oy, int ox) {
        Node stage = robot.lookup("#kernel-stage").query();
        var L = view.layout();
        return stage.localToScreen(L.output().getMinX() + (ox + 0.5) * L.outputCell(), L.output().getMinY() + (oy + 0.5) * L.outputCell());
    }

    private Point2D inputPixel(FxRobot robot, int y, int x) {
        Node stage = robot.lookup("#kernel-stage").query();
        var L = view.layout();
        int pad = vm.sweep().padding();
        return stage.localToScreen(L.input().getMinX() + (x + pad + 0.5) * L.inputCell(), L.input().getMinY() + (y + pad + 0.5) * L.inputCell());
    }

    @Test
    void stepPositionsAndMultiplyAddsForwardAndBack(FxRobot robot) {
        modelKernel(robot);
        robot.clickOn("#anim-step-term");
        assertEquals(1, vm.playback().cursor().done());
        assertEquals(0, vm.playback().cursor().filled());
        robot.clickOn("#anim-step-term");
        float twoProducts = vm.sweep().productAt(0, 0, 0, 0) + vm.sweep().productAt(0, 0, 0, 1);
        assertEquals(twoProducts, vm.sweep().runningSum(0, vm.playback().cursor().done()), 1e-7f);
        robot.clickOn("#anim-step");
        assertEquals(1, vm.playback().cursor().filled());
        robot.clickOn("#anim-step");
        robot.clickOn("#anim-step");
        assertEquals(3, vm.playback().cursor().filled());
        assertEquals("3 / 784", text(robot, "anim-filled"));
        robot.clickOn("#anim-back");
        assertEquals("2 / 784", text(robot, "anim-filled"));
        robot.clickOn("#anim-back-term");
        assertEquals(new org.convscope.app.common.Playback.Cursor(784, 25, 1, 24), vm.playback().cursor());
        // keys do the same: → one position, Shift+→ one multiply-add
        robot.clickOn("#kernel-stage");
        robot.type(KeyCode.RIGHT);
        assertEquals(2, vm.playback().cursor().filled());
    }

    @Test
    void playAtSpeedZeroBuildsTheWholeFeatureMap(FxRobot robot) {
        modelKernel(robot);
        robot.clickOn("#anim-play");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.playback().cursor().atEnd());
        assertEquals("784 / 784", text(robot, "anim-filled"));
        assertFalse(vm.playback().isPlaying());
    }

    @Test
    void scrubbingTheTimelineGoesForwardAndBack(FxRobot robot) {
        modelKernel(robot);
        Slider timeline = robot.lookup("#anim-timeline").queryAs(Slider.class);
        Node thumb = timeline.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(timeline.getWidth() * 0.5, 0).release(MouseButton.PRIMARY);
        int forward = vm.playback().cursor().filled();
        assertTrue(forward > 200 && forward < 600, "dragged to " + forward);
        assertEquals(forward + " / 784", text(robot, "anim-filled"));
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(-timeline.getWidth() * 0.25, 0).release(MouseButton.PRIMARY);
        int back = vm.playback().cursor().filled();
        assertTrue(back < forward - 100, "back to " + back + " from " + forward);
    }

    @Test
    void clickingAnOutputPixelJumpsThereAndShowsItsReceptiveField(FxRobot robot) {
        modelKernel(robot);
        robot.clickOn(outputPixel(robot, 12, 9));
        assertEquals(12 * 28 + 9, vm.playback().cursor().position());
        assertTrue(vm.playback().cursor().complete());
        assertTrue(vm.receptiveFieldProperty().get());
        KernelSweep s = vm.sweep();
        assertEquals(12 - 2, s.windowTop(vm.playback().cursor().position()), "the 5×5 window with padding 2 starts 2 rows above");
        robot.clickOn("#anim-step");
        assertFalse(vm.receptiveFieldProperty().get());
    }

    @Test
    void strideAndPaddingUpdateTheFormulaAndTheOutputSize(FxRobot robot) {
        modelKernel(robot);
        assertTrue(text(robot, "kernel-formula").endsWith("= (28 + 2\u00b72 \u2212 5) / 1 + 1 = 28"), text(robot, "kernel-formula"));
        reveal(robot, "kernel-stride");
        Spinner<?> stride = robot.lookup("#kernel-stride").queryAs(Spinner.class);
        robot.clickOn(stride.lookup(".increment-arrow-button"));
        assertEquals(2, vm.strideProperty().get());
        assertTrue(text(robot, "kernel-formula").endsWith("= \u230a(28 + 2\u00b72 \u2212 5) / 2\u230b + 1 = 14"), text(robot, "kernel-formula"));
        assertEquals(14 * 14, vm.playback().cursor().positions());
        assertTrue(text(robot, "kernel-model-note").startsWith("Padding or stride differ from conv1"), text(robot, "kernel-model-note"));
        Spinner<?> padding = robot.lookup("#kernel-padding").queryAs(Spinner.class);
        robot.clickOn(padding.lookup(".decrement-arrow-button"));
        robot.clickOn(padding.lookup(".decrement-arrow-button"));
        assertEquals(0, vm.paddingProperty().get());
        assertTrue(text(robot, "kernel-formula").endsWith("= \u230a(28 + 2\u00b70 \u2212 5) / 2\u230b + 1 = 12"), text(robot, "kernel-formula"));
        assertTrue(text(robot, "kernel-shapes").contains("feature map 12\u00d712: 144 window positions"), text(robot, "kernel-shapes"));
    }

    @Test
    void aPresetKernelAndTypedNumbers(FxRobot robot) {
        waitForNetwork();
        robot.clickOn("#kernel-source-preset");
        reveal(robot, "kernel-preset");
        robot.clickOn("#kernel-preset");
        robot.clickOn("Sobel (y direction)");
        assertEquals(KernelPreset.SOBEL_Y, vm.presetProperty().get());
        assertArrayEquals(KernelPreset.SOBEL_Y.weights(), vm.sweep().kernel());
        // typing a number into the kernel grid makes it a custom kernel
        reveal(robot, "kernel-cell-1-1");
        robot.doubleClickOn("#kernel-cell-1-1");
        robot.eraseText(4).write("3").type(KeyCode.ENTER);
        assertEquals(KernelViewModel.Source.CUSTOM, vm.sourceProperty().get());
        assertEquals(3f, vm.sweep().kernelAt(0, 1, 1));
        // a word instead of a number is refused with a message, the text stays for correcting
        robot.doubleClickOn("#kernel-cell-0-0");
        robot.eraseText(4).write("abc").type(KeyCode.ENTER);
        assertEquals(-1f, vm.sweep().kernelAt(0, 0, 0));
        assertTrue(text(robot, "kernel-message").contains("\"abc\" is not a number"), text(robot, "kernel-message"));
    }

    @Test
    void visitingAKernelCellWithoutTypingChangesNothing(FxRobot robot) {
        modelKernel(robot);
        reveal(robot, "kernel-cell-2-2");
        float before = vm.sweep().kernelAt(0, 2, 2);
        robot.clickOn("#kernel-cell-2-2");
        robot.clickOn("#kernel-cell-0-1");
        robot.clickOn("#kernel-bias");
        robot.clickOn("#kernel-stage");
        assertEquals(KernelViewModel.Source.MODEL, vm.sourceProperty().get(), "the rounded numbers in the grid are not written back");
        assertEquals(before, vm.sweep().kernelAt(0, 2, 2));
    }

    @Test
    void draggingOnTheInputCutsATemplate(FxRobot robot) {
        waitForNetwork();
        robot.clickOn("#kernel-source-preset");
        robot.moveTo(inputPixel(robot, 6, 12)).press(MouseButton.PRIMARY);
        robot.moveTo(inputPixel(robot, 8, 14)).moveTo(inputPixel(robot, 10, 16)).release(MouseButton.PRIMARY);
        assertEquals(KernelViewModel.Source.TEMPLATE, vm.sourceProperty().get());
        int[] t = vm.template();
        assertEquals(6, t[0]);
        assertEquals(12, t[1]);
        assertEquals(5, t[2]);
        assertEquals(5, vm.sweep().kernelSize());
    }

    @Test
    void exportsAPngAndAGifOfTheRealSweep(FxRobot robot) throws Exception {
        modelKernel(robot);
        robot.interact(() -> vm.strideProperty().set(4)); // (28 + 4 − 5) / 4 + 1 = 7: 49 positions
        assertEquals(49, vm.sweep().positions());
        Path png = tmp.resolve("frame.png"), gif = tmp.resolve("sweep.gif");
        view.export().setTarget((ext, name) -> ext.equals("png") ? png : gif);
        reveal(robot, "kernel-export-png");
        robot.clickOn("#kernel-export-png");
        FxTestSupport.await("the PNG", 10, () -> text(robot, "kernel-export-status").startsWith("Saved"));
        var image = ImageIO.read(png.toFile());
        assertNotNull(image, "a decodable PNG");
        assertEquals(1000, image.getWidth(), "the whole view, which fits the 1000 px window");

        robot.clickOn("#kernel-export-gif");
        FxTestSupport.await("the GIF", 60, () -> view.export().recording() != null && view.export().recording().result().isDone());
        assertEquals(gif, view.export().recording().result().get());
        var info = SweepFx.readGif(gif);
        assertEquals(KernelView.gifFrames(49), info.frames());
        assertEquals(49, info.frames());
        assertEquals(KernelView.GIF_WIDTH, info.width());
        assertTrue(info.loops());
        assertEquals(40, info.firstDelayMillis(), "speed 0: the shortest delay");
        assertEquals(2500, info.lastDelayMillis());
        assertTrue(text(robot, "kernel-export-status").contains("49 frames"), text(robot, "kernel-export-status"));
        assertTrue(Files.size(gif) > 1000);
    }

    /** The colour the stage shows for output pixel (oy, ox), read from a snapshot of the canvas. */
    private javafx.scene.paint.Color outputColour(FxRobot robot, int oy, int ox) {
        javafx.scene.Node canvas = robot.lookup("#kernel-stage").query();
        var L = view.layout();
        var shot = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null));
        try {
            return shot.get().getPixelReader().getColor((int) (L.output().getMinX() + (ox + 0.5) * L.outputCell()),
                    (int) (L.output().getMinY() + (oy + 0.5) * L.outputCell()));
        } catch (Exception e) { throw new AssertionError(e); }
    }

    @Test
    void theFeatureMapShowsTheSignOfEverySum(FxRobot robot) {
        modelKernel(robot);
        robot.clickOn("#anim-play");
        WaitForAsyncUtils.waitForFxEvents();
        float[] y = vm.sweep().outputMap();
        int lo = 0, hi = 0;
        for (int i = 1; i < y.length; i++) { if (y[i] < y[lo]) lo = i; if (y[i] > y[hi]) hi = i; }
        assertTrue(y[lo] < 0 && y[hi] > 0, "a trained conv1 kernel gives sums of both signs");
        int w = vm.sweep().outputWidth();
        var neg = outputColour(robot, lo / w, lo % w);
        var pos = outputColour(robot, hi / w, hi % w);
        assertTrue(neg.getBlue() > neg.getRed() + 0.3, "the most negative sum is blue: " + neg);
        assertTrue(pos.getRed() > pos.getBlue() + 0.3, "the largest sum is red: " + pos);
        // by brightness: the most negative sum is black, and 0 is not
        reveal(robot, "kernel-signed");
        robot.clickOn("#kernel-signed");
        assertFalse(vm.signedColoursProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        var black = outputColour(robot, lo / w, lo % w);
        assertTrue(black.getBrightness() < 0.05, "the smallest sum is black: " + black);
        int zero = 0; // the sum nearest to 0
        for (int i = 1; i < y.length; i++) if (Math.abs(y[i]) < Math.abs(y[zero])) zero = i;
        assertTrue(outputColour(robot, zero / w, zero % w).getBrightness() > 0.15, "0 is not as dark as a negative sum");
    }

    @Test
    void conv2sKernelIsABlockPassingThroughTheSixChannelVolume(FxRobot robot) throws Exception {
        modelKernel(robot);
        robot.interact(() -> vm.convLayerProperty().set(3)); // conv2: reads the 6 x 14 x 14 output of pool1
        FxTestSupport.await("the conv2 sweep", 10, () -> vm.sweep() != null && vm.sweep().channels() == 6);
        reveal(robot, "kernel-volume");
        assertTrue(text(robot, "kernel-volume-caption").startsWith("The input is a volume of 6 channels of 14\u00d714; the kernel is a 6\u00d75\u00d75 block"),
                text(robot, "kernel-volume-caption"));
        VolumeView volume = view.volume();
        // the block follows the window: one position forward moves its corner one map pixel along the row
        javafx.geometry.Point2D[] corner = new javafx.geometry.Point2D[2];
        robot.interact(() -> corner[0] = volume.toCanvas(vm.sweep().windowLeft(vm.playback().cursor().position()), 0, 0));
        robot.clickOn("#anim-step"); // completes position 0
        robot.clickOn("#anim-step"); // the next position
        assertEquals(1, vm.playback().cursor().position());
        robot.interact(() -> corner[1] = volume.toCanvas(vm.sweep().windowLeft(vm.playback().cursor().position()), 0, 0));
        assertNotEquals(corner[0], corner[1]);
        // drawn in the software pipeline: the block's accent colour is on the canvas
        var shot = WaitForAsyncUtils.asyncFx(() -> volume.canvas().snapshot(null, null)).get();
        var accent = org.convscope.app.common.StagePalette.of(volume).accent();
        int hits = 0;
        for (int y = 0; y < shot.getHeight(); y++)
            for (int x = 0; x < shot.getWidth(); x++) {
                var c = shot.getPixelReader().getColor(x, y);
                if (Math.abs(c.getRed() - accent.getRed()) < 0.05 && Math.abs(c.getGreen() - accent.getGreen()) < 0.05
                        && Math.abs(c.getBlue() - accent.getBlue()) < 0.05) hits++;
            }
        assertTrue(hits > 50, "the kernel block is drawn: " + hits + " accent pixels");
        // dragging turns it
        double yaw = volume.yaw(), pitch = volume.pitch();
        robot.drag(volume, javafx.scene.input.MouseButton.PRIMARY).moveBy(40, -20).release(javafx.scene.input.MouseButton.PRIMARY);
        assertNotEquals(yaw, volume.yaw());
        assertNotEquals(pitch, volume.pitch());
    }
}
