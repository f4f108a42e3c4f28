package org.convscope.app.pooling;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.convscope.app.AppContext;
import org.convscope.app.FxTestSupport;
import org.convscope.app.I18n;
import org.convscope.app.Services;
import org.convscope.app.kernel.SweepFx;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.convscope.engine.PoolKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a person clicks in the pooling view, with the speed property at zero. */
@ExtendWith(ApplicationExtension.class)
class PoolingViewFxTest {

    private PoolingView view;
    private PoolingViewModel vm;
    private Services services;
    private Network net;
    @TempDir Path tmp;

    @Start
    void start(Stage stage) {
        FxTestSupport.theme();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        AppContext ctx = new AppContext(services);
        view = new PoolingView(ctx);
        vm = view.viewModel();
        vm.playback().stepSecondsProperty().set(0);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1000, 950));
        stage.show();
        net = Network.create(ModelZoo.lenetModern(), 3);
        ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(net, AppContext.MNIST, "LeNet-5", Double.NaN));
        ctx.currentImageProperty().set(SweepFx.mnist(2));
    }

    @AfterEach
    void stop() { services.close(); }

    private void waitForNetwork() {
        FxTestSupport.await("the trace", 10, () -> vm.trace() != null && vm.window() != null);
    }

    private static String text(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    private Point2D outputPixel(FxRobot robot, int oy, int ox) {
        Node stage = robot.lookup("#pooling-stage").query();
        var L = view.layout();
        return stage.localToScreen(L.output().getMinX() + (ox + 0.5) * L.cell(), L.output().getMinY() + (oy + 0.5) * L.cell());
    }

    @Test
    void shapesBeforeAndAfterAndNoParameters(FxRobot robot) {
        waitForNetwork();
        assertEquals("6\u00d728\u00d728 \u2192 6\u00d714\u00d714", text(robot, "pooling-shapes"));
        assertTrue(text(robot, "pooling-values").startsWith("4,704 values become 1,176 (4\u00d7 fewer)"), text(robot, "pooling-values"));
        assertTrue(text(robot, "pooling-params").startsWith("Parameters: 0."), text(robot, "pooling-params"));
        assertTrue(text(robot, "pooling-model-note").contains("uses Max pooling"), text(robot, "pooling-model-note"));
        robot.interact(() -> vm.layerProperty().set(5));
        assertEquals("16\u00d710\u00d710 \u2192 16\u00d75\u00d75", text(robot, "pooling-shapes"));
    }

    @Test
    void stepPlayAndScrub(FxRobot robot) {
        waitForNetwork();
        robot.clickOn("#anim-step-term");
        robot.clickOn("#anim-step-term");
        assertEquals(2, vm.playback().cursor().done());
        PoolingWindow w = vm.window();
        assertEquals(Math.max(w.valueAt(0, 0), w.valueAt(0, 1)), w.runningMax(0, 2));
        robot.clickOn("#anim-step");
        robot.clickOn("#anim-step");
        assertEquals("2 / 196", text(robot, "anim-filled"));
        robot.clickOn("#anim-back");
        assertEquals(1, vm.playback().cursor().filled());
        robot.clickOn("#anim-play");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.playback().cursor().atEnd());
        Slider timeline = robot.lookup("#anim-timeline").queryAs(Slider.class);
        robot.drag(timeline.lookup(".thumb"), MouseButton.PRIMARY).moveBy(-timeline.getWidth() * 0.6, 0).release(MouseButton.PRIMARY);
        int back = vm.playback().cursor().filled();
        assertTrue(back > 30 && back < 120, "scrubbed back to " + back);
    }

    @Test
    void clickingAnOutputPixelShowsItsWindowAndMaxOrAverage(FxRobot robot) {
        waitForNetwork();
        robot.clickOn(outputPixel(robot, 5, 8));
        assertEquals(5 * 14 + 8, vm.playback().cursor().position());
        assertTrue(vm.receptiveFieldProperty().get());
        float max = vm.window().output(vm.playback().cursor().position());
        assertEquals(net.trace(SweepFx.mnist(2).pixels()).layers().get(2).at(0, 5, 8), max, 1e-6f);
        robot.clickOn("#pooling-kind-average");
        assertEquals(PoolKind.AVERAGE, vm.kindProperty().get());
        assertFalse(vm.matchesModelProperty().get());
        assertTrue(text(robot, "pooling-model-note").contains("what the other kind would give"), text(robot, "pooling-model-note"));
        PoolingWindow w = vm.window();
        int p = vm.playback().cursor().position();
        assertEquals((w.valueAt(p, 0) + w.valueAt(p, 1) + w.valueAt(p, 2) + w.valueAt(p, 3)) * 0.25f, w.output(p));
    }

    @Test
    void exportsAGifWithOneFramePerPosition(FxRobot robot) throws Exception {
        waitForNetwork();
        robot.interact(() -> vm.layerProperty().set(5)); // pool2: 5×5 = 25 positions
        Path png = tmp.resolve("pool.png"), gif = tmp.resolve("pool.gif");
        view.export().setTarget((ext, name) -> ext.equals("png") ? png : gif);
        org.convscope.app.kernel.KernelViewFxTest.reveal(robot, "pooling-export-gif");
        robot.clickOn("#pooling-export-png");
        FxTestSupport.await("the PNG", 10, () -> text(robot, "pooling-export-status").startsWith("Saved"));
        assertNotNull(ImageIO.read(png.toFile()));
        robot.clickOn("#pooling-export-gif");
        FxTestSupport.await("the GIF", 60, () -> view.export().recording() != null && view.export().recording().result().isDone());
        var info = SweepFx.readGif(gif);
        assertEquals(PoolingView.gifFrames(25), info.frames());
        assertEquals(25, info.frames());
        assertTrue(info.loops());
        assertEquals(PoolingView.GIF_HEIGHT, info.height());
    }

    @Test
    void aOnePixelShiftShowsHowMuchEachLayerChangesBeforeAndAfterPooling(FxRobot robot) throws Exception {
        FxTestSupport.await("the shift measurement", 20, () -> view.sensitivityProperty().get() != null);
        var s = view.sensitivityProperty().get();
        assertEquals(1, s.dx());
        assertEquals(0, s.dy());
        var expected = ShiftSensitivity.measure(net, SweepFx.mnist(2).pixels(), 28, 28, 1, 0);
        assertEquals(expected.rows(), s.rows());
        // one row per feature-map layer, with the number
        for (var r : s.rows()) {
            String shown = text(robot, "pooling-shift-row-" + r.layer());
            assertEquals(String.format(java.util.Locale.ROOT, r.change() < 0.1 ? "%.1f %%" : "%.0f %%", 100 * r.change()), shown);
        }
        String summary = text(robot, "pooling-shift-summary");
        assertTrue(summary.startsWith("pool1 changes by " + text(robot, "pooling-shift-row-2") + ", its input relu1 by "
                + text(robot, "pooling-shift-row-1")), summary);
        // the other direction: measured again, one pixel down
        org.convscope.app.kernel.KernelViewFxTest.reveal(robot, "pooling-shift-down");
        robot.clickOn("#pooling-shift-down");
        FxTestSupport.await("the downward measurement", 20, () -> view.sensitivityProperty().get() != null && view.sensitivityProperty().get().dy() == 1);
        assertEquals(ShiftSensitivity.measure(net, SweepFx.mnist(2).pixels(), 28, 28, 0, 1).rows(), view.sensitivityProperty().get().rows());
    }
}
