package org.convscope.app.classifier;

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
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.layout.GridPane;
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
import org.convscope.data.DatasetKind;
import org.convscope.engine.Activation;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The classifier (concepts.md section 5): the fully connected layers of the current model for the current image.
 * A dense layer's weight matrix as a picture between its inputs and its units, one unit's weighted sum written out
 * (the largest terms, the rest, the bias, the total, the activation), and softmax step by step with the loss.
 * Every number comes from one forward pass of the engine ({@link Classification}, computed in the background).
 */
public final class ClassifierView implements ConceptView {

    private static final String FG = "-color-fg-default", MUTED = "-color-fg-muted", BG = "-color-bg-default",
            ACCENT = "-color-accent-emphasis", BORDER = "-color-border-default";

    private final AppContext ctx;
    private final ClassifierViewModel vm;
    private String dataset = AppContext.MNIST;
    /** The chosen layer's name ("dense1", ...); null: the last one. The chosen unit; -1: the strongest. */
    private String layerName;
    private int unit = -1;
    private ModelSpec spec;

    private ConceptPage page;
    /** Computes only while the view is on screen; a change while hidden is computed once on show. */
    private final org.convscope.app.common.ShowGate shown;
    private ThemedCanvas canvas;
    private final javafx.scene.layout.FlowPane layerButtons = new javafx.scene.layout.FlowPane(6, 6);
    private final ToggleGroup layerGroup = new ToggleGroup();
    private Spinner<Integer> unitSpinner;
    private boolean syncing;
    private final Label busy = new Label();
    private final Label source = new Label(), message = new Label(), sumHeading = new Label(), rest = new Label(),
            bias = new Label(), total = new Label(), activated = new Label(), softmaxSum = new Label(),
            lossLine = new Label(), legend = new Label();
    private final Label softmaxHint = new Label();
    private VBox softmaxCard;
    private final GridPane terms = new GridPane(), softmaxGrid = new GridPane();
    private Image matrixImage, inputImage, productImage, sumImage, outImage;
    private float weightScale;

