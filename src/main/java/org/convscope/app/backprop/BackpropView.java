package org.convscope.app.backprop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.ColorMap;
import org.convscope.app.common.ConceptPage;
import org.convscope.app.common.Decimals;
import org.convscope.app.common.MapImages;
import org.convscope.app.common.SideColumn;
import org.convscope.app.common.ThemedCanvas;
import org.convscope.engine.Gradients;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Network;
import org.convscope.engine.Shape;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * How it learns (backpropagation): for the current image and its label, the loss and the gradient of every layer's
 * output, drawn in the network's layout; the gradient's size per layer as bars beside the other LeNet at
 * initialisation (vanishing gradients); one conv1 kernel's gradient-descent step with its numbers. Steps run on
 * copies of the network ({@link Backprop}), in the background; the shared model is never changed.
 */
public final class BackpropView implements ConceptView {

    private static final String FG = "-color-fg-default", MUTED = "-color-fg-muted", BG = "-color-bg-default",
            ACCENT = "-color-accent-emphasis", OTHER = "-color-warning-emphasis", BORDER = "-color-border-default";

    private final AppContext ctx;
    private final BackpropViewModel vm;
    private Backprop.Source source = Backprop.Source.MODERN;
    private int step, kernel;
    /** For an image without a label: the class it is learnt as (-1: the predicted one). */
    private int chosenLabel = -1;
    private final javafx.scene.control.ComboBox<String> labelBox = new javafx.scene.control.ComboBox<>();
    private javafx.scene.layout.HBox labelRow;

    private ConceptPage page;
    /** Computes only while the view is on screen; a change while hidden is computed once on show. */
    private final org.convscope.app.common.ShowGate shown;
    private ThemedCanvas canvas;
    private final ToggleGroup modelGroup = new ToggleGroup();
    private final Map<Backprop.Source, ToggleButton> modelButtons = new LinkedHashMap<>();
    private Spinner<Integer> kernelSpinner;
    private Button back, forward, reset;
    private boolean syncing;
    private final Label busy = new Label();
    private final Label source_ = new Label(), message = new Label(), stepLabel = new Label(), lossLabel = new Label(),
            kernelFormula = new Label(), kernelLoss = new Label(), vanishing = new Label(), legend = new Label();
    private final ImageView beforeView = new ImageView(), gradView = new ImageView(), afterView = new ImageView();

    public BackpropView(AppContext ctx) {
        this.ctx = ctx;
        this.vm = new BackpropViewModel(ctx.services().background(), Platform::runLater);
        shown = new org.convscope.app.common.ShowGate(vm::setActive, this::recompute);
        vm.resultProperty().addListener((o, a, r) -> publish(r));
        vm.failureProperty().addListener((o, a, f) -> {
            if (f == null) return;
            SideColumn.show(busy, false);
            message.setText(I18n.get("backprop.error", f));
            SideColumn.show(message, true);
        });
        ctx.currentImageProperty().addListener((o, a, b) -> { step = 0; chosenLabel = -1; recompute(); });
        ctx.models().addListener((MapChangeListener<String, AppContext.ActiveModel>) c -> {
            if (source == Backprop.Source.TRAINED) step = 0;
            recompute();
        });
    }

    /** Shown: a picture or model that changed while hidden is computed now (once, the newest). */
    @Override public void onShow() { shown.show(); }

    /**
     * Hidden: nothing is computed or updated (the model changes every second while one trains): a change only marks
     * the view stale, and requests already made wait, newest only.
     */
    @Override public void onHide() { shown.hide(); }

    /** How many computations ran so far (tests: none while hidden). */
    public long computations() { return vm.computations(); }

    /** The view model: the gradient computation and its result. */
    public BackpropViewModel viewModel() { return vm; }

    @Override public String id() { return "backprop"; }
    @Override public String titleKey() { return "backprop.nav"; }
    @Override public Ikon icon() { return Material2MZ.TRENDING_DOWN; }

