package org.convscope.app.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convscope.app.I18n;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.AccuracyPoint;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The "Compare" tab: the three models' curves overlaid (test accuracy per epoch, smoothed training loss) and the
 * table of parameters, training time and final accuracies. Node ids: #compare-start, #compare-stop, #compare-table,
 * #compare-accuracy-chart, #compare-loss-chart.
 */
final class ComparePane extends VBox {
    private final ComparisonModel compare;
    private final CurveChart accuracy, loss;
    private final List<CurveChart.Series> accSeries, lossSeries;
    private long shownVersion = -1;
    private double[] xs = new double[0], ys = new double[0];

    ComparePane(ComparisonModel compare, TrainingViewModel form, FilePickerHolder files, Executor background) {
        this.compare = compare;
        getStyleClass().add("compare-pane");
        setSpacing(12);
        setPadding(new Insets(16));

        Label title = new Label();
        title.textProperty().bind(I18n.bind("training.compare.title"));
        title.getStyleClass().add("section-title");
        Label settings = new Label();
        settings.setId("compare-settings");
        settings.getStyleClass().add("hint");
        settings.setWrapText(true);
        settings.textProperty().bind(Bindings.createStringBinding(() -> {
            var h = form.hyperProperty().get();
            if (!h.ok()) return h.problem();
            var c = h.config();
            Integer n = form.trainImagesProperty().get();
            return I18n.get("training.compare.settings", I18n.get(TrainingText.datasetKey(form.datasetProperty().get())),
                    n == null || n == 0 ? I18n.get("training.images.all") : String.format(Locale.ROOT, "%,d", n),
                    I18n.get("training.opt." + c.optimizer().name().toLowerCase(Locale.ROOT)), TrainingText.number(c.learningRate()),
                    c.batchSize(), c.epochs(), c.threads());
        }, form.hyperProperty(), form.datasetProperty(), form.trainImagesProperty(), I18n.localeProperty()));

        Button start = TrainPane.button("compare-start", "training.compare.start", Material2MZ.PLAY_ARROW);
        start.getStyleClass().add("accent");
        start.setOnAction(e -> compare.start());
        start.disableProperty().bind(compare.runningProperty().or(form.busyProperty()).or(form.dataReadyProperty().not())
                .or(Bindings.createBooleanBinding(() -> !form.hyperProperty().get().ok(), form.hyperProperty())));
        Button stop = TrainPane.button("compare-stop", "training.stop", Material2MZ.STOP);
        stop.setOnAction(e -> compare.stop());
        stop.disableProperty().bind(compare.runningProperty().not());
        Label status = new Label();
        status.setId("compare-status");
        status.getStyleClass().add("hint");
        Button csv = TrainPane.button("compare-csv", "training.exportCsv", Material2AL.INSERT_CHART_OUTLINED);
        csv.setOnAction(e -> {
            Path p = files.get().save(getScene() == null ? null : getScene().getWindow(), "comparison-curves.csv", "csv");
            if (p != null) compare.exportCsv(p, background, status::setText);
        });
        csv.setTooltip(TrainPane.tooltip("training.exportCsvTip"));
        Button png = TrainPane.button("compare-png", "training.exportPng", Material2AL.IMAGE);
        png.setTooltip(TrainPane.tooltip("training.exportPngTip"));
        HBox buttons = new HBox(8, start, stop, csv, png, status);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(compare.problemProperty());
        problem.visibleProperty().bind(compare.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        accuracy = new CurveChart(I18n.bind("training.compare.accuracyChart"), I18n.bind("training.chart.epochs"));
        accuracy.setId("compare-accuracy-chart");
        loss = new CurveChart(I18n.bind("training.compare.lossChart"), I18n.bind("training.chart.epochs"));
        loss.setId("compare-loss-chart");
        loss.setAutoY(true);
        String[] keys = {"training.model.softmax", "training.model.mlp", "training.compare.lenet"};
        accSeries = List.of(series(keys[0], 0, true), series(keys[1], 1, true), series(keys[2], 2, true));
        lossSeries = List.of(series(keys[0], 0, false), series(keys[1], 1, false), series(keys[2], 2, false));
        accSeries.forEach(accuracy::addSeries);
        lossSeries.forEach(loss::addSeries);
        HBox charts = new HBox(16, accuracy, loss);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        HBox.setHgrow(loss, Priority.ALWAYS);
        accuracy.setMaxWidth(Double.MAX_VALUE);
        loss.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(charts, Priority.ALWAYS);
        png.setOnAction(e -> {
            Path p = files.get().save(getScene() == null ? null : getScene().getWindow(), "comparison.png", "png");
            if (p != null) TrainPane.writePng(charts, p, form, background);
        });

        getChildren().addAll(title, settings, buttons, problem, charts, table());
        refresh();
    }

    /** Lets the view swap the file dialogs (tests). */
    interface FilePickerHolder { FilePicker get(); }

    private static CurveChart.Series series(String key, int i, boolean markers) {
        return new CurveChart.Series(I18n.bind(key), "series-" + i, markers);
    }

    private TableView<ComparisonModel.Row> table() {
        TableView<ComparisonModel.Row> t = new TableView<>(compare.rows());
        t.setId("compare-table");
        t.getStyleClass().add("compare-table");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPrefHeight(190);
        t.setMinHeight(150);
        t.getColumns().add(column("training.compare.col.model", r -> I18n.get(r.nameKey())));
        t.getColumns().add(column("training.compare.col.parameters", r -> String.format(Locale.ROOT, "%,d", r.parametersProperty().get())));
        t.getColumns().add(column("training.compare.col.time", r -> TrainingText.duration(r.secondsProperty().get())));
        t.getColumns().add(column("training.compare.col.train", r -> TrainingText.percent(r.trainAccuracyProperty().get())));
        t.getColumns().add(column("training.compare.col.test", r -> TrainingText.percent(r.testAccuracyProperty().get())));
        t.getColumns().add(column("training.compare.col.status", r -> switch (r.statusProperty().get()) {
            case TRAINING -> r.progressProperty().get();
            default -> I18n.get("training.compare.status." + r.statusProperty().get().name().toLowerCase(Locale.ROOT));
        }));
        Label placeholder = new Label();
        placeholder.textProperty().bind(I18n.bind("training.compare.empty"));
        t.setPlaceholder(placeholder);
        I18n.onChange(t, () -> t.refresh());
        return t;
    }

    private TableColumn<ComparisonModel.Row, String> column(String key, java.util.function.Function<ComparisonModel.Row, String> text) {
        TableColumn<ComparisonModel.Row, String> c = new TableColumn<>();
        c.textProperty().bind(I18n.bind(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(text.apply(cd.getValue())));
        c.setSortable(false);
        return c;
    }

    /** Redraws the charts and the table when a row changed (throttled by the caller). */
    void refresh() {
        if (compare.version() == shownVersion) return;
        shownVersion = compare.version();
        var rows = compare.rows();
        double epochs = 1;
        for (int i = 0; i < 3; i++) {
            ComparisonModel.Row r = i < rows.size() ? rows.get(i) : null;
            TrainingSnapshot s = r == null ? null : r.last();
            if (s == null) { accSeries.get(i).clear(); lossSeries.get(i).clear(); continue; }
            epochs = Math.max(epochs, s.config().epochs());
            int n = 0;
            ensure(s.testAccuracy().size() + r.lossCurve().size() + 1);
            for (AccuracyPoint p : s.testAccuracy()) if (!p.sample()) { xs[n] = p.epochs(); ys[n] = p.accuracy(); n++; }
            accSeries.get(i).setPoints(xs, ys, n);
            LossCurve c = r.lossCurve();
            for (int j = 0; j < c.size(); j++) { xs[j] = c.x(j); ys[j] = c.smoothed(j); }
            lossSeries.get(i).setPoints(xs, ys, c.size());
        }
        accuracy.setXRange(0, epochs);
        accuracy.setAccuracyRange(accSeries.stream().flatMapToDouble(s -> java.util.stream.IntStream.range(0, s.size()).mapToDouble(s::y)));
        loss.setXRange(0, epochs);
        accuracy.refresh();
        loss.refresh();
        ((TableView<?>) lookup("#compare-table")).refresh();
    }

    private void ensure(int n) {
        if (xs.length < n) { xs = new double[n * 2]; ys = new double[n * 2]; }
    }
}
