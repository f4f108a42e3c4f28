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
        view.secondsPerRowProperty().set(0);
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
    void playAndResetWithSpeedZero(FxRobot robot) {
        assertEquals("28 of 28 rows in the vector", text(robot, "flatten-progress"));
        robot.clickOn("#flatten-reset");
        assertEquals("0 of 28 rows in the vector", text(robot, "flatten-progress"));
        robot.clickOn("#flatten-play");
        assertEquals("28 of 28 rows in the vector", text(robot, "flatten-progress"));
        assertEquals(1.0, view.model().progress());
    }

    @Test
    void animationRunsToTheEnd(FxRobot robot) throws Exception {
        robot.interact(() -> view.secondsPerRowProperty().set(0.01));
        robot.clickOn("#flatten-play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().progress() >= 1.0);
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
