package org.convscope.app.collect;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.I18n;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.convscope.engine.TrainConfig;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Train on it": a network trained on the training part of the collected drawings, from random weights or from the
 * MNIST model, with its accuracy on the training part and on the held-out part drawn together after every epoch
 * (overfitting: the first climbs to 100%, the second stays lower), and the MNIST model's accuracy on the same
 * held-out drawings as a line to compare with.
 *
 * <p>Node ids: #collect-train-split, #collect-train-scratch, #collect-train-mnist, #collect-train-epochs,
 * #collect-train-run, #collect-train-stop, #collect-train-chart, #collect-train-result.
 */
final class TrainPane {
    private final AppContext ctx;
    private final CollectViewModel vm;
    private final Executor fx;
    private final VBox root = new VBox(12);
    private final Label split = new Label(), result = new Label();
    private final ToggleButton scratch, fromMnist;
    private final ComboBox<Integer> epochs = new ComboBox<>();
    private final XYChart.Series<Number, Number> trainSeries = new XYChart.Series<>(), heldSeries = new XYChart.Series<>(),
            mnistSeries = new XYChart.Series<>();
    private final NumberAxis xAxis = new NumberAxis(0, 20, 5);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running", false);
    private final ObjectProperty<HandwritingTraining.Point> last = new SimpleObjectProperty<>(this, "last");
    /** The network of the last finished run (the eval tab can measure it). */
    private final ObjectProperty<AppContext.ActiveModel> trained = new SimpleObjectProperty<>(this, "trained");
    private AtomicBoolean cancel = new AtomicBoolean();
    private double mnistHeldOut = Double.NaN;

