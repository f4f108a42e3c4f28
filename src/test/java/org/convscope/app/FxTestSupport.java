package org.convscope.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Shared bits of the TestFX tests: the app's theme (so looked-up colours resolve) and waiting for background work. */
public final class FxTestSupport {
    private FxTestSupport() {}

    public static void theme() {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }

    /** Waits (up to seconds) until condition holds on the FX thread; fails the test with what was awaited otherwise. */
    public static void await(String what, double seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return WaitForAsyncUtils.asyncFx(condition).get();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
        }
    }

    /**
     * Moves a view's node out of TestFX's shared stage into a stage of its own, w x h, with the root font size in px (0:
     * as it is), and shows it. The shared stage keeps its size for the test classes that run later. FX thread only.
     */
    public static Stage ownStage(Parent root, double w, double h, double rootFontPx) {
        if (root.getScene() != null) root.getScene().setRoot(new Pane());
        if (rootFontPx > 0) root.setStyle("-fx-font-size: " + rootFontPx + "px;");
        Stage stage = new Stage();
        stage.setScene(new Scene(root, w, h));
        stage.show();
        return stage;
    }
}