    public ClassifierView(AppContext ctx) {
        this.ctx = ctx;
        this.vm = new ClassifierViewModel(ctx.services().background(), Platform::runLater);
        shown = new org.convscope.app.common.ShowGate(vm::setActive, this::recompute);
        vm.resultProperty().addListener((o, a, c) -> publish(c));
        vm.busyProperty().addListener((o, a, b) -> SideColumn.show(busy, b));
        vm.failureProperty().addListener((o, a, f) -> { if (f != null) showFailure(); });
        ctx.currentImageProperty().addListener((o, a, b) -> recompute());
        ctx.models().addListener((MapChangeListener<String, AppContext.ActiveModel>) c -> recompute());
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

    /** The view model: the computation and its state. */
    public ClassifierViewModel viewModel() { return vm; }

    private void showFailure() {
        message.setText(I18n.get("classifier.error", vm.failureProperty().get()));
        SideColumn.show(message, true);
    }

    @Override public String id() { return "classifier"; }
    @Override public String titleKey() { return "classifier.nav"; }
    @Override public Ikon icon() { return Material2AL.FUNCTIONS; }

    @Override
    public Node node() {
        if (page == null) { build(); recompute(); }
        return page;
    }

    /** The latest finished computation (null until the first). */
    public ReadOnlyObjectProperty<Classification> resultProperty() { return vm.resultProperty(); }

    /** The layer shown now (null before the first result). */
    public Classification.DenseLayer layer() {
        Classification c = vm.resultProperty().get();
        if (c == null || c.layers().isEmpty()) return null;
        Classification.DenseLayer l = layerName == null ? null : c.layer(layerName);
        return l != null ? l : c.layers().getLast();
    }

    /** The unit shown now. */
    public int unit() {
        Classification.DenseLayer l = layer();
        if (l == null) return Math.max(unit, 0);
        return unit >= 0 && unit < l.outputs() ? unit : vm.resultProperty().get().strongestUnit(l);
    }

    // ------------------------------------------------------------------------------------------------ lesson state

    @Override public Set<String> stateKeys() { return Set.of("layer", "unit"); }

    @Override
    public Map<String, String> captureState() {
        Map<String, String> m = new LinkedHashMap<>();
        Classification.DenseLayer l = layer();
        if (l != null) {
            m.put("layer", l.name());
            m.put("unit", String.valueOf(unit()));
        } else {
            if (layerName != null) m.put("layer", layerName);
            if (unit >= 0) m.put("unit", String.valueOf(unit));
        }
        return m;
    }

    @Override
    public void applyState(Map<String, String> state) {
        List<String> names = denseNames();
        String newLayer = layerName;
        if (state.containsKey("layer")) {
            newLayer = state.get("layer");
            if (!names.contains(newLayer))
                throw new IllegalArgumentException("layer: '" + newLayer + "' is not a fully connected layer of this model; use one of " + names);
        }
        int newUnit = unit;
        if (state.containsKey("unit")) {
            int outputs = denseOutputs(newLayer == null ? names.getLast() : newLayer);
            try {
                newUnit = Integer.parseInt(state.get("unit").trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unit: '" + state.get("unit") + "' is not a whole number; use 0.." + (outputs - 1));
            }
            if (newUnit < 0 || newUnit >= outputs)
                throw new IllegalArgumentException("unit: " + newUnit + " is outside 0.." + (outputs - 1) + " of layer " + newLayer);
        } else if (state.containsKey("layer") && !state.get("layer").equals(layerName)) {
            newUnit = -1;
        }
        layerName = newLayer;
        unit = newUnit;
        refresh();
    }

    private ModelSpec currentSpec() {
        if (spec != null) return spec;
        AppContext.ActiveModel m = ctx.models().get(dataset);
        return m != null ? m.network().spec() : org.convscope.engine.ModelZoo.lenetModern();
    }

    private List<String> denseNames() {
        List<String> names = new ArrayList<>();
        int n = 0;
        for (LayerSpec l : currentSpec().layers()) if (l instanceof LayerSpec.Dense) names.add("dense" + ++n);
        return names;
    }

    private int denseOutputs(String name) {
        int n = 0;
        for (LayerSpec l : currentSpec().layers()) if (l instanceof LayerSpec.Dense d && name.equals("dense" + ++n)) return d.outputs();
        return 0;
    }

    // ------------------------------------------------------------------------------------------------ computing

    private void recompute() {
        if (page == null) return;
        if (!shown.admit()) return;
        AppContext.InputImage img = ctx.currentImageProperty().get();
        dataset = img != null && img.dataset() != null ? img.dataset() : AppContext.MNIST;
        AppContext.ActiveModel m = ctx.models().get(dataset);
        String problem = ClassifierViewModel.problem(img, m);
        if (problem != null) {
            message.setText(I18n.get(problem));
            SideColumn.show(message, true);
            return;
        }
        SideColumn.show(message, false);
        buildLayerButtons(m.network().spec());
        source.setText(I18n.get("classifier.source", img.source(), m.description()));
        vm.submit(img, m, dataset);
    }

    private void publish(Classification c) {
        spec = c.trace().spec();
        if (layerName != null && c.layer(layerName) == null) { layerName = null; unit = -1; }
        buildLayerButtons(c.trace().spec());
        refresh();
    }

    // ------------------------------------------------------------------------------------------------ building

    private void build() {
        page = new ConceptPage("classifier.title", "classifier.explanation");
        page.setId("classifier-view");
        page.getStylesheets().add(ClassifierView.class.getResource("classifier.css").toExternalForm());
        canvas = new ThemedCanvas(FG, MUTED, BG, ACCENT, BORDER);
        canvas.setId("classifier-canvas");
        canvas.setPrefSize(700, 400);
        canvas.setMinSize(200, 200);
        canvas.setPainter(this::paint);
        canvas.setOnMouseClicked(e -> {
            int u = unitAt(canvas.getWidth(), canvas.getHeight(), e.getX(), e.getY());
            if (u >= 0) setUnit(u);
        });
        source.getStyleClass().add("concept-caption");
        source.setWrapText(true);
        source.setMinHeight(Region.USE_PREF_SIZE); // two lines in a narrow window, never "…"
        source.setId("classifier-source");
        message.getStyleClass().add("concept-warning");
        message.setWrapText(true);
        message.setId("classifier-message");
        SideColumn.show(message, false);
        legend.getStyleClass().add("concept-caption");
        legend.setWrapText(true);
        legend.setId("classifier-legend");
        legend.setMinHeight(Region.USE_PREF_SIZE);
        softmaxHint.getStyleClass().add("concept-caption");
        softmaxHint.setWrapText(true);
        softmaxHint.setId("classifier-softmax-hint");

        // softmax, step by step (in the side column, under the weighted sum)
        softmaxGrid.setId("classifier-softmax");
        softmaxGrid.getStyleClass().add("classifier-table");
        softmaxSum.setId("classifier-softmax-sum");
        lossLine.setId("classifier-loss");
        for (Label l : List.of(softmaxSum, lossLine)) { l.getStyleClass().add("concept-detail"); l.setWrapText(true); }
        Label steps = ConceptPage.text("classifier.softmax.steps", "concept-caption");
        VBox softmaxText = new VBox(6, steps, softmaxSum, lossLine);
        HBox.setHgrow(softmaxText, Priority.ALWAYS);
        softmaxGrid.setMinWidth(Region.USE_PREF_SIZE);
        softmaxCard = SideColumn.card("classifier.softmax.title", new HBox(14, softmaxGrid, softmaxText));
        softmaxCard.setId("classifier-softmax-card");
        softmaxCard.setMinHeight(Region.USE_PREF_SIZE);

        VBox pictureColumn = new VBox(6, source, canvas, legend, softmaxCard, softmaxHint);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        // the column keeps readable score rows (the canvas's minimum height): at 1280x800 in the projector theme that is
        // taller than the window, and the column scrolls
        page.setScrollingContent(pictureColumn, "classifier-scroll");

        unitSpinner = new Spinner<>(0, 9, 0);
        unitSpinner.setId("classifier-unit");
        unitSpinner.setEditable(true);
        unitSpinner.setPrefWidth(110);
        unitSpinner.valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) setUnit(b); });
        layerButtons.setId("classifier-layers");

