package org.convscope.app.params;

import static org.junit.jupiter.api.Assertions.*;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.I18n;
import org.convscope.app.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ParameterCountViewFxTest {

    private ParameterCountView view;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        view = new ParameterCountView(new AppContext(new Services()));
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1000, 1000));
        stage.show();
    }

    @AfterEach
    void english() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> I18n.setLocale(I18n.ENGLISH)).get();
    }

    private String text(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    @Test
    void showsLenetAndSwitchesModels(FxRobot robot) {
        assertEquals("156 + 2,416 + 48,120 + 10,164 + 850 = 61,706", text(robot, "params-sum"));
        assertEquals("6 × 1 × 5 × 5 + 6", text(robot, "params-formula-0"));
        assertEquals("156", text(robot, "params-count-0"));
        assertEquals("6×28×28", text(robot, "params-shape-0"));
        assertEquals("0", text(robot, "params-count-1"));
        assertEquals("400 × 120 + 120", text(robot, "params-formula-7"));

        robot.clickOn("#params-model-mlp");
        assertEquals("200,960 + 2,570 = 203,530", text(robot, "params-sum"));
        assertEquals("784 × 256 + 256", text(robot, "params-formula-1"));

        robot.clickOn("#params-model-softmax-regression");
        assertEquals("7,850", text(robot, "params-sum"));
        // clicking the chosen model again keeps it chosen
        robot.clickOn("#params-model-softmax-regression");
        assertEquals("7,850", text(robot, "params-sum"));
        assertEquals(0, view.model().selectedIndex());
    }

    @Test
    void followsTheLanguage(FxRobot robot) throws Exception {
        assertTrue(text(robot, "params-layer-0").startsWith("Convolution 5×5"));
        WaitForAsyncUtils.asyncFx(() -> I18n.setLocale(I18n.CHINESE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "params-layer-0").startsWith("卷积 5×5"), text(robot, "params-layer-0"));
        assertEquals("LeNet-5（sigmoid，平均池化）", robot.lookup("#params-model-lenet5-classic").queryAs(javafx.scene.control.ToggleButton.class).getText());
        assertEquals("203,530", text(robot, "params-compare-mlp"));
    }
    /** "Save PNG" writes the view's current frame (the whole page) to the chosen file. */
    @Test
    void savesThePageAsPng(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        robot.interact(() -> view.export().setTarget((ext, name) -> dir.resolve(name)));
        robot.clickOn("#params-export-png");
        java.nio.file.Path png = dir.resolve("convscope-params.png");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> java.nio.file.Files.exists(png)
                && robot.lookup("#params-export-status").queryAs(javafx.scene.control.Label.class).getText().startsWith("Saved"));
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertTrue(image.getHeight() >= 900, "height " + image.getHeight());
    }
}
