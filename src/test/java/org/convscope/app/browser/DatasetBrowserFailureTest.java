package org.convscope.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.DatasetCache;
import org.convscope.app.I18n;
import org.convscope.app.MainWindow;
import org.convscope.app.Services;
import org.convscope.app.Settings;
import org.convscope.app.ShellFx;
import org.convscope.data.Dataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A dataset that cannot be read: the view says what is wrong and what to do, and "Try again" works. */
@ExtendWith(ApplicationExtension.class)
class DatasetBrowserFailureTest {
    static { ShellFx.headlessRobot(); }

    private final AtomicInteger attempts = new AtomicInteger();
    private DatasetBrowserView view;
    private Services services;
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        var settings = Settings.load();
        settings.clear();
        services = new Services();
        var cache = new DatasetCache(services.background(), Platform::runLater, (key, progress) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new java.io.IOException("t10k-images-idx3-ubyte.gz: the file ends after 1,024 of 7,840,016 bytes");
            }
            return new Dataset(key.kind(), key.split(), new byte[2 * 784], new byte[] {1, 2}, 2, 28, 28);
        });
        ctx = new AppContext(services, cache);
        view = new DatasetBrowserView(ctx);
        stage.setScene(new MainWindow(ctx, settings, List.of(view)).createScene(1200, 800));
        stage.show();
    }

    @AfterEach
    void after() { services.close(); }

    @Test
    void aLoadFailureIsExplainedAndCanBeRetried(FxRobot robot) {
        ShellFx.await("the problem is shown", 20, () -> robot.lookup("#browser-problem").tryQuery().isPresent());
        Node problem = robot.lookup("#browser-problem").query();
        String text = robot.from(problem).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(text.contains("Could not load MNIST"), text);
        assertTrue(text.contains("ends after 1,024"), "the reason is shown: " + text);
        assertTrue(text.contains("Reinstall"), "and what to do: " + text);
        assertTrue(robot.lookup("#status-message").queryAs(Label.class).getText().contains("Could not load"));

        robot.clickOn("#retry");
        ShellFx.await("the data after retrying", 20, () -> view.model().dataProperty().get() != null);
        assertEquals(2, attempts.get());
        assertTrue(robot.lookup("#thumb-1").tryQuery().isPresent());
        assertTrue(robot.lookup("#browser-problem").tryQuery().map(n -> !n.isVisible() || !n.getParent().isVisible()).orElse(true));
    }
}
