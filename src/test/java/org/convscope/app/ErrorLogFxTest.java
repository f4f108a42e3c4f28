package org.convscope.app;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.convscope.app.common.LatestOnly;
import org.convscope.app.pooling.PoolingView;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #12: errors on background threads are logged with their stack trace to a log file the user can find
 * (logs/convscope.log in the ConvScope folder, -Dconvscope.home here) and shown in the status bar; none is swallowed.
 */
@ExtendWith(ApplicationExtension.class)
class ErrorLogFxTest {
    @TempDir static Path home;
    static String previousHome;
    Services services;
    AppContext ctx;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        previousHome = System.getProperty("convscope.home");
        System.setProperty("convscope.home", home.toString());
        FxTestSupport.theme();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services);
    }

    @AfterEach
    void stop() {
        services.close();
        if (previousHome == null) System.clearProperty("convscope.home"); else System.setProperty("convscope.home", previousHome);
    }

    static String log() throws Exception {
        Path f = home.resolve("logs").resolve("convscope.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    static void awaitLog(String what, String text) {
        FxTestSupport.await(what + " in the log", 10, () -> log().contains(text));
    }

    @Test
    void aFailingBackgroundTaskEndsUpInTheLogFileAndTheStatusBar() throws Exception {
        assertEquals(home.resolve("logs").resolve("convscope.log"), ErrorLog.file(), "-Dconvscope.home decides where");
        services.background().execute(() -> failHere("the background task broke"));
        awaitLog("the failure", "the background task broke");
        String log = log();
        assertTrue(log.contains("ERROR [convscope-bg-"), "thread named: " + log);
        assertTrue(log.contains("java.lang.IllegalStateException: the background task broke"), log);
        assertTrue(log.contains("\tat org.convscope.app.ErrorLogFxTest.failHere("), "with its stack trace: " + log);
        FxTestSupport.await("the status bar", 10, () -> ctx.status().messageProperty().get().contains("the background task broke"));
        assertEquals(StatusLine.Kind.ERROR, ctx.status().kindProperty().get());
        assertTrue(ctx.status().messageProperty().get().contains(ErrorLog.file().toString()), "says where the details are: "
                + ctx.status().messageProperty().get());
    }

    @Test
    void aFailingLatestOnlyComputationIsLoggedWithItsStackTrace() throws Exception {
        AtomicReference<Throwable> told = new AtomicReference<>();
        var runner = new LatestOnly<String, String>(services.background(), Runnable::run,
                s -> failHere("the computation for " + s + " broke"), s -> { }, told::set);
        runner.submit("request 7");
        awaitLog("the computation's failure", "the computation for request 7 broke");
        assertTrue(log().contains("\tat org.convscope.app.ErrorLogFxTest.failHere("), log());
        assertNotNull(told.get(), "the view's own message is still given");
    }

    @Test
    void anExceptionNoCodeCatchesIsLoggedOnceTheHandlerIsInstalled() throws Exception {
        var before = Thread.getDefaultUncaughtExceptionHandler();
        try {
            ErrorLog.installUncaughtHandler();
            Thread t = Thread.ofPlatform().name("some-thread").start(() -> failHere("nobody caught this"));
            t.join();
            awaitLog("the uncaught exception", "nobody caught this");
            assertTrue(log().contains("Uncaught exception in thread \"some-thread\""), log());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void aPoolingTraceFailureIsNoLongerSilent(FxRobot robot) throws Exception {
        // a picture of the wrong size for the model: the trace throws; the view shows the picture alone, as before,
        // and now the failure is in the log and the status bar
        robot.interact(() -> {
            var view = new PoolingView(ctx);
            stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1000, 950));
            stage.show();
            view.onShow();
            ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(Network.create(ModelZoo.lenetModern(), 3),
                    AppContext.MNIST, "LeNet-5", Double.NaN));
            ctx.currentImageProperty().set(new AppContext.InputImage(new float[20 * 20], AppContext.MNIST, 0, "test"));
        });
        awaitLog("the pooling failure", "The pooling view could not trace the network");
        assertTrue(log().contains("\tat org.convscope.engine.Network"), "the engine's stack trace: " + log());
        FxTestSupport.await("the status bar", 10, () -> ctx.status().kindProperty().get() == StatusLine.Kind.ERROR);
    }

    static String failHere(String message) { throw new IllegalStateException(message); }
}
