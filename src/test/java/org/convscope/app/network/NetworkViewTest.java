package org.convscope.app.network;

import static org.junit.jupiter.api.Assertions.*;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.FxTestSupport;
import org.convscope.app.I18n;
import org.convscope.app.Services;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class NetworkViewTest {

    Services services;
    AppContext ctx;
    NetworkView view;
    Network lenet;

    /** A "1": a vertical bar, centred. */
    static float[] bar() {
        float[] p = new float[784];
        for (int y = 6; y < 22; y++) for (int x = 13; x < 16; x++) p[y * 28 + x] = 1f;
        return p;
    }

    @Start
    void start(Stage stage) {
        FxTestSupport.theme();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services);
        lenet = Network.create(ModelZoo.lenetModern(), 7);
        ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(lenet, AppContext.MNIST, "LeNet-5 (test)", 0.5));
        ctx.currentImageProperty().set(new AppContext.InputImage(bar(), AppContext.MNIST, 1, "a bar"));
        view = new NetworkView(ctx);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1500, 950));
        stage.show();
        view.onShow();
    }

    @AfterEach
    void stop() { services.close(); }

    void awaitTrace() {
        FxTestSupport.await("the trace", 20, () -> view.model().resultProperty().get() != null
                && view.model().resultProperty().get().shift().equals(view.model().shiftProperty().get()));
    }

    @Test
    void everyLayerHasAColumnWithItsShapeAndOneMapPerChannel(FxRobot robot) {
        awaitTrace();
        assertTrue(robot.lookup("#net-col-input").tryQuery().isPresent());
        assertTrue(robot.lookup("#net-col-softmax").tryQuery().isPresent());
        for (int ch = 0; ch < 6; ch++) assertNotNull(robot.lookup("#net-map-0-" + ch).queryAs(ImageView.class).getImage());
        for (int ch = 0; ch < 16; ch++) assertNotNull(robot.lookup("#net-map-3-" + ch).queryAs(ImageView.class).getImage());
        assertTrue(robot.lookup("#net-col-0").lookup(".layer-shape").queryAs(Label.class).getText().equals("6\u00d728\u00d728"));
        assertTrue(robot.lookup("#net-col-8").lookup(".layer-shape").queryAs(Label.class).getText().equals("120"));
    }

    @Test
    void hoveringAMapShowsItsValueAndPosition(FxRobot robot) {
        awaitTrace();
        ImageView map = robot.lookup("#net-map-0-2").queryAs(ImageView.class);
        Bounds b = map.localToScreen(map.getBoundsInLocal());
        double cell = b.getWidth() / 28;
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + (14 + 0.5) * cell, b.getMinY() + (10 + 0.5) * cell));
        var trace = view.model().resultProperty().get().trace();
        String text = robot.lookup("#net-hover").queryAs(Label.class).getText();
        // the robot lands on whole screen pixels: allow the neighbouring map pixel, then check its value exactly
        var m = java.util.regex.Pattern.compile("Conv 1 · map 3 of 6 · x (\\d+), y (\\d+): (-?[0-9.]+)").matcher(text);
        assertTrue(m.matches(), text);
        int x = Integer.parseInt(m.group(1)), y = Integer.parseInt(m.group(2));
        assertTrue(Math.abs(x - 14) <= 1 && Math.abs(y - 10) <= 1, text);
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", trace.layers().get(0).at(2, y, x)), m.group(3));
    }

    @Test
    void clickingAMapSelectsItAndOpensTheConvolutionViewOnlyWhenThereIsOne(FxRobot robot) {
        awaitTrace();
        robot.clickOn("#net-map-0-4");
        assertEquals(new AppContext.FeatureMapRef(0, 4), ctx.selectedFeatureMapProperty().get());
        assertNull(ctx.requestedViewProperty().get(), "no kernel view in this app: just select");
        robot.interact(() -> ctx.viewIds().add(NetworkView.KERNEL_VIEW));
        robot.clickOn("#net-map-3-11");
        assertEquals(new AppContext.FeatureMapRef(3, 11), ctx.selectedFeatureMapProperty().get());
        assertEquals(NetworkView.KERNEL_VIEW, ctx.requestedViewProperty().get());
    }

    @Test
    void arrowKeysShiftTheInputAndTheFeatureMapsMoveWithIt(FxRobot robot) {
        awaitTrace();
        var before = view.model().resultProperty().get().trace();
        robot.clickOn("#net-shift"); // focus inside the view
        robot.type(KeyCode.RIGHT, 3);
        robot.type(KeyCode.DOWN);
        assertEquals(new InputShift(3, 1, 0), view.model().shiftProperty().get());
        awaitTrace();
        var after = view.model().resultProperty().get().trace();
        // convolution is equivariant: away from the borders, map(x + 3, y + 1) after == map(x, y) before
        for (int ch = 0; ch < 6; ch++) {
            for (int y = 4; y < 22; y++) {
                for (int x = 4; x < 21; x++) {
                    assertEquals(before.layers().get(0).at(ch, y, x), after.layers().get(0).at(ch, y + 1, x + 3), 1e-4f);
                }
            }
        }
        assertTrue(robot.lookup("#net-shift").queryAs(Label.class).getText().contains("x +3 px, y +1 px"));
        robot.clickOn("#net-reset");
        assertEquals(InputShift.NONE, view.model().shiftProperty().get());
    }

    @Test
    void theRotateButtonsTurnTheInputTheNetworkSees(FxRobot robot) {
        awaitTrace();
        robot.clickOn("#net-rotate-left").clickOn("#net-rotate-left");
        assertEquals(10.0, view.model().shiftProperty().get().degrees());
        awaitTrace();
        float[] expected = InputShift.rotate(bar(), 28, 28, 10);
        assertArrayEquals(expected, view.model().resultProperty().get().trace().input(), 1e-6f);
        robot.clickOn("#net-rotate-right");
        assertEquals(5.0, view.model().shiftProperty().get().degrees());
        assertTrue(robot.lookup("#net-shift").queryAs(Label.class).getText().contains("rotation +5"));
    }

    @Test
    void theInvariancePlotShowsTheTopClassAgainstTheShift(FxRobot robot) {
        awaitTrace();
        robot.clickOn("#net-left");
        FxTestSupport.await("the curve around the new shift", 30, () -> view.model().curveProperty().get() != null
                && view.model().curveProperty().get().at().dx() == -1);
        var curve = view.model().curveProperty().get();
        assertEquals(17, curve.horizontal().length);
        var trace = view.model().resultProperty().get().trace();
        assertEquals(trace.probabilities()[curve.referenceClass()], curve.current(), 1e-5f);
        assertSame(curve, robot.lookup("#net-plot").queryAs(InvariancePlot.class).curve());
    }

    @Test
    void aModelWithoutConvolutionsIsDrawnToo(FxRobot robot) {
        ModelSpec spec = ModelZoo.mlp();
        robot.interact(() -> ctx.models().put(AppContext.MNIST,
                new AppContext.ActiveModel(Network.create(spec, 1), AppContext.MNIST, "MLP", Double.NaN)));
        FxTestSupport.await("the MLP's trace", 20, () -> view.model().resultProperty().get() != null
                && view.model().resultProperty().get().trace().spec() == spec);
        assertTrue(robot.lookup("#net-col-softmax").tryQuery().isPresent());
        assertTrue(robot.lookup(".feature-map").queryAll().size() == 1, "only the input is a picture");
    }
}
