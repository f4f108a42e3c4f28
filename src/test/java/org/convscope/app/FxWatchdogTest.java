package org.convscope.app;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.SyntheticTrainingSet;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The watchdog itself: it charges a wait in our code to us, and the same wait in test code to nobody. */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogTest {
    static { ShellFx.headlessRobot(); }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("watched"), 200, 100));
        stage.show();
    }

    @Test
    void aBlockingCallInOurCodeIsCaughtWithItsStack(FxRobot robot) {
        LabeledImages train = SyntheticTrainingSet.make(256, 1), test = SyntheticTrainingSet.make(64, 2);
        // a run whose end takes 400 ms (a slow last autosave), closed the old way: waiting on the FX thread
        var session = new TrainingSession(ModelZoo.softmaxRegression(), new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f,
                16, 1000, 1, 42), train, test, TrainingSession.Options.defaults(), new TrainingSession.Listener() {
                    @Override public void ended(TrainingSnapshot s) { sleep(400); }
                });
        session.start();
        try (FxWatchdog dog = FxWatchdog.install()) {
            sleep(100);
            robot.interact(session::close);
            sleep(100);
            dog.close();
            FxWatchdog.Stall w = dog.worst();
            assertNotNull(w, dog.summary());
            assertTrue(w.oursMillis() >= 250, dog.summary());
            assertTrue(w.stack().contains("org.convscope.engine.TrainingSession.close"), w.stack());
            AssertionError e = assertThrows(AssertionError.class, () -> dog.assertNoStallOver(100));
            assertTrue(e.getMessage().contains("TrainingSession.awaitEnd"), e.getMessage());
        }
    }

    @Test
    void theSameWaitInTestCodeIsNotOurs(FxRobot robot) {
        try (FxWatchdog dog = FxWatchdog.install()) {
            sleep(100);
            robot.interact(() -> sleep(400));
            sleep(100);
            dog.close();
            assertTrue(dog.stalls().stream().anyMatch(s -> s.wallMillis() >= 300), "the stall was seen: " + dog.summary());
            assertEquals(0, dog.worst().oursMillis(), dog.summary());
            dog.assertNoStallOver(100);
        }
    }

    @Test
    void ourClassesAreTheMainOnes() {
        try (FxWatchdog dog = FxWatchdog.install()) {
            assertTrue(dog.isOurs("org.convscope.engine.TrainingSession"));
            assertTrue(dog.isOurs("org.convscope.app.MainWindow$1"));
            assertFalse(dog.isOurs("org.convscope.app.FxWatchdogTest"));
            assertFalse(dog.isOurs("org.convscope.app.FxWatchdog"));
            assertFalse(dog.isOurs("javafx.scene.Parent"));
            StackTraceElement ours = new StackTraceElement("org.convscope.app.MainWindow", "select", "MainWindow.java", 1),
                    css = new StackTraceElement("javafx.scene.Node", "reapplyCss", "Node.java", 1),
                    join = new StackTraceElement("java.lang.Thread", "join", "Thread.java", 1);
            assertTrue(dog.inOurCode(new StackTraceElement[] {join, ours}), "our code waiting in the JDK");
            assertFalse(dog.inOurCode(new StackTraceElement[] {join, css, ours}), "JavaFX's CSS for a view we put on screen");
        }
    }

    static void sleep(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
