package org.convscope.app.kernel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.AnimationControls;
import org.convscope.app.common.ConceptPage;
import org.convscope.app.common.ExportPanel;
import org.convscope.app.common.SweepFrames;
import org.convscope.app.common.GifRecording;
import org.convscope.app.common.Playback;
import org.convscope.app.common.StageDrawing;
import org.convscope.app.common.StagePalette;
import static org.convscope.app.common.SideColumn.card;
import static org.convscope.app.common.SideColumn.row;
import static org.convscope.app.common.SideColumn.stacked;
import static org.convscope.app.common.SideColumn.show;
import org.convscope.app.common.ThemedCanvas;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.Shape;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The kernel-sliding view: a kernel slides over the input, and at each position the patch, the kernel, their
 * products and the running sum + bias appear as large numbers while the output pixel lights up on the feature map
 * being built. State lives in {@link KernelViewModel}; painting in {@link KernelPainter}.
 *
 * <p>Node ids (tests): kernel-stage, kernel-source-model/-preset/-custom/-template, kernel-layer,
 * kernel-out-channel, kernel-preset, kernel-input, kernel-input-channel, kernel-grid (cells kernel-cell-Y-X),
 * kernel-bias, kernel-size, kernel-zero-mean, kernel-padding, kernel-stride, kernel-formula, kernel-shapes,
 * kernel-model-note, kernel-problem, kernel-signed, kernel-export-png, kernel-export-gif, kernel-export-progress,
 * kernel-export-status, and the shared anim-* ids of {@link AnimationControls}.
 */
public final class KernelView implements ConceptView {
    public static final String ID = "kernel";
    /** GIF export: at most this many frames (a 28×28 output is shown in steps of several positions). */
    public static final int MAX_GIF_FRAMES = 150;
    public static final int GIF_WIDTH = 960, GIF_HEIGHT = 540;

    private final AppContext ctx;
    private final KernelViewModel vm = new KernelViewModel();
    private ConceptPage page;
    private ThemedCanvas stage;
    private KernelPainter.Layout layout;
    private int[] dragStart, dragRect;
    private boolean dragMoved;
    private final AtomicLong generation = new AtomicLong();
    private ExportPanel export;
    private final Label message = new Label();
    // bidirectional bindings hold their partners weakly: keep them
    private ObjectProperty<Integer> paddingObject, strideObject;

    public KernelView(AppContext ctx) { this.ctx = ctx; }

    @Override public String id() { return ID; }
    @Override public String titleKey() { return "kernel.nav"; }
    @Override public Ikon icon() { return Material2AL.GRID_ON; }
    public KernelViewModel viewModel() { return vm; }
    /** Where the stage drew everything last time (null before the first paint): for hit tests and checks. */
    public KernelPainter.Layout layout() { return layout; }

    @Override
    public Node node() {
        if (page != null) return page;
        page = new ConceptPage("kernel.title", "kernel.explanation");
        vm.runTraces(ctx.services().background(), Platform::runLater, this::traced);
        page.setId("kernel-view");
        page.getStylesheets().add(KernelView.class.getResource("kernel.css").toExternalForm());
        page.getStyleClass().add("sweep-page");

        stage = new ThemedCanvas(StagePalette.LOOKUPS);
        stage.setId("kernel-stage");
        stage.getStyleClass().add("sweep-stage");
        stage.setPainter(this::paint);
        stage.setMinSize(300, 240);
        stage.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        stage.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        stage.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        stage.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);

        Label problem = new Label();
        problem.setId("kernel-problem");
        problem.getStyleClass().add("sweep-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        Runnable showProblem = () -> {
            var pr = vm.problemProperty().get();
            problem.setVisible(pr != null);
            problem.setText(pr == null ? "" : I18n.get(pr.key(), pr.args()));
        };
        vm.problemProperty().addListener((o, a, b) -> showProblem.run());
        I18n.onChange(problem, () -> showProblem.run());
        showProblem.run();

