package org.convscope.app.pooling;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.AnimationControls;
import org.convscope.app.common.ConceptPage;
import org.convscope.app.common.ExportPanel;
import org.convscope.app.common.GifRecording;
import org.convscope.app.common.Playback;
import org.convscope.app.common.StagePalette;
import org.convscope.app.common.SweepFrames;
import org.convscope.app.common.ThemedCanvas;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.PoolKind;
import org.convscope.engine.Shape;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import static org.convscope.app.common.SideColumn.card;
import static org.convscope.app.common.SideColumn.row;
import static org.convscope.app.common.SideColumn.stacked;
import static org.convscope.app.common.SideColumn.show;

/**
 * The pooling view: a 2×2 window with stride 2 moves over a feature map of the current image; max pooling marks the
 * winner, average pooling shows the mean, and the smaller output map fills step by step. Beside it the shapes before
 * and after (6×28×28 → 6×14×14) and the reminder that pooling has no parameters. Same controls as the kernel view.
 *
 * <p>Node ids: pooling-stage, pooling-layer, pooling-channel, pooling-kind-max, pooling-kind-average,
 * pooling-model-note, pooling-shapes, pooling-values, pooling-params, pooling-problem, pooling-shift-right,
 * pooling-shift-down, pooling-shift-summary, pooling-shift-row-L (the row of layer L), the anim-* ids of
 * {@link AnimationControls} and pooling-export-* of {@link ExportPanel}.
 */
public final class PoolingView implements ConceptView {
    public static final String ID = "pooling";
    public static final int MAX_GIF_FRAMES = 200;
    public static final int GIF_WIDTH = 960, GIF_HEIGHT = 540;

    private final AppContext ctx;
    private final PoolingViewModel vm = new PoolingViewModel();
    private ConceptPage page;
    private ThemedCanvas stage;
    private PoolingPainter.Layout layout;
    private ExportPanel export;
    private final AtomicLong generation = new AtomicLong();

    /** The kind the overview's diagram asked for, applied again when the network's trace arrives. */
    private PoolKind requestedKind;

    public PoolingView(AppContext ctx) {
        this.ctx = ctx;
        ctx.architectureProperty().addListener((o, a, spec) -> followArchitecture(spec));
        // made after the diagram opened it (views are made when first needed): what the diagram asked for holds too
        followArchitecture(ctx.architectureProperty().get());
    }

    /** Shows the model the "Parts of a CNN" diagram was talking about when it opened this view (null: nothing asked). */
    private void followArchitecture(org.convscope.engine.ModelSpec spec) {
        if (spec == null) return;
        spec.layers().stream().filter(l -> l instanceof LayerSpec.Pool).map(l -> ((LayerSpec.Pool) l).pool())
                .findFirst().ifPresent(k -> { requestedKind = k; vm.kindProperty().set(k); });
    }

    @Override public String id() { return ID; }
    @Override public String titleKey() { return "pooling.nav"; }
    @Override public Ikon icon() { return Material2AL.FILTER_CENTER_FOCUS; }
    public PoolingViewModel viewModel() { return vm; }
    public ExportPanel export() { return export; }
    /** Where the stage drew everything last time (null before the first paint). */
    public PoolingPainter.Layout layout() { return layout; }

