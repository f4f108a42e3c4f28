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
        var m = java.util.regex.Pattern.compile("Conv 1 · map 3 of 6 · x (\\d+), y (\\d+): (-?[0-9.]+)( · depends on .*)?").matcher(text);
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

    static Bounds screen(javafx.scene.Node n) { return n.localToScreen(n.getBoundsInLocal()); }

    @Test
    void hoveringAConv2UnitOutlinesItsReceptiveFieldInEveryEarlierLayer(FxRobot robot) {
        awaitTrace();
        ImageView map = robot.lookup("#net-map-3-3").queryAs(ImageView.class);
        Bounds b = screen(map);
        double cell = b.getWidth() / 10;
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 5.5 * cell, b.getMinY() + 7.5 * cell));
        String text = robot.lookup("#net-hover").queryAs(Label.class).getText();
        var m = java.util.regex.Pattern.compile(".*x (\\d+), y (\\d+):.*").matcher(text);
        assertTrue(m.matches(), text);
        int x = Integer.parseInt(m.group(1)), y = Integer.parseInt(m.group(2));
        assertTrue(Math.abs(x - 5) <= 1 && Math.abs(y - 7) <= 1, text);
        var field = ReceptiveField.ofMapUnit(view.model().resultProperty().get().trace().spec(), 3, 3, x, y);
        var in = field.getLast();
        assertTrue(text.contains("depends on " + in.width() + "\u00d7" + in.height() + " input pixels"), text);
        // the unit itself: only in its own channel
        assertTrue(robot.lookup("#net-field-3-3").queryAs(javafx.scene.shape.Rectangle.class).isVisible());
        assertFalse(robot.lookup("#net-field-3-2").queryAs(javafx.scene.shape.Rectangle.class).isVisible());
        // behind the convolution: every channel of pool1, conv1 and the input, at the computed place and size
        for (int ch = 0; ch < 6; ch++) assertTrue(robot.lookup("#net-field-2-" + ch).queryAs(javafx.scene.shape.Rectangle.class).isVisible());
        assertFalse(robot.lookup("#net-field-5-0").queryAs(javafx.scene.shape.Rectangle.class).isVisible(), "later layers are not in the field");
        var outline = robot.lookup("#net-field-input-0").queryAs(javafx.scene.shape.Rectangle.class);
        assertTrue(outline.isVisible());
        Bounds ib = screen(robot.lookup("#net-map-input-0").queryAs(ImageView.class));
        Bounds ob = screen(outline);
        double px = ib.getWidth() / 28;
        assertEquals(ib.getMinX() + in.x0() * px, ob.getMinX(), px / 2 + 1.5);
        assertEquals(ib.getMinY() + in.y0() * px, ob.getMinY(), px / 2 + 1.5);
        assertEquals(in.width() * px, ob.getWidth(), px / 2 + 1.5);
        assertEquals(14, in.width(), "an inner conv2 unit of LeNet-5 sees 14 x 14 input pixels");
        // leaving the map clears the outlines
        robot.moveTo("#net-shift");
        assertFalse(outline.isVisible());
    }

    @Test
    void hoveringAFlattenedValueOutlinesTheUnitItCameFrom(FxRobot robot) {
        awaitTrace();
        ImageView strip = robot.lookup("#net-col-6").lookup(".unit-strip").queryAs(ImageView.class);
        Bounds b = screen(strip);
        double cell = b.getWidth() / 400; // a row of cells, left to right, at the right of the maps
        int index = 9 * 25 + 5 + 2; // channel 9, y 1, x 2
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + (index + 0.5) * cell, b.getCenterY()));
        String text = robot.lookup("#net-hover").queryAs(Label.class).getText();
        var m = java.util.regex.Pattern.compile(".*unit (\\d+) of 400.*").matcher(text);
        assertTrue(m.matches(), text);
        int i = Integer.parseInt(m.group(1)) - 1;
        int ch = i / 25;
        assertTrue(robot.lookup("#net-field-5-" + ch).queryAs(javafx.scene.shape.Rectangle.class).isVisible(), text);
        assertFalse(robot.lookup("#net-field-5-" + (ch + 1) % 16).queryAs(javafx.scene.shape.Rectangle.class).isVisible(), text);
        assertTrue(robot.lookup("#net-field-input-0").queryAs(javafx.scene.shape.Rectangle.class).isVisible());
    }

    @Test
    void everyColumnFitsOneRowOfA1440PixelWindowWithReadableMaps(FxRobot robot) {
        awaitTrace();
        // the app's navigation takes about 230 of 1440 pixels; the header and the invariance panel take their share.
        // A stage of its own: the test stage is shared with the tests that run after this one.
        checkScaleAndFit(robot, 1440 - 230, 900 - 80, 0);
    }

    /** The same on a 1280 x 800 projector's share of the window (the navigation takes 323 px), large type. */
    @Test
    void everyColumnFitsOneRowOfA1280PixelProjector(FxRobot robot) {
        awaitTrace();
        checkScaleAndFit(robot, 1280 - 323, 800 - 105, 19); // 19 px: the projector theme's root size
    }

    /** The view alone in a w x h stage of its own (root font px, 0 = as it is), then {@link #checkScaleAndFit(FxRobot, Stage)}. */
    private void checkScaleAndFit(FxRobot robot, double w, double h, double rootFontPx) {
        Stage[] own = new Stage[1];
        robot.interact(() -> own[0] = FxTestSupport.ownStage((javafx.scene.Parent) view.node(), w, h, rootFontPx));
        try {
            WaitForFx();
            checkScaleAndFit(robot, own[0]);
        } finally {
            robot.interact(() -> own[0].close());
        }
    }

    private void checkScaleAndFit(FxRobot robot, Stage stage) {
        double input = robot.lookup("#net-map-input-0").queryAs(ImageView.class).getFitWidth();
        double conv1 = robot.lookup("#net-map-0-0").queryAs(ImageView.class).getFitWidth();
        double pool1 = robot.lookup("#net-map-2-0").queryAs(ImageView.class).getFitWidth();
        double conv2 = robot.lookup("#net-map-3-0").queryAs(ImageView.class).getFitWidth();
        double pool2 = robot.lookup("#net-map-5-0").queryAs(ImageView.class).getFitWidth();
        // every map at least MIN_MAP_PX a side (the pooled 5 x 5 maps: 8 screen pixels per map pixel at most)
        for (double w : new double[] {input, conv1, pool1, conv2}) assertTrue(w >= NetworkView.MIN_MAP_PX, "maps stay readable: " + w);
        assertTrue(pool2 >= Math.min(NetworkView.MIN_MAP_PX, 5 * NetworkView.MAX_SCALE), "pool2 maps stay readable: " + pool2);
        // one scale within a layer: every map of conv2 is drawn the same size, square like the map
        int shown = 0;
        for (int ch = 0; ch < 16; ch++) {
            var found = robot.lookup("#net-map-3-" + ch).tryQueryAs(ImageView.class);
            if (found.isEmpty()) continue; // behind "+k more"
            shown++;
            assertEquals(conv2, found.get().getFitWidth(), 0.01);
            assertEquals(found.get().getFitWidth(), found.get().getFitHeight(), 0.01);
        }
        assertTrue(shown >= 4, "conv2 shows several maps: " + shown);
        if (shown < 16) { // "+k more" shows every map of the layer, and a click on one selects it
            assertEquals("+" + (16 - shown) + " more", robot.lookup("#net-more-3").queryAs(javafx.scene.control.Button.class).getText());
            robot.clickOn("#net-more-3");
            var all = robot.lookup("#net-all-maps").queryAs(javafx.scene.layout.Pane.class);
            assertEquals(16, all.getChildren().size());
            robot.clickOn("#net-all-3-15");
            assertEquals(new AppContext.FeatureMapRef(3, 15), ctx.selectedFeatureMapProperty().get());
        }
        // a pooled map has half as many pixels a side: each of its pixels is drawn at least as large
        assertTrue(pool1 / 14 >= conv1 / 28 - 0.01, pool1 + " for 14 pixels, " + conv1 + " for 28");
        assertTrue(pool2 / 5 >= conv2 / 10 - 0.01, pool2 + " for 5 pixels, " + conv2 + " for 10");
        // one row: every column and the softmax inside the window, side by side
        var softmax = robot.lookup("#net-col-softmax").queryAs(javafx.scene.layout.Region.class);
        double right = softmax.localToScene(softmax.getBoundsInLocal()).getMaxX();
        assertTrue(right <= stage.getScene().getWidth(), "softmax column ends at " + right + " in a " + stage.getScene().getWidth() + " wide window");
        double previous = -1;
        double top = -1;
        for (String id : new String[] {"#net-col-input", "#net-col-0", "#net-col-1", "#net-col-2", "#net-col-3", "#net-col-4", "#net-col-5", "#net-col-6"}) {
            var col = robot.lookup(id).queryAs(javafx.scene.layout.Region.class);
            var b = col.localToScene(col.getBoundsInLocal());
            assertTrue(b.getMinX() > previous, id + " starts at " + b.getMinX() + ", right of the column before it (" + previous + ")");
            if (top < 0) top = b.getMinY();
            assertEquals(top, b.getMinY(), 1, id + " starts at the top of the row");
            previous = b.getMinX();
        }
        // the vectors at the right, top to bottom: flatten, dense 1, dense 2, scores, softmax
        assertTrue(softmax.localToScene(softmax.getBoundsInLocal()).getMinX() >= previous - 1);
        var bottom = softmax.localToScene(softmax.getBoundsInLocal()).getMaxY();
        assertTrue(bottom <= stage.getScene().getHeight(), "the softmax ends at " + bottom + " in a " + stage.getScene().getHeight() + " high window");
    }

    static void WaitForFx() { org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); }

    /**
     * Clicking a layer's title opens its output as a volume: one slice per channel (conv1 6 x 28 x 28 ... pool2
     * 16 x 5 x 5), the trace's own numbers, and dragging turns it.
     */
    @Test
    void aLayersTitleOpensItsOutputAsATurnableVolume(FxRobot robot) {
        awaitTrace();
        var trace = view.model().resultProperty().get().trace();
        int[][] layers = {{0, 6, 28, 28}, {2, 6, 14, 14}, {3, 16, 10, 10}, {5, 16, 5, 5}};
        for (int[] l : layers) {
            robot.clickOn("#net-col-" + l[0] + "-title");
            FxTestSupport.await("volume of layer " + l[0], 10, () -> view.volumeLayer() == l[0] && view.volume().getWidth() > 0);
            var volume = view.volume();
            robot.interact(volume::repaint);
            assertEquals(l[1], volume.channels());
            assertEquals(l[1], volume.slicesDrawn(), "one slice per channel of layer " + l[0]);
            String caption = robot.lookup("#net-volume-caption").queryAs(Label.class).getText();
            assertTrue(caption.contains(l[1] + " \u00d7 " + l[2] + " \u00d7 " + l[3]), caption);
            assertEquals(trace.layers().get(l[0]).values().length, l[1] * l[2] * l[3]);
        }
        var volume = view.volume();
        double yaw = volume.yaw(), pitch = volume.pitch();
        Bounds b = volume.localToScreen(volume.getBoundsInLocal());
        robot.drag(new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()), javafx.scene.input.MouseButton.PRIMARY)
                .dropTo(new javafx.geometry.Point2D(b.getCenterX() + 60, b.getCenterY() + 30));
        assertNotEquals(yaw, volume.yaw(), "dragging sideways turns it about the vertical axis");
        assertNotEquals(pitch, volume.pitch(), "dragging down tilts it");
        assertEquals(16, volume.slicesDrawn(), "still every slice after turning");
        robot.interact(() -> robot.lookup("#net-volume").query().getScene().getWindow().hide());
        assertEquals(-1, view.volumeLayer());
    }

    /** Lesson state "unit": a unit's receptive field outlined as if hovered; capture gives it back; bad values say why. */
    @Test
    void aLessonCanOutlineAUnitsReceptiveField(FxRobot robot) {
        awaitTrace();
        robot.interact(() -> view.applyState(java.util.Map.of("unit", "conv2:3:4:5")));
        assertEquals("conv2:3:4:5", view.captureState().get("unit"));
        assertTrue(robot.lookup("#net-field-3-2").query().isVisible(), "conv2's map 3 outlines the unit itself");
        assertFalse(robot.lookup("#net-field-3-0").query().isVisible());
        assertTrue(robot.lookup("#net-field-0-0").query().isVisible(), "conv1: every map takes part");
        assertTrue(robot.lookup("#net-field-input-0").query().isVisible(), "down to the input pixels");
        assertTrue(robot.lookup("#net-hover").queryAs(Label.class).getText().startsWith("conv2 · map 3 · y 4, x 5"));
        var saved = view.captureState();
        robot.interact(() -> view.applyState(java.util.Map.of("unit", "")));
        assertFalse(robot.lookup("#net-field-3-2").query().isVisible());
        assertFalse(view.captureState().containsKey("unit"), "no unit outlined: no key");
        robot.interact(() -> view.applyState(saved));
        assertEquals(saved, view.captureState(), "capture -> apply round-trips");
        for (String bad : new String[]{"fc1:1:0:0", "conv9:1:0:0", "conv1:7:0:0", "conv1:1:28:0", "conv1:a:b:c", "conv1"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> view.applyState(java.util.Map.of("unit", bad)));
            assertTrue(e.getMessage().startsWith("unit:"), e.getMessage());
        }
        assertEquals(saved, view.captureState(), "a bad value changes nothing");
    }
}