        AnimationControls controls = new AnimationControls(vm.playback(), "anim.term.multiplyAdd");
        controls.installKeys(page);
        VBox center = new VBox(10, problem, stage, controls);
        VBox.setVgrow(stage, Priority.ALWAYS);
        page.setContent(center);
        message.setId("kernel-message");
        message.getStyleClass().add("concept-warning");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        page.side().getChildren().addAll(message, sourceBox(), geometryBox(), settingsBox(), volumeBox(), exportBox());

        vm.revisionProperty().addListener((o, a, b) -> stage.repaint());
        vm.playback().cursorProperty().addListener((o, a, b) -> stage.repaint());
        vm.sliceProperty().addListener((o, a, b) -> stage.repaint());
        vm.receptiveFieldProperty().addListener((o, a, b) -> stage.repaint());
        vm.signedColoursProperty().addListener((o, a, b) -> stage.repaint());
        I18n.onChange(stage, () -> stage.repaint());

        ctx.currentImageProperty().addListener((o, a, b) -> refresh());
        ctx.models().addListener((MapChangeListener<String, AppContext.ActiveModel>) ch -> refresh());
        ctx.selectedFeatureMapProperty().addListener((o, a, b) -> applySelectedMap());
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

    @Override public java.util.Set<String> stateKeys() {
        return java.util.Set.of("source", "layer", "channel", "preset", "padding", "stride", "position");
    }

    @Override public java.util.Map<String, String> captureState() {
        var m = new java.util.LinkedHashMap<String, String>();
        var source = vm.sourceProperty().get();
        m.put("source", org.convscope.app.ViewState.name(source));
        if (source == KernelViewModel.Source.MODEL && vm.convLayerProperty().get() >= 0) {
            m.put("layer", "conv" + vm.convNumber(vm.convLayerProperty().get()));
            m.put("channel", Integer.toString(vm.outChannelProperty().get()));
        }
        if (source == KernelViewModel.Source.PRESET) m.put("preset", org.convscope.app.ViewState.name(vm.presetProperty().get()));
        m.put("padding", Integer.toString(vm.paddingProperty().get()));
        m.put("stride", Integer.toString(vm.strideProperty().get()));
        m.put("position", Integer.toString(vm.playback().cursor().filled()));
        return m;
    }

    /**
     * "source": model | preset | template (custom kernels are not stored); "layer": conv1 or conv2 and "channel":
     * 0.. (with source model); "preset": vertical-edge, horizontal-edge, sobel-x, sobel-y, blur, sharpen, identity;
     * "padding", "stride"; "position": how many output pixels are already computed (0 = the start). Applied once the
     * network's trace of the current picture has arrived.
     */
    @Override public void applyState(java.util.Map<String, String> state) {
        node();
        var source = org.convscope.app.ViewState.enumOf(state, "source", KernelViewModel.Source.class);
        if (source == KernelViewModel.Source.CUSTOM) throw new IllegalArgumentException("\"source\" custom cannot be stored in a lesson; use model, preset or template");
        String layer = state.get("layer");
        if (layer != null && !layer.matches("conv[1-9]")) throw new IllegalArgumentException("\"layer\" must be conv1 or conv2, not \"" + layer + "\"");
        org.convscope.app.ViewState.intIn(state, "channel", 0, 1023);
        org.convscope.app.ViewState.enumOf(state, "preset", KernelPreset.class);
        org.convscope.app.ViewState.intIn(state, "padding", 0, 8);
        org.convscope.app.ViewState.intIn(state, "stride", 1, 8);
        org.convscope.app.ViewState.intIn(state, "position", 0, 1 << 20);
        lessonState.offer(state, generation.get());
    }

    private void arrived(long gen) { lessonState.arrived(gen); }

