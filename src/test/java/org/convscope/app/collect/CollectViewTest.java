package org.convscope.app.collect;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.FxTestSupport;
import org.convscope.app.I18n;
import org.convscope.app.Services;
import org.convscope.app.draw.Drawing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The collect flow driven with the robot: choose a class, draw with the mouse, Enter; the grid; restart restores. */
@ExtendWith(ApplicationExtension.class)
class CollectViewTest {
    @TempDir static Path dir;
    Services services;
    AppContext ctx;
    CollectView view;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTestSupport.theme();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services);
        show(stage);
    }

    void show(Stage stage) {
        view = CollectView.inFolder(ctx, dir.resolve("home-" + System.nanoTime()));
        stage.setScene(new Scene((Parent) view.node(), 1400, 900));
        stage.show();
        view.onShow();
    }

    @AfterEach
    void stop() { services.close(); }

    Point2D pad(FxRobot robot, double x, double y) {
        javafx.scene.Node pad = robot.lookup("#collect-pad").query();
        Bounds b = pad.localToScreen(pad.getBoundsInLocal());
        double k = b.getWidth() / Drawing.SIZE;
        return new Point2D(b.getMinX() + x * k, b.getMinY() + y * k);
    }

    void stroke(FxRobot robot, double[][] points) {
        robot.moveTo(pad(robot, points[0][0], points[0][1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i < points.length; i++) robot.moveTo(pad(robot, points[i][0], points[i][1]));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String count(FxRobot robot, int c) { return robot.lookup("#collect-count-" + c).queryAs(Label.class).getText(); }

    /** Issue #12: the stroke reaches the release point even when the last movements were not delivered before it. */
    @Test
    void aStrokeEndsWhereThePenIsReleased(FxRobot robot) {
        javafx.scene.Node pad = robot.lookup("#collect-pad").query();
        double k = pad.getBoundsInLocal().getWidth() / Drawing.SIZE;
        double[][] drags = {{130, 130}, {224, 85}, {310, 140}, {260, 240}, {140, 350}};
        robot.interact(() -> org.convscope.app.PenEvents.stroke(pad, k, drags, new double[] {330, 350}));
        WaitForAsyncUtils.waitForFxEvents();
        float[] r = view.model().drawing().raster();
        assertTrue(r[350 * Drawing.SIZE + 330] > 0.5f, "the release point is inked");
        assertTrue(r[350 * Drawing.SIZE + 240] > 0.5f, "the bottom bar is there");
        var strokes = view.model().strokes();
        assertEquals(1, strokes.size());
        float[] xy = strokes.getFirst().xy();
        assertEquals(330f, xy[xy.length - 2], 0.01f, "the saved stroke ends at the release point too");
        assertEquals(350f, xy[xy.length - 1], 0.01f);
    }

    @Test
    void drawEnterCountsAndRestartRestores(FxRobot robot) {
        FxTestSupport.await("the saved set is read", 5, () -> view.model().loadedProperty().get());
        Path folder = view.model().store().file().getParent();
        assertTrue(robot.lookup("#collect-add").queryAs(Button.class).isDisabled(), "nothing to add on an empty pad");
        robot.clickOn("#collect-class-7");
        stroke(robot, new double[][] {{130, 80}, {320, 80}, {250, 220}, {200, 390}});
        assertFalse(robot.lookup("#collect-add").queryAs(Button.class).isDisabled());
        robot.type(KeyCode.ENTER);
        assertEquals("1", count(robot, 7));
        assertEquals("0", count(robot, 1));
        assertTrue(view.model().padBlankProperty().get(), "the pad clears for the next drawing");
        // the digit key chooses the class
        robot.type(KeyCode.DIGIT1);
        assertTrue(robot.lookup("#collect-class-1").queryAs(ToggleButton.class).isSelected());
        stroke(robot, new double[][] {{224, 70}, {224, 390}});
        robot.type(KeyCode.ENTER);
        stroke(robot, new double[][] {{200, 70}, {240, 390}});
        robot.clickOn("#collect-add");
        assertEquals("2", count(robot, 1));
        assertEquals(3, view.model().set().size());
        Sample seven = view.model().set().samples().getFirst();
        assertEquals(7, seven.label());
        assertEquals(1, seven.strokes().size());
        assertTrue(seven.strokes().getFirst().points() >= 4);

        // select the first "1", move it to class 4, delete the "7", undo the delete
        long one = view.model().set().samples().get(1).id();
        robot.clickOn("#collect-thumb-" + one);
        @SuppressWarnings("unchecked") ComboBox<Integer> relabel = robot.lookup("#collect-relabel").queryAs(ComboBox.class);
        robot.interact(() -> relabel.getSelectionModel().select(Integer.valueOf(4)));
        relabel.getOnAction(); // the chooser's action ran on selection
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1", count(robot, 4));
        assertEquals("1", count(robot, 1));
        robot.clickOn("#collect-thumb-" + seven.id());
        robot.type(KeyCode.DELETE);
        assertEquals("0", count(robot, 7));
        robot.clickOn("#collect-undo");
        assertEquals("1", count(robot, 7));

        // restart: a new view on the same folder shows the same set
        robot.interact(() -> {
            view = CollectView.inFolder(ctx, folder);
            stage.setScene(new Scene((Parent) view.node(), 1400, 900));
        });
        FxTestSupport.await("the saved set is read again", 5, () -> view.model().loadedProperty().get() && view.model().set().size() == 3);
        assertEquals("1", count(robot, 7));
        assertEquals("1", count(robot, 4));
        assertEquals("1", count(robot, 1));
        assertArrayEquals(seven.pixels(), view.model().set().samples().getFirst().pixels());
    }

    @Test
    void classNamesOfTheTeachersOwn(FxRobot robot) {
        FxTestSupport.await("loaded", 5, () -> view.model().loadedProperty().get());
        retype(robot, "circle, square, triangle");
        robot.clickOn("#collect-classes-apply");
        assertEquals("triangle", robot.lookup("#collect-class-2").queryAs(ToggleButton.class).getText());
        assertTrue(robot.lookup("#collect-class-3").tryQuery().isEmpty());
        retype(robot, "a, a");
        robot.clickOn("#collect-classes-apply");
        assertTrue(robot.lookup("#collect-message").queryAs(Label.class).getText().contains("twice"));
        assertEquals(3, view.model().set().classNames().size());
    }

    void retype(FxRobot robot, String text) {
        robot.clickOn("#collect-classes").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        robot.write(text);
        assertEquals(text, robot.lookup("#collect-classes").queryAs(javafx.scene.control.TextField.class).getText());
    }

    @Test
    void lessonStateRoundTrips(FxRobot robot) {
        FxTestSupport.await("loaded", 5, () -> view.model().loadedProperty().get());
        robot.interact(() -> view.applyState(Map.of("class", "5", "tab", "train")));
        assertTrue(robot.lookup("#collect-class-5").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#collect-train-run").query().isVisible(), "the train tab is shown");
        Map<String, String> state = view.captureState();
        assertEquals(Map.of("class", "5", "tab", "train"), state);
        robot.interact(() -> view.applyState(Map.of("class", "2", "tab", "collect")));
        assertEquals(Map.of("class", "2", "tab", "collect"), view.captureState());
        robot.interact(() -> view.applyState(state));
        assertEquals(state, view.captureState());
        var e = assertThrows(IllegalArgumentException.class, () -> view.applyState(Map.of("class", "10")));
        assertTrue(e.getMessage().contains("class"));
        var t = assertThrows(IllegalArgumentException.class, () -> view.applyState(Map.of("class", "1", "tab", "nowhere")));
        assertTrue(t.getMessage().contains("tab"));
        assertEquals(state, view.captureState(), "a refused state changes nothing");
    }

    @Test
    void evaluateTheMnistModelAndOpenAWrongDrawing(FxRobot robot) throws Exception {
        var mnist = org.convscope.app.ModelLibrary.toActiveModel(
                org.convscope.engine.ModelFile.loadBundled("lenet5-mnist.safetensors"), AppContext.MNIST);
        robot.interact(() -> {
            ctx.models().put(AppContext.MNIST, mnist);
            ctx.viewIds().addAll(java.util.List.of("draw", "network", "collect"));
        });
        FxTestSupport.await("loaded", 5, () -> view.model().loadedProperty().get());
        robot.clickOn("#collect-class-7");
        stroke(robot, new double[][] {{135, 70}, {320, 70}, {265, 190}, {225, 290}, {205, 395}});
        robot.type(KeyCode.ENTER);
        stroke(robot, new double[][] {{224, 60}, {224, 392}}); // a "1" filed under 7
        robot.type(KeyCode.ENTER);
        robot.clickOn("#collect-tab-eval");
        FxTestSupport.await("evaluated", 10, () -> view.evalPane().resultProperty().get() != null);
        var r = view.evalPane().resultProperty().get();
        assertEquals(2, r.total());
        assertEquals(0.5, r.accuracy(), 1e-9);
        String acc = robot.lookup("#collect-eval-accuracy").queryAs(Label.class).getText();
        assertTrue(acc.contains("50.0%") && acc.contains("1 of 2"), acc);
        String m = robot.lookup("#collect-eval-mnist").queryAs(Label.class).getText();
        assertTrue(m.endsWith("%"), m);
        assertEquals("1", ((Label) ((javafx.scene.layout.StackPane) robot.lookup("#collect-eval-cell-7-1").query()).getChildren().get(1)).getText());
        long wrongId = view.model().set().samples().get(1).id();
        robot.clickOn("#collect-eval-wrong-" + wrongId);
        var img = ctx.currentImageProperty().get();
        assertNotNull(img);
        assertEquals(7, img.label());
        assertArrayEquals(view.model().set().samples().get(1).image(), img.pixels());
        assertEquals("draw", ctx.requestedViewProperty().get());
        robot.clickOn("#collect-eval-network-" + wrongId);
        assertEquals("network", ctx.requestedViewProperty().get());
    }

    @Test
    void trainOnTheDrawingsShowsBothCurvesAndTheMnistLine(FxRobot robot) throws Exception {
        var mnist = org.convscope.app.ModelLibrary.toActiveModel(
                org.convscope.engine.ModelFile.loadBundled("lenet5-mnist.safetensors"), AppContext.MNIST);
        robot.interact(() -> ctx.models().put(AppContext.MNIST, mnist));
        FxTestSupport.await("loaded", 5, () -> view.model().loadedProperty().get());
        robot.interact(() -> {
            for (int c = 0; c < 10; c++) view.model().set().addAll(Digits.samples(c, 5, "robot"), false);
        });
        robot.clickOn("#collect-tab-train");
        String split = robot.lookup("#collect-train-split").queryAs(Label.class).getText();
        assertTrue(split.contains("40 drawings") && split.contains("10 drawings"), split);
        @SuppressWarnings("unchecked") ComboBox<Integer> epochs = robot.lookup("#collect-train-epochs").queryAs(ComboBox.class);
        robot.interact(() -> epochs.setValue(10));
        robot.clickOn("#collect-train-mnist");
        robot.clickOn("#collect-train-run");
        FxTestSupport.await("trained", 120, () -> !view.trainPane().runningProperty().get());
        @SuppressWarnings("unchecked") var chart = (javafx.scene.chart.LineChart<Number, Number>) robot.lookup("#collect-train-chart").query();
        assertEquals(11, chart.getData().get(0).getData().size(), "training part: before + 10 epochs");
        assertEquals(11, chart.getData().get(1).getData().size(), "held-out part");
        assertEquals(2, chart.getData().get(2).getData().size(), "the MNIST model's line");
        assertEquals(10, view.trainPane().lastProperty().get().epoch());
        String result = robot.lookup("#collect-train-result").queryAs(Label.class).getText();
        assertTrue(result.startsWith("After 10 epochs") && result.contains("MNIST model"), result);
        assertFalse(Double.isNaN(view.trainPane().mnistHeldOut()));

        // the trained model can be measured in the eval tab
        robot.clickOn("#collect-tab-eval");
        FxTestSupport.await("MNIST model evaluated", 20, () -> view.evalPane().resultProperty().get() != null);
        robot.interact(() -> view.evalPane().sourceBox().setValue(EvalPane.Source.TRAINED));
        FxTestSupport.await("trained model evaluated", 20, () -> view.evalPane().resultModelProperty().get() != null
                && view.evalPane().resultModelProperty().get() == view.trainPane().trainedProperty().get());
        assertTrue(robot.lookup("#collect-eval-model").queryAs(Label.class).getText().contains("trained further"));
        assertEquals(50, view.evalPane().resultProperty().get().total());
        assertTrue(view.evalPane().resultProperty().get().accuracy() >= view.trainPane().lastProperty().get().train() * 0.8 - 0.01);
    }

    @Test
    void aModelFromAFileIsMeasuredAndABadFileIsExplained(FxRobot robot) throws Exception {
        var contents = org.convscope.engine.ModelFile.loadBundled("lenet5-mnist.safetensors");
        Path file = dir.resolve("mine-" + System.nanoTime() + ".safetensors");
        org.convscope.engine.ModelFile.save(file, contents.network(), java.util.Map.of("dataset", "mnist", "test_accuracy", "0.95"));
        Path bad = dir.resolve("bad.safetensors");
        java.nio.file.Files.writeString(bad, "not a model");
        FxTestSupport.await("loaded", 5, () -> view.model().loadedProperty().get());
        robot.interact(() -> {
            for (int d : new int[] {0, 1, 4, 7}) view.model().set().add(d, Digits.pixels(Digits.digit(d)), Digits.digit(d), "t");
        });
        robot.clickOn("#collect-tab-eval");
        robot.interact(() -> view.evalPane().openModel(bad));
        FxTestSupport.await("bad file explained", 10, () -> view.model().messageProperty().get() != null
                && "collect.eval.fileBad".equals(view.model().messageProperty().get().key()));
        robot.interact(() -> view.evalPane().openModel(file));
        FxTestSupport.await("file model evaluated", 20, () -> view.evalPane().sourceBox().getValue() == EvalPane.Source.FILE
                && view.evalPane().resultModelProperty().get() != null
                && view.evalPane().resultModelProperty().get().description().contains(file.getFileName().toString()));
        assertTrue(robot.lookup("#collect-eval-model").queryAs(Label.class).getText().contains(file.getFileName().toString()));
        assertEquals(1.0, view.evalPane().resultProperty().get().accuracy(), 1e-9);
        assertEquals("95.0%", robot.lookup("#collect-eval-mnist").queryAs(Label.class).getText());
    }
}
