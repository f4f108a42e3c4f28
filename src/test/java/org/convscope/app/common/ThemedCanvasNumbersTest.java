package org.convscope.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.convscope.app.ScreenAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Numbers drawn on a canvas follow the theme's minimum size (projector.css) and the canvas reports their size. */
@ExtendWith(ApplicationExtension.class)
class ThemedCanvasNumbersTest {
    private ThemedCanvas canvas;
    private StackPane root;
    private final AtomicReference<Double> drawn = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        canvas = new ThemedCanvas(StagePalette.LOOKUPS);
        canvas.setPainter((g, w, h) -> {
            StagePalette p = StagePalette.of(canvas);
            drawn.set(p.numberBold(9).getSize());
            g.setFont(canvas.numberFont(0.6));
            g.fillText("0.25", 10, 20);
        });
        root = new StackPane(canvas);
        root.setStyle("-fx-font-size: 19px;");
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void projectorThemeRaisesSmallNumbersAndTheCanvasReportsTheSmallest(FxRobot robot) {
        // without the projector stylesheet: no minimum, the sizes asked for
        robot.interact(() -> { root.applyCss(); root.layout(); canvas.repaint(); });
        assertEquals(9, drawn.get(), 1e-9);
        assertEquals(9, canvas.smallestNumberSize(), 1e-9, "the smallest number of the last paint");
        assertTrue(canvas.smallestNumberSize() < ScreenAudit.PROJECTOR_MIN_NUMBER_PX, "light theme: no minimum");

        robot.interact(() -> {
            root.getStylesheets().add(org.convscope.app.Theme.class.getResource("projector.css").toExternalForm());
            root.applyCss();
            root.layout();
            canvas.repaint();
        });
        assertEquals(ScreenAudit.PROJECTOR_MIN_NUMBER_PX, canvas.numberSizes().min(), 1e-9, "projector.css sets the minimum");
        assertEquals(ScreenAudit.PROJECTOR_MIN_NUMBER_PX, drawn.get(), 1e-9, "a 9 px number is raised to the minimum");
        assertEquals(ScreenAudit.PROJECTOR_MIN_NUMBER_PX, canvas.smallestNumberSize(), 1e-9);
        // a number asked for above the minimum keeps its size
        robot.interact(() -> assertEquals(30, canvas.numberFont(30 / 19.0).getSize(), 1e-6));
    }

    @Test
    void aPaintWithoutNumbersReportsNone(FxRobot robot) {
        robot.interact(() -> { canvas.setPainter((g, w, h) -> g.fillRect(0, 0, 10, 10)); });
        assertTrue(Double.isInfinite(canvas.smallestNumberSize()));
    }
}