    /** The step's settings, once the network's trace of the current picture is in the view model. */
    private void applyArrived(java.util.Map<String, String> state) {
        var source = org.convscope.app.ViewState.enumOf(state, "source", KernelViewModel.Source.class);
        String layer = state.get("layer");
        if (source == KernelViewModel.Source.MODEL || layer != null) {
            if (!vm.hasNetwork()) throw new IllegalArgumentException("no trained model is loaded for this picture yet");
            int n = layer == null ? 1 : Integer.parseInt(layer.substring(4));
            var convs = vm.convLayers();
            if (n > convs.size()) throw new IllegalArgumentException("the model has no " + layer);
            Integer channel = org.convscope.app.ViewState.intIn(state, "channel", 0, vm.outChannels(convs.get(n - 1)) - 1);
            vm.showFeatureMap(convs.get(n - 1), channel == null ? 0 : channel);
        } else if (source != null) {
            vm.sourceProperty().set(source);
        }
        var preset = org.convscope.app.ViewState.enumOf(state, "preset", KernelPreset.class);
        if (preset != null) vm.presetProperty().set(preset);
        Integer padding = org.convscope.app.ViewState.intIn(state, "padding", 0, 8);
        if (padding != null) vm.paddingProperty().set(padding);
        Integer stride = org.convscope.app.ViewState.intIn(state, "stride", 1, 8);
        if (stride != null) vm.strideProperty().set(stride);
        Integer position = org.convscope.app.ViewState.intIn(state, "position", 0, 1 << 20);
        if (position != null) { vm.playback().pause(); vm.playback().seek(Math.min(position, vm.playback().cursor().positions())); }
    }

    // ---- the app's image and model -------------------------------------------------------------------------

    /** Runs the network on the current image in the background (the view model's tracer); the newest result wins. */
    private void refresh() {
        AppContext.InputImage img = ctx.currentImageProperty().get();
        long gen = generation.incrementAndGet();
        if (img == null) return;
        AppContext.ActiveModel model = ctx.models().get(img.dataset());
        vm.trace(gen, img.pixels(), model == null ? null : model.network());
    }

    /** A trace (or, without a model, the picture alone) arrived on the FX thread. */
    private void traced(org.convscope.app.common.PictureTracer.Traced t) {
        long gen = t.request().generation();
        if (generation.get() != gen) return;
        if (t.trace() != null) {
            vm.setNetwork(t.trace(), t.weights());
            applySelectedMap();
        } else {
            float[] px = t.request().pixels();
            int side = (int) Math.round(Math.sqrt(px.length));
            vm.setImage(px, side, px.length / side);
            if (t.failure() != null) {
                org.convscope.app.ErrorLog.log("The kernel view could not trace the network", t.failure()); // the view says so
                message.setText(I18n.get("kernel.problem.network", String.valueOf(t.failure().getMessage())));
            }
        }
        arrived(gen);
    }

    private void applySelectedMap() {
        var ref = ctx.selectedFeatureMapProperty().get();
        if (ref != null && vm.hasNetwork()) vm.showFeatureMap(ref.layerIndex(), ref.channel());
    }

    // ---- painting and the mouse -----------------------------------------------------------------------------

    private KernelPainter.Frame frame(Playback.Cursor cursor) {
        KernelSweep s = vm.sweep();
        int[] template = dragMoved && dragRect != null ? dragRect : vm.sourceProperty().get() == KernelViewModel.Source.TEMPLATE ? vm.template() : null;
        return new KernelPainter.Frame(s, cursor, vm.sliceProperty().get(), vm.receptiveFieldProperty().get(),
                vm.signedColoursProperty().get(), template, inputCaption(), outputCaption());
    }

    private void paint(javafx.scene.canvas.GraphicsContext g, double w, double h) {
        StagePalette p = StagePalette.of(stage);
        if (vm.sweep() == null) {
            layout = null;
            g.setFill(p.bg());
            g.fillRect(0, 0, w, h);
            return;
        }
        layout = KernelPainter.paint(g, w, h, frame(vm.playback().cursor()), p);
    }

    private String inputCaption() {
        KernelSweep s = vm.sweep();
        String shape = s.channels() + "\u00d7" + s.inputHeight() + "\u00d7" + s.inputWidth();
        if (vm.sourceProperty().get() == KernelViewModel.Source.MODEL) {
            int L = vm.convLayerProperty().get();
            return L == 0 || vm.spec() == null ? I18n.get("kernel.caption.image", shape)
                    : I18n.get("kernel.caption.layerInput", layerName(L - 1), shape);
        }
        int L = vm.inputLayerProperty().get();
        if (L < 0) return I18n.get("kernel.caption.image", shape);
        return I18n.get("kernel.caption.map", layerName(L), vm.inputChannelProperty().get() + 1, shape);
    }

