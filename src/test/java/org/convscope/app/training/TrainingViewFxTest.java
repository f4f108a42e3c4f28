package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convscope.app.AppContext;
import org.convscope.app.FxTestSupport;
import org.convscope.app.I18n;
import org.convscope.app.Services;
import org.convscope.app.ShellFx;
import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.SyntheticTrainingSet;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The training view driven through its controls, on made-up images (1,024 to train, 512 to test) so that a run
 * takes well under a second of engine time.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingViewFxTest {
    static { ShellFx.headlessRobot(); }

    static final LabeledImages TRAIN = SyntheticTrainingSet.make(1024, 1), TEST = SyntheticTrainingSet.make(512, 2);

    @TempDir static Path dir;
    private AppContext ctx;
    private Services services;
    private TrainingView view;
    private TrainingViewModel model;
    /** What the next file dialog answers. */
    private final AtomicReference<Path> nextFile = new AtomicReference<>();
    private Path autosaveDir;

    @Start
    void start(Stage stage) throws Exception {
        I18n.setLocale(I18n.ENGLISH);
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        services = new Services();
        ctx = new AppContext(services);
        autosaveDir = Files.createTempDirectory(dir, "autosave");
        DatasetSource data = (id, ok, fail) -> ok.accept(TRAIN, TEST);
        FilePicker files = new FilePicker() {
            @Override public Path save(Window owner, String suggestedName, String extension) { return nextFile.get(); }
            @Override public Path open(Window owner, String extension) { return nextFile.get(); }
        };
        view = new TrainingView(ctx, data, ModelStore.safetensors(), new Autosave(autosaveDir, ModelStore.safetensors()), files,
                new TrainingViewModel.Limits(1024, 512));
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1400, 900));
        stage.show();
        model = view.model();
    }

    @AfterEach
    void after(FxRobot robot) {
        robot.interact(() -> { view.shutdown(); I18n.setLocale(I18n.ENGLISH); });
        services.close();
    }

    private void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(TextField.class).setText(text));
    }

    private <T> void choose(FxRobot robot, String id, T value) {
        robot.interact(() -> robot.lookup("#" + id).<ComboBox<T>>query().setValue(value));
    }

    private String label(FxRobot robot, String id) { return robot.lookup("#" + id).queryAs(Label.class).getText(); }

    private boolean disabled(FxRobot robot, String id) { return robot.lookup("#" + id).query().isDisabled(); }

    private TrainingSnapshot snapshot() { return model.snapshotProperty().get(); }

    private void awaitState(State s) {
        ShellFx.await("state " + s, 60, () -> model.stateProperty().get() == s);
    }

    @Test
    void impossibleSettingsAreExplainedInlineAndBlockStart(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        assertFalse(disabled(robot, "start"));
        assertFalse(robot.lookup("#problem").query().isVisible());
        assertEquals("61,706 parameters", label(robot, "parameters"));

        type(robot, "lr", "0");
        assertTrue(robot.lookup("#problem").query().isVisible());
        assertEquals("The learning rate must be greater than 0 (try 0.1).", label(robot, "problem"));
        assertTrue(disabled(robot, "start"));
        assertTrue(disabled(robot, "step"));

        type(robot, "lr", "0.1");
        type(robot, "batch", "0");
        assertEquals("The batch size must be at least 1 (try 256).", label(robot, "problem"));
        type(robot, "batch", "256");
        type(robot, "kernel", "15");
        assertEquals("The 15×15 kernel of conv2 is larger than its input (14×14, padding included). Choose a smaller kernel.",
                label(robot, "problem"));
        assertEquals("", label(robot, "parameters"), "no count for an impossible network");
        type(robot, "kernel", "3");
        assertFalse(robot.lookup("#problem").query().isVisible());
        assertFalse(disabled(robot, "start"));
        // conv1 6*9+6 = 60, conv2 16*6*9+16 = 880, 16*6*6 = 576 -> 576*120+120 = 69,240, 10,164, 850
        assertEquals("81,194 parameters", label(robot, "parameters"));
        type(robot, "conv1", "8");
        assertEquals("81,502 parameters", label(robot, "parameters"), "the count follows every edit");

        choose(robot, "model", Family.MLP);
        assertEquals("203,530 parameters", label(robot, "parameters"));
        assertFalse(robot.lookup("#conv1").query().isVisible(), "LeNet fields hide for the MLP");
        type(robot, "hidden", "abc");
        assertEquals("Hidden units: “abc” is not a whole number.", label(robot, "problem"));

        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        assertEquals("隐藏单元数：“abc”不是整数。", label(robot, "problem"), "the message follows the language");
    }

    @Test
    void startPauseStepResumeStop(FxRobot robot) {
        robot.interact(() -> ctx.diagnosticsProperty().set(true)); // the fps line below is a developer measurement
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        choose(robot, "model", Family.SOFTMAX);
        type(robot, "lr", "0.1");
        type(robot, "batch", "16");   // 64 batches per epoch
        type(robot, "epochs", "200");
        robot.clickOn("#start");
        awaitState(State.RUNNING);
        assertTrue(robot.lookup("#dataset").query().isDisabled(), "the form is locked while training");
        ShellFx.await("some batches", 30, () -> snapshot().losses().count() > 10);

        robot.clickOn("#pause");
        awaitState(State.PAUSED);
        assertEquals("Resume", robot.lookup("#pause").queryAs(Button.class).getText());
        int n = snapshot().losses().count();
        robot.sleep(100);
        assertEquals(n, snapshot().losses().count(), "paused means no training");

        robot.clickOn("#step");
        ShellFx.await("one step", 10, () -> snapshot().losses().count() == n + 1 && model.stateProperty().get() == State.PAUSED);
        robot.sleep(50);
        assertEquals(n + 1, snapshot().losses().count(), "exactly one batch");
        assertTrue(label(robot, "progress-epoch").startsWith("Epoch "), label(robot, "progress-epoch"));

        robot.clickOn("#pause"); // resume
        awaitState(State.RUNNING);
        ShellFx.await("more batches", 30, () -> snapshot().losses().count() > n + 20);
        ShellFx.await("images/s shown", 10, () -> label(robot, "throughput").endsWith("images/s"));

        robot.clickOn("#stop");
        awaitState(State.STOPPED);
        assertTrue(robot.lookup("#message").queryAs(Label.class).getText().startsWith("Stopped in epoch"));
        assertFalse(robot.lookup("#dataset").query().isDisabled(), "the form is free again");
        assertTrue(view.frameMeter().frames() >= 0);
        assertTrue(label(robot, "fps").contains("fps"), label(robot, "fps"));
    }

    @Test
    void stepBeforeStartRunsExactlyOneBatch(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        choose(robot, "model", Family.LENET_MODERN);
        type(robot, "lr", "0.1");
        type(robot, "batch", "32");
        robot.clickOn("#step");
        ShellFx.await("one batch", 30, () -> snapshot() != null && snapshot().losses().count() == 1
                && model.stateProperty().get() == State.PAUSED);
        ShellFx.await("kernels drawn", 10, () -> robot.lookup("#kernels-conv2").queryAs(KernelGrid.class).kernelCount() == 96);
        assertEquals(6, robot.lookup("#kernels-conv1").queryAs(KernelGrid.class).kernelCount());

        // "Watch this model in the network view": the run's live network becomes the dataset's model, and the
        // shell is asked to show the network view.
        robot.interact(() -> ctx.viewIds().add("network"));
        robot.clickOn("#open-network");
        assertEquals("network", ctx.requestedViewProperty().get());
        assertSame(snapshot().network(), ctx.models().get(AppContext.FASHION_MNIST).network());
        robot.clickOn("#stop");
        awaitState(State.STOPPED);
    }

    @Test
    void aDivergingRunPausesRestoresAndSuggestsASmallerLearningRate(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        choose(robot, "model", Family.LENET_MODERN);
        type(robot, "lr", "50");
        type(robot, "batch", "32");
        type(robot, "epochs", "3");
        robot.clickOn("#start");
        ShellFx.await("divergence message", 60, () -> model.messageProperty().get() != null
                && model.messageProperty().get().contains("diverged"));
        awaitState(State.PAUSED);
        String m = label(robot, "message");
        assertTrue(m.contains("The learning rate 50 is too large"), m);
        assertTrue(m.contains("e.g. 5,"), m);
        for (var w : snapshot().network().weights()) for (float v : w.weights()) assertTrue(Float.isFinite(v));
        assertFalse(disabled(robot, "lr"), "the learning rate can be changed while paused");

        type(robot, "lr", "0.05");
        robot.clickOn("#pause"); // resume with the smaller rate
        ShellFx.await("training again", 60, () -> snapshot().config().learningRate() == 0.05f);
        robot.clickOn("#stop");
        ShellFx.await("stopped or finished", 30, () -> model.stateProperty().get().ended());
    }

    /** Trains softmax regression for two epochs through the buttons and waits for the end. */
    private TrainingSnapshot trainTwoEpochs(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        choose(robot, "model", Family.SOFTMAX);
        type(robot, "lr", "0.5");
        type(robot, "batch", "64");
        type(robot, "epochs", "2");
        robot.clickOn("#start");
        awaitState(State.FINISHED);
        return snapshot();
    }

    /**
     * In a 1280 x 800 projector's share of the window (large type), starting a run folds the form away and the
     * charts go two by two, each tall enough for its legend and a plot; nothing is cut off or shortened; the
     * "Settings" button brings the form back. In a wide window the form stays.
     */
    @Test
    void aRunInANarrowWindowFoldsTheFormAndTheChartsGetTheRoom(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        var pane = robot.lookup(".train-pane").queryAs(TrainPane.class);
        var form = robot.lookup("#training-form").query();
        assertTrue(pane.formShownProperty().get());
        Stage[] own = new Stage[1];
        // 19 px: the projector theme's root size
        robot.interact(() -> own[0] = FxTestSupport.ownStage((javafx.scene.Parent) view.node(), 1280 - 323, 800 - 105, 19));
        try {
            choose(robot, "model", Family.LENET_MODERN);
            type(robot, "epochs", "1");
            robot.clickOn("#start");
            ShellFx.await("the form folded", 10, () -> !pane.formShownProperty().get());
            assertNull(form.getScene(), "the form is out of the window");
            ChartRow charts = robot.lookup("#charts").queryAs(ChartRow.class);
            assertTrue(charts.twoByTwo());
            awaitState(State.FINISHED);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            for (String id : List.of("#loss-chart", "#accuracy-chart", "#gradient-chart")) {
                var chart = robot.lookup(id).queryAs(javafx.scene.layout.Region.class);
                assertTrue(chart.getHeight() >= 10 * 19, id + " is " + chart.getHeight() + " px high");
                assertTrue(chart.getWidth() >= 15 * 19, id + " is " + chart.getWidth() + " px wide");
            }
            var loss = robot.lookup("#loss-chart").query().localToScene(robot.lookup("#loss-chart").query().getBoundsInLocal());
            var acc = robot.lookup("#accuracy-chart").query().localToScene(robot.lookup("#accuracy-chart").query().getBoundsInLocal());
            var grad = robot.lookup("#gradient-chart").query().localToScene(robot.lookup("#gradient-chart").query().getBoundsInLocal());
            assertEquals(loss.getMinY(), acc.getMinY(), 1, "loss and accuracy side by side");
            assertTrue(grad.getMinY() >= loss.getMaxY(), "the gradient chart under them");
            robot.interact(() -> assertEquals(List.of(), org.convscope.app.ScreenAudit.problems(own[0].getScene())));
            // the run is over: the form stays folded until the button brings it back
            assertFalse(pane.formShownProperty().get());
            robot.clickOn("#toggle-form");
            assertTrue(pane.formShownProperty().get());
            assertNotNull(form.getScene());
            assertFalse(charts.twoByTwo());
        } finally {
            robot.interact(() -> own[0].close());
        }
    }

    @Test
    void aRunInAWideWindowKeepsTheForm(FxRobot robot) {
        trainTwoEpochs(robot);
        assertTrue(robot.lookup(".train-pane").queryAs(TrainPane.class).formShownProperty().get());
        assertNotNull(robot.lookup("#training-form").query().getScene());
    }

    @Test
    void saveAndLoadRoundTrip(FxRobot robot) throws Exception {
        TrainingSnapshot done = trainTwoEpochs(robot);
        assertTrue(label(robot, "message").startsWith("Finished 2 epochs: test accuracy"), label(robot, "message"));
        double acc = done.finalTestAccuracy();
        assertTrue(acc > 0.9, "learned: " + acc);

        // The curves as CSV (every batch loss and every accuracy) and the charts as PNG.
        Path csv = dir.resolve("curves.csv");
        nextFile.set(csv);
        robot.clickOn("#export-csv");
        ShellFx.await("csv written", 10, () -> label(robot, "message").startsWith("Written:"));
        List<String> rows = Files.readAllLines(csv);
        assertEquals(CurvesCsv.HEADER, rows.getFirst());
        assertEquals(1 + done.losses().count() + done.testAccuracy().size() + done.trainAccuracy().size(), rows.size());
        assertTrue(rows.get(1).startsWith("softmax-regression,train_loss,1,"), rows.get(1));
        Path png = dir.resolve("curves.png");
        nextFile.set(png);
        robot.clickOn("#export-png");
        ShellFx.await("png written", 10, () -> Files.exists(png));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, head);

        Path file = dir.resolve("softmax-test.safetensors");
        nextFile.set(file);
        robot.clickOn("#save");
        ShellFx.await("saved", 10, () -> label(robot, "message").startsWith("Saved to"));
        assertTrue(Files.size(file) > 7850 * 4, "holds the 7,850 float32 parameters");

        choose(robot, "model", Family.MLP);   // the form moves away ...
        robot.clickOn("#load");               // ... and the file brings it back
        ShellFx.await("loaded and evaluated", 30, () -> model.confusionProperty().get() != null
                && label(robot, "message").contains("test accuracy"));
        assertEquals(Family.SOFTMAX, model.familyProperty().get());
        assertEquals(acc, model.confusionProperty().get().accuracy(), 1e-12, "the same weights classify the same way");
        assertTrue(robot.lookup("#starting-point").queryAs(Label.class).getText().contains("softmax-test.safetensors"));
        var loaded = model.currentNetwork().weights().getFirst().weights();
        var trained = done.network().weights().getFirst().weights();
        assertArrayEquals(trained, loaded);

        robot.clickOn("#use-model");
        assertNotNull(ctx.models().get(AppContext.FASHION_MNIST));
        assertArrayEquals(trained, ctx.models().get(AppContext.FASHION_MNIST).network().weights().getFirst().weights());

        nextFile.set(dir.resolve("missing.safetensors"));
        robot.clickOn("#load");
        ShellFx.await("error", 10, () -> label(robot, "message").startsWith("Could not load the model:"));
        assertTrue(label(robot, "message").contains("no such file"), label(robot, "message"));
    }

    @Test
    void confusionMatrixCellShowsItsImages(FxRobot robot) {
        trainTwoEpochs(robot);
        robot.interact(() -> robot.lookup("#training-view").queryAs(TabPane.class).getSelectionModel().select(1));
        ConfusionMatrix m = model.confusionProperty().get();
        assertEquals(512, m.total());
        assertEquals(snapshot().finalTestAccuracy(), m.accuracy(), 1e-12);
        int c = TEST.label(0);
        robot.clickOn("#cm-" + c + "-" + c);
        FlowPane gallery = robot.lookup("#gallery").queryAs(FlowPane.class);
        assertEquals(Math.min(60, m.count(c, c)), gallery.getChildren().size());
        assertEquals(10, robot.lookup("#class-accuracy").queryAs(javafx.scene.layout.VBox.class).getChildren().size());
    }

    @Test
    void theTestImagesShowTheCurrentAnswersAndTheKernelsBeforeAndNow(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        // before training: the untrained network's answers on the first test images
        PredictionStrip strip = robot.lookup("#predictions").queryAs(PredictionStrip.class);
        ShellFx.await("untrained answers", 10, () -> strip.shown() != null);
        choose(robot, "model", Family.LENET_MODERN);
        type(robot, "lr", "0.1");
        type(robot, "batch", "64");
        type(robot, "epochs", "1");
        ShellFx.await("the untrained LeNet's kernels", 10, () -> robot.lookup("#kernels-conv1").queryAs(KernelGrid.class).now() != null);
        float[][] initialConv1 = {robot.lookup("#kernels-conv1").queryAs(KernelGrid.class).now().weights().clone()};
        robot.clickOn("#start");
        awaitState(State.FINISHED);
        TrainingSnapshot done = snapshot();
        // after the run: the answers are the trained network's, right ones green and wrong ones red
        ShellFx.await("answers of the trained network", 10, () -> strip.shown() != null
                && java.util.Arrays.equals(strip.shown().predicted(), PredictionStrip.answer(
                        new PredictionStrip.Request(done.network(), TEST, model.runDataset())).predicted()));
        var answers = strip.shown();
        assertEquals(PredictionStrip.COUNT, answers.predicted().length);
        for (int i = 0; i < PredictionStrip.COUNT; i++) {
            Label l = robot.lookup("#prediction-" + i).queryAs(Label.class);
            boolean right = answers.predicted()[i] == TEST.label(i);
            assertTrue(l.getStyleClass().contains(right ? "right" : "wrong"), i + ": " + l.getStyleClass());
            assertTrue(l.getText().endsWith(String.format(java.util.Locale.ROOT, "%.0f %%", 100 * answers.confidence()[i])), l.getText());
        }
        // the kernels: "before" is the untrained network's, "now" the trained one's
        KernelGrid conv1 = robot.lookup("#kernels-conv1").queryAs(KernelGrid.class);
        assertArrayEquals(initialConv1[0], conv1.before().weights());
        // the grid takes the finished run's kernels on its next frame (a busy machine may be a moment behind)
        ShellFx.await("the trained kernels shown", 10, () -> conv1.now() != null
                && !java.util.Arrays.equals(conv1.before().weights(), conv1.now().weights()));
        assertFalse(java.util.Arrays.equals(conv1.before().weights(), conv1.now().weights()), "training changed the kernels");
        // click a kernel: it opens enlarged, before and now, with sharp pixels (16 screen pixels per weight)
        robot.clickOn("#kernel-kernels-conv1-2-0");
        KernelZoom zoom = robot.lookup("#kernel-zoom").queryAs(KernelZoom.class);
        assertTrue(zoom.isVisible());
        assertTrue(robot.lookup("#kernel-zoom-title").queryAs(Label.class).getText().contains("output map 3"));
        assertEquals(5 * KernelZoom.ZOOM, zoom.nowView().getImage().getWidth());
        assertNotNull(zoom.beforeView().getImage());
        robot.clickOn("#kernel-zoom-close");
        assertFalse(zoom.isVisible());
    }

    @Test
    void aFinishedRunIsAutosavedAndOfferedNextTime(FxRobot robot) throws Exception {
        TrainingSnapshot done = trainTwoEpochs(robot);
        Autosave a = new Autosave(autosaveDir, ModelStore.safetensors());
        // Autosaved at each epoch end and when the run ends; the last write says finished.
        ShellFx.await("autosaved as finished", 10, () -> a.exists() && a.read().run().finished());
        Autosave.Found f = a.read();
        assertEquals(2, f.run().epochsDone());
        assertArrayEquals(done.network().weights().getFirst().weights(), f.model().weights().getFirst().weights());
    }

    @Test
    void closingWhileTrainingKeepsTheModelAndTheNextStartOffersToResume(FxRobot robot) throws Exception {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        choose(robot, "model", Family.SOFTMAX);
        type(robot, "lr", "0.5");
        type(robot, "batch", "64");   // 16 batches per epoch
        type(robot, "epochs", "500");
        robot.clickOn("#start");
        ShellFx.await("past two epochs", 60, () -> snapshot().epoch() >= 2);
        AtomicReference<java.util.concurrent.CompletableFuture<Void>> closed = new AtomicReference<>();
        robot.interact(() -> closed.set(view.shutdown()));   // what closing the window does (it returns at once)
        closed.get().get(30, java.util.concurrent.TimeUnit.SECONDS); // what the app's exit waits for

        Autosave a = new Autosave(autosaveDir, ModelStore.safetensors());
        assertTrue(a.exists());
        Autosave.Found f = a.read();
        assertFalse(f.run().finished());
        assertTrue(f.run().epochsDone() >= 2, "epochs done: " + f.run().epochsDone());
        assertEquals(Family.SOFTMAX, f.run().design().family());
        assertEquals("500", f.run().hyper().epochs());

        // The next start of the app: a fresh model over the same folder offers the run and continues it.
        AtomicReference<TrainingViewModel> next = new AtomicReference<>();
        robot.interact(() -> next.set(new TrainingViewModel((id, ok, fail) -> ok.accept(TRAIN, TEST), ModelStore.safetensors(),
                new Autosave(autosaveDir, ModelStore.safetensors()), services.background(), ctx.models(),
                new TrainingViewModel.Limits(1024, 512), org.convscope.engine.TrainingSession.Options.defaults())));
        ShellFx.await("offer", 10, () -> next.get().resumeOfferProperty().get() != null);
        robot.interact(() -> next.get().acceptResume());
        ShellFx.await("resumed", 30, () -> { next.get().pull(); return next.get().stateProperty().get() == State.RUNNING; });
        TrainingSnapshot r = next.get().snapshotProperty().get();
        assertTrue(r.epoch() >= f.run().epochsDone(), "continues at epoch " + r.epoch());
        assertTrue(r.losses().count() >= f.run().losses().count(), "keeps the curve");
        assertEquals(0.5f, r.config().learningRate());
        AtomicReference<java.util.concurrent.CompletableFuture<Void>> saved = new AtomicReference<>();
        robot.interact(() -> saved.set(next.get().saveOnExit()));
        saved.get().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Stopping never waits on the FX thread: the run's last autosave is held up here (a slow disk), and meanwhile the
     * window answers, says "stopping", keeps Start disabled, and closing it returns at once; when the write goes
     * through, the run has ended and Start is enabled again.
     */
    @Test
    void stoppingAndClosingNeverWaitOnTheFxThread(FxRobot robot) throws Exception {
        java.util.concurrent.CountDownLatch disk = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean();
        ModelStore slow = new ModelStore() {
            @Override public void save(Path file, org.convscope.engine.ModelSpec spec, List<org.convscope.engine.LayerWeights> w,
                                       java.util.Map<String, String> info) throws java.io.IOException {
                if (!hold.get()) { ModelStore.safetensors().save(file, spec, w, info); return; }
                try { disk.await(30, java.util.concurrent.TimeUnit.SECONDS); } catch (InterruptedException e) { throw new java.io.InterruptedIOException(); }
                writes.incrementAndGet();
                ModelStore.safetensors().save(file, spec, w, info);
            }
            @Override public Saved load(Path file) throws java.io.IOException { return ModelStore.safetensors().load(file); }
        };
        AtomicReference<TrainingViewModel> m = new AtomicReference<>();
        Path folder = Files.createTempDirectory(dir, "slow");
        robot.interact(() -> m.set(new TrainingViewModel((id, ok, fail) -> ok.accept(TRAIN, TEST), slow, new Autosave(folder, slow),
                services.background(), ctx.models(), new TrainingViewModel.Limits(1024, 512),
                org.convscope.engine.TrainingSession.Options.defaults())));
        robot.interact(() -> {
            m.get().familyProperty().set(Family.SOFTMAX);
            m.get().learningRateProperty().set("0.1");
            m.get().batchSizeProperty().set("16");
            m.get().epochsProperty().set("200");
            m.get().start();
        });
        ShellFx.await("training", 30, () -> { m.get().pull(); return m.get().snapshotProperty().get().losses().count() > 5; });
        long[] took = new long[1];
        @SuppressWarnings("unchecked") java.util.concurrent.CompletableFuture<Void>[] exit = new java.util.concurrent.CompletableFuture[1];
        hold.set(true); // from now on the disk is slow (an epoch-end autosave may wait too: the run ends after it)
        robot.interact(() -> {
            long t0 = System.nanoTime();
            m.get().stop();
            took[0] = System.nanoTime() - t0;
            assertTrue(m.get().stoppingProperty().get(), "stopping until the thread has ended");
            assertEquals("Stopping… the current batch finishes first.", m.get().messageProperty().get());
        });
        assertTrue(took[0] < 50_000_000L, "stop() took " + took[0] / 1e6 + " ms on the FX thread");
        // the run's autosave waits for the disk: it has not ended, Start stays disabled
        Thread.sleep(300);
        robot.interact(() -> {
            m.get().pull();
            assertTrue(m.get().stoppingProperty().get());
            assertFalse(m.get().canStartProperty().get(), "no new run while the old one is still ending");
            long t0 = System.nanoTime();
            exit[0] = m.get().saveOnExit();
            took[0] = System.nanoTime() - t0;
            assertFalse(exit[0].isDone(), "the exit's autosave waits for the run, off the FX thread");
        });
        assertTrue(took[0] < 50_000_000L, "saveOnExit() took " + took[0] / 1e6 + " ms on the FX thread");
        assertEquals(0, writes.get());
        disk.countDown();
        exit[0].get(30, java.util.concurrent.TimeUnit.SECONDS);
        ShellFx.await("ended", 30, () -> { m.get().pull(); return !m.get().stoppingProperty().get() && m.get().canStartProperty().get(); });
        assertEquals(State.STOPPED, m.get().stateProperty().get());
        assertTrue(writes.get() >= 1, "the run's last autosave went through");
        assertTrue(new Autosave(folder, ModelStore.safetensors()).exists(), "kept on disk");
    }

    @Test
    void compareTrainsTheThreeModelsOneAfterAnother(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        choose(robot, "model", Family.LENET_MODERN);
        type(robot, "lr", "0.1");
        type(robot, "batch", "64");
        type(robot, "epochs", "1");
        robot.interact(() -> robot.lookup("#training-view").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.clickOn("#compare-start");
        assertTrue(disabled(robot, "start"), "one engine run at a time");
        ShellFx.await("all three done", 120, () -> !view.comparison().runningProperty().get());
        List<ComparisonModel.Row> rows = view.comparison().rows();
        assertEquals(3, rows.size());
        assertEquals(List.of(7_850L, 203_530L, 61_706L), rows.stream().map(r -> r.parametersProperty().get()).toList());
        for (var r : rows) {
            assertEquals(ComparisonModel.Status.DONE, r.statusProperty().get(), r.nameKey());
            assertTrue(r.testAccuracyProperty().get() > 0.5, r.nameKey() + " " + r.testAccuracyProperty().get());
            assertTrue(r.secondsProperty().get() > 0);
        }
        assertFalse(disabled(robot, "start"));
    }

    @Test
    void stoppingTheComparisonSkipsTheModelsNotYetTrained(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        type(robot, "lr", "0.05");
        type(robot, "batch", "16");
        type(robot, "epochs", "500");
        robot.interact(() -> robot.lookup("#training-view").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.clickOn("#compare-start");
        ShellFx.await("first model training", 30, () -> view.comparison().rows().getFirst().last() != null
                && view.comparison().rows().getFirst().last().losses().count() > 5);
        robot.clickOn("#compare-stop");
        ShellFx.await("comparison over", 30, () -> !view.comparison().runningProperty().get());
        var rows = view.comparison().rows();
        assertEquals(ComparisonModel.Status.STOPPED, rows.get(0).statusProperty().get());
        assertEquals(ComparisonModel.Status.STOPPED, rows.get(1).statusProperty().get());
        assertNull(rows.get(1).last(), "the MLP never started");
        assertNull(rows.get(2).last());
        assertFalse(disabled(robot, "start"), "the engine is free again");
    }

    @Test
    void framesPerSecondAreForDevelopersOnly(FxRobot robot) {
        var fps = robot.lookup("#fps").queryAs(Label.class);
        assertFalse(fps.isVisible(), "off by default");
        robot.interact(() -> ctx.diagnosticsProperty().set(true));
        assertTrue(fps.isVisible(), "shown with the diagnostics switch");
        robot.interact(() -> ctx.diagnosticsProperty().set(false));
        assertFalse(fps.isVisible());
    }

    @Test
    void choosingARecipeClearsTheEndedRunUntilStart(FxRobot robot) {
        trainTwoEpochs(robot);
        assertTrue(model.lossCurve().size() > 0);
        assertFalse(label(robot, "time-left").isEmpty(), "the run's duration is shown");
        robot.clickOn("#preset-modern");
        assertNull(snapshot(), "the old run's numbers are gone");
        assertEquals(0, model.lossCurve().size(), "and its loss curve");
        assertNull(model.confusionProperty().get(), "and its confusion matrix");
        assertEquals("", label(robot, "time-left"));
        assertEquals(org.convscope.app.I18n.get("training.progress.idle"), label(robot, "progress-epoch"), "no epoch counter of the old run");
        assertNull(model.currentNetwork(), "the kernels shown are the new model's untrained ones, not the old run's");
    }
}
