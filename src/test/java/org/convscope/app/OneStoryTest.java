package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One story across views: a view opened from the "Parts of a CNN" diagram shows the model that diagram showed
 * (the sigmoid / average-pooling LeNet opens average pooling and sigmoid, not the bundled ReLU / max model).
 */
@ExtendWith(ApplicationExtension.class)
class OneStoryTest {
    static { ShellFx.headlessRobot(); }

    private Services services;
    private AppContext ctx;
    private MainWindow window;
    private Settings settings;

    @Start
    void start(Stage stage) throws Exception {
        settings = Settings.load();
        settings.clear();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services);
        window = new MainWindow(ctx, settings, Views.create(ctx));
        stage.setScene(window.createScene(1000, 760));
        stage.show();
        ModelLibrary.loadBundled(ctx, ctx.status()::error);
        var test = org.convscope.data.BundledDatasets.get(org.convscope.data.DatasetKind.MNIST, org.convscope.data.Split.TEST,
                org.convscope.data.LoadProgress.NONE);
        ctx.currentImageProperty().set(new AppContext.InputImage(test.image(0), AppContext.MNIST, test.label(0), "MNIST test #0"));
    }

    @AfterEach
    void after() {
        settings.clear();
        services.close();
    }

    void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(ButtonBase.class).fire());
    }

    boolean selected(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(ToggleButton.class).isSelected();
    }

    void openFromDiagram(FxRobot robot, String part, String expectedView) {
        robot.interact(() -> window.select("overview"));
        fire(robot, part);
        assertEquals(expectedView, window.selectedProperty().get().id());
    }

    @Test
    void theDiagramsModelIsTheOneTheViewsShow(FxRobot robot) throws Exception {
        ShellFx.await("the bundled models", 30, () -> ctx.models().containsKey(AppContext.MNIST));
        robot.interact(() -> window.select("overview"));
        assertTrue(selected(robot, "overview-model-lenet5-classic"), "the overview starts with the classic LeNet");

        // classic LeNet: layer 1 sigmoid, 2 average pooling, 7 the first fully connected layer
        openFromDiagram(robot, "overview-part-2", "pooling");
        ShellFx.await("average pooling", 10, () -> selected(robot, "pooling-kind-average"));
        Thread.sleep(1500); // the bundled (max pooling) network's trace arrives meanwhile: it must not win
        assertTrue(selected(robot, "pooling-kind-average"), "still average pooling after the network's trace arrived");

        openFromDiagram(robot, "overview-part-1", "activation");
        ShellFx.await("the sigmoid network", 10, () -> selected(robot, "activation-source-fresh")
                && selected(robot, "activation-curve-sigmoid"));

        // a fully connected layer opens the classifier view (concept 5)
        openFromDiagram(robot, "overview-part-7", "classifier");

        // the modern LeNet's diagram: max pooling, the trained ReLU network, its parameter table
        robot.interact(() -> window.select("overview"));
        fire(robot, "overview-model-lenet5-modern");
        openFromDiagram(robot, "overview-part-2", "pooling");
        ShellFx.await("max pooling", 10, () -> selected(robot, "pooling-kind-max"));
        openFromDiagram(robot, "overview-part-1", "activation");
        ShellFx.await("the trained ReLU network", 10, () -> selected(robot, "activation-source-trained")
                && selected(robot, "activation-curve-relu"));
        openFromDiagram(robot, "overview-part-7", "classifier");
    }
}