    TrainPane(AppContext ctx, CollectViewModel vm, Executor fx) {
        this.ctx = ctx;
        this.vm = vm;
        this.fx = fx;
        split.setId("collect-train-split");
        split.setWrapText(true);
        var starts = new ToggleGroup();
        scratch = new ToggleButton();
        scratch.setId("collect-train-scratch");
        scratch.textProperty().bind(I18n.bind("collect.train.scratch"));
        fromMnist = new ToggleButton();
        fromMnist.setId("collect-train-mnist");
        fromMnist.textProperty().bind(I18n.bind("collect.train.fromMnist"));
        scratch.setToggleGroup(starts);
        fromMnist.setToggleGroup(starts);
        scratch.setSelected(true);
        starts.selectedToggleProperty().addListener((o, a, t) -> { if (t == null) a.setSelected(true); });
        epochs.setId("collect-train-epochs");
        epochs.getItems().setAll(10, 20, 40, 80);
        epochs.setValue(20);
        var run = CollectView.button("collect-train-run", "collect.train.run", Material2MZ.PLAY_ARROW, this::start);
        run.getStyleClass().add("accent");
        run.disableProperty().bind(running);
        Button stop = CollectView.button("collect-train-stop", "collect.train.stop", Material2MZ.STOP, () -> cancel.set(true));
        stop.disableProperty().bind(running.not());
        for (var b : new javafx.scene.control.Control[] {scratch, fromMnist, epochs}) b.disableProperty().bind(running);

        var yAxis = new NumberAxis(0, 100, 20);
        yAxis.labelProperty().bind(I18n.bind("collect.train.yAxis"));
        xAxis.labelProperty().bind(I18n.bind("collect.train.xAxis"));
        xAxis.setAutoRanging(false);
        var chart = new LineChart<>(xAxis, yAxis);
        chart.setId("collect-train-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(380);
        chart.setMaxWidth(820);
        trainSeries.nameProperty().bind(I18n.bind("collect.train.trainSeries"));
        heldSeries.nameProperty().bind(I18n.bind("collect.train.heldSeries"));
        mnistSeries.nameProperty().bind(I18n.bind("collect.train.mnistSeries"));
        chart.getData().setAll(java.util.List.of(trainSeries, heldSeries, mnistSeries));

        result.setId("collect-train-result");
        result.setWrapText(true);
        result.getStyleClass().add("big-number");
        var explain = CollectView.label("collect.train.explain");
        explain.setWrapText(true);
        explain.getStyleClass().add("hint");
        root.getChildren().setAll(split,
                CollectView.hbox(CollectView.label("collect.train.start"), scratch, fromMnist,
                        CollectView.label("collect.train.epochs"), epochs, run, stop),
                chart, result, explain);
        root.setPadding(new Insets(12, 16, 12, 16));
        vm.versionProperty().addListener((o, a, b) -> showSplit());
        I18n.onChange(root, () -> { showSplit(); showResult(); });
        last.addListener((o, a, b) -> showResult());
        showSplit();
    }

    Node node() {
        var scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    BooleanProperty runningProperty() { return running; }
    ObjectProperty<HandwritingTraining.Point> lastProperty() { return last; }
    double mnistHeldOut() { return mnistHeldOut; }
    ObjectProperty<AppContext.ActiveModel> trainedProperty() { return trained; }

    void stop() { cancel.set(true); }

    private void showSplit() {
        SetData d = vm.set().data();
        split.setText(I18n.get("collect.train.split", d.part(false).size(), d.part(true).size(), CollectedSet.HOLD_OUT_EVERY));
    }

    /** Starts a run on its own thread (one at a time); points come back to the chart through fx. */
    void start() {
        if (running.get()) return;
        SetData d = vm.set().data();
        SetProblem p = HandwritingTraining.problem(d);
        var mnist = ctx.models().get(AppContext.MNIST);
        if (p == null && fromMnist.isSelected() && mnist == null) p = new SetProblem("collect.eval.noModel");
        if (p != null) { vm.setMessage(CollectViewModel.Message.of(p)); return; }
        int n = epochs.getValue();
        Network net = fromMnist.isSelected() ? mnist.network().copy()
                : Network.create(mnist != null ? mnist.network().spec() : ModelZoo.lenetModern(), System.nanoTime());
        Network baseline = mnist == null ? null : mnist.network();
        boolean digits = d.classNames().equals(SetData.DIGITS);
        boolean fromMnistRun = fromMnist.isSelected();
        trainSeries.getData().clear();
        heldSeries.getData().clear();
        mnistSeries.getData().clear();
        xAxis.setUpperBound(n);
        xAxis.setTickUnit(Math.max(1, n / 10));
        last.set(null);
        mnistHeldOut = Double.NaN;
        var flag = new AtomicBoolean();
        cancel = flag;
        running.set(true);
        int threads = Math.max(1, Math.min(4, TrainConfig.defaultThreads() / 2));
        Thread.ofPlatform().daemon(true).name("convscope-handwriting-train").start(() -> {
            try {
                double base = baseline != null && digits ? HandwritingTraining.accuracy(baseline, d.part(true)) : Double.NaN;
                fx.execute(() -> {
                    mnistHeldOut = base;
                    if (!Double.isNaN(base)) {
                        mnistSeries.getData().add(new XYChart.Data<>(0, 100 * base));
                        mnistSeries.getData().add(new XYChart.Data<>(n, 100 * base));
                    }
                });
                var end = HandwritingTraining.train(net, d, n, 42, threads, pt -> fx.execute(() -> {
                    trainSeries.getData().add(new XYChart.Data<>(pt.epoch(), 100 * pt.train()));
                    heldSeries.getData().add(new XYChart.Data<>(pt.epoch(), 100 * pt.heldOut()));
                    last.set(pt);
                }), flag::get);
                String how = I18n.get(fromMnistRun ? "collect.train.modelFromMnist" : "collect.train.modelScratch", end.epoch(),
                        d.part(false).size());
                fx.execute(() -> trained.set(new AppContext.ActiveModel(net, AppContext.MNIST, how, Double.NaN)));
            } catch (RuntimeException e) {
                org.convscope.app.ErrorLog.log("Training on the collected handwriting failed", e); // the message below says so
                fx.execute(() -> vm.setMessage(CollectViewModel.Message.problem("collect.msg.failed", String.valueOf(e.getMessage()))));
            } finally {
                fx.execute(() -> running.set(false));
            }
        });
    }

    private void showResult() {
        var p = last.get();
        if (p == null) { result.setText(""); return; }
        String s = I18n.get("collect.train.result", p.epoch(), pct(p.train()), pct(p.heldOut()));
        if (!Double.isNaN(mnistHeldOut)) s += " " + I18n.get("collect.train.compare", pct(mnistHeldOut));
        if (p.train() - p.heldOut() > 0.1) s += " " + I18n.get("collect.train.overfit");
        result.setText(s);
    }

    private static String pct(double v) { return String.format(Locale.ROOT, "%.0f%%", 100 * v); }
}
