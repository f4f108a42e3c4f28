package org.convscope.app.overview;

import static org.junit.jupiter.api.Assertions.*;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class OverviewViewFxTest {

    private AppContext ctx;
    private OverviewView view;
    private String opened;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        ctx = new AppContext(new Services());
        // the views the diagram links to, except pooling, which this app pretends not to have
        ctx.viewIds().addAll(java.util.List.of("draw", "kernel", "activation", "flatten", "classifier"));
        // stand-in for the shell, which switches and then clears the request
        ctx.requestedViewProperty().addListener((o, a, b) -> { if (b != null) { opened = b; ctx.requestedViewProperty().set(null); } });
        view = new OverviewView(ctx);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1000, 1000));
        stage.show();
    }

    @Test
    void blocksShowShapesAndOpenTheirViews(FxRobot robot) {
        assertEquals("Total: 61,706 parameters", robot.lookup("#overview-total").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#overview-part-2").queryButton().getText().contains("6×14×14"));
        robot.clickOn("#overview-part-0");
        assertEquals("kernel", opened);
        robot.clickOn("#overview-part-1");
        assertEquals("activation", opened);
        robot.clickOn("#overview-part-6");
        assertEquals("flatten", opened);
        robot.clickOn("#overview-part-input");
        assertEquals("draw", opened);
        // a view the app does not have cannot be opened
        assertTrue(robot.lookup("#overview-part-2").queryButton().isDisabled());
        assertFalse(robot.lookup("#overview-part-7").queryButton().isDisabled());
        robot.clickOn("#overview-part-7");
        assertEquals("classifier", opened, "a dense layer opens the classifier view");

        robot.clickOn("#overview-model-lenet5-modern");
        Button pool = robot.lookup("#overview-part-2").queryButton();
        assertTrue(pool.getText().startsWith("Max pooling"), pool.getText());
    }
    /** "Save PNG" writes the view's current frame (the whole page) to the chosen file. */
    @Test
    void savesThePageAsPng(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        robot.interact(() -> view.export().setTarget((ext, name) -> dir.resolve(name)));
        robot.clickOn("#overview-export-png");
        java.nio.file.Path png = dir.resolve("convscope-overview.png");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> java.nio.file.Files.exists(png)
                && robot.lookup("#overview-export-status").queryAs(javafx.scene.control.Label.class).getText().startsWith("Saved"));
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertTrue(image.getHeight() >= 900, "height " + image.getHeight());
    }
}
