package org.convscope.app.saliency;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.FxTestSupport;
import org.convscope.app.Services;
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
class SaliencyViewFxTest {

    private SaliencyView view;
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
        view = new SaliencyView(ctx);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1440, 900));
        stage.show();
    }

    private String text(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    private void awaitSaliency(int cls, int versus) {
        FxTestSupport.await("saliency for " + cls + " against " + versus, 20, () -> {
            var r = view.saliencyProperty().get();
            return r != null && r.cls() == cls && r.request().versus() == versus;
        });
    }

    @Test
    void predictedClassAnotherClassAndWhyNot(FxRobot robot) {
        awaitSaliency(7, -1);
        assertArrayEquals(Attribution.saliency(net, image, 7, -1), view.saliencyProperty().get().map());
        assertTrue(text(robot, "saliency-reading").contains("the score of 7"), text(robot, "saliency-reading"));

        robot.clickOn("#saliency-class-1");
        awaitSaliency(1, -1);
        assertArrayEquals(Attribution.saliency(net, image, 1, -1), view.saliencyProperty().get().map());

        // why 7 and not 1?
        robot.interact(() -> view.applyState(Map.of("class", "7", "versus", "1")));
        awaitSaliency(7, 1);
        assertArrayEquals(Attribution.saliency(net, image, 7, 1), view.saliencyProperty().get().map());
        assertTrue(text(robot, "saliency-reading").contains("the score of 7 minus the score of 1"), text(robot, "saliency-reading"));

        // occlusion, by clicking its small picture; computed in the background for the same classes
        var p = view.smallPanelCentre(SaliencyView.Method.OCCLUSION);
        robot.clickOn(view.canvas().localToScreen(p.getX(), p.getY()));
        assertEquals(SaliencyView.Method.OCCLUSION, view.method());
        FxTestSupport.await("occlusion of 7 against 1", 60, () -> {
            var o = view.occlusionProperty().get();
            return o != null && o.cls() == 7 && o.request().versus() == 1 && !robot.lookup("#saliency-busy").query().isVisible();
        });
        var o = view.occlusionProperty().get().occlusion();
        assertEquals(Attribution.occlusion(net, image, 7, 1, () -> false).largest(), o.largest(), 1e-6);
        assertTrue(text(robot, "saliency-numbers").contains("144 patches tried"), text(robot, "saliency-numbers"));
    }

    @Test
    void aModelThatLooksAtOnePixelShowsThatPixel(FxRobot robot) {
        awaitSaliency(7, -1);
        Network onePixel = AttributionTest.onePixelModel();
        float[] blank = new float[784];
        blank[AttributionTest.PIXEL] = 1f;
        robot.interact(() -> {
            ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(onePixel, AppContext.MNIST, "one pixel", Double.NaN));
            ctx.currentImageProperty().set(new AppContext.InputImage(blank, AppContext.MNIST, 3, "one pixel"));
        });
        awaitSaliency(3, -1); // the predicted class: only class 3 has a score
        float[] map = view.saliencyProperty().get().map();
        for (int i = 0; i < map.length; i++) assertEquals(i == AttributionTest.PIXEL ? 2f : 0f, map[i], 1e-6);
    }

    @Test
    void lessonStateRoundTripsAndRefusesBadValues(FxRobot robot) {
        awaitSaliency(7, -1);
        assertEquals(Map.of("class", "predicted", "versus", "none", "method", "saliency"), view.captureState());
        robot.interact(() -> view.applyState(Map.of("class", "7", "versus", "1", "method", "occlusion")));
        Map<String, String> saved = view.captureState();
        assertEquals(Map.of("class", "7", "versus", "1", "method", "occlusion"), saved);
        for (Map<String, String> bad : java.util.List.of(Map.of("class", "10"), Map.of("versus", "7"), Map.of("method", "lime"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> view.applyState(bad));
            assertTrue(e.getMessage().startsWith(bad.keySet().iterator().next() + ":"), e.getMessage());
        }
        assertEquals(saved, view.captureState());
    }
}