    private String outputCaption() {
        KernelSweep s = vm.sweep();
        return I18n.get("kernel.caption.output", s.outputHeight(), s.outputWidth());
    }

    /** "conv1", "relu1", "pool1": a layer's kind and its number among the layers of that kind. */
    String layerName(int layer) {
        var spec = vm.spec();
        if (spec == null || layer < 0) return I18n.get("kernel.input.image");
        LayerSpec l = spec.layers().get(layer);
        int n = 0;
        for (int i = 0; i <= layer; i++) if (spec.layers().get(i).kind().equals(l.kind())) n++;
        String kind = l instanceof LayerSpec.Act a ? a.fn().name().toLowerCase(Locale.ROOT) : l.kind();
        return kind + n;
    }

    private void pressed(MouseEvent e) {
        if (layout == null || vm.sweep() == null) return;
        KernelSweep s = vm.sweep();
        int[] o = layout.outputAt(e.getX(), e.getY(), s);
        if (o != null) { vm.jumpTo(o[0], o[1]); return; }
        int[] i = layout.inputAt(e.getX(), e.getY(), s);
        if (i != null && s.channels() == 1) { // a drag on a one-channel input cuts a template
            dragStart = i;
            dragMoved = false;
            dragRect = new int[] {i[0], i[1], KernelViewModel.MIN_TEMPLATE};
        }
    }

    private void dragged(MouseEvent e) {
        if (dragStart == null || layout == null) return;
        KernelSweep s = vm.sweep();
        var r = layout.input();
        int[] i = layout.inputAt(Math.clamp(e.getX(), r.getMinX(), r.getMaxX() - 1), Math.clamp(e.getY(), r.getMinY(), r.getMaxY() - 1), s);
        if (i == null) return;
        if (i[0] != dragStart[0] || i[1] != dragStart[1]) dragMoved = true;
        if (!dragMoved) return;
        int k = Math.clamp(Math.max(Math.abs(i[0] - dragStart[0]), Math.abs(i[1] - dragStart[1])) + 1,
                KernelViewModel.MIN_TEMPLATE, KernelViewModel.MAX_TEMPLATE);
        int y0 = i[0] >= dragStart[0] ? dragStart[0] : dragStart[0] - k + 1;
        int x0 = i[1] >= dragStart[1] ? dragStart[1] : dragStart[1] - k + 1;
        dragRect = new int[] {Math.max(0, y0), Math.max(0, x0), k};
        stage.repaint();
    }

    private void released(MouseEvent e) {
        if (dragStart == null) return;
        int[] r = dragRect;
        boolean drag = dragMoved;
        dragStart = null;
        dragRect = null;
        dragMoved = false;
        if (drag) {
            vm.setTemplate(r[0], r[1], r[2]);
        } else if (vm.sourceProperty().get() == KernelViewModel.Source.TEMPLATE) { // a click moves the template there
            int k = vm.template() == null ? 5 : vm.template()[2];
            vm.setTemplate(r[0] - k / 2, r[1] - k / 2, k);
        }
        stage.repaint();
    }

    private void moved(MouseEvent e) {
        KernelSweep s = vm.sweep();
        boolean overOutput = layout != null && s != null && layout.outputAt(e.getX(), e.getY(), s) != null;
        boolean overInput = layout != null && s != null && s.channels() == 1 && layout.inputAt(e.getX(), e.getY(), s) != null;
        stage.setCursor(overOutput ? Cursor.HAND : overInput ? Cursor.CROSSHAIR : Cursor.DEFAULT);
    }

    // ---- side column -----------------------------------------------------------------------------------------

