package org.convscope.app.sharing;

import static org.junit.jupiter.api.Assertions.*;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.Services;
import org.convscope.app.common.ThemedCanvas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WeightSharingViewFxTest {

    private WeightSharingView view;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        view = new WeightSharingView(new AppContext(new Services()));
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1000, 1000));
        stage.sizeToScene(); // the stage is shared by the test classes: an earlier one may have sized it
        stage.show();
    }

    private String text(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    @Test
    void countsForTheToyAndBothLenetConvolutions(FxRobot robot) {
        assertEquals("36 weights + 6 biases", text(robot, "sharing-toy-full"));
        assertEquals("12 weights + 6 biases", text(robot, "sharing-toy-local"));
        assertEquals("2 weights + 1 bias", text(robot, "sharing-toy-shared"));

        assertEquals("784 × 4,704 = 3,687,936", text(robot, "sharing-real-weights-full"));
        assertEquals("+ 4,704", text(robot, "sharing-real-biases-full"));
        assertEquals("3,692,640", text(robot, "sharing-real-total-full"));
        assertEquals("4,704 × 25 = 117,600", text(robot, "sharing-real-weights-local"));
        assertEquals("122,304", text(robot, "sharing-real-total-local"));
        assertEquals("6 × 1 × 5 × 5 = 150", text(robot, "sharing-real-weights-shared"));
        assertEquals("+ 6", text(robot, "sharing-real-biases-shared"));
        assertEquals("156", text(robot, "sharing-real-total-shared"));
        assertEquals("784×", text(robot, "sharing-ratio-local"));
        assertEquals("23,671×", text(robot, "sharing-ratio-full"));

        robot.clickOn("#sharing-layer-conv2");
        assertEquals("1,883,200", text(robot, "sharing-real-total-full"));
        assertEquals("241,600", text(robot, "sharing-real-total-local"));
        assertEquals("2,416", text(robot, "sharing-real-total-shared"));
        assertEquals("1,600 output units, kernel 5×5", text(robot, "sharing-real-shapes"));
        assertEquals("16 × 6 × 5 × 5 = 2,400", text(robot, "sharing-real-weights-shared"));
        assertEquals("100×", text(robot, "sharing-ratio-local")); // one kernel re-used at 10 x 10 positions
        assertEquals("779×", text(robot, "sharing-ratio-full"));
        robot.clickOn("#sharing-layer-conv2"); // stays chosen
        assertEquals("2,416", text(robot, "sharing-real-total-shared"));
        robot.clickOn("#sharing-layer-conv1");
        assertEquals("156", text(robot, "sharing-real-total-shared"));
    }

    /** The shared drawing uses exactly the two weight colours; the local one has colours the shared one lacks. */
    @Test
    void sharedConnectionsRepeatTwoColours(FxRobot robot) throws Exception {
        Color w1 = view.colourOf(Wiring.SHARED, 0), w2 = view.colourOf(Wiring.SHARED, 1);
        assertNotEquals(w1, w2);
        int[] shared = countColours(robot, "sharing-toy-canvas-shared", w1, w2, view.colourOf(Wiring.LOCAL, 5));
        assertTrue(shared[0] > 200 && shared[1] > 200, "w1 pixels " + shared[0] + ", w2 pixels " + shared[1]);
        assertEquals(0, shared[2], "a local-only colour appears in the shared drawing");
        int[] local = countColours(robot, "sharing-toy-canvas-local", view.colourOf(Wiring.LOCAL, 5), view.colourOf(Wiring.LOCAL, 11), w2);
        assertTrue(local[0] > 20 && local[1] > 20, "local weights 6 and 12 drawn: " + local[0] + ", " + local[1]);
    }

    private static int[] countColours(FxRobot robot, String id, Color... colours) throws Exception {
        ThemedCanvas c = robot.lookup("#" + id).queryAs(ThemedCanvas.class);
        Canvas canvas = c.canvas();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get();
        PixelReader r = img.getPixelReader();
        int[] n = new int[colours.length];
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                Color p = r.getColor(x, y);
                for (int i = 0; i < colours.length; i++)
                    if (Math.abs(p.getRed() - colours[i].getRed()) < 0.02 && Math.abs(p.getGreen() - colours[i].getGreen()) < 0.02
                            && Math.abs(p.getBlue() - colours[i].getBlue()) < 0.02) n[i]++;
            }
        return n;
    }
    /** "Save PNG" writes the view's current frame (the whole page) to the chosen file. */
    @Test
    void savesThePageAsPng(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        robot.interact(() -> view.export().setTarget((ext, name) -> dir.resolve(name)));
        // the button ends the side column, which scrolls when the page is taller than the window (as here, 1000 px)
        robot.interact(() -> ((javafx.scene.control.ScrollPane) view.node().lookup(".concept-side-scroll")).setVvalue(1));
        robot.clickOn("#sharing-export-png");
        java.nio.file.Path png = dir.resolve("convscope-sharing.png");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> java.nio.file.Files.exists(png)
                && robot.lookup("#sharing-export-status").queryAs(javafx.scene.control.Label.class).getText().startsWith("Saved"));
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertTrue(image.getHeight() >= 900, "height " + image.getHeight());
    }

    /** The shared toy can be played with: w1, w2 and the position change the sums and the drawing. */
    @Test
    void changingTheSharedWeightsRecomputesEveryOutput(FxRobot robot) throws Exception {
        var m = view.model();
        // the default pair (1, -1) is a difference: it finds the step up (h2 = -1) and the step down (h5 = 1)
        assertEquals("h1 = w1\u00b7x1 + w2\u00b7x2 = 1\u00b70 + (\u22121)\u00b70 = 0", text(robot, "sharing-formula"));
        assertEquals(-1, m.output(1), 1e-9);
        assertEquals(1, m.output(4), 1e-9);
        ThemedCanvas canvas = robot.lookup("#sharing-toy-canvas-shared").queryAs(ThemedCanvas.class);
        WritableImage before = WaitForAsyncUtils.asyncFx(() -> canvas.canvas().snapshot(null, null)).get();
        // w1 one step up with the spinner's arrow: 1.1 everywhere
        var w1 = robot.lookup("#sharing-w1").queryAs(javafx.scene.control.Spinner.class);
        robot.clickOn(w1.lookup(".increment-arrow-button"));
        assertEquals(1.1, m.w1(), 1e-9);
        for (int o = 0; o < 6; o++) assertEquals(1.1 * m.input(o) - m.input(o + 1), m.output(o), 1e-9, "h" + (o + 1));
        // slide to the fifth output: its sum is written out
        robot.interact(() -> robot.lookup("#sharing-position").queryAs(javafx.scene.control.Slider.class).setValue(5));
        assertEquals(4, m.position());
        assertEquals("h5 = w1\u00b7x5 + w2\u00b7x6 = 1.1\u00b71 + (\u22121)\u00b70 = 1.1", text(robot, "sharing-formula"));
        // w2 typed: the last output reads the padding (0)
        var w2 = robot.lookup("#sharing-w2").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> w2.getValueFactory().setValue(0.5));
        robot.interact(() -> robot.lookup("#sharing-position").queryAs(javafx.scene.control.Slider.class).setValue(6));
        assertEquals("h6 = w1\u00b7x6 + w2\u00b70 = 1.1\u00b70 + 0.5\u00b70 = 0", text(robot, "sharing-formula"));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage after = WaitForAsyncUtils.asyncFx(() -> canvas.canvas().snapshot(null, null)).get();
        int differ = 0;
        for (int y = 0; y < after.getHeight(); y++)
            for (int x = 0; x < after.getWidth(); x++)
                if (!before.getPixelReader().getColor(x, y).equals(after.getPixelReader().getColor(x, y))) differ++;
        assertTrue(differ > 500, "the shared drawing changed with the weights: " + differ + " pixels");
        // bad values are refused by the model with a message
        var e = assertThrows(IllegalArgumentException.class, () -> m.setWeight(0, 3));
        assertTrue(e.getMessage().contains("between -2 and 2"), e.getMessage());
    }
}
