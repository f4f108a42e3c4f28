package org.convscope.app.flatten;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FlattenViewFxTest {

    private FlattenView view;
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        ctx = new AppContext(new Services());
        view = new FlattenView(ctx);
        view.playback().stepSecondsProperty().set(0);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1000, 1000));
        stage.show();
    }

    private String text(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    private void clickPixel(FxRobot robot, int y, int x) {
        Point2D local = view.cellCentre(y, x);
        robot.clickOn(view.canvas().localToScreen(local));
    }

    @Test
    void clickingAPixelShowsWhereItsNeighboursGo(FxRobot robot) {
        clickPixel(robot, 10, 14);
        assertEquals(10, view.model().row());
        assertEquals(14, view.model().column());
        assertTrue(text(robot, "flatten-position").endsWith("10 × 28 + 14 = 294"), text(robot, "flatten-position"));
        assertTrue(text(robot, "flatten-right").endsWith("position 295: 1 away"), text(robot, "flatten-right"));
        assertTrue(text(robot, "flatten-below").endsWith("position 322: 28 away"), text(robot, "flatten-below"));
        assertTrue(text(robot, "flatten-kernel").contains("9 cells"), text(robot, "flatten-kernel"));
        assertTrue(text(robot, "flatten-kernel").contains("3 pieces spread over 59 positions"), text(robot, "flatten-kernel"));

        robot.clickOn("#flatten-kernel-5");
        assertTrue(text(robot, "flatten-kernel").contains("5 pieces spread over 117 positions"), text(robot, "flatten-kernel"));

        clickPixel(robot, 3, 27);
        assertTrue(text(robot, "flatten-right").startsWith("No right neighbour"), text(robot, "flatten-right"));
        assertTrue(text(robot, "flatten-right").contains("112"), text(robot, "flatten-right")); // 3*28+27+1 = first pixel of row 4
    }

    @Test
    void playStepAndScrubWithTheSharedControls(FxRobot robot) {
        assertEquals("28 of 28 rows in the vector", text(robot, "flatten-progress"));
        robot.clickOn("#anim-start");
        assertEquals("0 of 28 rows in the vector", text(robot, "flatten-progress"));
        assertEquals(0.0, view.model().progress());
        robot.clickOn("#anim-step");
        assertEquals("1 of 28 rows in the vector", text(robot, "flatten-progress"));
        robot.clickOn("#anim-step-term");
        assertEquals("1 of 28 rows in the vector (and 1 pixel of the next)", text(robot, "flatten-progress"));
        assertTrue(view.model().arrived(28));
        assertFalse(view.model().arrived(29));
        robot.interact(() -> robot.lookup("#anim-timeline").queryAs(javafx.scene.control.Slider.class).setValue(14));
        assertEquals("14 of 28 rows in the vector", text(robot, "flatten-progress"));
        robot.clickOn("#anim-play"); // speed 0: straight to the end
        assertEquals("28 of 28 rows in the vector", text(robot, "flatten-progress"));
        assertEquals(1.0, view.model().progress());
    }

    @Test
    void animationRunsToTheEnd(FxRobot robot) throws Exception {
        robot.clickOn("#anim-start");
        robot.interact(() -> view.playback().stepSecondsProperty().set(0.02));
        robot.clickOn("#anim-play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().progress() >= 1.0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("28 of 28 rows in the vector", text(robot, "flatten-progress"));
    }

    @Test
    void exportsPngAndGif(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        robot.interact(() -> view.export().setTarget((ext, name) -> dir.resolve(name)));
        robot.clickOn("#flatten-export-png");
        java.nio.file.Path png = dir.resolve("convscope-flatten.png");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(png) && text(robot, "flatten-export-status").startsWith("Saved"));
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());

        robot.clickOn("#flatten-export-gif");
        java.nio.file.Path gif = dir.resolve("convscope-flatten.gif");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.export().recording() != null && view.export().recording().result().isDone());
        assertEquals(gif, view.export().recording().result().get());
        var reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(28 * FlattenView.GIF_FRAMES_PER_ROW + 1, reader.getNumImages(true));
        }
        // the on-screen state is untouched by the recording
        assertEquals("28 of 28 rows in the vector", text(robot, "flatten-progress"));
    }

    @Test
    void usesTheCurrentImage(FxRobot robot) {
        assertTrue(text(robot, "flatten-source").startsWith("No image"));
        float[] px = new float[784];
        robot.interact(() -> ctx.currentImageProperty().set(new AppContext.InputImage(px, AppContext.MNIST, 3, "MNIST test #7")));
        assertEquals("Image: MNIST test #7", text(robot, "flatten-source"));
    }
}