    private Node sourceBox() {
        ToggleGroup group = new ToggleGroup();
        FlowPane buttons = new FlowPane(6, 6);
        for (KernelViewModel.Source src : KernelViewModel.Source.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("kernel-source-" + src.name().toLowerCase(Locale.ROOT));
            b.textProperty().bind(I18n.bind("kernel.source." + src.name().toLowerCase(Locale.ROOT)));
            b.setToggleGroup(group);
            b.setUserData(src);
            b.setSelected(vm.sourceProperty().get() == src);
            if (src == KernelViewModel.Source.MODEL) {
                b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> vm.convLayers().isEmpty(), vm.revisionProperty()));
            }
            buttons.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) { a.setSelected(true); return; } // one is always chosen
            vm.sourceProperty().set((KernelViewModel.Source) b.getUserData());
        });
        vm.sourceProperty().addListener((o, a, b) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == b)));
        return card("kernel.section.source", buttons);
    }

    private Node settingsBox() {
        // model kernel: layer and output channel
        ComboBox<Integer> layer = new ComboBox<>();
        layer.setId("kernel-layer");
        layer.setCellFactory(lv -> new LayerCell());
        layer.setButtonCell(new LayerCell());
        Spinner<Integer> outChannel = new Spinner<>(1, 1, 1);
        outChannel.setId("kernel-out-channel");
        outChannel.setPrefWidth(110);
        VBox model = new VBox(6, row("kernel.layer", layer), row("kernel.outChannel", outChannel));

        // preset
        ComboBox<KernelPreset> preset = new ComboBox<>();
        preset.setId("kernel-preset");
        preset.getItems().setAll(KernelPreset.values());
        preset.setCellFactory(lv -> new PresetCell());
        preset.setButtonCell(new PresetCell());
        preset.setValue(vm.presetProperty().get());
        preset.valueProperty().addListener((o, a, b) -> { if (b != null) vm.presetProperty().set(b); });
        vm.presetProperty().addListener((o, a, b) -> preset.setValue(b));
        VBox presetBox = new VBox(6, stacked("kernel.preset", preset));

        // input map for one-slice kernels
        ComboBox<KernelViewModel.InputOption> input = new ComboBox<>();
        input.setId("kernel-input");
        input.setCellFactory(lv -> new InputCell());
        input.setButtonCell(new InputCell());
        Spinner<Integer> inChannel = new Spinner<>(1, 1, 1);
        inChannel.setId("kernel-input-channel");
        inChannel.setPrefWidth(110);
        VBox inputBox = new VBox(6, stacked("kernel.input", input), row("kernel.inputChannel", inChannel));

        // template
        CheckBox zeroMean = new CheckBox();
        zeroMean.setId("kernel-zero-mean");
        zeroMean.textProperty().bind(I18n.bind("kernel.template.zeroMean"));
        zeroMean.setWrapText(true);
        zeroMean.selectedProperty().bindBidirectional(vm.zeroMeanTemplateProperty());
        Label templateHint = ConceptPage.text("kernel.template.hint", "concept-detail");
        VBox templateBox = new VBox(6, templateHint, zeroMean);

        // the kernel's numbers, editable for one-slice kernels
        GridPane grid = new GridPane(4, 4);
        grid.setId("kernel-grid");
        TextField bias = new TextField();
        bias.setId("kernel-bias");
        bias.setPrefColumnCount(5);
        bias.getStyleClass().add("kernel-cell");
        ComboBox<Integer> size = new ComboBox<>();
        size.setId("kernel-size");
        size.getItems().setAll(1, 2, 3, 4, 5, 6, 7);
        size.setValue(vm.customSize());
        size.valueProperty().addListener((o, a, b) -> { if (b != null && b != vm.customSize()) vm.setCustomSize(b); });
        Label gridHint = ConceptPage.text("kernel.grid.hint", "concept-caption");
        HBox biasRow = row("kernel.bias", bias);
        HBox sizeRow = row("kernel.size", size);
        VBox numbers = new VBox(6, gridHint, grid, biasRow, sizeRow);

        VBox box = new VBox(10, model, presetBox, inputBox, templateBox, numbers);
        Runnable sync = () -> {
            var src = vm.sourceProperty().get();
            show(model, src == KernelViewModel.Source.MODEL);
            show(presetBox, src == KernelViewModel.Source.PRESET);
            show(inputBox, src != KernelViewModel.Source.MODEL);
            show(templateBox, src == KernelViewModel.Source.TEMPLATE);
            show(sizeRow, src == KernelViewModel.Source.CUSTOM);
            KernelSweep s = vm.sweep();
            show(numbers, s != null && s.channels() == 1);
            layer.getItems().setAll(vm.convLayers());
            layer.setValue(vm.convLayerProperty().get() < 0 ? null : vm.convLayerProperty().get());
            outChannel.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                    vm.outChannels(vm.convLayerProperty().get()), vm.outChannelProperty().get() + 1));
            outChannel.getValueFactory().valueProperty().addListener((oo, aa, bb) -> { if (bb != null) vm.outChannelProperty().set(bb - 1); });
            input.getItems().setAll(vm.inputOptions());
            input.getItems().stream().filter(opt -> opt.layer() == vm.inputLayerProperty().get()).findFirst().ifPresent(input::setValue);
            inChannel.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, vm.inputChannels(), vm.inputChannelProperty().get() + 1));
            inChannel.getValueFactory().valueProperty().addListener((oo, aa, bb) -> { if (bb != null) vm.inputChannelProperty().set(bb - 1); });
            if (size.getValue() == null || size.getValue() != vm.customSize()) size.setValue(vm.customSize());
            if (s != null && s.channels() == 1) fillGrid(grid, bias, s);
        };
        layer.valueProperty().addListener((o, a, b) -> { if (b != null && b != vm.convLayerProperty().get()) vm.convLayerProperty().set(b); });
        input.valueProperty().addListener((o, a, b) -> { if (b != null && b.layer() != vm.inputLayerProperty().get()) vm.inputLayerProperty().set(b.layer()); });
        vm.revisionProperty().addListener((o, a, b) -> sync.run());
        I18n.onChange(layer, () -> {
            // a combo box shows its value through its button cell: new cells pick up the new language
            layer.setButtonCell(new LayerCell());
            preset.setButtonCell(new PresetCell());
            input.setButtonCell(new InputCell());
            sync.run();
        });
        sync.run();
        return card("kernel.section.kernel", box);
    }

    /** Rebuilds the editable K×K grid when the size changed, else only updates the numbers not being typed in. */
    private void fillGrid(GridPane grid, TextField bias, KernelSweep s) {
        int k = s.kernelSize();
        if (grid.getChildren().size() != k * k) {
            grid.getChildren().clear();
            for (int y = 0; y < k; y++) for (int x = 0; x < k; x++) {
                TextField f = new TextField();
                f.setId("kernel-cell-" + y + "-" + x);
                f.getStyleClass().add("kernel-cell");
                f.setPrefColumnCount(k > 5 ? 3 : 4);
                int ky = y, kx = x;
                f.setOnAction(e -> commitCell(f, ky, kx));
                f.focusedProperty().addListener((o, a, b) -> { if (!b) commitCell(f, ky, kx); });
                grid.add(f, x, y);
            }
            bias.setOnAction(e -> commitBias(bias));
            bias.focusedProperty().addListener((o, a, b) -> { if (!b) commitBias(bias); });
        }
        for (Node n : grid.getChildren()) {
            TextField f = (TextField) n;
            int y = GridPane.getRowIndex(f), x = GridPane.getColumnIndex(f);
            if (!f.isFocused() || !f.getStyleClass().contains("bad-number")) shown(f, plain(s.kernelAt(0, y, x)));
            if (!f.isFocused()) f.getStyleClass().remove("bad-number");
        }
        if (!bias.isFocused()) shown(bias, plain(s.bias()));
    }

    /** Shows a rounded number and remembers it, so that leaving the field unchanged does not write the rounding back. */
    private static void shown(TextField f, String text) {
        f.setText(text);
        f.setUserData(text);
    }

    /** Whether the person typed something else than what was shown. */
    private static boolean edited(TextField f) { return !f.getText().equals(f.getUserData()); }

    private void commitCell(TextField f, int ky, int kx) {
        if (!edited(f)) return;
        Float v = parse(f);
        if (v == null) return;
        KernelSweep s = vm.sweep();
        if (s != null && s.channels() == 1 && ky < s.kernelSize() && kx < s.kernelSize() && s.kernelAt(0, ky, kx) == v) return;
        vm.setKernelValue(ky, kx, v);
    }

    private void commitBias(TextField f) {
        if (!edited(f)) return;
        Float v = parse(f);
        if (v == null) return;
        KernelSweep s = vm.sweep();
        if (s != null && s.bias() == v) return;
        vm.setBias(v);
    }

    /** The number in a field, or null (field marked, text kept, message shown) when it is not one. */
    private Float parse(TextField f) {
        String t = f.getText().trim().replace('\u2212', '-').replace(',', '.');
        try {
            float v = Float.parseFloat(t);
            if (!Float.isFinite(v) || Math.abs(v) > 1e4) throw new NumberFormatException();
            f.getStyleClass().remove("bad-number");
            message.setText("");
            return v;
        } catch (NumberFormatException e) {
            if (!f.getStyleClass().contains("bad-number")) f.getStyleClass().add("bad-number");
            message.setText(I18n.get("kernel.problem.number", f.getText()));
            return null;
        }
    }

    private static String plain(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Integer.toString((int) v);
        return StageDrawing.format(v, 3).replace('\u2212', '-').replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private Node geometryBox() {
        Spinner<Integer> padding = new Spinner<>(0, KernelViewModel.MAX_PADDING, vm.paddingProperty().get());
        padding.setId("kernel-padding");
        padding.setPrefWidth(110);
        Spinner<Integer> stride = new Spinner<>(1, KernelViewModel.MAX_STRIDE, vm.strideProperty().get());
        stride.setId("kernel-stride");
        stride.setPrefWidth(110);
        paddingObject = vm.paddingProperty().asObject();
        strideObject = vm.strideProperty().asObject();
        padding.getValueFactory().valueProperty().bindBidirectional(paddingObject);
        stride.getValueFactory().valueProperty().bindBidirectional(strideObject);

        Label formula = new Label();
        formula.setId("kernel-formula");
        formula.getStyleClass().add("concept-formula");
        formula.setWrapText(true);
        Label shapes = new Label();
        shapes.setId("kernel-shapes");
        shapes.getStyleClass().add("concept-detail");
        shapes.setWrapText(true);
        Label note = new Label();
        note.setId("kernel-model-note");
        note.getStyleClass().add("concept-detail");
        note.setWrapText(true);
        CheckBox signed = new CheckBox();
        signed.setId("kernel-signed");
        signed.textProperty().bind(I18n.bind("kernel.signed"));
        signed.setWrapText(true);
        signed.selectedProperty().bindBidirectional(vm.signedColoursProperty());

        Runnable sync = () -> {
            KernelSweep s = vm.sweep();
            if (s == null) { formula.setText(""); shapes.setText(""); note.setText(""); return; }
            OutputSize r = s.rowsFormula(), c = s.colsFormula();
            formula.setText(I18n.get("kernel.formula", r.filledIn())
                    + (s.inputWidth() != s.inputHeight() ? "\n" + I18n.get("kernel.formulaW", c.filledIn()) : ""));
            shapes.setText(I18n.get("kernel.shapes", s.channels(), s.inputHeight(), s.inputWidth(), s.channels(),
                    s.kernelSize(), s.outputHeight(), s.outputWidth(), s.positions(), s.terms()));
            if (vm.sourceProperty().get() == KernelViewModel.Source.MODEL) {
                int L = vm.convLayerProperty().get();
                note.setText(vm.matchesModelProperty().get()
                        ? I18n.get("kernel.note.model", layerName(L), vm.outChannelProperty().get() + 1)
                        : I18n.get("kernel.note.changed", layerName(L)));
            } else note.setText(s.channels() == 1 && vm.sourceProperty().get() == KernelViewModel.Source.TEMPLATE
                    ? I18n.get("kernel.note.template") : "");
            note.setVisible(!note.getText().isEmpty());
            note.setManaged(note.isVisible());
        };
        vm.revisionProperty().addListener((o, a, b) -> sync.run());
        I18n.onChange(note, () -> sync.run());
        sync.run();
        VBox box = new VBox(8, row("kernel.padding", padding), row("kernel.stride", stride), formula, shapes, note, signed);
        return card("kernel.section.geometry", box);
    }

    private VolumeView volume;

    /**
     * The input as a volume (channels x height x width) with the kernel as a C x K x K block at the current window,
     * turned by dragging: for conv2 of LeNet-5 the 6 x 5 x 5 block passes through the 6-channel pool1 volume.
     * Id: #kernel-volume.
     */
    private Node volumeBox() {
        volume = new VolumeView();
        volume.setId("kernel-volume");
        volume.setPrefSize(280, 240);
        Label caption = new Label();
        caption.setId("kernel-volume-caption");
        caption.getStyleClass().add("concept-detail");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable sync = () -> {
            KernelSweep s = vm.sweep();
            volume.show(s, vm.playback().cursor().position());
            caption.setText(s == null ? "" : I18n.get("kernel.volume.caption", s.channels(), s.inputHeight(), s.inputWidth(), s.kernelSize()));
        };
        vm.revisionProperty().addListener((o, a, b) -> sync.run());
        vm.playback().cursorProperty().addListener((o, a, b) -> sync.run());
        I18n.onChange(caption, () -> sync.run());
        sync.run();
        return card("kernel.section.volume", new VBox(6, volume, caption));
    }

    /** The volume drawing (for tests). */
    public VolumeView volume() { return volume; }

    private Node exportBox() {
        export = new ExportPanel("kernel", "convscope-kernel", page, this::gifFrames, ctx.services().background());
        export.gifAvailableProperty().bind(vm.sweepProperty().isNotNull());
        return card("kernel.section.export", export);
    }

    /** The whole sweep as GIF frames: the real computation, painted off-screen like the stage. */
    private GifRecording.Frames gifFrames() {
        KernelSweep s = vm.sweep();
        if (s == null) return null;
        StagePalette palette = StagePalette.of(stage);
        KernelPainter.Frame now = frame(vm.playback().cursor());
        return new SweepFrames(s.positions(), s.terms(), MAX_GIF_FRAMES, vm.playback().stepSeconds(), GIF_WIDTH, GIF_HEIGHT,
                (g, w, h, cursor) -> KernelPainter.paint(g, w, h, new KernelPainter.Frame(s, cursor, now.slice(), false,
                        now.signedColours(), now.template(), now.inputCaption(), now.outputCaption()), palette));
    }

    /** The export buttons (PNG of the view, GIF of the sweep). */
    public ExportPanel export() { return export; }

    /** Number of GIF frames for a sweep with this many positions. */
    public static int gifFrames(int positions) { return SweepFrames.frameCount(positions, MAX_GIF_FRAMES); }

    // ---- small pieces ---------------------------------------------------------------------------------------

    private final class LayerCell extends ListCell<Integer> {
        @Override protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || vm.spec() == null) { setText(null); return; }
            Shape in = vm.spec().inputShapeOf(item);
            var conv = (LayerSpec.Conv) vm.spec().layers().get(item);
            setText(I18n.get("kernel.layerItem", layerName(item), conv.outChannels(), in.c(), conv.kernel()));
        }
    }

    private static final class PresetCell extends ListCell<KernelPreset> {
        @Override protected void updateItem(KernelPreset item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : I18n.get(item.key()));
        }
    }

    private final class InputCell extends ListCell<KernelViewModel.InputOption> {
        @Override protected void updateItem(KernelViewModel.InputOption item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) { setText(null); return; }
            setText(item.layer() < 0 ? I18n.get("kernel.input.imageItem", item.shape().h(), item.shape().w())
                    : I18n.get("kernel.input.mapItem", layerName(item.layer()), item.shape().toString()));
        }
    }
}