    @Override
    public Node node() {
        if (page != null) return page;
        page = new ConceptPage("pooling.title", "pooling.explanation");
        vm.runInBackground(ctx.services().background(), Platform::runLater, this::traced, this::measured);
        page.setId("pooling-view");
        page.getStylesheets().add(org.convscope.app.kernel.KernelView.class.getResource("kernel.css").toExternalForm());
        page.getStyleClass().add("sweep-page");

        stage = new ThemedCanvas(StagePalette.LOOKUPS);
        stage.setId("pooling-stage");
        stage.setPainter(this::paint);
        stage.setMinSize(300, 240);
        stage.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            PoolingWindow w = vm.window();
            int[] o = layout == null || w == null ? null : layout.outputAt(e.getX(), e.getY(), w);
            if (o != null) vm.jumpTo(o[0], o[1]);
        });
        stage.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            PoolingWindow w = vm.window();
            stage.setCursor(layout != null && w != null && layout.outputAt(e.getX(), e.getY(), w) != null ? Cursor.HAND : Cursor.DEFAULT);
        });

        Label problem = new Label();
        problem.setId("pooling-problem");
        problem.getStyleClass().add("sweep-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(I18n.bind("pooling.problem.noImage"));
        problem.visibleProperty().bind(vm.windowProperty().isNull());
        problem.managedProperty().bind(problem.visibleProperty());

        AnimationControls controls = new AnimationControls(vm.playback(), "anim.term.comparison");
        controls.installKeys(page);
        VBox center = new VBox(10, problem, stage, controls);
        VBox.setVgrow(stage, Priority.ALWAYS);
        page.setContent(center);
        page.side().getChildren().addAll(mapBox(), kindBox(), shiftBox(), shapesBox(), exportBox());

        vm.revisionProperty().addListener((o, a, b) -> stage.repaint());
        vm.playback().cursorProperty().addListener((o, a, b) -> stage.repaint());
        vm.receptiveFieldProperty().addListener((o, a, b) -> stage.repaint());
        I18n.onChange(stage, () -> stage.repaint());

        ctx.currentImageProperty().addListener((o, a, b) -> { refresh(); measureShift(); });
        ctx.models().addListener((MapChangeListener<String, AppContext.ActiveModel>) ch -> { refresh(); measureShift(); });
        measureShift();
        refresh();
        return page;
    }

    /** Shown: a picture or model that changed while hidden is traced now (once, the newest). */
    @Override public void onShow() {
        node();
        vm.setShowing(true);
    }

    /** Hidden: the animation pauses and nothing is traced (the model changes every second while one trains). */
    @Override public void onHide() {
        vm.playback().pause();
        vm.setShowing(false);
    }

    // ---- lesson steps ---------------------------------------------------------------------------------------
    private final org.convscope.app.common.PendingState lessonState =
            new org.convscope.app.common.PendingState(this::applyArrived, this::lessonProblem);

    private void lessonProblem(String message) { ctx.status().error(message); }

    @Override public java.util.Set<String> stateKeys() { return java.util.Set.of("layer", "channel", "kind", "position"); }

    @Override public java.util.Map<String, String> captureState() {
        var m = new java.util.LinkedHashMap<String, String>();
        int layer = vm.layerProperty().get();
        m.put("layer", layer == PoolingViewModel.IMAGE ? "image" : layerNames().get(layer));
        m.put("channel", Integer.toString(vm.channelProperty().get()));
        m.put("kind", org.convscope.app.ViewState.name(vm.kindProperty().get()));
        m.put("position", Integer.toString(vm.playback().cursor().filled()));
        return m;
    }

    /**
     * "layer": pool1, pool2 (the model's pooling layers) or image; "channel": 0..; "kind": max | average;
     * "position": how many output values are already filled (0 = the start). Applied once the network's trace of
     * the current picture has arrived.
     */
    @Override public void applyState(java.util.Map<String, String> state) {
        node();
        String layer = state.get("layer");
        if (layer != null && !layer.equals("image") && !layer.matches("pool[1-9]"))
            throw new IllegalArgumentException("\"layer\" must be pool1, pool2 or image, not \"" + layer + "\"");
        org.convscope.app.ViewState.intIn(state, "channel", 0, 1023);
        org.convscope.app.ViewState.enumOf(state, "kind", PoolKind.class);
        org.convscope.app.ViewState.intIn(state, "position", 0, 1 << 20);
        lessonState.offer(state, generation.get());
    }

    private void arrived(long gen) { lessonState.arrived(gen); }

    /** The step's settings, once the network's trace of the current picture is in the view model. */
    private void applyArrived(java.util.Map<String, String> state) {
        String layer = state.get("layer");
        if (layer != null) {
            int i = layer.equals("image") ? PoolingViewModel.IMAGE : layerNames().indexOf(layer);
            if (i < 0 && !layer.equals("image")) throw new IllegalArgumentException("the model has no layer " + layer);
            vm.layerProperty().set(i);
        }
        Integer channel = org.convscope.app.ViewState.intIn(state, "channel", 0, 1023);
        if (channel != null) vm.channelProperty().set(channel);
        PoolKind kind = org.convscope.app.ViewState.enumOf(state, "kind", PoolKind.class);
        if (kind != null) vm.kindProperty().set(kind);
        Integer position = org.convscope.app.ViewState.intIn(state, "position", 0, 1 << 20);
        if (position != null) { vm.playback().pause(); vm.playback().seek(Math.min(position, vm.playback().cursor().positions())); }
    }

    private java.util.List<String> layerNames() {
        var img = ctx.currentImageProperty().get();
        var model = img == null ? null : ctx.models().get(img.dataset());
        return model == null ? java.util.List.of() : org.convscope.app.lesson.LessonFacts.layerNames(model.network().spec());
    }

    /** Runs the network on the current image in the background (the view model's tracer); the newest result wins. */
    private void refresh() {
        AppContext.InputImage img = ctx.currentImageProperty().get();
        long gen = generation.incrementAndGet();
        if (img == null) return;
        AppContext.ActiveModel model = ctx.models().get(img.dataset());
        vm.trace(gen, img.pixels(), model == null ? null : model.network());
    }

    /** A trace (or, without a model or when it failed, the picture alone) arrived on the FX thread. */
    private void traced(org.convscope.app.common.PictureTracer.Traced t) {
        long gen = t.request().generation();
        if (generation.get() != gen) return;
        if (t.trace() != null) {
            vm.setNetwork(t.trace());
            if (requestedKind != null) vm.kindProperty().set(requestedKind); // the network's own kind otherwise
        } else {
            float[] px = t.request().pixels();
            int side = (int) Math.round(Math.sqrt(px.length));
            vm.setImage(px, side, px.length / side);
            // the picture alone is shown; the failure is logged and said in the status bar (it was silent)
            if (t.failure() != null) org.convscope.app.ErrorLog.report("The pooling view could not trace the network", t.failure());
        }
        arrived(gen); // a lesson step's settings last: they win over the diagram's kind
    }

    private PoolingPainter.Frame frame(Playback.Cursor cursor) {
        return new PoolingPainter.Frame(vm.window(), cursor, vm.receptiveFieldProperty().get(), inputCaption(), shapesText());
    }

    private void paint(GraphicsContext g, double w, double h) {
        StagePalette p = StagePalette.of(stage);
        if (vm.window() == null) {
            layout = null;
            g.setFill(p.bg());
            g.fillRect(0, 0, w, h);
            return;
        }
        layout = PoolingPainter.paint(g, w, h, frame(vm.playback().cursor()), p);
    }

    private String inputCaption() {
        PoolingWindow w = vm.window();
        int L = vm.layerProperty().get();
        if (L == PoolingViewModel.IMAGE) return I18n.get("pooling.caption.image", w.inputHeight(), w.inputWidth());
        return I18n.get("pooling.caption.map", layerName(L - 1), vm.channelProperty().get() + 1, vm.inputShape().c(),
                w.inputHeight(), w.inputWidth());
    }

    private String shapesText() { return vm.inputShape() + " \u2192 " + vm.outputShape(); }

    /** "relu1", "pool2", "conv1": kind and number among the layers of that kind. */
    String layerName(int layer) {
        var spec = vm.spec();
        if (spec == null || layer < 0) return I18n.get("pooling.image");
        LayerSpec l = spec.layers().get(layer);
        int n = 0;
        for (int i = 0; i <= layer; i++) if (spec.layers().get(i).kind().equals(l.kind())) n++;
        String kind = l instanceof LayerSpec.Act a ? a.fn().name().toLowerCase(Locale.ROOT) : l.kind();
        return kind + n;
    }

    private Node mapBox() {
        ComboBox<Integer> layer = new ComboBox<>();
        layer.setId("pooling-layer");
        layer.setCellFactory(lv -> new LayerCell());
        layer.setButtonCell(new LayerCell(true));
        Spinner<Integer> channel = new Spinner<>(1, 1, 1);
        channel.setId("pooling-channel");
        channel.setPrefWidth(110);
        Runnable sync = () -> {
            var items = new java.util.ArrayList<>(vm.poolLayers());
            items.add(PoolingViewModel.IMAGE);
            layer.getItems().setAll(items);
            layer.setValue(vm.layerProperty().get());
            channel.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                    vm.inputShape() == null ? 1 : vm.inputShape().c(), vm.channelProperty().get() + 1));
            channel.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) vm.channelProperty().set(b - 1); });
        };
        layer.valueProperty().addListener((o, a, b) -> { if (b != null && b != vm.layerProperty().get()) vm.layerProperty().set(b); });
        vm.revisionProperty().addListener((o, a, b) -> sync.run());
        I18n.onChange(layer, () -> { layer.setButtonCell(new LayerCell(true)); sync.run(); });
        sync.run();
        return card("pooling.section.map", new VBox(8, stacked("pooling.layer", layer), row("pooling.channel", channel)));
    }

    private Node kindBox() {
        ToggleGroup group = new ToggleGroup();
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6); // one under the other when narrow
        for (PoolKind k : PoolKind.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("pooling-kind-" + k.name().toLowerCase(Locale.ROOT));
            b.textProperty().bind(I18n.bind("pooling.kind." + k.name().toLowerCase(Locale.ROOT)));
            b.setToggleGroup(group);
            b.setUserData(k);
            b.setSelected(vm.kindProperty().get() == k);
            b.setOnAction(e -> requestedKind = null); // clicked: the user's own choice from now on
            buttons.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) { a.setSelected(true); return; }
            vm.kindProperty().set((PoolKind) b.getUserData());
        });
        vm.kindProperty().addListener((o, a, b) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == b)));
        Label note = new Label();
        note.setId("pooling-model-note");
        note.getStyleClass().add("concept-detail");
        note.setWrapText(true);
        Runnable sync = () -> {
            PoolKind model = vm.modelKind();
            String name = model == null ? "" : I18n.get("pooling.kind." + model.name().toLowerCase(Locale.ROOT));
            note.setText(model == null ? I18n.get("pooling.note.image")
                    : vm.matchesModelProperty().get() ? I18n.get("pooling.note.model", layerName(vm.layerProperty().get()), name)
                    : I18n.get("pooling.note.changed", layerName(vm.layerProperty().get()), name));
        };
        vm.revisionProperty().addListener((o, a, b) -> sync.run());
        I18n.onChange(note, () -> sync.run());
        sync.run();
        return card("pooling.section.kind", new VBox(8, buttons, note));
    }

    private Node shapesBox() {
        Label shapes = new Label();
        shapes.setId("pooling-shapes");
        shapes.getStyleClass().add("concept-number");
        shapes.setWrapText(true);
        Label values = new Label();
        values.setId("pooling-values");
        values.getStyleClass().add("concept-detail");
        values.setWrapText(true);
        Label params = new Label();
        params.setId("pooling-params");
        params.getStyleClass().add("concept-detail");
        params.setWrapText(true);
        Runnable sync = () -> {
            PoolingWindow w = vm.window();
            show(shapes, w != null);
            show(values, w != null);
            if (w == null) return;
            Shape in = vm.inputShape(), out = vm.outputShape();
            shapes.setText(in + " \u2192 " + out);
            values.setText(I18n.get("pooling.values", in.size(), out.size(), Math.round(in.size() / (double) out.size()),
                    w.window(), w.stride()));
        };
        params.textProperty().bind(I18n.bind("pooling.params"));
        vm.revisionProperty().addListener((o, a, b) -> sync.run());
        I18n.onChange(values, () -> sync.run());
        sync.run();
        return card("pooling.section.shapes", new VBox(8, shapes, values, params));
    }

    private Node exportBox() {
        export = new ExportPanel("pooling", "convscope-pooling", page, this::gifFrames, ctx.services().background());
        export.gifAvailableProperty().bind(vm.windowProperty().isNotNull());
        return card("pooling.section.export", export);
    }

    // ---- pooling and position (concept 4): the input moved by one pixel --------------------------------------

    private final javafx.beans.property.ObjectProperty<ShiftSensitivity> sensitivity = new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty shiftDown = new javafx.beans.property.SimpleBooleanProperty();
    private final AtomicLong shiftGeneration = new AtomicLong();

    /** The measurement for the current image and direction (null without a network). */
    public javafx.beans.property.ReadOnlyObjectProperty<ShiftSensitivity> sensitivityProperty() { return sensitivity; }

    /** Two forward passes of the current image, unmoved and moved by one pixel, in the background (view model). */
    private void measureShift() {
        AppContext.InputImage img = ctx.currentImageProperty().get();
        long gen = shiftGeneration.incrementAndGet();
        AppContext.ActiveModel model = img == null ? null : ctx.models().get(img.dataset());
        if (model == null) { sensitivity.set(null); return; }
        int side = (int) Math.round(Math.sqrt(img.pixels().length));
        int dx = shiftDown.get() ? 0 : 1, dy = shiftDown.get() ? 1 : 0;
        vm.measureShift(new PoolingViewModel.ShiftRequest(gen, model.network(), img.pixels(), side, img.pixels().length / side, dx, dy));
    }

    private void measured(PoolingViewModel.ShiftDone done) {
        if (shiftGeneration.get() == done.request().generation()) sensitivity.set(done.sensitivity());
    }

    private Node shiftBox() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton right = new ToggleButton(), down = new ToggleButton();
        right.setId("pooling-shift-right");
        down.setId("pooling-shift-down");
        right.textProperty().bind(I18n.bind("pooling.shift.right"));
        down.textProperty().bind(I18n.bind("pooling.shift.down"));
        right.setToggleGroup(group);
        down.setToggleGroup(group);
        right.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        down.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        right.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) { a.setSelected(true); return; }
            shiftDown.set(b == down);
            measureShift();
        });
        Label explain = new Label();
        explain.textProperty().bind(I18n.bind("pooling.shift.explain"));
        explain.getStyleClass().add("concept-detail");
        explain.setWrapText(true);
        javafx.scene.layout.GridPane table = new javafx.scene.layout.GridPane();
        table.setHgap(8);
        table.setVgap(4);
        var barColumn = new javafx.scene.layout.ColumnConstraints();
        barColumn.setHgrow(Priority.ALWAYS);
        barColumn.setMinWidth(40);
        table.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), barColumn, new javafx.scene.layout.ColumnConstraints());
        Label summary = new Label();
        summary.setId("pooling-shift-summary");
        summary.getStyleClass().add("concept-detail");
        summary.setWrapText(true);
        Runnable sync = () -> {
            ShiftSensitivity s = sensitivity.get();
            table.getChildren().clear();
            show(table, s != null);
            if (s == null) { summary.setText(I18n.get("pooling.shift.none")); return; }
            int row = 0;
            for (ShiftSensitivity.Row r : s.rows()) {
                Label name = new Label(layerName(r.layer()));
                name.getStyleClass().add("concept-detail");
                name.setMinWidth(Label.USE_PREF_SIZE);
                javafx.scene.layout.Region bar = new javafx.scene.layout.Region();
                bar.getStyleClass().add("concept-bar");
                if (r.pooling()) bar.getStyleClass().add("selected");
                javafx.scene.layout.StackPane track = new javafx.scene.layout.StackPane(bar);
                javafx.scene.layout.StackPane.setAlignment(bar, javafx.geometry.Pos.CENTER_LEFT);
                bar.maxWidthProperty().bind(track.widthProperty().multiply(Math.min(1, r.change())));
                bar.setMinWidth(0);
                Label value = new Label(percent(r.change()));
                value.getStyleClass().add("concept-detail");
                value.setMinWidth(Label.USE_PREF_SIZE);
                if (r.pooling()) { name.setStyle("-fx-font-weight: bold;"); value.setStyle("-fx-font-weight: bold;"); }
                value.setId("pooling-shift-row-" + r.layer());
                table.addRow(row++, name, track, value);
            }
            summary.setText(summaryText(s));
        };
        sensitivity.addListener((o, a, b) -> sync.run());
        vm.layerProperty().addListener((o, a, b) -> sync.run());
        I18n.onChange(summary, () -> sync.run());
        sync.run();
        return card("pooling.section.shift", new VBox(8, explain, new javafx.scene.layout.FlowPane(6, 6, right, down), table, summary));
    }

    /** "pool1 changes 46 %, its input relu1 60 %", for the pooling layer chosen above (else the first). */
    private String summaryText(ShiftSensitivity s) {
        int L = vm.layerProperty().get();
        ShiftSensitivity.Row pool = L >= 0 ? s.row(L) : null;
        if (pool == null || !pool.pooling()) pool = s.rows().stream().filter(ShiftSensitivity.Row::pooling).findFirst().orElse(null);
        var img = ctx.currentImageProperty().get();
        boolean fashion = img != null && AppContext.FASHION_MNIST.equals(img.dataset());
        String answer = I18n.get("pooling.shift.answer", I18n.get((fashion ? "class.fashion." : "class.mnist.") + s.predicted()),
                percent(s.before()), percent(s.after()));
        if (pool == null || s.row(pool.layer() - 1) == null) return answer;
        ShiftSensitivity.Row in = s.row(pool.layer() - 1);
        return I18n.get("pooling.shift.summary", layerName(pool.layer()), percent(pool.change()), layerName(in.layer()),
                percent(in.change())) + "\n" + answer;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, v < 0.1 ? "%.1f %%" : "%.0f %%", 100 * v);
    }

    /** Number of GIF frames for a map with this many output positions. */
    public static int gifFrames(int positions) { return SweepFrames.frameCount(positions, MAX_GIF_FRAMES); }

    private GifRecording.Frames gifFrames() {
        PoolingWindow w = vm.window();
        if (w == null) return null;
        StagePalette palette = StagePalette.of(stage);
        String caption = inputCaption(), shapes = shapesText();
        return new SweepFrames(w.positions(), w.terms(), MAX_GIF_FRAMES, vm.playback().stepSeconds(), GIF_WIDTH, GIF_HEIGHT,
                (g, width, height, cursor) -> PoolingPainter.paint(g, width, height,
                        new PoolingPainter.Frame(w, cursor, false, caption, shapes), palette));
    }

    private final class LayerCell extends ListCell<Integer> {
        /** The combo box's own cell says only "pool1 (6×28×28)": the side column is too narrow for the whole line. */
        private final boolean shortForm;

        LayerCell() { this(false); }

        LayerCell(boolean shortForm) { this.shortForm = shortForm; }

        @Override protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) { setText(null); return; }
            if (item == PoolingViewModel.IMAGE || vm.spec() == null) { setText(I18n.get("pooling.layer.image")); return; }
            setText(shortForm ? I18n.get("pooling.layer.short", layerName(item), vm.spec().inputShapeOf(item).toString())
                    : I18n.get("pooling.layer.item", layerName(item), layerName(item - 1), vm.spec().inputShapeOf(item).toString()));
        }
    }
}
