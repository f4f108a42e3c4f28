package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import org.convscope.app.training.TrainingViewModel;
import org.convscope.app.training.TrainingView;
import org.convscope.engine.TrainingSnapshot.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "The FX thread never blocks": the real main window (every view, the bundled data and models), a LeNet-5 training
 * run on both cores (D2L's recipe on 1,024 images), and a tour of every view in lesson order while it trains, with a
 * Stop and a new Start in the middle and closing the window at the end. {@link FxWatchdog} fails the test when the FX
 * thread spent more than 100 ms of one stall in our code, with the stack where it was. Every view is built once
 * before (its first visit: watched and logged, not held to the limit, since that is class loading in a fresh JVM).
 */
@ExtendWith(ApplicationExtension.class)
class FxStallTourTest {
    static { ShellFx.headlessRobot(); }

    static final long LIMIT_MILLIS = 100, DWELL_MILLIS = 400;

    @TempDir static Path home;
    private String oldHome;
    private Services services;
    private AppContext ctx;
    private MainWindow window;
    private Settings settings;
    private Stage own;

    @Start
    void start(Stage stage) {
        oldHome = System.getProperty("convscope.home");
        System.setProperty("convscope.home", home.toString()); // the training view's autosave and the collected set
        settings = Settings.load();
        settings.clear();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services);
        window = new MainWindow(ctx, settings, Views.create(ctx));
        own = new Stage();
        own.setScene(window.createScene(1280, 800));
        own.show();
        ModelLibrary.loadBundled(ctx, ctx.status()::error);
    }

    @AfterEach
    void after(FxRobot robot) {
        robot.interact(() -> own.hide()); // the training view stops its run (without waiting) ...
        services.close();                 // ... and this waits for it and the last autosave, as the app's exit does
        settings.clear();
        if (oldHome == null) System.clearProperty("convscope.home"); else System.setProperty("convscope.home", oldHome);
    }

    @Test
    void touringEveryViewWhileAModelTrainsNeverKeepsTheFxThreadBusyInOurCode(FxRobot robot) throws Exception {
        ShellFx.await("the bundled models", 30, () -> ctx.models().containsKey(AppContext.MNIST)
                && ctx.models().containsKey(AppContext.FASHION_MNIST));
        long t0 = System.nanoTime();
        // The first visit builds each view (lazily, on the FX thread: class loading and the interpreter in a fresh
        // test JVM). Watched and logged, but not held to the limit: that is start-up cost, not blocking.
        try (FxWatchdog cold = FxWatchdog.install()) {
            for (ConceptView v : window.views()) robot.interact(() -> window.select(v.id()));
            cold.close();
            System.getLogger("convscope.test").log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "FX watchdog, first visit of every view (%.1f s): %s; worst: %s", (System.nanoTime() - t0) / 1e9,
                    cold.summary(), cold.worst()));
        }
        TrainingViewModel model = ((TrainingView) LazyView.unwrap(window.view("training").orElseThrow())).model();
        ShellFx.await("training data", 30, () -> model.dataReadyProperty().get());
        t0 = System.nanoTime();
        try (FxWatchdog dog = FxWatchdog.install()) {
            robot.interact(() -> {
                model.applyD2lPreset();
                model.trainImagesProperty().set(1_024);
                model.batchSizeProperty().set("32");
                model.epochsProperty().set("100");
                model.start();
            });
            ShellFx.await("training", 30, () -> model.stateProperty().get() == State.RUNNING
                    && model.snapshotProperty().get().losses().count() > 0);
            List<ConceptView> views = window.views();
            int half = views.size() / 2;
            for (ConceptView v : views.subList(0, half)) visit(robot, v.id());
            // Stop in the middle of the tour (the old stop waited for the batch), and start again once it has ended
            robot.interact(() -> { window.select("training"); model.stop(); });
            ShellFx.await("stopped", 30, () -> !model.stoppingProperty().get() && model.canStartProperty().get());
            robot.interact(model::start);
            ShellFx.await("training again", 30, () -> model.stateProperty().get() == State.RUNNING
                    && model.snapshotProperty().get().losses().count() > 0);
            for (ConceptView v : views.subList(half, views.size())) visit(robot, v.id());
            visit(robot, "training");
            // closing the window while it trains (the old close waited up to 5 s on the FX thread)
            robot.interact(() -> own.hide());
            ShellFx.await("ended after the window closed", 30, () -> !model.stoppingProperty().get()
                    && model.session().whenEnded().isDone());
            dog.close();
            System.getLogger("convscope.test").log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "FX watchdog over the tour (%.1f s): %s", (System.nanoTime() - t0) / 1e9, dog.summary()));
            assertTrue(dog.pings() > 100, "the watchdog watched: " + dog.summary());
            dog.assertNoStallOver(LIMIT_MILLIS);
        }
    }

    private void visit(FxRobot robot, String id) {
        robot.interact(() -> window.select(id));
        WaitForAsyncUtils.sleep(DWELL_MILLIS, TimeUnit.MILLISECONDS);
    }
}