        sumHeading.getStyleClass().add("concept-heading");
        sumHeading.setWrapText(true);
        sumHeading.setId("classifier-sum-heading");
        terms.setId("classifier-terms");
        terms.getStyleClass().add("classifier-table");
        rest.setId("classifier-rest");
        bias.setId("classifier-bias");
        total.setId("classifier-total");
        activated.setId("classifier-activated");
        for (Label l : List.of(rest, bias, total, activated)) { l.getStyleClass().add("concept-detail"); l.setWrapText(true); }
        total.getStyleClass().add("classifier-strong");
        VBox sumCard = new VBox(6, sumHeading, ConceptPage.text("classifier.terms.caption", "concept-caption"), terms, rest, bias, total, activated);
        sumCard.getStyleClass().add("concept-card");

        busy.textProperty().bind(I18n.bind("classifier.busy"));
        busy.getStyleClass().add("concept-caption");
        busy.setId("classifier-busy");
        SideColumn.show(busy, false);
        page.side().getChildren().addAll(message, busy,
                SideColumn.card("classifier.layer", new VBox(8, layerButtons, SideColumn.stacked("classifier.unit", unitSpinner),
                        ConceptPage.text("classifier.unit.hint", "concept-caption"))),
                sumCard);
        I18n.onChange(page, () -> { recompute(); refresh(); });
    }

    /** One button per fully connected layer of the model ("400 → 120"), made as soon as the model is known. */
    private void buildLayerButtons(ModelSpec model) {
        List<String> want = new ArrayList<>(), labels = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < model.layers().size(); i++) {
            if (!(model.layers().get(i) instanceof LayerSpec.Dense d)) continue;
            want.add("dense" + ++n);
            labels.add(model.inputShapeOf(i).size() + " → " + d.outputs());
        }
        List<String> have = layerButtons.getChildren().stream().map(b -> (String) b.getUserData()).toList();
        if (have.equals(want)) return;
        layerButtons.getChildren().clear();
        layerGroup.getToggles().clear();
        for (int k = 0; k < want.size(); k++) {
            String name = want.get(k);
            ToggleButton b = new ToggleButton(labels.get(k));
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setId("classifier-layer-" + name);
            b.setToggleGroup(layerGroup);
            b.setUserData(name);
            b.setSelected(name.equals(layerName) || layerName == null && k == want.size() - 1);
            b.setOnAction(e -> {
                if (!b.isSelected()) { b.setSelected(true); return; }
                applyState(Map.of("layer", name));
            });
            layerButtons.getChildren().add(b);
        }
    }

    private void setUnit(int u) {
        Classification.DenseLayer l = layer();
        if (l == null || u < 0 || u >= l.outputs() || u == unit()) return;
        unit = u;
        refresh();
    }

    // ------------------------------------------------------------------------------------------------ showing

    /** The class's name: "7" for a digit, "7 Sneaker" for Fashion-MNIST. */
    private String className(int c) {
        try {
            String name = I18n.get(DatasetKind.ofId(dataset).classKey(c));
            return name.equals(String.valueOf(c)) ? name : c + " " + name;
        } catch (RuntimeException e) {
            return String.valueOf(c);
        }
    }

    private String unitName(Classification.DenseLayer l, int u, boolean last) {
        return last ? I18n.get("classifier.unit.class", className(u)) : I18n.get("classifier.unit.hidden", u, l.name());
    }

    private static String activationName(Activation a) {
        return a.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void refresh() {
        Classification c = vm.resultProperty().get();
        if (page == null || c == null) return;
        Classification.DenseLayer l = layer();
        if (l == null) {
            message.setText(I18n.get("classifier.noDense"));
            SideColumn.show(message, true);
            return;
        }
        int u = unit();
        boolean last = l == c.layers().getLast();
        syncing = true;
        for (var t : layerGroup.getToggles()) ((ToggleButton) t).setSelected(l.name().equals(t.getUserData()));
        unitSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, l.outputs() - 1, u));
        syncing = false;

        // the weighted sum
        Classification.UnitSum s = c.unitSum(l, u);
        sumHeading.setText(I18n.get("classifier.sum.heading", unitName(l, u, last), l.inputs()));
        terms.getChildren().clear();
        String[] head = {I18n.get("classifier.terms.input"), "x", "w", "w · x"};
        for (int j = 0; j < head.length; j++) terms.add(cell(head[j], "classifier-head"), j, 0);
        int row = 1;
        for (Classification.Term t : s.top()) {
            terms.add(cell("#" + t.input(), null), 0, row);
            terms.add(cell(Decimals.of(t.x()), null), 1, row);
            terms.add(cell(Decimals.of(t.w()), null), 2, row);
            terms.add(cell(Decimals.signed(t.product()), t.product() >= 0 ? "classifier-positive" : "classifier-negative"), 3, row);
            row++;
        }
        rest.setText(I18n.get("classifier.rest", s.restCount(), Decimals.signed(s.restSum())));
        bias.setText(I18n.get("classifier.bias", Decimals.signed(s.bias())));
        total.setText(I18n.get("classifier.total", Decimals.of(s.total()), Decimals.of(s.engineZ())));
        activated.setText(l.activation() == null
                ? I18n.get("classifier.activated.score", Decimals.of(s.engineZ()), className(u))
                : I18n.get("classifier.activated", activationName(l.activation()), Decimals.of(s.engineZ()), Decimals.of(s.activated())));

        // softmax: shown with the last layer (the scores); a hidden layer's matrix gets the room
        SideColumn.show(softmaxCard, last);
        SideColumn.show(softmaxHint, !last);
        var lastLayer = c.layers().getLast();
        softmaxHint.setText(I18n.get("classifier.softmax.hint", lastLayer.inputs() + " → " + lastLayer.outputs()));
        Classification.Softmax sm = c.softmax();
        int predicted = c.trace().predictedClass();
        softmaxGrid.getChildren().clear();
        String[] sh = {I18n.get("classifier.softmax.class"), "z", "e^(z − max)", "p"};
        for (int j = 0; j < sh.length; j++) softmaxGrid.add(cell(sh[j], "classifier-head"), j, 0);
        for (int k = 0; k < sm.scores().length; k++) {
            String style = k == predicted ? "classifier-strong" : null;
            softmaxGrid.add(cell(k + (k == c.label() ? " ✓" : ""), style), 0, k + 1);
            softmaxGrid.add(cell(Decimals.of(sm.scores()[k]), style), 1, k + 1);
            softmaxGrid.add(cell(Decimals.of(sm.exps()[k]), style), 2, k + 1);
            softmaxGrid.add(cell(Decimals.of(sm.engine()[k]), style), 3, k + 1);
        }
        softmaxSum.setText(I18n.get("classifier.softmax.sum", Decimals.of(sm.max()), Decimals.of(sm.sum()),
                className(predicted), Decimals.of(sm.exps()[predicted]), Decimals.of(sm.engine()[predicted])));
        if (c.label() >= 0) {
            lossLine.setText(I18n.get("classifier.loss", className(c.label()),
                    Decimals.of(sm.engine()[c.label()]), Decimals.of(c.loss())));
        } else {
            lossLine.setText(I18n.get("classifier.loss.unknown"));
        }

        // pictures
        float[] x = c.inputs(l);
        float[] w = l.weights().weights();
        double ss = 0;
        for (float v : w) ss += (double) v * v;
        weightScale = (float) Math.max(1e-6, 2.5 * Math.sqrt(ss / w.length));
        matrixImage = MapImages.render(w, 0, l.outputs(), l.inputs(), ColorMap.SIGNED, weightScale);
        boolean nonNegative = true;
        for (float v : x) if (v < 0) { nonNegative = false; break; }
        ColorMap inMap = nonNegative ? ColorMap.GRAY : ColorMap.SIGNED;
        inputImage = MapImages.render(x, 0, 1, l.inputs(), inMap);
        float[] products = new float[l.inputs()];
        for (int j = 0; j < products.length; j++) products[j] = l.weight(u, j) * x[j];
        productImage = MapImages.render(products, 0, 1, products.length, ColorMap.SIGNED);
        sumImage = MapImages.render(c.sums(l), 0, l.outputs(), 1, ColorMap.SIGNED);
        float[] out = c.outputs(l);
        boolean outNonNegative = true;
        for (float v : out) if (v < 0) { outNonNegative = false; break; }
        outImage = MapImages.render(out, 0, l.outputs(), 1, outNonNegative ? ColorMap.GRAY : ColorMap.SIGNED);
        legend.setText(I18n.get("classifier.legend", Decimals.of(weightScale)));
        canvas.repaint();
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("classifier-cell");
        if (style != null) l.getStyleClass().add(style);
        return l;
    }

    /** Where the picture's parts go. */
    private record Geometry(double x0, double inputY, double stripH, double matrixY, double matrixW, double rowH,
                            double sumX, double outX, double colW, double productY, double needed) {}

    private Geometry geometry(double w, double h, int inputs, int outputs) {
        double pad = 8, font = canvas.fontSize();
        double stripH = Math.max(14, font * 1.3);
        double colW = Math.max(18, font * 2.2);
        double inputY = pad + font * 1.5;
        double matrixY = inputY + stripH + font * 2.2;
        double bottom = stripH + font * 3.2 + pad;
        double rowH = Math.min(font * 2, Math.max(0.25, (h - matrixY - bottom) / outputs));
        // the height at which a layer of up to 10 units gets rows of 0.8 font sizes (a wider layer, thinner rows)
        double needed = matrixY + bottom + Math.min(outputs, 10) * Math.max(6, font * 0.8);
        double matrixW = Math.max(50, w - 2 * pad - 2 * colW - font * 3.5);
        double sumX = pad + matrixW + font * 1.5, outX = sumX + colW + font * 1.5;
        double productY = matrixY + rowH * outputs + font * 2.2;
        return new Geometry(pad, inputY, stripH, matrixY, matrixW, rowH, sumX, outX, colW, productY, needed);
    }

    private int unitAt(double w, double h, double px, double py) {
        Classification.DenseLayer l = layer();
        if (l == null) return -1;
        Geometry g = geometry(w, h, l.inputs(), l.outputs());
        if (py < g.matrixY() || py >= g.matrixY() + g.rowH() * l.outputs() || px < g.x0() || px > g.outX() + g.colW()) return -1;
        return (int) ((py - g.matrixY()) / g.rowH());
    }

    /** Canvas position of the centre of unit u's row in the weight matrix (for tests that click it). */
    public javafx.geometry.Point2D rowCentre(int u) {
        Classification.DenseLayer l = layer();
        Geometry g = geometry(canvas.getWidth(), canvas.getHeight(), l.inputs(), l.outputs());
        return new javafx.geometry.Point2D(g.x0() + g.matrixW() / 2, g.matrixY() + (u + 0.5) * g.rowH());
    }

    public ThemedCanvas canvas() { return canvas; }

    private void paint(GraphicsContext g, double w, double h) {
        Classification c = vm.resultProperty().get();
        Classification.DenseLayer l = layer();
        if (c == null || l == null || matrixImage == null) return;
        int u = unit();
        boolean last = l == c.layers().getLast();
        Geometry geo = geometry(w, h, l.inputs(), l.outputs());
        // never squeezed below readable rows (at 1280x800 in the projector theme the softmax card took the room and
        // the ten score rows were 0.35 px each): the page scrolls instead
        if (Math.abs(canvas.getMinHeight() - geo.needed()) > 0.5) canvas.setMinHeight(geo.needed());
        double font = canvas.fontSize();
        g.setImageSmoothing(false);
        g.setFont(canvas.font(0.95));
        g.setFill(canvas.color(FG));
        g.setTextAlign(TextAlignment.LEFT);
        boolean first = l == c.layers().getFirst();
        g.fillText(I18n.get(first ? "classifier.canvas.inputs.first" : "classifier.canvas.inputs", l.inputs()), geo.x0(), geo.inputY() - font * 0.4);
        g.drawImage(inputImage, geo.x0(), geo.inputY(), geo.matrixW(), geo.stripH());
        g.setStroke(canvas.color(BORDER));
        g.setLineWidth(1);
        g.strokeRect(geo.x0(), geo.inputY(), geo.matrixW(), geo.stripH());

        double mh = geo.rowH() * l.outputs();
        g.fillText(I18n.get("classifier.canvas.matrix", l.outputs(), l.inputs()), geo.x0(), geo.matrixY() - font * 0.4, geo.matrixW());
        g.drawImage(matrixImage, geo.x0(), geo.matrixY(), geo.matrixW(), mh);
        g.strokeRect(geo.x0(), geo.matrixY(), geo.matrixW(), mh);
        g.drawImage(sumImage, geo.sumX(), geo.matrixY(), geo.colW(), mh);
        g.strokeRect(geo.sumX(), geo.matrixY(), geo.colW(), mh);
        g.drawImage(outImage, geo.outX(), geo.matrixY(), geo.colW(), mh);
        g.strokeRect(geo.outX(), geo.matrixY(), geo.colW(), mh);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("z", geo.sumX() + geo.colW() / 2, geo.matrixY() - font * 0.4);
        g.fillText(l.activation() == null ? "p" : activationName(l.activation()), geo.outX() + geo.colW() / 2, geo.matrixY() - font * 0.4);
        if (last && geo.rowH() >= font) {
            g.setFill(canvas.color(MUTED));
            g.setTextAlign(TextAlignment.LEFT);
            for (int k = 0; k < l.outputs(); k++)
                g.fillText(String.valueOf(k), geo.outX() + geo.colW() + 4, geo.matrixY() + (k + 0.5) * geo.rowH() + font * 0.35);
        }
        if (last) { // the last column shows the probabilities, as softmax turns z into p
            float[] p = c.trace().probabilities();
            g.setFill(canvas.color(BG));
            g.fillRect(geo.outX(), geo.matrixY(), geo.colW(), mh);
            g.setFill(canvas.color(ACCENT));
            for (int k = 0; k < p.length; k++) g.fillRect(geo.outX(), geo.matrixY() + k * geo.rowH() + 1, geo.colW() * p[k], Math.max(1, geo.rowH() - 2));
            g.strokeRect(geo.outX(), geo.matrixY(), geo.colW(), mh);
        }

        // the chosen unit's row, its sum and its output
        double ry = geo.matrixY() + u * geo.rowH();
        double rh = Math.max(geo.rowH(), 3);
        g.setStroke(canvas.color(ACCENT));
        g.setLineWidth(2.5);
        g.strokeRect(geo.x0() - 2, ry - (rh - geo.rowH()) / 2 - 2, geo.outX() + geo.colW() - geo.x0() + 4, rh + 4);

        // the products w·x of that row: where the sum comes from
        g.setFill(canvas.color(FG));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(I18n.get("classifier.canvas.products", unitName(l, u, last)), geo.x0(), geo.productY() - font * 0.4);
        g.drawImage(productImage, geo.x0(), geo.productY(), geo.matrixW(), geo.stripH());
        g.setStroke(canvas.color(BORDER));
        g.setLineWidth(1);
        g.strokeRect(geo.x0(), geo.productY(), geo.matrixW(), geo.stripH());
        // mark the largest terms (the ones written out in the side column)
        g.setStroke(canvas.color(ACCENT));
        g.setLineWidth(2);
        double cw = geo.matrixW() / l.inputs();
        for (Classification.Term t : c.unitSum(l, u).top()) {
            double tx = geo.x0() + (t.input() + 0.5) * cw;
            g.strokeLine(tx, geo.productY() + geo.stripH() + 2, tx, geo.productY() + geo.stripH() + font * 0.8);
        }
    }
}