    @Override
    public Node node() {
        if (page == null) { build(); recompute(); }
        return page;
    }

    public ReadOnlyObjectProperty<BackpropViewModel.Result> resultProperty() { return vm.resultProperty(); }

    public ThemedCanvas canvas() { return canvas; }

    // ------------------------------------------------------------------------------------------------ lesson state

    @Override public Set<String> stateKeys() { return Set.of("model", "step", "kernel"); }

    @Override
    public Map<String, String> captureState() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", source.id);
        m.put("step", String.valueOf(step));
        m.put("kernel", String.valueOf(kernel));
        return m;
    }

    @Override
    public void applyState(Map<String, String> state) {
        Backprop.Source s = state.containsKey("model") ? Backprop.Source.of(state.get("model").trim()) : source;
        int st = state.containsKey("step") ? number(state, "step", Backprop.MAX_STEPS) : step;
        int k = state.containsKey("kernel") ? number(state, "kernel", kernels() - 1) : kernel;
        if (s == Backprop.Source.TRAINED && trainedModel() == null)
            throw new IllegalArgumentException("model: there is no trained model for this image's dataset yet; use modern or d2l");
        source = s;
        step = st;
        kernel = k;
        syncControls();
        recompute();
    }

    private static int number(Map<String, String> state, String key, int max) {
        int v;
        try {
            v = Integer.parseInt(state.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + state.get(key) + "' is not a whole number; use 0.." + max);
        }
        if (v < 0 || v > max) throw new IllegalArgumentException(key + ": " + v + " is outside 0.." + max);
        return v;
    }

    /** conv1's kernels in the shown network (6 in both LeNets). */
    private int kernels() {
        Network n = network();
        if (n != null) for (LayerSpec l : n.spec().layers()) if (l instanceof LayerSpec.Conv c) return c.outChannels();
        return 6;
    }

    private AppContext.ActiveModel trainedModel() {
        AppContext.InputImage img = ctx.currentImageProperty().get();
        return ctx.models().get(img != null && img.dataset() != null ? img.dataset() : AppContext.MNIST);
    }

    private final Map<Backprop.Source, Network> initial = new java.util.EnumMap<>(Backprop.Source.class);

    private Network network() {
        if (source == Backprop.Source.TRAINED) {
            AppContext.ActiveModel m = trainedModel();
            return m == null ? null : m.network();
        }
        return initial.computeIfAbsent(source, Backprop::initial);
    }

    // ------------------------------------------------------------------------------------------------ computing

    private void recompute() {
        if (page == null) return;
        if (!shown.admit()) return;
        AppContext.InputImage img = ctx.currentImageProperty().get();
        Network net = network();
        String problem = img == null ? "backprop.noImage"
                : net == null ? "backprop.noModel" : img.pixels().length != net.spec().input().size() ? "backprop.wrongSize" : null;
        if (problem != null) {
            message.setText(I18n.get(problem));
            SideColumn.show(message, true);
            return;
        }
        SideColumn.show(message, false);
        boolean labelled = img.label() >= 0;
        SideColumn.show(labelRow, !labelled);
        source_.setText(labelled ? I18n.get("backprop.source", img.source(), img.label()) : I18n.get("backprop.source.unlabelled", img.source()));
        SideColumn.show(busy, true);
        vm.submit(new BackpropViewModel.Request(source, net, img.pixels().clone(), labelled ? img.label() : chosenLabel, step,
                Math.min(kernel, kernels() - 1)));
    }

    private void publish(BackpropViewModel.Result r) {
        SideColumn.show(busy, false);
        refresh();
    }

    // ------------------------------------------------------------------------------------------------ building

    private void build() {
        page = new ConceptPage("backprop.title", "backprop.explanation");
        page.setId("backprop-view");
        page.getStylesheets().add(BackpropView.class.getResource("backprop.css").toExternalForm());
        canvas = new ThemedCanvas(FG, MUTED, BG, ACCENT, OTHER, BORDER);
        canvas.setId("backprop-canvas");
        canvas.setPrefSize(700, 500);
        canvas.setMinSize(200, 200);
        canvas.setPainter(this::paint);
        for (Label l : List.of(source_, legend)) { l.getStyleClass().add("concept-caption"); l.setWrapText(true); l.setMinHeight(Region.USE_PREF_SIZE); }
        source_.setId("backprop-source");
        legend.setId("backprop-legend");
        VBox center = new VBox(6, source_, canvas, legend);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        page.setContent(center);

        message.getStyleClass().add("concept-warning");
        message.setWrapText(true);
        message.setId("backprop-message");
        SideColumn.show(message, false);

        VBox models = new VBox(6);
        for (Backprop.Source s : Backprop.Source.values()) {
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(I18n.bind("backprop.model." + s.id));
            b.setId("backprop-model-" + s.id);
            b.setToggleGroup(modelGroup);
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setOnAction(e -> {
                if (!b.isSelected()) { b.setSelected(true); return; }
                applyState(Map.of("model", s.id, "step", "0"));
            });
            modelButtons.put(s, b);
            models.getChildren().add(b);
        }

        back = new Button(null, new FontIcon(Material2MZ.UNDO));
        back.setId("backprop-back");
        back.setOnAction(e -> { if (step > 0) { step--; syncControls(); recompute(); } });
        forward = new Button();
        forward.textProperty().bind(I18n.bind("backprop.step.forward"));
        forward.setGraphic(new FontIcon(Material2MZ.REDO));
        forward.setId("backprop-forward");
        forward.setOnAction(e -> { if (step < Backprop.MAX_STEPS) { step++; syncControls(); recompute(); } });
        reset = new Button(null, new FontIcon(Material2MZ.REPLAY));
        reset.setId("backprop-reset");
        reset.setOnAction(e -> { step = 0; syncControls(); recompute(); });
        for (int k = 0; k < 10; k++) labelBox.getItems().add(String.valueOf(k));
        labelBox.setId("backprop-label");
        labelBox.setOnAction(e -> {
            int i = labelBox.getSelectionModel().getSelectedIndex();
            if (syncing || i < 0 || vm.resultProperty().get() != null && vm.resultProperty().get().label() == i) return;
            chosenLabel = i;
            step = 0;
            syncControls();
            recompute();
        });
        labelRow = SideColumn.row("backprop.label", labelBox);
        labelRow.setId("backprop-label-row");
        SideColumn.show(labelRow, false);
        HBox stepButtons = new HBox(6, back, forward, reset);
        stepButtons.setAlignment(Pos.CENTER_LEFT);
        for (Label l : List.of(stepLabel, lossLabel, kernelFormula, kernelLoss, vanishing)) {
            l.getStyleClass().add("concept-detail");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        stepLabel.setId("backprop-step");
        busy.textProperty().bind(I18n.bind("backprop.busy"));
        busy.getStyleClass().add("concept-caption");
        busy.setId("backprop-busy");
        SideColumn.show(busy, false);
        lossLabel.setId("backprop-loss");
        lossLabel.getStyleClass().add("backprop-strong");
        kernelFormula.setId("backprop-kernel-formula");
        kernelLoss.setId("backprop-kernel-loss");
        vanishing.setId("backprop-vanishing");

        kernelSpinner = new Spinner<>(0, 5, 0);
        kernelSpinner.setId("backprop-kernel");
        kernelSpinner.setPrefWidth(100);
        kernelSpinner.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && b != kernel) { kernel = b; recompute(); }
        });
        HBox kernels = new HBox(10, picture(beforeView, "backprop.kernel.before"), picture(gradView, "backprop.kernel.gradient"),
                picture(afterView, "backprop.kernel.after"));

        page.side().getChildren().addAll(message,
                SideColumn.card("backprop.model", new VBox(8, models, ConceptPage.text("backprop.model.hint", "concept-caption"))),
                SideColumn.card("backprop.step", new VBox(8, labelRow, stepButtons, busy, stepLabel, lossLabel)),
                SideColumn.card("backprop.kernel", new VBox(8, SideColumn.row("backprop.kernel.choose", kernelSpinner), kernels,
                        kernelFormula, kernelLoss)),
                SideColumn.card("backprop.vanishing", vanishing));
        I18n.onChange(page, () -> { recompute(); refresh(); });
        syncControls();
    }

    private static VBox picture(ImageView view, String key) {
        view.setSmooth(false);
        view.setPreserveRatio(true);
        view.setFitWidth(64);
        Label caption = ConceptPage.text(key, "concept-caption");
        VBox box = new VBox(2, view, caption);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private void syncControls() {
        if (page == null) return;
        syncing = true;
        modelButtons.forEach((s, b) -> b.setSelected(s == source));
        modelButtons.get(Backprop.Source.TRAINED).setDisable(trainedModel() == null);
        kernelSpinner.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, kernels() - 1, kernel));
        back.setDisable(step == 0);
        forward.setDisable(step >= Backprop.MAX_STEPS);
        syncing = false;
    }

    // ------------------------------------------------------------------------------------------------ showing

    private void refresh() {
        BackpropViewModel.Result r = vm.resultProperty().get();
        if (page == null || r == null) return;
        syncControls();
        Gradients g = r.gradients();
        int label = r.label();
        if (!syncing && labelBox.getSelectionModel().getSelectedIndex() != label) {
            syncing = true;
            labelBox.getSelectionModel().select(label);
            syncing = false;
        }
        stepLabel.setText(I18n.get("backprop.step.text", r.step(), Decimals.of(r.learningRate(), 2), Backprop.MAX_STEPS));
        lossLabel.setText(I18n.get("backprop.loss", label, Decimals.of(g.trace().probabilities()[label]), Decimals.of(g.loss())));

        Backprop.KernelUpdate u = r.update();
        float gs = ColorMap.SIGNED.scaleOf(u.gradient(), 0, u.gradient().length);
        float ws = Math.max(ColorMap.SIGNED.scaleOf(u.before(), 0, u.before().length), ColorMap.SIGNED.scaleOf(u.after(), 0, u.after().length));
        beforeView.setImage(MapImages.render(u.before(), 0, u.size(), u.size(), ColorMap.SIGNED, ws));
        gradView.setImage(MapImages.render(u.gradient(), 0, u.size(), u.size(), ColorMap.SIGNED, gs));
        afterView.setImage(MapImages.render(u.after(), 0, u.size(), u.size(), ColorMap.SIGNED, ws));
        int t = u.largestTap();
        kernelFormula.setText(I18n.get("backprop.kernel.formula", t / u.size(), t % u.size(), Decimals.of(u.before()[t], 4),
                Decimals.of(u.learningRate(), 2), Decimals.of(u.gradient()[t], 4), Decimals.of(u.after()[t], 4)));
        kernelLoss.setText(I18n.get("backprop.kernel.loss", Decimals.of(u.lossBefore()), Decimals.of(u.lossAfter()), r.step(), r.step() + 1));

        // the two LeNets at initialisation, whatever is shown: the reason for D2L's slow start
        String shown = I18n.get("backprop.model." + r.source().id), other = I18n.get("backprop.model." + r.comparisonSource().id);
        vanishing.setText(I18n.get("backprop.vanishing.text", Decimals.of(r.modernInitRms()), Decimals.of(r.d2lInitRms()),
                Decimals.of(r.modernInitRms() / Math.max(1e-30, r.d2lInitRms()), 0), Decimals.of(r.d2lInitLoss())));
        legend.setText(I18n.get("backprop.legend", shown, other));
        canvas.repaint();
    }

    /** Column titles: the activations by their short names, so that eleven columns fit. */
    private static String shortName(String name) {
        return switch (name) {
            case "sigmoid" -> "σ";
            case "relu" -> "ReLU";
            default -> name;
        };
    }

    /** The layers drawn as columns: every layer but flatten (its gradient is pool2's, in another shape). */
    private static List<Integer> columns(ModelSpec spec) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) if (!(spec.layers().get(i) instanceof LayerSpec.Flatten)) out.add(i);
        return out;
    }

    /**
     * What the last paint drew, for tests: the text size (px), whether the layer names went on two staggered rows, and
     * the decade labels of the log axis with their y (text baseline).
     */
    record CanvasText(double fontSize, boolean staggeredNames, List<String> ticks, List<Double> tickYs) {}

    private CanvasText lastText;

    CanvasText lastCanvasText() { return lastText; }

    /** Width of a text in a font, for deciding where labels fit. */
    static double textWidth(String text, javafx.scene.text.Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    /** Every how many decades a label goes so that labels are at least 1.3 lines apart (the grid keeps every decade). */
    static int tickEvery(double pixelsPerDecade, double font, int decades) {
        int every = 1;
        while (every < decades && pixelsPerDecade * every < 1.3 * font) every++;
        return every;
    }

    /** Text centred at x (alignment CENTER), moved inwards where it would stick out of the canvas's edges. */
    private static void centred(GraphicsContext g, String s, double x, double y, double maxW, javafx.scene.text.Font font,
                                double w, double pad) {
        double half = Math.min(maxW, textWidth(s, font)) / 2;
        g.fillText(s, Math.clamp(x, pad + half, Math.max(pad + half, w - pad - half)), y, maxW);
    }

    private void paint(GraphicsContext g, double w, double h) {
        BackpropViewModel.Result r = vm.resultProperty().get();
        if (r == null) return;
        g.setImageSmoothing(false);
        // all canvas text at the theme's text size (the projector theme's larger type reaches the canvas through it)
        double font = canvas.fontSize(), pad = 6;
        javafx.scene.text.Font text = canvas.font(1.0);
        g.setFont(text);
        List<Integer> cols = columns(r.spec());
        List<Shape> shapes = r.spec().shapes();
        double axisW = textWidth("1e-10", text) + 8;
        double colW = (w - 2 * pad - axisW) / cols.size();
        double x0 = pad + axisW;
        // names that do not fit their column go on two rows, alternately
        boolean stagger = false;
        for (int li : cols) stagger |= textWidth(shortName(r.names().get(li)), text) > colW - 4;
        double nameRows = stagger ? 2 : 1;
        double mapsTop = pad + font * (1.6 + 1.2 * nameRows), mapsH = Math.max(60, (h - mapsTop) * 0.5 - font * 1.6);
        g.setFill(canvas.color(FG));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(I18n.get("backprop.canvas.maps"), pad, pad + font, w - 2 * pad);
        g.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < cols.size(); c++) {
            int li = cols.get(c);
            Shape s = shapes.get(li);
            float[] grad = r.gradients().outputGradients().get(li);
            float scale = ColorMap.SIGNED.scaleOf(grad, 0, grad.length);
            double cx = x0 + c * colW, inner = colW - 6;
            g.setFill(canvas.color(FG));
            double nameY = mapsTop - font * 0.4 - (stagger && c % 2 == 0 ? font * 1.2 : 0);
            centred(g, shortName(r.names().get(li)), cx + colW / 2, nameY, stagger ? 2 * colW - 4 : colW, text, w, pad);
            if (s.isVector()) {
                Image img = MapImages.render(grad, 0, s.size(), 1, ColorMap.SIGNED, scale);
                double sw = Math.min(inner, font * 1.2);
                g.drawImage(img, cx + (colW - sw) / 2, mapsTop, sw, mapsH);
                g.setStroke(canvas.color(BORDER));
                g.strokeRect(cx + (colW - sw) / 2, mapsTop, sw, mapsH);
            } else {
                int ch = s.c();
                // as many maps side by side as make them largest in the column
                int best = 1;
                double bestCell = 0;
                for (int across = 1; across <= ch; across++) {
                    int down = (ch + across - 1) / across;
                    double cell = Math.min(inner / across, mapsH / down);
                    if (cell > bestCell) { bestCell = cell; best = across; }
                }
                double cell = bestCell - 2;
                for (int k = 0; k < ch; k++) {
                    Image img = MapImages.render(grad, k * s.h() * s.w(), s.h(), s.w(), ColorMap.SIGNED, scale);
                    double mx = cx + 3 + (k % best) * bestCell, my = mapsTop + (k / best) * bestCell;
                    g.drawImage(img, mx, my, cell, cell);
                    g.setStroke(canvas.color(BORDER));
                    g.strokeRect(mx, my, cell, cell);
                }
            }
            g.setFill(canvas.color(MUTED));
            // staggered, so that neighbouring scales never run into each other
            centred(g, "±" + Decimals.of(scale, 1), cx + colW / 2, mapsTop + mapsH + font * (c % 2 == 0 ? 1.1 : 2.3), colW * 2 - 4, text, w, pad);
        }

        // the size of the gradient per layer, on a log scale: the shown network and the other LeNet at initialisation
        double barsTop = mapsTop + mapsH + font * 4.4, barsBottom = h - pad - font * (0.4 + 1.2 * nameRows);
        if (barsBottom - barsTop < 30) { lastText = new CanvasText(font, stagger, List.of(), List.of()); return; }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        Gradients[] both = r.comparison() == null ? new Gradients[]{r.gradients()} : new Gradients[]{r.gradients(), r.comparison()};
        for (Gradients gr : both) for (int li : cols) {
            double v = gr.rms(li);
            if (v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        if (!(lo < hi)) { lo = hi / 10; }
        double decLo = Math.floor(Math.log10(lo)), decHi = Math.ceil(Math.log10(hi));
        if (decHi <= decLo) decHi = decLo + 1;
        g.setFill(canvas.color(FG));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(I18n.get("backprop.canvas.bars"), pad, barsTop - font * 0.6, w - 2 * pad);
        g.setStroke(canvas.color(BORDER));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        int decades = (int) (decHi - decLo);
        int every = tickEvery((barsBottom - barsTop) / decades, font, decades);
        List<String> ticks = new ArrayList<>();
        List<Double> tickYs = new ArrayList<>();
        for (double d = decLo; d <= decHi; d++) {
            double y = barsBottom - (d - decLo) / (decHi - decLo) * (barsBottom - barsTop);
            g.strokeLine(x0, y, w - pad, y);
            if (Math.floorMod((int) d, every) != 0) continue;
            g.setFill(canvas.color(MUTED));
            g.fillText("1e" + (int) d, x0 - 4, y + font * 0.35);
            ticks.add("1e" + (int) d);
            tickYs.add(y + font * 0.35);
        }
        String[] colours = {ACCENT, OTHER};
        g.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < cols.size(); c++) {
            int li = cols.get(c);
            double cx = x0 + c * colW, bw = Math.min(colW * 0.35, font * 1.6);
            for (int b = 0; b < both.length; b++) {
                double v = both[b].rms(li);
                if (!(v > 0)) continue;
                double y = barsBottom - (Math.log10(v) - decLo) / (decHi - decLo) * (barsBottom - barsTop);
                g.setFill(canvas.color(colours[b]));
                g.fillRect(cx + colW / 2 - bw - 1 + b * (bw + 2), y, bw, barsBottom - y);
            }
            g.setFill(canvas.color(FG));
            double nameY = barsBottom + font * 1.1 + (stagger && c % 2 == 1 ? font * 1.2 : 0);
            centred(g, shortName(r.names().get(li)), cx + colW / 2, nameY, stagger ? 2 * colW - 4 : colW, text, w, pad);
        }
        lastText = new CanvasText(font, stagger, List.copyOf(ticks), List.copyOf(tickYs));
    }
}
