package org.convscope.app.classifier;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.FxTestSupport;
import org.convscope.app.Services;
import org.convscope.app.common.Decimals;
import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.ModelFile;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ClassifierViewFxTest {

    private ClassifierView view;
    private AppContext ctx;
    private Network net;
    private float[] image;

    @Start
    void start(Stage stage) throws Exception {
        FxTestSupport.theme();
        var test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
        image = test.image(0);
        net = ModelFile.loadBundled("lenet5-mnist.safetensors").network();
        ctx = new AppContext(new Services());
        ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(net, AppContext.MNIST, "LeNet-5", Double.NaN));
        ctx.currentImageProperty().set(new AppContext.InputImage(image, AppContext.MNIST, test.label(0), "MNIST test #0"));
        view = new ClassifierView(ctx);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1440, 900));
        stage.show();
    }

    private String text(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    @Test
    void showsTheScoreOfThePredictedClassThenAHiddenUnit(FxRobot robot) {
        FxTestSupport.await("the first result", 20, () -> view.resultProperty().get() != null);
        Classification c = view.resultProperty().get();
        assertFalse(robot.lookup("#classifier-busy").query().isVisible(), "the busy hint goes when the result comes");
        assertEquals("dense3", view.layer().name());
        assertEquals(7, view.unit(), "the predicted class");
        float z7 = net.trace(image).layers().getLast().values()[7];
        assertTrue(text(robot, "classifier-total").contains("(the engine: " + Decimals.of(z7) + ")"), text(robot, "classifier-total"));
        assertTrue(text(robot, "classifier-sum-heading").contains("class 7"), text(robot, "classifier-sum-heading"));
        String loss = text(robot, "classifier-loss");
        assertTrue(loss.contains("= " + Decimals.of(c.loss())), loss);
        assertTrue(text(robot, "classifier-softmax-sum").contains(Decimals.of(c.softmax().sum())));

        robot.clickOn("#classifier-layer-dense1");
        FxTestSupport.await("layer dense1", 5, () -> view.layer().name().equals("dense1"));
        @SuppressWarnings("unchecked")
        Spinner<Integer> spinner = robot.lookup("#classifier-unit").queryAs(Spinner.class);
        assertEquals(c.strongestUnit(c.layer("dense1")), spinner.getValue());
        // click the row of unit 5 in the weight matrix
        var p = view.rowCentre(5);
        robot.clickOn(view.canvas().localToScreen(p.getX(), p.getY()));
        FxTestSupport.await("unit 5", 5, () -> view.unit() == 5);
        assertEquals(5, spinner.getValue());
        float z = net.trace(image).layers().get(7).values()[5];
        assertTrue(text(robot, "classifier-total").contains(Decimals.of(z)), text(robot, "classifier-total"));
        assertTrue(text(robot, "classifier-activated").startsWith("relu(z)"), text(robot, "classifier-activated"));
    }

    @Test
    void aShortWindowScrollsInsteadOfSqueezingTheScoreRows() throws Exception {
        // its own short window (TestFX's shared stage keeps its size for the other test classes); the softmax card
        // shows with the last layer and used to leave the matrix 0.35 px rows
        ClassifierView small = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> new ClassifierView(ctx)).get();
        Stage stage = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene((javafx.scene.Parent) small.node(), 1000, 560));
            s.show();
            return s;
        }).get();
        try {
            FxTestSupport.await("the first result", 20, () -> small.resultProperty().get() != null);
            FxTestSupport.await("the rows readable", 5, () -> small.rowCentre(1).getY() - small.rowCentre(0).getY() >= 6);
            assertTrue(small.canvas().getHeight() >= small.canvas().getMinHeight() - 1,
                    "the canvas keeps its minimum: " + small.canvas().getHeight() + " < " + small.canvas().getMinHeight());
            // and the page stays inside the window: the title at its top, the side column's start in view (the page
            // used to outgrow the window, which cut its top off), and the picture column scrolls instead
            double[] seen = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                javafx.scene.Node page = small.node(), title = page.lookup("#concept-title");
                var p = page.localToScene(page.getLayoutBounds());
                var t = title.localToScene(title.getLayoutBounds());
                var scroll = (javafx.scene.control.ScrollPane) page.lookup("#classifier-scroll");
                return new double[] {p.getMinY(), p.getMaxY(), t.getMinY(), stage.getScene().getHeight(),
                        scroll.getContent().getLayoutBounds().getHeight(), scroll.getViewportBounds().getHeight()};
            }).get();
            assertTrue(seen[0] >= -0.5 && seen[1] <= seen[3] + 0.5, "the page fits the window: " + seen[0] + ".." + seen[1] + " in " + seen[3]);
            assertTrue(seen[2] >= -0.5, "the title is on screen: " + seen[2]);
            assertTrue(seen[4] > seen[5] + 1, "the picture column is taller than its viewport, so it scrolls: " + seen[4] + " / " + seen[5]);
        } finally {
            org.testfx.util.WaitForAsyncUtils.asyncFx(stage::close).get();
        }
    }

    @Test
    void lessonStateRoundTripsAndRefusesBadValues(FxRobot robot) {
        FxTestSupport.await("the first result", 20, () -> view.resultProperty().get() != null);
        robot.interact(() -> view.applyState(Map.of("layer", "dense2", "unit", "3")));
        assertEquals(Map.of("layer", "dense2", "unit", "3"), view.captureState());
        assertEquals(3, view.unit());
        assertEquals(84, view.resultProperty().get().layer("dense2").outputs());
        Map<String, String> saved = view.captureState();
        robot.interact(() -> view.applyState(Map.of("layer", "dense1")));
        assertEquals("dense1", view.captureState().get("layer"));
        robot.interact(() -> view.applyState(saved));
        assertEquals(saved, view.captureState());

        var e = assertThrows(IllegalArgumentException.class, () -> view.applyState(Map.of("unit", "84")));
        assertTrue(e.getMessage().startsWith("unit:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> view.applyState(Map.of("layer", "conv1")));
        assertTrue(e.getMessage().startsWith("layer:"), e.getMessage());
        assertEquals(saved, view.captureState());
    }

    @Test
    void saysWhatIsMissingWithoutAModel(FxRobot robot) {
        FxTestSupport.await("the first result", 20, () -> view.resultProperty().get() != null);
        robot.interact(() -> ctx.models().remove(AppContext.MNIST));
        Label message = robot.lookup("#classifier-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getText().startsWith("No trained model"), message.getText());
    }
}
