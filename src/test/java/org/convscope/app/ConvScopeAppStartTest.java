package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's own start, as the launcher runs it: the window first, and only after its first frame the lesson offer,
 * the bundled models, the other views and the startup log line (issue #12: nothing of that may delay the first
 * picture). The startup marks come out in that order on the JVM's clock.
 */
@ExtendWith(ApplicationExtension.class)
class ConvScopeAppStartTest {
    static {
        ShellFx.headlessRobot();
        System.setProperty("convscope.warmup", "false"); // the engine warm-up has its own test (EngineWarmupTest)
    }

    private final ConvScopeApp app = new ConvScopeApp();
    private boolean offeredBeforeFirstFrame;

    @Start
    void start(Stage stage) {
        Settings.load().clear();
        StartupClock.reset();
        app.start(stage);
        // still inside start(): the first frame has not been drawn, so nothing that waits for it has run
        offeredBeforeFirstFrame = app.window().notice().isShowing();
    }

    @Test
    void theWindowComesFirstAndTheRestFollowsItsFirstFrame() throws Exception {
        ShellFx.await("the lesson offer after the first frame", 30, () -> app.window().notice().isShowing());
        ShellFx.await("every view made after the first frame", 60, () -> app.window().views().stream()
                .allMatch(v -> !(v instanceof LazyView l) || l.made()));
        assertTrue(!offeredBeforeFirstFrame, "the lesson offer waited for the first frame");

        Map<String, Long> marks = StartupClock.millisAfterJvmStart();
        assertEquals(List.of("javafx", "window built", "window shown", "first layout", "first frame"),
                List.copyOf(marks.keySet()), "the marks, in order: " + marks);
        long previous = Long.MIN_VALUE;
        for (var e : marks.entrySet()) {
            assertTrue(e.getValue() >= previous, e.getKey() + " before the step ahead of it: " + marks);
            assertTrue(e.getValue() > 0, e.getKey() + " after the JVM started: " + marks);
            previous = e.getValue();
        }
        WaitForAsyncUtils.asyncFx(app::stop).get();
    }
}
