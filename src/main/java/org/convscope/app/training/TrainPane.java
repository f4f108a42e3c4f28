package org.convscope.app.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.I18n;
import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.Activation;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.Network;
import org.convscope.engine.PoolKind;
import org.convscope.engine.TrainConfig.Optimizer;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.AccuracyPoint;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The "Train" tab: the form on the left (dataset, model, architecture, hyper-parameters, controls), and on the
 * right the run as it happens — progress, the loss curve, the accuracy curves and the first two layers' kernels.
 * <pre>
 * +-------------+------------------------------------------------------+
 * | dataset     | message / resume banner                              |
 * | model       | epoch 3/10  batch 120/235  21,400 img/s  0:42 left   |
 * | arch...     | [======================                     ]   fps  |
 * | 61,706 par. | +-- loss ---------------+ +-- accuracy ------------+ |
 * | hyper...    | |                       | |                        | |
 * | problem     | +-----------------------+ +------------------------+ |
 * | [Start]...  | conv1 kernels    conv2 kernels          [CSV] [PNG]  |
 * +-------------+------------------------------------------------------+
 * </pre>
 * All state lives in {@link TrainingViewModel}; this pane binds to it. {@link #refresh()} is called by the view's
 * AnimationTimer a few times per second at most.
 */
final class TrainPane extends BorderPane {
    private final TrainingViewModel model;
    private FilePicker files;
    private final java.util.concurrent.Executor background;

    private final Label epochLabel = bigLabel("progress-epoch"), batchLabel = bigLabel("progress-batch"),
            speedLabel = bigLabel("throughput"), leftLabel = bigLabel("time-left");
    private final ProgressBar progress = new ProgressBar(0);
    final Label fpsLabel = new Label();
    private final CurveChart lossChart, accuracyChart;
    private final CurveChart.Series rawLoss, smoothLoss, trainAcc, testAcc, sampleAcc;
    private final GradientChart gradients = new GradientChart();
    private final KernelGrid conv1, conv2;
    private final KernelZoom zoom = new KernelZoom();
    private final PredictionStrip predictions;
    private long lastPredictions, predictionsVersion = -1;
    private Network beforeOf;
    private final ChartRow charts;
    private double[] xs = new double[0], ys = new double[0], ys2 = new double[0];
    private long lastKernels;
    private Network staticKernelsOf;

    private final ScrollPane form;
    private static final javafx.css.PseudoClass FOLDED = javafx.css.PseudoClass.getPseudoClass("folded");
    /** Whether the form is on the left; false while a run in a narrow window has folded it away, or by hand. */
    private final javafx.beans.property.BooleanProperty formShown = new javafx.beans.property.SimpleBooleanProperty(this, "formShown", true);
    /** Narrower than this (in font sizes) the form folds away while a run trains: up to 1600 x 1000 in the projector theme, not 1280 x 800 in the light one. */
    static final double FOLD_FORM_EMS = 72;

    private boolean narrowForForm() {
        double em = epochLabel.getFont().getSize() / 1.55; // the big numbers are 1.55 em (training.css)
        return getWidth() > 0 && getWidth() < FOLD_FORM_EMS * em;
    }

    /** The form is shown (for tests). */
    javafx.beans.property.BooleanProperty formShownProperty() { return formShown; }

    /** Views this pane can open on the trained model: the network view (live feature maps) and kernel sliding. */
    static final String NETWORK_VIEW = "network", KERNEL_VIEW = "kernel";

    TrainPane(TrainingViewModel model, FilePicker files, AppContext ctx) {
        this.model = model;
        this.files = files;
        this.background = ctx.services().background();
        getStyleClass().add("train-pane");

        lossChart = new CurveChart(I18n.bind("training.chart.loss"), I18n.bind("training.chart.epochs"));
        lossChart.setId("loss-chart");
        rawLoss = new CurveChart.Series(I18n.bind("training.chart.lossRaw"), "series-raw", false);
        smoothLoss = new CurveChart.Series(I18n.bind("training.chart.lossSmooth"), "series-0", false);
        lossChart.addSeries(rawLoss);
        lossChart.addSeries(smoothLoss);
        lossChart.setAutoY(true);
        accuracyChart = new CurveChart(I18n.bind("training.chart.accuracy"), I18n.bind("training.chart.epochs"));
        accuracyChart.setId("accuracy-chart");
        trainAcc = new CurveChart.Series(I18n.bind("training.chart.train"), "series-1", true);
        testAcc = new CurveChart.Series(I18n.bind("training.chart.test"), "series-0", true);
        sampleAcc = new CurveChart.Series(I18n.bind("training.chart.testSample"), "series-2", true);
        accuracyChart.addSeries(sampleAcc);
        accuracyChart.addSeries(trainAcc);
        accuracyChart.addSeries(testAcc);
        accuracyChart.setAutoY(false);
        conv1 = new KernelGrid(I18n.bind("training.kernels.conv1"), 40, true);
        conv1.setId("kernels-conv1");
        conv2 = new KernelGrid(I18n.bind("training.kernels.conv2"), 25, false);
        conv2.setId("kernels-conv2");
        conv1.setOnPick((o, i) -> zoom.show(conv1, "training.kernels.conv1", o, i));
        conv2.setOnPick((o, i) -> zoom.show(conv2, "training.kernels.conv2", o, i));
        predictions = new PredictionStrip(ctx.services().background(), javafx.application.Platform::runLater);

        form = new ScrollPane(form());
        form.setId("training-form");
        form.setFitToWidth(true);
        form.getStyleClass().add("training-form-scroll");
        // width in training.css, in em: the projector theme's larger type gets a wider form
        setLeft(form);
        // the form folds away (the button #toggle-form, or by itself when a run starts in a narrow window: a
        // 1280 x 800 projector) and the charts get its width and two rows; it stays folded after the run (the
        // curves are what the class talks about then) until the button brings it back
        model.stateProperty().addListener((o, a, b) -> {
            if (b == TrainingSnapshot.State.RUNNING && a != TrainingSnapshot.State.PAUSED && formShown.get() && narrowForForm())
                formShown.set(false);
        });

        // the loss, the gradient size per layer and the accuracy; in a narrow window the loss and one of the other two
        charts = new ChartRow(lossChart, gradients.chart(), "training.gradients.show", accuracyChart, "training.chart.accuracy");
        charts.setId("charts");
        charts.getStyleClass().add("charts");
        VBox.setVgrow(charts, Priority.ALWAYS);
        gradients.caption().visibleProperty().bind(charts.showing(gradients.chart()));
        gradients.caption().managedProperty().bind(gradients.caption().visibleProperty());

        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        fpsLabel.setId("fps");
        fpsLabel.getStyleClass().add("debug-label");
        Button csv = button("export-csv", "training.exportCsv", Material2AL.INSERT_CHART_OUTLINED);
        csv.setOnAction(e -> exportCsv());
        csv.setTooltip(tooltip("training.exportCsvTip"));
        Button png = button("export-png", "training.exportPng", Material2AL.IMAGE);
        png.setOnAction(e -> exportPng());
        png.setTooltip(tooltip("training.exportPngTip"));
        csv.disableProperty().bind(model.snapshotProperty().isNull());
        png.disableProperty().bind(model.snapshotProperty().isNull());
        FlowPane numbers = new FlowPane(28, 4, epochLabel, batchLabel, speedLabel, leftLabel);
        numbers.setAlignment(Pos.BASELINE_LEFT);
        HBox bar = new HBox(12, progress, fpsLabel, csv, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        // frames per second and the worst frame are for developers: off unless diagnostics are on (right-click here)
        fpsLabel.visibleProperty().bind(ctx.diagnosticsProperty());
        fpsLabel.managedProperty().bind(fpsLabel.visibleProperty());
        var diagnosticsMenu = new javafx.scene.control.ContextMenu(ctx.diagnosticsMenuItem());
        bar.setOnContextMenuRequested(e -> diagnosticsMenu.show(bar, e.getScreenX(), e.getScreenY()));

        Label kernelNote = new Label();
        kernelNote.textProperty().bind(I18n.bind("training.kernels.note"));
        kernelNote.getStyleClass().add("hint");
        kernelNote.setWrapText(true);
        kernelNote.setMinHeight(Region.USE_PREF_SIZE);
        // the enlarged kernel opens under conv1 (which is lower than conv2); conv2 goes under conv1 when the window is narrow
        FlowPane grids = new FlowPane(28, 10, new VBox(8, conv1, zoom), conv2);
        // "Use this model" and go: the network view then shows this run's feature maps, updated as it learns;
        // the kernel-sliding view slides one of its kernels (best on a paused model, so the numbers stay put).
        Hyperlink toNetwork = link("open-network", "training.openNetwork", () -> open(ctx, NETWORK_VIEW));
        Hyperlink toKernel = link("open-kernel", "training.openKernel", () -> open(ctx, KERNEL_VIEW));
        toNetwork.visibleProperty().bind(Bindings.createBooleanBinding(() -> ctx.viewIds().contains(NETWORK_VIEW), ctx.viewIds()));
        toKernel.visibleProperty().bind(Bindings.createBooleanBinding(() -> ctx.viewIds().contains(KERNEL_VIEW)
                && model.stateProperty().get() != TrainingSnapshot.State.RUNNING, ctx.viewIds(), model.stateProperty()));
        for (Hyperlink l : List.of(toNetwork, toKernel)) {
            l.managedProperty().bind(l.visibleProperty());
            l.disableProperty().bind(model.hasModelProperty().not());
        }
        for (Hyperlink l : List.of(toNetwork, toKernel)) { l.setWrapText(true); l.setMinHeight(Region.USE_PREF_SIZE); }
        VBox kernels = new VBox(6, grids, kernelNote, new VBox(2, toNetwork, toKernel));
        kernels.getStyleClass().add("kernels-row");
        // Only convolutional models have kernels to show: the run's model, or the one in the form before a run.
        kernels.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            TrainingSnapshot s = model.snapshotProperty().get();
            return s != null ? s.spec().layers().stream().anyMatch(l -> l instanceof org.convscope.engine.LayerSpec.Conv)
                    : model.familyProperty().get().convolutional();
        }, model.snapshotProperty(), model.familyProperty()));

        VBox right = new VBox(12, controls(), banner(), message(), numbers, bar, charts, gradients.caption(), predictions, kernels);
        right.setPadding(new Insets(12, 16, 12, 16));
        // what does not fit under the charts (the test images, the kernels in a low window) is reached by scrolling
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setId("training-run-scroll");
        rightScroll.setFitToWidth(true);
        rightScroll.setFitToHeight(true);
        rightScroll.getStyleClass().add("edge-to-edge");
        setCenter(rightScroll);
        formShown.addListener((o, a, b) -> {
            setLeft(b ? form : null);
            pseudoClassStateChanged(FOLDED, !b);
            right.setSpacing(b ? 12 : 8);
            // without the form: loss and accuracy side by side, the gradient chart and its caption under them
            var caption = gradients.caption();
            if (!b) {
                right.getChildren().remove(caption);
                charts.setTwoByTwo(true, caption);
            } else {
                charts.setTwoByTwo(false, caption);
                right.getChildren().add(right.getChildren().indexOf(charts) + 1, caption);
            }
        });

        I18n.onChange(this, () -> refresh());
        model.snapshotProperty().addListener((o, a, b) -> { if (b == null) refresh(); });
        model.designProperty().addListener((o, a, b) -> { if (model.snapshotProperty().get() == null) refresh(); });
        // the test images arrive after the pane is built: show the untrained network's answers then
        model.dataReadyProperty().addListener((o, a, b) -> { if (b && model.snapshotProperty().get() == null) { staticKernelsOf = null; refresh(); } });
        refresh();
    }

    /**
     * A narrow window (a 1280 × 800 projector with the projector theme's larger type) lays the view out in the
     * width there is, with the rows that can wrap wrapped, instead of pushing its right side out of the window.
     */
    @Override protected double computeMinWidth(double height) { return 0; }

    // ------------------------------------------------------------------ the form

    private Node form() {
        GridPane g = new GridPane();
        g.getStyleClass().add("training-form");
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(14));
        int row = 0;

        ComboBox<String> dataset = combo("dataset", List.of(AppContext.MNIST, AppContext.FASHION_MNIST),
                id -> I18n.get(TrainingText.datasetKey(id)), model.datasetProperty());
        ComboBox<Family> family = combo("model", List.of(Family.values()), f -> I18n.get(f.titleKey()), model.familyProperty());
        // Two recipes a teacher can start from with one click (they set model and hyper-parameters, not the data).
        Button d2l = presetButton("preset-d2l", "training.presetD2l", "training.presetD2lTip", model::applyD2lPreset);
        Button modern = presetButton("preset-modern", "training.presetModern", "training.presetModernTip", model::applyModernPreset);
        Label presets = new Label();
        presets.textProperty().bind(I18n.bind("training.presets"));
        presets.getStyleClass().add("form-label");
        HBox presetRow = new HBox(6, presets, d2l, modern);
        presetRow.setAlignment(Pos.CENTER_LEFT);
        g.add(presetRow, 0, row++, 2, 1);
        row = section(g, row, "training.section.data");
        row = field(g, row, "training.field.dataset", dataset);
        ComboBox<Integer> images = combo("train-images", TrainingViewModel.TRAIN_SIZES,
                n -> n == 0 ? I18n.get("training.images.all") : String.format(Locale.ROOT, "%,d", n), model.trainImagesProperty());
        row = field(g, row, "training.field.images", images);
        row = field(g, row, "training.field.model", family);
        Label hint = new Label();
        hint.setId("model-hint");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(model.familyProperty().get().titleKey()
                .replace("training.model.", "training.hint.")), model.familyProperty(), I18n.localeProperty()));
        g.add(hint, 0, row++, 2, 1);

        row = section(g, row, "training.section.architecture");
        ObservableValue<Boolean> lenet = model.familyProperty().map(Family::convolutional);
        ObservableValue<Boolean> mlp = model.familyProperty().map(f -> f == Family.MLP);
        ObservableValue<Boolean> hasAct = model.familyProperty().map(f -> f != Family.SOFTMAX);
        row = field(g, row, "training.arch.conv1", text("conv1", model.conv1Property()), lenet);
        row = field(g, row, "training.arch.conv2", text("conv2", model.conv2Property()), lenet);
        row = field(g, row, "training.arch.kernel", text("kernel", model.kernelProperty()), lenet);
        row = field(g, row, "training.arch.pooling", combo("pooling", List.of(PoolKind.values()),
                p -> I18n.get("training.pool." + p.name().toLowerCase(Locale.ROOT)), model.poolingProperty()), lenet);
        row = field(g, row, "training.arch.dense1", text("dense1", model.dense1Property()), lenet);
        row = field(g, row, "training.arch.dense2", text("dense2", model.dense2Property()), lenet);
        row = field(g, row, "training.arch.hidden", text("hidden", model.hiddenProperty()), mlp);
        row = field(g, row, "training.arch.activation", combo("activation", List.of(Activation.values()),
                a -> I18n.get("training.act." + a.name().toLowerCase(Locale.ROOT)), model.activationProperty()), hasAct);
        Label softmaxNote = new Label();
        softmaxNote.textProperty().bind(I18n.bind("training.arch.softmaxNote"));
        softmaxNote.getStyleClass().add("hint");
        softmaxNote.setWrapText(true);
        softmaxNote.visibleProperty().bind(model.familyProperty().isEqualTo(Family.SOFTMAX));
        softmaxNote.managedProperty().bind(softmaxNote.visibleProperty());
        g.add(softmaxNote, 0, row++, 2, 1);
        Label params = new Label();
        params.setId("parameters");
        params.getStyleClass().add("parameter-count");
        params.textProperty().bind(model.parameterTextProperty());
        g.add(params, 0, row++, 2, 1);

        row = section(g, row, "training.section.hyper");
        row = field(g, row, "training.hp.optimizer", combo("optimizer", List.of(Optimizer.values()),
                o -> I18n.get("training.opt." + o.name().toLowerCase(Locale.ROOT)), model.optimizerProperty()));
        TextField lr = text("lr", model.learningRateProperty());
        row = field(g, row, "training.hp.lr", lr);
        row = field(g, row, "training.hp.batch", text("batch", model.batchSizeProperty()));
        row = field(g, row, "training.hp.epochs", text("epochs", model.epochsProperty()));
        TextField threadsField = text("threads", model.threadsProperty());
        row = field(g, row, "training.hp.threads", threadsField);
        // each field is marked where it is wrong, with the same words as the problem line (ControlsFX validation)
        var validation = new org.controlsfx.validation.ValidationSupport();
        for (TextField f : List.of(lr, (TextField) g.lookup("#batch"), (TextField) g.lookup("#epochs"), threadsField)) {
            if (f == null) continue;
            String field = f == lr ? "lr" : f.getId();
            validation.registerValidator(f, false, (javafx.scene.control.Control c, String v) ->
                    org.controlsfx.validation.ValidationResult.fromErrorIf(c, HyperParameters.fieldProblem(field, v == null ? "" : v),
                            HyperParameters.fieldProblem(field, v == null ? "" : v) != null));
        }

        // Everything but the learning rate is locked during a run; the learning rate stays editable so that a
        // diverged run can go on with a smaller one.
        for (Node n : g.getChildren()) {
            if (n != lr && (n instanceof ComboBox<?> || n instanceof TextField)) n.disableProperty().bind(model.busyProperty());
        }
        lr.disableProperty().bind(model.stateProperty().isEqualTo(TrainingSnapshot.State.RUNNING));

        Label from = new Label();
        from.setId("starting-point");
        from.getStyleClass().add("hint");
        from.setWrapText(true);
        from.textProperty().bind(Bindings.createStringBinding(() -> model.startingPointTextProperty().get() == null ? ""
                : I18n.get("training.startsFrom", model.startingPointTextProperty().get()), model.startingPointTextProperty(), I18n.localeProperty()));
        Button fresh = new Button();
        fresh.textProperty().bind(I18n.bind("training.freshWeights"));
        fresh.getStyleClass().add("flat");
        fresh.setOnAction(e -> model.clearStartingPoint());
        HBox fromRow = new HBox(6, from, fresh);
        fromRow.setAlignment(Pos.CENTER_LEFT);
        fromRow.visibleProperty().bind(model.startingPointTextProperty().isNotNull().and(model.busyProperty().not()));
        fromRow.managedProperty().bind(fromRow.visibleProperty());
        g.add(fromRow, 0, row++, 2, 1);
        return g;
    }

    /** Start, pause/resume, step, stop; save, load, use; and the form's problem right under them. */
    private Node controls() {
        Label problem = new Label();
        problem.setId("problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Button start = button("start", "training.start", Material2MZ.PLAY_ARROW);
        start.getStyleClass().add("accent");
        start.setOnAction(e -> model.start());
        start.disableProperty().bind(model.canStartProperty().not());
        Button pause = new Button();
        pause.setId("pause");
        pause.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(
                model.stateProperty().get() == TrainingSnapshot.State.PAUSED ? "training.resume" : "training.pause"),
                model.stateProperty(), I18n.localeProperty()));
        pause.graphicProperty().bind(model.stateProperty().map(s -> (Node) new FontIcon(
                s == TrainingSnapshot.State.PAUSED ? Material2MZ.PLAY_CIRCLE_OUTLINE : Material2MZ.PAUSE)));
        pause.setOnAction(e -> {
            if (model.stateProperty().get() == TrainingSnapshot.State.PAUSED) model.resume(); else model.pause();
        });
        pause.disableProperty().bind(model.canPauseProperty().not().and(model.canResumeProperty().not()));
        Button step = button("step", "training.step", Material2MZ.SKIP_NEXT);
        step.setOnAction(e -> model.step());
        step.disableProperty().bind(model.canStepProperty().not());
        Button stop = button("stop", "training.stop", Material2MZ.STOP);
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.canStopProperty().not());

        Button save = button("save", "training.save", Material2MZ.SAVE);
        save.setOnAction(e -> {
            Path p = files.save(getScene() == null ? null : getScene().getWindow(), suggestedName() + ".safetensors", "safetensors");
            if (p != null) model.save(p);
        });
        save.disableProperty().bind(model.hasModelProperty().not());
        Button load = button("load", "training.load", Material2AL.FOLDER_OPEN);
        load.setOnAction(e -> {
            Path p = files.open(getScene() == null ? null : getScene().getWindow(), "safetensors");
            if (p != null) model.load(p);
        });
        load.disableProperty().bind(model.busyProperty());
        Button use = button("use-model", "training.use", Material2AL.CHECK_CIRCLE_OUTLINE);
        use.setOnAction(e -> model.useThisModel());
        use.disableProperty().bind(model.hasModelProperty().not());
        // run controls left, model files right; in a narrow window the second group wraps under the first
        var toggleForm = new javafx.scene.control.ToggleButton();
        toggleForm.setId("toggle-form");
        toggleForm.selectedProperty().bindBidirectional(formShown);
        toggleForm.graphicProperty().bind(formShown.map(shown -> (Node) new FontIcon(shown ? Material2AL.CHEVRON_LEFT : Material2AL.CHEVRON_RIGHT)));
        // only the arrow while the form is there (the run's buttons keep their row at 1280 x 800), a word when it is not
        toggleForm.textProperty().bind(Bindings.createStringBinding(() -> formShown.get() ? null : I18n.get("training.form.show"),
                formShown, I18n.localeProperty()));
        toggleForm.setTooltip(tooltip("training.form.tip"));
        HBox run = new HBox(8, toggleForm, start, pause, step, stop), files = new HBox(8, save, load, use);
        run.setMinWidth(Region.USE_PREF_SIZE);
        files.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane bar = new FlowPane(32, 8, run, files);
        bar.getStyleClass().add("training-controls");
        return new VBox(8, bar, problem);
    }


    private Button presetButton(String id, String key, String tip, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        b.setTooltip(tooltip(tip));
        b.getStyleClass().addAll("small");
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(model.busyProperty());
        return b;
    }

    private String suggestedName() {
        TrainingSnapshot s = model.snapshotProperty().get();
        String id = s != null ? s.spec().id() : model.designProperty().get().ok() ? model.designProperty().get().spec().id() : "model";
        return id + "-" + model.runDataset();
    }

    private Node banner() {
        Label text = new Label();
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE); // two lines in a narrow window rather than "…"
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            Autosave.Found f = model.resumeOfferProperty().get();
            if (f == null) return "";
            Autosave.Run r = f.run();
            String name = I18n.get(r.design().family().titleKey());
            String ds = I18n.get(TrainingText.datasetKey(r.dataset()));
            return r.finished() ? I18n.get("training.offer.finished", name, ds, TrainingText.percent(r.testAccuracyNow()))
                    : I18n.get("training.offer.unfinished", name, ds, r.epochsDone(), r.hyper().epochs());
        }, model.resumeOfferProperty(), I18n.localeProperty()));
        Button resume = new Button();
        resume.setId("resume-autosave");
        resume.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(model.resumeOfferProperty().get() != null
                && model.resumeOfferProperty().get().run().finished() ? "training.offer.load" : "training.offer.resume"),
                model.resumeOfferProperty(), I18n.localeProperty()));
        resume.getStyleClass().add("accent");
        resume.setOnAction(e -> model.acceptResume());
        Button discard = new Button();
        discard.setId("discard-autosave");
        discard.textProperty().bind(I18n.bind("training.offer.discard"));
        discard.setOnAction(e -> model.discardResume());
        resume.setMinWidth(Region.USE_PREF_SIZE);
        discard.setMinWidth(Region.USE_PREF_SIZE);
        // the buttons under the text: beside it they squeezed it to a word a line in a 1280 px projector window
        VBox textAndButtons = new VBox(8, text, new FlowPane(12, 8, resume, discard));
        HBox box = new HBox(12, new FontIcon(Material2MZ.RESTORE), textAndButtons);
        box.setId("resume-offer");
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll("banner", "banner-info");
        HBox.setHgrow(textAndButtons, Priority.ALWAYS);
        box.visibleProperty().bind(model.resumeOfferProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node message() {
        Label m = new Label();
        m.setId("message");
        m.setWrapText(true);
        m.textProperty().bind(model.messageProperty());
        m.getStyleClass().add("banner");
        model.messageKindProperty().addListener((o, a, k) -> styleMessage(m, k));
        styleMessage(m, model.messageKindProperty().get());
        m.visibleProperty().bind(model.messageProperty().isNotNull());
        m.managedProperty().bind(m.visibleProperty());
        m.setMaxWidth(Double.MAX_VALUE);
        m.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all of it, never "…": the charts give way
        return m;
    }

    private static void styleMessage(Label m, TrainingViewModel.MessageKind k) {
        m.getStyleClass().removeAll("banner-info", "banner-success", "banner-warning", "banner-error");
        m.getStyleClass().add("banner-" + k.name().toLowerCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------ live parts

    /** Redraws progress, curves and kernels from the model (throttled by the caller). */
    void refresh() {
        TrainingSnapshot s = model.snapshotProperty().get();
        if (s == null) {
            epochLabel.setText(I18n.get("training.progress.idle"));
            batchLabel.setText("");
            speedLabel.setText("");
            leftLabel.setText("");
            progress.setProgress(0);
            for (var series : List.of(rawLoss, smoothLoss, trainAcc, testAcc, sampleAcc)) series.clear();
            lossChart.refresh();
            accuracyChart.refresh();
            gradients.clear();
            Network n = model.currentNetwork();
            if (n == null) n = model.previewNetwork();
            if (n != staticKernelsOf) {
                staticKernelsOf = n;
                showKernels(n == null ? List.of() : n.weights());
                beforeOf = null; // the next run's first weights become "before"
                predictions.request(n, model.testImages(), model.runDataset());
            }
            return;
        }
        staticKernelsOf = null;
        int shownEpoch = Math.min(s.epoch() + 1, s.config().epochs());
        epochLabel.setText(I18n.get("training.progress.epoch", shownEpoch, s.config().epochs()));
        batchLabel.setText(I18n.get("training.progress.batch", s.state().ended() && s.state() == TrainingSnapshot.State.FINISHED
                ? s.batchesPerEpoch() : s.batch(), s.batchesPerEpoch()));
        speedLabel.setText(Double.isNaN(s.imagesPerSecond()) ? "" : I18n.get("training.progress.speed", Math.round(s.imagesPerSecond())));
        leftLabel.setText(s.state().ended() ? I18n.get("training.progress.took", TrainingText.duration(s.runningSeconds()))
                : !TrainingText.timeLeftMeaningful(s.fraction(), s.runningSeconds()) ? I18n.get("training.progress.estimating")
                : Double.isNaN(s.secondsLeft()) ? "" : I18n.get("training.progress.left", TrainingText.duration(s.secondsLeft())));
        progress.setProgress(s.fraction());

        LossCurve c = model.lossCurve();
        int n = c.size();
        ensure(n);
        for (int i = 0; i < n; i++) { xs[i] = c.x(i); ys[i] = c.mean(i); ys2[i] = c.smoothed(i); }
        rawLoss.setPoints(xs, ys, n);
        smoothLoss.setPoints(xs, ys2, n);
        lossChart.setXRange(0, s.config().epochs());
        lossChart.refresh();
        gradients.update(s);

        setAccuracy(trainAcc, s.trainAccuracy(), false);
        setAccuracy(testAcc, s.testAccuracy(), false);
        setAccuracy(sampleAcc, s.testAccuracy(), true);
        accuracyChart.setXRange(0, s.config().epochs());
        accuracyChart.setAccuracyRange(java.util.stream.Stream.concat(s.testAccuracy().stream(), s.trainAccuracy().stream())
                .mapToDouble(TrainingSnapshot.AccuracyPoint::accuracy));
        accuracyChart.refresh();

        long now = System.nanoTime();
        if (now - lastKernels > 500_000_000L || s.state() != TrainingSnapshot.State.RUNNING) {
            lastKernels = now;
            if (s.network() != beforeOf) { beforeOf = s.network(); setBefore(s.weights()); }
            showKernels(s.weights());
        }
        // the test images' answers: at most once a second while running (computed in the background)
        if (s.version() != predictionsVersion && (now - lastPredictions > 1_000_000_000L || s.state() != TrainingSnapshot.State.RUNNING)) {
            lastPredictions = now;
            predictionsVersion = s.version();
            predictions.request(s.network(), model.testImages(), model.runDataset());
        }
    }

    private void setBefore(List<LayerWeights> weights) {
        List<LayerWeights> convs = weights.stream().filter(w -> w.weightShape().length == 4).toList();
        conv1.setBefore(convs.isEmpty() ? null : convs.get(0));
        conv2.setBefore(convs.size() < 2 ? null : convs.get(1));
    }

    private void showKernels(List<LayerWeights> weights) {
        List<LayerWeights> convs = weights.stream().filter(w -> w.weightShape().length == 4).toList();
        conv1.show(convs.isEmpty() ? null : convs.get(0));
        conv2.show(convs.size() < 2 ? null : convs.get(1));
        if (staticKernelsOf != null) setBefore(weights); // not trained yet: before = now
        zoom.refresh();
    }

    private void setAccuracy(CurveChart.Series series, List<AccuracyPoint> points, boolean sample) {
        int n = 0;
        ensure(points.size() + 1);
        for (AccuracyPoint p : points) {
            if (p.sample() != sample) continue;
            xs[n] = p.epochs();
            ys[n] = p.accuracy();
            n++;
        }
        series.setPoints(xs, ys, n);
    }

    private void ensure(int n) {
        if (xs.length < n) { xs = new double[n * 2]; ys = new double[n * 2]; ys2 = new double[n * 2]; }
    }

    // ------------------------------------------------------------------ export

    private void exportCsv() {
        Path p = files.save(getScene() == null ? null : getScene().getWindow(), suggestedName() + "-curves.csv", "csv");
        if (p != null) model.exportCsv(p, x -> { });
    }

    /** Both charts as one PNG, at the size shown. */
    private void exportPng() {
        Path p = files.save(getScene() == null ? null : getScene().getWindow(), suggestedName() + "-curves.png", "png");
        if (p != null) writePng(charts, p, model, background);
    }

    /**
     * The node's current frame as a PNG: the snapshot on the FX thread (it must be), encoding and writing in the
     * background; the message says where it went or what went wrong.
     */
    static void writePng(Node node, Path file, TrainingViewModel model, java.util.concurrent.Executor background) {
        org.convscope.app.common.FrameSnapshot.savePng(node, file, new org.convscope.app.common.OneShot(background, Platform::runLater),
                f -> model.say(TrainingViewModel.MessageKind.SUCCESS, I18n.get("training.exported", file.toString())),
                err -> model.say(TrainingViewModel.MessageKind.ERROR, I18n.get("training.exportFailed", rootMessage(err))));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private void open(AppContext ctx, String view) {
        model.useThisModel();
        ctx.requestedViewProperty().set(view);
    }

    // ------------------------------------------------------------------ small builders

    private static Hyperlink link(String id, String key, Runnable action) {
        Hyperlink l = new Hyperlink();
        l.setId(id);
        l.textProperty().bind(I18n.bind(key));
        l.setOnAction(e -> action.run());
        return l;
    }

    private static Label bigLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("big-number");
        return l;
    }

    static Button button(String id, String key, org.kordamp.ikonli.Ikon icon) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        b.setGraphic(new FontIcon(icon));
        b.setMinWidth(Region.USE_PREF_SIZE); // a narrow window wraps the row instead of shortening the text to "..."
        return b;
    }

    static javafx.scene.control.Tooltip tooltip(String key) {
        var t = new javafx.scene.control.Tooltip();
        t.textProperty().bind(I18n.bind(key));
        return t;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(7);
        return t;
    }

    /** A ComboBox whose items are shown in the current language (and re-shown when it changes). */
    static <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> name, Property<T> value) {
        ComboBox<T> c = new ComboBox<>(FXCollections.observableArrayList(items));
        c.setId(id);
        c.valueProperty().bindBidirectional(value);
        Runnable cells = () -> {
            c.setCellFactory(v -> new ListCell<>() {
                @Override protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : name.apply(item));
                }
            });
            c.setButtonCell(c.getCellFactory().call(null));
        };
        cells.run();
        I18n.onChange(c, () -> cells.run());
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private static int section(GridPane g, int row, String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        l.getStyleClass().add("form-section");
        g.add(l, 0, row, 2, 1);
        return row + 1;
    }

    private static int field(GridPane g, int row, String key, Node control) {
        return field(g, row, key, control, null);
    }

    private static int field(GridPane g, int row, String key, Node control, ObservableValue<Boolean> visible) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        l.setLabelFor(control);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE); // never "Training i..."
        g.add(l, 0, row);
        g.add(control, 1, row);
        if (control instanceof Region r) { r.setMaxWidth(Double.MAX_VALUE); GridPane.setHgrow(r, Priority.ALWAYS); }
        if (visible != null) {
            for (Node n : List.of(l, control)) {
                n.visibleProperty().bind(visible);
                n.managedProperty().bind(visible);
            }
        }
        return row + 1;
    }
}
