package org.convscope.app.common;

import static org.junit.jupiter.api.Assertions.*;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.convscope.app.FxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The reusable volume drawing: a slice per channel, turned by dragging, in the software pipeline the tests use. */
@ExtendWith(ApplicationExtension.class)
class VolumeCanvasTest {
    private VolumeCanvas volume;

    @Start
    void start(Stage stage) {
        FxTestSupport.theme();
        volume = new VolumeCanvas();
        stage.setScene(new Scene(new StackPane(volume), 400, 320));
        stage.show();
    }

    @Test
    void drawsOneSlicePerChannelAndTurnsWhenDragged(FxRobot robot) {
        float[] v = new float[16 * 5 * 5];
        for (int i = 0; i < v.length; i++) v[i] = (i % 7) - 3; // signed: the red / blue map
        robot.interact(() -> volume.showVolume(v, 16, 5, 5));
        assertEquals(16, volume.slicesDrawn());
        robot.interact(() -> volume.showVolume(new float[6 * 28 * 28], 6, 28, 28));
        assertEquals(6, volume.slicesDrawn());
        assertEquals(6, volume.channels());
        // the front-top-left corner moves on screen when the volume turns
        Point2D before = volume.toCanvas(0, 0, 0);
        double yaw = volume.yaw();
        Point2D c = volume.localToScreen(200, 160);
        robot.drag(c, javafx.scene.input.MouseButton.PRIMARY).dropTo(new Point2D(c.getX() + 80, c.getY()));
        assertEquals(yaw + 40, volume.yaw(), 6, "half a degree per pixel dragged");
        assertTrue(volume.toCanvas(0, 0, 0).distance(before) > 5, "the corner moved");
        assertEquals(6, volume.slicesDrawn());
        robot.interact(() -> volume.turn(0, 500));
        assertEquals(85, volume.pitch(), 1e-9, "the pitch stops at 85 degrees");
        robot.interact(() -> volume.showVolume(null, 0, 0, 0));
        assertEquals(0, volume.slicesDrawn());
        assertThrows(IllegalArgumentException.class, () -> volume.showVolume(new float[10], 1, 5, 5));
    }
}
