package org.convscope.app.backprop;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.FxTestSupport;
import org.convscope.app.Services;
import org.convscope.app.common.Decimals;
import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.Gradients;
import org.convscope.engine.ModelFile;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class BackpropViewFxTest {

    private BackpropView view;
    private AppContext ctx;
    private Network trained;
    private float[] image;
    private int label;

    @Start
    void start(Stage stage) throws Exception {
        FxTestSupport.theme();
        var test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
        image = test.image(0);
        label = test.label(0);
        trained = ModelFile.loadBundled("lenet5-mnist.safetensors").network();
        ctx = new AppContext(new Services());
        ctx.currentImageProperty().set(new AppContext.InputImage(image, AppContext.MNIST, label, "MNIST test #0"));
        view = new BackpropView(ctx);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1440, 900));
        stage.show();
    }

    private String text(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    private void awaitStep(Backprop.Source s, int step) {
        FxTestSupport.await(s + " step " + step, 20, () -> {
            var r = view.resultProperty().get();
            return r != null && r.source() == s && r.step() == step;
        });
    }

    @Test
    void stepsForwardAndBackWithTheEnginesGradients(FxRobot robot) {
        awaitStep(Backprop.Source.MODERN, 0);
        assertFalse(robot.lookup("#backprop-busy").query().isVisible(), "the busy hint goes when the result comes");
        Network fresh = Backprop.initial(Backprop.Source.MODERN);
        Gradients g = fresh.lossGradients(image, label);
        assertTrue(text(robot, "backprop-loss").endsWith("= " + Decimals.of(g.loss())), text(robot, "backprop-loss"));
        // the shown layer gradients are the engine's
        var r = view.resultProperty().get();
        for (int i = 0; i < g.outputGradients().size(); i++)
            assertArrayEquals(g.outputGradients().get(i), r.gradients().outputGradients().get(i));

        robot.clickOn("#backprop-forward");
        awaitStep(Backprop.Source.MODERN, 1);
        Gradients g1 = fresh.stepped(g.parameterGradient(), 0.05f).lossGradients(image, label);
        assertEquals(g1.loss(), view.resultProperty().get().gradients().loss(), 1e-6);
        assertTrue(g1.loss() < g.loss());
        assertTrue(text(robot, "backprop-step").startsWith("Step 1"), text(robot, "backprop-step"));
        robot.clickOn("#backprop-forward");
        awaitStep(Backprop.Source.MODERN, 2);
        robot.clickOn("#backprop-back");
        awaitStep(Backprop.Source.MODERN, 1);
        assertEquals(g1.loss(), view.resultProperty().get().gradients().loss(), 1e-6);

        // the kernel update written out: after = before − η · gradient at its largest tap
        Backprop.KernelUpdate u = view.resultProperty().get().update();
        int t = u.largestTap();
        assertTrue(text(robot, "backprop-kernel-formula").contains("= " + Decimals.of(u.after()[t], 4)), text(robot, "backprop-kernel-formula"));
        assertEquals(u.before()[t] - 0.05f * u.gradient()[t], u.after()[t], 0f);
    }

    @Test
    void theSigmoidLeNetShowsAVanishingGradientAndTheTrainedModelIsNotChanged(FxRobot robot) {
        awaitStep(Backprop.Source.MODERN, 0);
        assertTrue(robot.lookup("#backprop-model-trained").queryAs(ToggleButton.class).isDisabled());
        robot.clickOn("#backprop-model-d2l");
        awaitStep(Backprop.Source.D2L, 0);
        var r = view.resultProperty().get();
        assertEquals(Backprop.Source.MODERN, r.comparisonSource());
        assertTrue(r.firstWeightsRms() * 100 < r.comparisonFirstWeightsRms(), r.firstWeightsRms() + " vs " + r.comparisonFirstWeightsRms());
        assertEquals(r.firstWeightsRms(), r.d2lInitRms(), 0);
        assertTrue(text(robot, "backprop-vanishing").contains(Decimals.of(r.d2lInitRms())), text(robot, "backprop-vanishing"));
        assertTrue(text(robot, "backprop-vanishing").contains(Decimals.of(r.modernInitRms())), text(robot, "backprop-vanishing"));
        assertTrue(text(robot, "backprop-step").contains("η = 0.05"), text(robot, "backprop-step"));

        float[] before = trained.parameters();
        robot.interact(() -> ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(trained, AppContext.MNIST, "LeNet-5", Double.NaN)));
        robot.clickOn("#backprop-model-trained");
        awaitStep(Backprop.Source.TRAINED, 0);
        robot.clickOn("#backprop-forward");
        awaitStep(Backprop.Source.TRAINED, 1);
        assertArrayEquals(before, trained.parameters(), "the steps ran on a copy");
    }

    /** A drawn digit has no label: it is learnt as the predicted class at first, or as the class chosen. */
    @Test
    void anImageWithoutALabelIsLearntAsAChosenClass(FxRobot robot) {
        awaitStep(Backprop.Source.MODERN, 0);
        assertFalse(robot.lookup("#backprop-label-row").query().isVisible());
        robot.interact(() -> ctx.currentImageProperty().set(new AppContext.InputImage(image, AppContext.MNIST, -1, "drawn")));
        Network fresh = Backprop.initial(Backprop.Source.MODERN);
        int predicted = fresh.trace(image).predictedClass();
        FxTestSupport.await("the unlabelled image", 20, () -> view.resultProperty().get().request().label() == -1);
        assertEquals(predicted, view.resultProperty().get().label());
        assertTrue(robot.lookup("#backprop-label-row").query().isVisible());
        assertTrue(text(robot, "backprop-source").contains("without a label"), text(robot, "backprop-source"));
        int other = (predicted + 3) % 10;
        robot.interact(() -> robot.lookup("#backprop-label").queryComboBox().getSelectionModel().select(other));
        FxTestSupport.await("learnt as " + other, 20, () -> view.resultProperty().get().label() == other);
        assertEquals(fresh.lossGradients(image, other).loss(), view.resultProperty().get().gradients().loss(), 1e-6);
        assertTrue(text(robot, "backprop-loss").startsWith("Loss = −ln p(" + other + ")"), text(robot, "backprop-loss"));
    }

    @Test
    void lessonStateRoundTrips(FxRobot robot) {
        awaitStep(Backprop.Source.MODERN, 0);
        robot.interact(() -> view.applyState(Map.of("model", "d2l", "step", "3", "kernel", "4")));
        assertEquals(Map.of("model", "d2l", "step", "3", "kernel", "4"), view.captureState());
        awaitStep(Backprop.Source.D2L, 3);
        assertEquals(4, view.resultProperty().get().update().kernel());
        Map<String, String> saved = view.captureState();
        var e = assertThrows(IllegalArgumentException.class, () -> view.applyState(Map.of("step", "51")));
        assertTrue(e.getMessage().startsWith("step:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> view.applyState(Map.of("model", "trained")));
        assertTrue(e.getMessage().startsWith("model:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> view.applyState(Map.of("kernel", "x")));
        assertTrue(e.getMessage().startsWith("kernel:"), e.getMessage());
        assertEquals(saved, view.captureState());
    }

    /**
     * The canvas's text follows the theme's size: at least 18 px in the projector theme, larger than in
     * the light theme; the decade labels of the log axis never overlap (thinned when the axis is short), and layer
     * names that do not fit their column go on two rows.
     */
    @Test
    void canvasTextScalesWithTheThemeAndTicksNeverOverlap(FxRobot robot) {
        awaitStep(Backprop.Source.MODERN, 0);
        Scene scene = view.node().getScene();
        FxTestSupport.await("painted", 20, () -> view.lastCanvasText() != null);
        double light = view.lastCanvasText().fontSize();
        // the theme switched on the same scene (the stage is shared with later test classes: its size stays)
        robot.interact(() -> org.convscope.app.Theme.PROJECTOR.apply(scene));
        FxTestSupport.await("repainted larger", 20, () -> view.lastCanvasText().fontSize() > light);
        BackpropView.CanvasText t = view.lastCanvasText();
        assertTrue(t.fontSize() >= 18, "projector text " + t.fontSize() + " px");
        assertTrue(t.ticks().size() >= 2, "labels on the log axis: " + t.ticks());
        for (int i = 1; i < t.tickYs().size(); i++)
            assertTrue(Math.abs(t.tickYs().get(i) - t.tickYs().get(i - 1)) >= 1.2 * t.fontSize(),
                    "labels " + t.ticks() + " at " + t.tickYs() + " overlap");
        robot.interact(() -> org.convscope.app.Theme.LIGHT.apply(scene));
        FxTestSupport.await("back to light", 20, () -> view.lastCanvasText().fontSize() == light);
    }

    @Test
    void ticksThinOutOnAShortAxis() {
        assertEquals(1, BackpropView.tickEvery(40, 19, 5), "40 px a decade: every decade");
        assertEquals(2, BackpropView.tickEvery(15, 19, 5), "15 px: every second");
        assertEquals(3, BackpropView.tickEvery(9, 19, 5), "9 px: every third");
        assertEquals(5, BackpropView.tickEvery(1, 19, 5), "never more than the decades");
    }
}
