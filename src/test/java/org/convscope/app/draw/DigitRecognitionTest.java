package org.convscope.app.draw;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.FxTestSupport;
import org.convscope.app.I18n;
import org.convscope.app.ModelLibrary;
import org.convscope.app.Services;
import org.convscope.engine.ModelFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A person drawing clear digits 0-9 with the mouse gets them recognised by the bundled MNIST model: the TestFX robot
 * draws each digit's strokes ({@link DigitStrokes}) on the pad, and the prediction must be that digit. While it
 * draws, the prediction must follow the pen (several answers per stroke, not one at pen-up). Also prints the
 * measured latencies (pen event -> bars, -> laid-out frame) and frame intervals; they are reported, not asserted.
 */
@ExtendWith(ApplicationExtension.class)
class DigitRecognitionTest {

    Services services;
    AppContext ctx;
    DrawView view;

    @Start
    void start(Stage stage) throws Exception {
        FxTestSupport.theme();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services);
        ctx.models().put(AppContext.MNIST, ModelLibrary.toActiveModel(ModelFile.loadBundled("lenet5-mnist.safetensors"), AppContext.MNIST));
        view = new DrawView(ctx);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1400, 900));
        stage.show();
        view.onShow();
    }

    @AfterEach
    void stop() { services.close(); }

    long frames(FxRobot robot) {
        var n = new java.util.concurrent.atomic.AtomicLong();
        robot.interact(() -> n.set(view.framesLaidOut()));
        return n.get();
    }

    /** CPU time so far of the live thread whose name starts with prefix (0 if there is none or it is not measurable). */
    static long cpuNanos(String prefix) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) return Math.max(0, mx.getThreadCpuTime(t.threadId()));
        }
        return 0;
    }

    static void sleep(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    /** The pad's screen bounds (read on the FX thread). */
    Bounds padBounds(FxRobot robot) {
        javafx.scene.Node pad = robot.lookup("#draw-pad").query();
        var b = new java.util.concurrent.atomic.AtomicReference<Bounds>();
        robot.interact(() -> b.set(pad.localToScreen(pad.getBoundsInLocal())));
        return b.get();
    }

    static Point2D pad(Bounds b, double x, double y) {
        double k = b.getWidth() / Drawing.SIZE;
        return new Point2D(b.getMinX() + x * k, b.getMinY() + y * k);
    }

    @Test
    void everyDigitDrawnWithTheMouseIsRecognised(FxRobot robot) {
        // once large in the middle of the pad, once small in its top-left corner: the preprocessing makes both the same
        List<String> wrong = new ArrayList<>();
        // CPU time of the FX thread and of the render thread per frame: what drawing costs whatever else the machine does
        long fx0 = cpuNanos("JavaFX Application Thread"), render0 = cpuNanos("QuantumRenderer"), frames0 = frames(robot);
        drawAll(robot, 1.0, 0, 0, wrong);
        drawAll(robot, 0.55, -90, -85, wrong);
        long frames = frames(robot) - frames0;
        System.out.printf(java.util.Locale.ROOT, "CPU per frame while drawing (%d frames): FX thread %.2f ms, render thread %.2f ms%n",
                frames, (cpuNanos("JavaFX Application Thread") - fx0) / 1e6 / frames, (cpuNanos("QuantumRenderer") - render0) / 1e6 / frames);
        System.out.println("pen event -> bars set:      " + view.barsLatency());
        System.out.println("pen event -> laid-out frame: " + view.frameLatency());
        System.out.println("frame interval while drawing: " + view.frameIntervals());
        System.out.println("pen handler (raster + preprocessing): " + view.handlerTime());
        long[] late = view.framesLate();
        System.out.println("answers shown 0 / 1 / 2 / 3+ frames after their stroke: " + late[0] + " / " + late[1] + " / " + late[2] + " / " + late[3]);
        assertTrue(wrong.isEmpty(), "misread: " + wrong);
    }

    /** Draws 0..9, each scaled about the pad's centre and moved by (dx, dy) pad pixels, and checks the answers. */
    void drawAll(FxRobot robot, double scale, double dx, double dy, List<String> wrong) {
        double c = Drawing.SIZE / 2.0;
        Bounds bounds = padBounds(robot);
        int strokes = 0;
        // answers that reach the FX thread while the pen is still down
        var answersWhileDrawing = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> view.model().predictionProperty().addListener((o, a, p) -> {
            if (p != null && view.model().drawing().drawing()) answersWhileDrawing.incrementAndGet();
        }));
        for (int digit = 0; digit <= 9; digit++) {
            robot.interact(view.model()::clear);
            for (double[][] stroke : DigitStrokes.of(digit)) {
                double[][] pts = DigitStrokes.dense(stroke, 6);
                for (double[] p : pts) {
                    p[0] = c + (p[0] - c) * scale + dx;
                    p[1] = c + (p[1] - c) * scale + dy;
                }
                robot.moveTo(pad(bounds, pts[0][0], pts[0][1]));
                robot.press(MouseButton.PRIMARY);
                // like a 125 Hz mouse: one move every 8 ms, 6 pad pixels apart (about 1,000 screen pixels a second);
                // the base robot moves without waiting for the FX thread, as a real mouse does
                var mouse = robot.robotContext().getBaseRobot();
                for (int i = 1; i < pts.length; i++) {
                    mouse.moveMouse(pad(bounds, pts[i][0], pts[i][1]));
                    sleep(8);
                }
                WaitForAsyncUtils.waitForFxEvents();
                robot.release(MouseButton.PRIMARY);
                strokes++;
            }
            WaitForAsyncUtils.waitForFxEvents();
            FxTestSupport.await("the answer for the finished " + digit, 10, () -> {
                var p = view.model().predictionProperty().get();
                return p != null && java.util.Arrays.equals(p.input().pixels(), view.model().inputProperty().get().pixels());
            });
            var p = view.model().predictionProperty().get();
            System.out.printf("scale %.2f: digit %d -> %d (%.1f %%)%n", scale, digit, p.topClass(), 100 * p.probabilities()[p.topClass()]);
            if (p.topClass() != digit) wrong.add(digit + " (scale " + scale + ") read as " + p.topClass());
        }
        assertTrue(answersWhileDrawing.get() >= 2 * strokes,
                "the answer follows the pen: " + answersWhileDrawing + " answers while drawing " + strokes + " strokes");
    }
}
