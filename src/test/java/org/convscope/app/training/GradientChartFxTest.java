package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convscope.app.AppContext;
import org.convscope.app.I18n;
import org.convscope.app.Services;
import org.convscope.app.ShellFx;
import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.SyntheticTrainingSet;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The training view's chart of the gradient size per layer, fed by a real (short) run on made-up images. */
@ExtendWith(ApplicationExtension.class)
class GradientChartFxTest {
    static { ShellFx.headlessRobot(); }

    static final LabeledImages TRAIN = SyntheticTrainingSet.make(1024, 1), TEST = SyntheticTrainingSet.make(512, 2);

    @TempDir static Path dir;
    private Services services;
    private TrainingView view;
    private TrainingViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        I18n.setLocale(I18n.ENGLISH);
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        services = new Services();
        AppContext ctx = new AppContext(services);
        DatasetSource data = (id, ok, fail) -> ok.accept(TRAIN, TEST);
        FilePicker files = new FilePicker() {
            @Override public Path save(Window owner, String suggestedName, String extension) { return null; }
            @Override public Path open(Window owner, String extension) { return null; }
        };
        view = new TrainingView(ctx, data, ModelStore.safetensors(),
                new Autosave(Files.createTempDirectory(dir, "autosave"), ModelStore.safetensors()), files,
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

    private static List<String> names(CurveChart c) {
        return c.series().stream().map(s -> s.nameProperty().get()).toList();
    }

    /** A short run through the view's buttons: the chart beside the loss gets one line per layer with weights. */
    @Test
    void aRunDrawsOneLinePerWeightedLayer(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        CurveChart chart = robot.lookup("#gradient-chart").queryAs(CurveChart.class);
        robot.interact(() -> robot.lookup("#model").<ComboBox<Family>>query().setValue(Family.LENET_MODERN));
        robot.interact(() -> {
            robot.lookup("#lr").queryAs(TextField.class).setText("0.1");
            robot.lookup("#batch").queryAs(TextField.class).setText("64");
            robot.lookup("#epochs").queryAs(TextField.class).setText("1");
        });
        robot.clickOn("#start");
        ShellFx.await("finished", 60, () -> model.stateProperty().get() == State.FINISHED);
        TrainingSnapshot s = model.snapshotProperty().get();
        ShellFx.await("lines drawn to the end of the run", 10, () -> chart.series().size() == 5
                && chart.series().getLast().size() == s.gradients().count());
        assertEquals(List.of("conv1", "conv2", "fc1", "fc2", "fc3"), names(chart));
        var log = s.gradients();
        assertEquals(16, log.count(), "16 batches of 64, one point each");
        for (int l = 0; l < 5; l++) {
            CurveChart.Series line = chart.series().get(l);
            assertEquals(16, line.size(), "points of " + line.nameProperty().get());
            assertEquals(log.rms(15, l), line.y(15), 1e-12);
            assertEquals(1.0, line.x(15), 1e-6, "the last point at the end of the epoch");
        }
        // beside the loss chart, in the same row
        assertSame(robot.lookup("#loss-chart").query().getParent(), chart.getParent());
        String note = robot.lookup("#gradient-note").queryAs(Label.class).getText();
        assertTrue(note.startsWith("Now conv1's gradient is ") && note.endsWith(" fc3's."), note);
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        String zh = robot.lookup("#gradient-note").queryAs(Label.class).getText();
        assertTrue(zh.startsWith("现在 conv1 的梯度"), zh);
    }

    /**
     * D2L's sigmoid LeNet: the chart shows conv1 far below fc3 and says so; the log axis spans the decades of the data
     * and its labels never overlap, even in a short chart.
     */
    @Test
    void theSigmoidRecipeShowsConv1FarBelowTheOthers(FxRobot robot) throws Exception {
        TrainConfig cfg = new TrainConfig(TrainConfig.Optimizer.SGD, 0.9f, 0f, 0f, 64, 1, 2, 42);
        TrainingSnapshot s;
        try (var session = new TrainingSession(ModelZoo.lenetClassic(), cfg, TRAIN, TEST,
                new TrainingSession.Options(100, 100, 0, 5, 0, 0, 4), null)) {
            session.start();
            assertTrue(session.awaitEnd(60, TimeUnit.SECONDS));
            s = session.snapshot();
        }
        GradientChart g = new GradientChart();
        robot.interact(() -> {
            javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(g.chart(), g.caption());
            javafx.scene.layout.VBox.setVgrow(g.chart(), javafx.scene.layout.Priority.ALWAYS);
            root.getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
            stage.setScene(new Scene(root, 520, 380)); // a short chart: the labels must thin out
            g.update(s);
        });
        robot.interact(() -> {});
        var log = s.gradients();
        assertEquals(4, log.count());
        CurveChart chart = g.chart();
        assertEquals(5, chart.series().size());
        double conv1 = log.rms(3, 0), fc3 = log.rms(3, 4);
        assertTrue(conv1 * 20 < fc3, "conv1 " + conv1 + " vs fc3 " + fc3);
        double[] range = chart.yRange();
        assertTrue(range[0] <= Math.floor(Math.log10(conv1)) && range[1] >= Math.ceil(Math.log10(fc3) - 1e-9),
                java.util.Arrays.toString(range));
        assertTrue(g.noteText().startsWith("Now conv1's gradient is ") && g.noteText().contains("smaller than fc3's"), g.noteText());
        List<Label> ticks = chart.getChildrenUnmodifiable().stream().filter(n -> n instanceof Label l && l.isVisible()
                && l.getStyleClass().contains("tick-label") && l.getText().startsWith("1e")).map(n -> (Label) n).toList();
        assertTrue(ticks.size() >= 2, "decade labels: " + ticks.stream().map(Label::getText).toList());
        for (int i = 0; i < ticks.size(); i++)
            for (int j = i + 1; j < ticks.size(); j++) {
                Bounds a = ticks.get(i).getBoundsInParent(), b = ticks.get(j).getBoundsInParent();
                assertFalse(a.intersects(b), ticks.get(i).getText() + " overlaps " + ticks.get(j).getText());
            }
        robot.interact(g::clear);
        assertEquals("", g.noteText());
        assertEquals(0, chart.series().getFirst().size());
    }

    /**
     * An accuracy chart squeezed to a strip (a projector's large type at 1280 × 800 left it about 20 px of plot): its
     * 0 … 1 axis labels only the lines that leave room, so "1.0" never sits on "0.0".
     */
    @Test
    void aShortLinearAxisLabelsOnlyLinesWithRoom(FxRobot robot) {
        CurveChart chart = new CurveChart(new javafx.beans.property.SimpleStringProperty("Accuracy"),
                new javafx.beans.property.SimpleStringProperty("epochs"));
        robot.interact(() -> {
            for (String name : List.of("test set (sample)", "training set", "test set")) {
                var line = new CurveChart.Series(new javafx.beans.property.SimpleStringProperty(name), "series-test", true);
                double[] x = new double[11], y = new double[11];
                for (int e = 0; e <= 10; e++) { x[e] = e; y[e] = e == 0 ? 0.1 : 0.7 + e * 0.01; }
                line.setPoints(x, y, 11);
                chart.addSeries(line);
            }
            chart.setXRange(0, 10); // epochs
            chart.setAccuracyRange(java.util.stream.DoubleStream.of(0.1, 0.8)); // 0 … 1 with labels every 0.5
            var root = new javafx.scene.layout.StackPane(chart);
            root.setStyle("-fx-font-size: 19px;");
            root.getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
            stage.setScene(new Scene(root, 250, 180)); // its minimum size: the legend leaves a strip of plot
        });
        robot.interact(() -> {});
        List<Label> ticks = chart.getChildrenUnmodifiable().stream().filter(n -> n instanceof Label l && l.isVisible()
                && l.getStyleClass().contains("tick-label") && l.getText().contains(".")).map(n -> (Label) n).toList();
        assertTrue(!ticks.isEmpty(), "at least one y label");
        for (int i = 0; i < ticks.size(); i++)
            for (int j = i + 1; j < ticks.size(); j++) {
                Bounds a = ticks.get(i).getBoundsInParent(), b = ticks.get(j).getBoundsInParent();
                assertFalse(a.intersects(b), ticks.get(i).getText() + " overlaps " + ticks.get(j).getText());
            }
    }

    /**
     * The row of curves keeps the gradient chart beside the loss when there is room for three charts; in a narrow
     * window the loss and one of the other two, picked with the toggle buttons (the caption goes with the chart).
     */
    @Test
    void aNarrowRowShowsTheLossAndOneOfTheOtherTwo(FxRobot robot) {
        ShellFx.await("data", 10, () -> model.dataReadyProperty().get());
        ChartRow row = robot.lookup("#charts").queryAs(ChartRow.class);
        Node gradients = robot.lookup("#gradient-chart").query(), accuracy = robot.lookup("#accuracy-chart").query(),
                caption = robot.lookup("#gradient-caption").query();
        assertFalse(row.narrowProperty().get(), "1400 px: room for three");
        assertTrue(gradients.isVisible() && accuracy.isVisible() && caption.isVisible());
        assertFalse(robot.lookup("#show-first").query().getParent().isVisible(), "no choice to make");
        // a new scene, not a resized window: the stage is shared with the next test classes
        javafx.scene.Parent viewRoot = (javafx.scene.Parent) view.node();
        robot.interact(() -> { stage.getScene().setRoot(new javafx.scene.layout.Pane()); stage.setScene(new Scene(viewRoot, 900, 900)); });
        ShellFx.await("narrow", 10, () -> row.narrowProperty().get());
        assertTrue(accuracy.isVisible(), "the accuracy by default");
        assertFalse(gradients.isVisible());
        assertFalse(caption.isVisible());
        robot.clickOn("#show-first");
        assertTrue(gradients.isVisible() && caption.isVisible());
        assertFalse(accuracy.isVisible());
        robot.clickOn("#show-first"); // clicking the selected one again keeps it
        assertTrue(gradients.isVisible());
        robot.clickOn("#show-second");
        assertTrue(accuracy.isVisible());
        assertFalse(gradients.isVisible());
        robot.interact(() -> { stage.getScene().setRoot(new javafx.scene.layout.Pane()); stage.setScene(new Scene(viewRoot, 1400, 900)); });
        ShellFx.await("wide again", 10, () -> !row.narrowProperty().get());
        assertTrue(gradients.isVisible() && accuracy.isVisible());
    }
}
