package org.convscope.app.activation;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.Services;
import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.Activation;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ActivationViewFxTest {

    private ActivationView view;
    private AppContext ctx;

    @Start
    void start(Stage stage) throws Exception {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        var test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
        ctx = new AppContext(new Services());
        ctx.currentImageProperty().set(new AppContext.InputImage(test.image(0), AppContext.MNIST, test.label(0), "MNIST test #0"));
        view = new ActivationView(ctx);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1000, 1000));
        stage.show();
    }

    private String text(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    private static double percent(String s) { return Double.parseDouble(s.replace("%", "").trim()); }

    /** Waits until the shown result was computed for the given input kind, layer and curve. */
    private void awaitResult(boolean unnormalised, int layerIndex, Activation curve) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            var r = view.resultProperty().get();
            return r != null && r.request().unnormalised() == unnormalised && r.request().layer().index() == layerIndex
                    && r.request().curve() == curve;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void unnormalisedToggleRaisesTheSaturatedShare(FxRobot robot) throws Exception {
        awaitResult(false, 1, Activation.SIGMOID);
        double before = percent(text(robot, "activation-flat-share"));
        assertTrue(text(robot, "activation-flat-count").endsWith("of 4,704 units"), text(robot, "activation-flat-count"));
        assertTrue(text(robot, "activation-definition").contains("|x| > 4.36"), text(robot, "activation-definition"));

        robot.clickOn("#activation-unnormalised");
        awaitResult(true, 1, Activation.SIGMOID);
        double after = percent(text(robot, "activation-flat-share"));
        assertTrue(after > before + 15, before + " % -> " + after + " %");
        assertTrue(text(robot, "activation-range").contains("input 0–255"), text(robot, "activation-range"));
        // the same number the view model computes for this state
        assertEquals(100 * view.model().compute().stats().flatShare(), after, 0.05);

        robot.clickOn("#activation-curve-tanh");
        awaitResult(true, 1, Activation.TANH);
        assertTrue(text(robot, "activation-definition").contains("|x| > 2.18"), text(robot, "activation-definition"));
    }

    @Test
    void layerChoiceAndTrainedModel(FxRobot robot) throws Exception {
        awaitResult(false, 1, Activation.SIGMOID);
        robot.clickOn("#activation-layer");
        robot.clickOn("sigmoid after dense1: 120 values");
        awaitResult(false, 8, Activation.SIGMOID);
        assertTrue(text(robot, "activation-flat-count").endsWith("of 120 units"), text(robot, "activation-flat-count"));

        assertTrue(robot.lookup("#activation-source-trained").queryAs(ToggleButton.class).isDisabled());
        Network modern = Network.create(ModelZoo.lenetModern(), 3);
        robot.interact(() -> ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(modern, AppContext.MNIST, "LeNet-5 (ReLU)", Double.NaN)));
        ToggleButton trained = robot.lookup("#activation-source-trained").queryAs(ToggleButton.class);
        assertFalse(trained.isDisabled());
        assertTrue(trained.isSelected());
        assertEquals("Trained: LeNet-5 (ReLU)", trained.getText());
        awaitResult(false, 8, Activation.RELU);
        assertTrue(text(robot, "activation-definition").contains("x ≤ 0"), text(robot, "activation-definition"));

        robot.clickOn("#activation-source-fresh");
        awaitResult(false, 8, Activation.SIGMOID);
        assertSame(view.model().network(), view.resultProperty().get().request().network());
        // a new image keeps the chosen network
        float[] other = view.resultProperty().get().request().image().clone();
        other[400] = 1f - other[400];
        robot.interact(() -> ctx.currentImageProperty().set(new AppContext.InputImage(other, AppContext.MNIST, -1, "edited")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.resultProperty().get().request().image()[400] == other[400]);
        assertEquals(ActivationViewModel.Source.FRESH, view.model().source());
        assertTrue(robot.lookup("#activation-source-fresh").queryAs(ToggleButton.class).isSelected());
    }
    /** "Save PNG" writes the view's current frame (the whole page) to the chosen file. */
    @Test
    void savesThePageAsPng(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        robot.interact(() -> view.export().setTarget((ext, name) -> dir.resolve(name)));
        // the side column is taller than the window: scroll it down as a person would
        robot.interact(() -> robot.lookup(".concept-side-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#activation-export-png");
        java.nio.file.Path png = dir.resolve("convscope-activation.png");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> java.nio.file.Files.exists(png)
                && robot.lookup("#activation-export-status").queryAs(javafx.scene.control.Label.class).getText().startsWith("Saved"));
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertTrue(image.getHeight() >= 900, "height " + image.getHeight());
    }
}
