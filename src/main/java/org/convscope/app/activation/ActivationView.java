package org.convscope.app.activation;

import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.ConceptPage;
import org.convscope.app.common.ExportPanel;
import org.convscope.app.common.ThemedCanvas;
import org.convscope.engine.Activation;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Activation functions (concepts.md section 3): the chosen curve with the layer's real pre-activations for the
 * current image as a histogram behind it, the flat (saturated) region shaded, the slope curve below, and a switch
 * that feeds the network 0–255 pixels instead of 0–1 so that the units pile up in the flat region.
 * The network runs on the background executor; results come back through {@link #resultProperty()}.
 */
public final class ActivationView implements ConceptView {

    private ExportPanel export;

    private static final String FG = "-color-fg-default", MUTED = "-color-fg-muted", BORDER = "-color-border-default",
            CURVE = "-color-fg-default", SLOPE = "-color-success-emphasis", ACTIVE = "-color-accent-emphasis",
            FLAT = "-color-danger-emphasis", FLAT_BG = "-color-danger-subtle";

    private final AppContext ctx;
    private final ActivationViewModel model = new ActivationViewModel();
    private final ReadOnlyObjectWrapper<ActivationViewModel.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    /** Runs the network off the FX thread; only the newest request is computed, only the newest result shown. */
    private ConceptPage page;
    private ThemedCanvas chart;
    private ComboBox<ActivationViewModel.Layer> layerBox;
    private ToggleButton trainedButton, freshButton;
    private CheckBox unnormalised;
    private final ToggleButton[] curveButtons = new ToggleButton[Activation.values().length];
    private final Label flatShare = new Label(), flatCount = new Label(), gradient = new Label(), range = new Label(),
            prediction = new Label(), predictionNote = new Label(), definition = new Label(), status = new Label();

    public ActivationView(AppContext ctx) {
        this.ctx = ctx;
        model.runIn(ctx.services().background(), Platform::runLater,
                r -> { status.setText(""); show(r); },
                e -> status.setText(I18n.get("activation.failed", String.valueOf(e.getMessage()))));
        ctx.currentImageProperty().addListener((o, a, b) -> { useContext(); syncControls(); recompute(); });
        ctx.models().addListener((MapChangeListener<String, AppContext.ActiveModel>) c -> { useContext(); syncControls(); recompute(); });
        ctx.architectureProperty().addListener((o, a, spec) -> followArchitecture(spec));
        useContext();
        // made after the diagram opened it (views are made when first needed): what the diagram asked for holds too
        followArchitecture(ctx.architectureProperty().get());
    }

    /** Shows the model the "Parts of a CNN" diagram was talking about when it opened this view (null: nothing asked). */
    private void followArchitecture(org.convscope.engine.ModelSpec spec) {
        if (spec == null) return;
        if (spec.id().equals(org.convscope.engine.ModelZoo.lenetClassic().id())) model.useSource(ActivationViewModel.Source.FRESH);
        else if (model.hasTrained() && model.trainedNetwork().spec().id().equals(spec.id())) model.useSource(ActivationViewModel.Source.TRAINED);
        else return;
        if (page != null) { layerBox.getSelectionModel().select(model.layerChoice()); syncCurve(); }
        syncControls();
        recompute();
    }

    /** "Save PNG" of this view (tests point it at a folder). */
    public ExportPanel export() { return export; }

    @Override public String id() { return "activation"; }
    @Override public String titleKey() { return "activation.nav"; }
    @Override public Ikon icon() { return Material2MZ.SHOW_CHART; }

    @Override
    public Node node() {
        if (page == null) { build(); recompute(); }
        return page;
    }

    public ActivationViewModel model() { return model; }

    /** Shown: a picture or model that changed while hidden is computed now (once, the newest). */
    @Override public void onShow() { model.setShowing(true); }

    /** Hidden: nothing is traced (the model changes every second while one trains). */
    @Override public void onHide() { model.setShowing(false); }
    /** The latest finished computation (null until the first one). */
    public ReadOnlyObjectProperty<ActivationViewModel.Result> resultProperty() { return result.getReadOnlyProperty(); }

    /** Takes the current image and the trained model of its dataset from the app context. */
    private void useContext() {
        AppContext.InputImage img = ctx.currentImageProperty().get();
        String dataset = img != null && img.dataset() != null ? img.dataset() : AppContext.MNIST;
        AppContext.ActiveModel active = ctx.models().get(dataset);
        // a new trained network is shown at once; the same one again (e.g. a new image) keeps the user's choice
        if (active == null) {
            if (model.hasTrained()) model.setTrained(null, null);
        } else if (model.trainedNetwork() != active.network()) {
            model.setTrained(active.network(), active.description());
        }
        if (img != null && img.pixels().length == model.spec().input().size()) model.setImage(img.pixels());
    }

    @Override public java.util.Set<String> stateKeys() { return java.util.Set.of("source", "layer", "curve", "unnormalised"); }

    @Override public java.util.Map<String, String> captureState() {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("source", org.convscope.app.ViewState.name(model.source()));
        m.put("layer", Integer.toString(model.layerChoice()));
        m.put("curve", org.convscope.app.ViewState.name(model.curve()));
        m.put("unnormalised", Boolean.toString(model.unnormalised()));
        return m;
    }

    /**
     * "source": trained | fresh (the trained model or D2L's sigmoid LeNet at initialisation), "layer": which
     * activation layer (0 = the first), "curve": sigmoid | tanh | relu, "unnormalised": true for 0..255 input.
     */
    @Override public void applyState(java.util.Map<String, String> state) {
        node();
        var source = org.convscope.app.ViewState.enumOf(state, "source", ActivationViewModel.Source.class);
        var curve = org.convscope.app.ViewState.enumOf(state, "curve", Activation.class);
        Boolean raw = org.convscope.app.ViewState.bool(state, "unnormalised");
        if (source == ActivationViewModel.Source.TRAINED && !model.hasTrained())
            throw new IllegalArgumentException("\"source\" is trained, but no trained model is loaded yet");
        if (source != null) model.useSource(source);
        Integer layer = org.convscope.app.ViewState.intIn(state, "layer", 0, model.layers().size() - 1);
        if (layer != null) model.setLayer(layer);
        if (curve != null) model.setCurve(curve);
        if (raw != null) { model.setUnnormalised(raw); unnormalised.setSelected(raw); }
        syncControls();
        recompute();
    }

    private void build() {
        page = new ConceptPage("activation.title", "activation.explanation");
        page.setId("activation-view");

        ToggleGroup sources = new ToggleGroup();
        trainedButton = new ToggleButton();
        trainedButton.setId("activation-source-trained");
        freshButton = new ToggleButton();
        freshButton.setId("activation-source-fresh");
        freshButton.textProperty().bind(I18n.bind("activation.source.fresh", ActivationViewModel.FRESH_SEED));
        for (ToggleButton b : new ToggleButton[] {trainedButton, freshButton}) b.setToggleGroup(sources);
        trainedButton.setOnAction(e -> choose(ActivationViewModel.Source.TRAINED, trainedButton));
        freshButton.setOnAction(e -> choose(ActivationViewModel.Source.FRESH, freshButton));

        layerBox = new ComboBox<>();
        layerBox.setId("activation-layer");
        layerBox.setOnAction(e -> {
            int i = layerBox.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i != model.layerChoice()) {
                model.setLayer(i);
                syncCurve();
                recompute();
            }
        });

        ToggleGroup curves = new ToggleGroup();
        HBox curveBox = new HBox(6, ConceptPage.text("activation.curve", "concept-detail"));
        curveBox.setAlignment(Pos.CENTER_LEFT);
        for (Activation a : Activation.values()) {
            ToggleButton b = new ToggleButton(name(a));
            b.setId("activation-curve-" + a.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(curves);
            b.setOnAction(e -> {
                if (!b.isSelected()) { b.setSelected(true); return; }
                model.setCurve(a);
                recompute();
            });
            curveButtons[a.ordinal()] = b;
            curveBox.getChildren().add(b);
        }

        unnormalised = new CheckBox();
        unnormalised.setId("activation-unnormalised");
        unnormalised.textProperty().bind(I18n.bind("activation.unnormalised"));
        unnormalised.setSelected(model.unnormalised());
        unnormalised.setOnAction(e -> { model.setUnnormalised(unnormalised.isSelected()); recompute(); });

        // flow panes, so that the long button texts wrap onto a second line in a narrow window
        FlowPane sourceBox = new FlowPane(6, 6, ConceptPage.text("activation.source", "concept-detail"), trainedButton, freshButton);
        sourceBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane layerRow = new FlowPane(6, 6, ConceptPage.text("activation.layer", "concept-detail"), layerBox);
        layerRow.setAlignment(Pos.CENTER_LEFT);
        layerBox.setMinWidth(120);
        FlowPane controls = new FlowPane(18, 8, sourceBox, layerRow, curveBox, unnormalised);

        chart = new ThemedCanvas(FG, MUTED, BORDER, CURVE, SLOPE, ACTIVE, FLAT, FLAT_BG);
        chart.setId("activation-chart");
        chart.setPrefSize(1100, 760);
        chart.setPainter(this::paint);
        status.getStyleClass().add("concept-warning");
        status.setId("activation-status");
        status.setWrapText(true);
        VBox content = new VBox(10, controls, status, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        page.setContent(content);

        definition.getStyleClass().add("concept-detail");
        definition.setWrapText(true);
        definition.setId("activation-definition");
        flatCount.getStyleClass().add("concept-detail");
        flatCount.setId("activation-flat-count");
        flatCount.setWrapText(true);
        range.getStyleClass().add("concept-detail");
        range.setId("activation-range");
        range.setWrapText(true);
        for (Label l : new Label[] {flatShare, gradient, prediction}) l.setText("\u2013");
        VBox flatCard = ConceptPage.numberCard("activation.flat.caption", flatShare, "activation-flat-share");
        flatCard.getChildren().add(flatCount);
        VBox predictionCard = ConceptPage.numberCard("activation.prediction.caption", prediction, "activation-prediction");
        predictionCard.getChildren().add(predictionNote);
        predictionNote.getStyleClass().add("concept-caption");
        predictionNote.setWrapText(true);
        // the current frame as PNG (for slides and handouts)
        export = new ExportPanel("activation", "convscope-activation", page, null, ctx.services().background());
        page.side().getChildren().addAll(flatCard, definition,
                ConceptPage.numberCard("activation.gradient.caption", gradient, "activation-gradient"),
                range, predictionCard, ConceptPage.text("activation.relu.note", "concept-detail"), export);
        I18n.onChange(page, () -> { syncControls(); show(result.get()); });
        syncControls();
    }

    private void choose(ActivationViewModel.Source s, ToggleButton b) {
        if (!b.isSelected()) { b.setSelected(true); return; }
        model.useSource(s);
        syncControls();
        recompute();
    }

    /** The trained network's name now (ModelLibrary names bundled models in the current language). */
    private String trainedName() {
        for (AppContext.ActiveModel m : ctx.models().values()) {
            if (m.network() == model.trainedNetwork()) return m.description();
        }
        return model.trainedDescription();
    }

    /** Brings the controls in line with the view model (after a source, model or language change). */
    private void syncControls() {
        if (page == null) return;
        trainedButton.setDisable(!model.hasTrained());
        trainedButton.textProperty().unbind();
        trainedButton.setText(model.hasTrained() ? I18n.get("activation.source.trained", trainedName())
                : I18n.get("activation.source.noTrained"));
        trainedButton.setSelected(model.source() == ActivationViewModel.Source.TRAINED);
        freshButton.setSelected(model.source() == ActivationViewModel.Source.FRESH);
        layerBox.setConverter(new StringConverter<>() {
            @Override public String toString(ActivationViewModel.Layer l) {
                if (l == null) return "";
                String size = String.format(Locale.US, "%,d", l.shape().size());
                return l.shape().isVector() ? I18n.get("activation.layer.itemVector", name(l.fn()), l.feeds(), l.ordinal(), size)
                        : I18n.get("activation.layer.item", name(l.fn()), l.feeds(), l.ordinal(), l.shape().toString(), size);
            }
            @Override public ActivationViewModel.Layer fromString(String s) { return null; }
        });
        layerBox.setItems(FXCollections.observableArrayList(model.layers()));
        layerBox.getSelectionModel().select(model.layerChoice());
        syncCurve();
    }

    private void syncCurve() {
        for (Activation a : Activation.values()) curveButtons[a.ordinal()].setSelected(a == model.curve());
    }

    /** Runs the network on the background executor; only the newest request's result is shown. */
    private void recompute() {
        if (page == null) return;
        if (!model.hasImage()) {
            status.setText(I18n.get("activation.noImage"));
            result.set(null);
            chart.repaint();
            return;
        }
        ActivationViewModel.Request request;
        try {
            request = model.request();
        } catch (RuntimeException ex) {
            status.setText(I18n.get("activation.failed", ex.getMessage()));
            return;
        }
        model.submit(request);
    }

    private void show(ActivationViewModel.Result r) {
        if (r == null || page == null) return;
        result.set(r);
        ActivationStats s = r.stats();
        flatShare.setText(percent(s.flatShare()));
        long flat = Math.round(s.flatShare() * s.units());
        flatCount.setText(I18n.get("activation.flat.count", String.format(Locale.US, "%,d", flat), String.format(Locale.US, "%,d", s.units())));
        gradient.setText(percent(s.meanRelativeGradient()));
        range.setText(I18n.get("activation.range", num(s.min()), num(s.max()),
                r.request().unnormalised() ? I18n.get("activation.input.unnormalised") : I18n.get("activation.input.normalised")));
        prediction.setText(I18n.get("activation.prediction", r.predictedClass(), percent(r.confidence())));
        predictionNote.setText(r.request().network() == model.network() && model.source() == ActivationViewModel.Source.FRESH
                ? I18n.get("activation.prediction.untrained") : "");
        Activation c = s.curve();
        definition.setText(c == Activation.RELU
                ? I18n.get("activation.definition.relu", wholePercent(Saturation.FLAT_FRACTION))
                : I18n.get("activation.definition.symmetric", name(c), wholePercent(Saturation.FLAT_FRACTION),
                        String.format(Locale.US, "%.2f", Saturation.flatBeyond(c)),
                        tick(Saturation.maxDerivative(c))));
        chart.repaint();
    }

    static String name(Activation a) {
        return switch (a) { case SIGMOID -> "sigmoid"; case TANH -> "tanh"; case RELU -> "ReLU"; };
    }

    /** An axis number without trailing zeros: 1.5, -3, 0.25, 1,500. */
    static String tick(double v) {
        if (Math.abs(v) >= 1000) return String.format(Locale.US, "%,.0f", v);
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String wholePercent(double share) { return String.format(Locale.US, "%.0f %%", 100 * share); }

    private static String percent(double share) { return String.format(Locale.US, "%.1f %%", 100 * share); }

    private static String num(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.US, "%,.0f", v) : String.format(Locale.US, "%.2f", v);
    }

    // ---------------------------------------------------------------- drawing

    /**
     * Two charts over the same x axis (the pre-activation): on top the curve f(x) with the histogram of the layer's
     * values behind it (values in the flat region in the danger colour), below the slope f'(x) with the 5 % line.
     */
    private void paint(GraphicsContext g, double w, double h) {
        ActivationViewModel.Result r = result.get();
        Activation fn = r != null ? r.stats().curve() : model.curve();
        double range = r != null ? r.stats().axisRange() : ActivationStats.MIN_RANGE;
        double font = chart.fontSize();
        double left = font * 4.2, right = font * 4.5, top = font * 2, gap = font * 3.2, bottom = font * 3;
        double plotW = w - left - right;
        double h1 = (h - top - gap - bottom) * 0.64, h2 = (h - top - gap - bottom) - h1;
        double y1 = top, y2 = top + h1 + gap;
        if (plotW < 50 || h1 < 40) return;

        double maxSlope = Saturation.maxDerivative(fn);
        // flat region shading in both charts
        g.setFill(chart.color(FLAT_BG));
        for (int px = 0; px < (int) plotW; px++) {
            double x = -range + 2 * range * (px + 0.5) / plotW;
            if (Saturation.isFlat(fn, (float) x)) {
                g.fillRect(left + px, y1, 1.5, h1);
                g.fillRect(left + px, y2, 1.5, h2);
            }
        }

        // histogram of the real pre-activations, on its own scale. Background pixels make one bar (x = bias) tower
        // over the rest; when it is over 4 times the next one it is cut at the top (its count written on it) and
        // the scale follows the other bars, so their shape stays visible.
        if (r != null) {
            ActivationStats s = r.stats();
            double bw = plotW / ActivationStats.BINS, top90 = h1 * 0.9;
            int largest = s.largestBin(), tallest = -1, second = 1;
            for (int b = 0; b < ActivationStats.BINS; b++) {
                int n = s.activeCounts()[b] + s.flatCounts()[b];
                if (n == largest && tallest < 0) tallest = b; else second = Math.max(second, n);
            }
            boolean cut = largest > 4 * second;
            int scale = cut ? second : largest;
            for (int b = 0; b < ActivationStats.BINS; b++) {
                double x = left + b * bw;
                double ha = top90 * s.activeCounts()[b] / scale, hf = top90 * s.flatCounts()[b] / scale;
                if (ha + hf > h1) { double k = h1 / (ha + hf); ha *= k; hf *= k; }
                g.setFill(withAlpha(chart.color(ACTIVE), 0.55));
                g.fillRect(x + 1, y1 + h1 - ha, bw - 2, ha);
                g.setFill(withAlpha(chart.color(FLAT), 0.7));
                g.fillRect(x + 1, y1 + h1 - ha - hf, bw - 2, hf);
            }
            g.setFont(chart.numberFont(0.85));
            if (cut) {
                // the cut: a gap across the bar near the top, and its real count beside it
                double x = left + tallest * bw;
                g.clearRect(x, y1 + h1 * 0.12, bw, 4);
                g.setFill(chart.color(FG));
                g.setTextAlign(tallest < ActivationStats.BINS / 2 ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.fillText(String.format(Locale.US, "%,d", largest), tallest < ActivationStats.BINS / 2 ? x - 4 : x + bw + 4, y1 + h1 * 0.12 + font * 0.4);
            }
            // right axis: units per bar
            g.setFill(chart.color(MUTED));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(String.format(Locale.US, "%,d", scale), left + plotW + 6, y1 + h1 - top90 + font * 0.3);
            g.fillText("0", left + plotW + 6, y1 + h1);
            g.fillText(I18n.get("activation.chart.units"), left + plotW + 6, y1 + h1 - top90 - font * 0.8);
        }

        // the curve f(x)
        double lo, hi;
        switch (fn) {
            case SIGMOID -> { lo = -0.08; hi = 1.08; }
            case TANH -> { lo = -1.12; hi = 1.12; }
            default -> { lo = -0.06 * range; hi = 1.06 * range; }
        }
        frame(g, left, y1, plotW, h1);
        yTicks(g, left, y1, h1, lo, hi, fn == Activation.RELU ? new double[] {0, range / 2, range} :
                fn == Activation.TANH ? new double[] {-1, 0, 1} : new double[] {0, 0.5, 1});
        g.setStroke(chart.color(CURVE));
        g.setLineWidth(3.5);
        plot(g, left, y1, plotW, h1, range, lo, hi, x -> fn.apply((float) x));
        g.setFill(chart.color(FG));
        g.setFont(chart.font(1.15));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("f(x) = " + name(fn) + "(x)", left + 8, y1 - font * 0.5);

        // the slope f'(x) and the 5 % threshold
        double slo = -0.06 * maxSlope, shi = 1.12 * maxSlope;
        frame(g, left, y2, plotW, h2);
        yTicks(g, left, y2, h2, slo, shi, new double[] {0, maxSlope});
        double threshold = Saturation.FLAT_FRACTION * maxSlope;
        double ty = y2 + h2 - (threshold - slo) / (shi - slo) * h2;
        g.setStroke(chart.color(FLAT));
        g.setLineWidth(2);
        g.setLineDashes(8, 6);
        g.strokeLine(left, ty, left + plotW, ty);
        g.setLineDashes();
        g.setStroke(chart.color(SLOPE));
        g.setLineWidth(3.5);
        plot(g, left, y2, plotW, h2, range, slo, shi, x -> fn.derivative((float) x));
        g.setFill(chart.color(FG));
        g.setFont(chart.font(1.0));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(I18n.get("activation.chart.slope", name(fn)), left + 8, y2 - font * 0.5);
        g.setFill(chart.color(FLAT));
        g.setFont(chart.font(0.9));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(I18n.get("activation.chart.threshold", wholePercent(Saturation.FLAT_FRACTION)), left + plotW - 6, ty - 6);

        // shared x axis
        g.setFill(chart.color(FG));
        g.setFont(chart.numberFont(0.95));
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = -4; i <= 4; i++) {
            double x = range * i / 4;
            double px = left + (x + range) / (2 * range) * plotW;
            g.fillText(tick(x), px, y2 + h2 + font * 1.3);
            g.setStroke(chart.color(BORDER));
            g.setLineWidth(1);
            g.strokeLine(px, y1 + h1, px, y1 + h1 + 5);
            g.strokeLine(px, y2 + h2, px, y2 + h2 + 5);
        }
        g.fillText(I18n.get("activation.chart.x"), left + plotW / 2, y2 + h2 + font * 2.6);
    }

    private void frame(GraphicsContext g, double x, double y, double w, double h) {
        g.setStroke(chart.color(BORDER));
        g.setLineWidth(1.5);
        g.strokeRect(x, y, w, h);
        double zero = x + w / 2; // the axis is symmetric, so x = 0 is in the middle
        g.setLineDashes(3, 5);
        g.strokeLine(zero, y, zero, y + h);
        g.setLineDashes();
    }

    private void yTicks(GraphicsContext g, double left, double y, double h, double lo, double hi, double[] ticks) {
        g.setFill(chart.color(MUTED));
        g.setFont(chart.numberFont(0.9));
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t : ticks) {
            double py = y + h - (t - lo) / (hi - lo) * h;
            g.fillText(tick(t), left - 8, py + chart.fontSize() * 0.35);
            g.setStroke(chart.color(BORDER));
            g.setLineWidth(1);
            g.strokeLine(left - 4, py, left, py);
        }
    }

    private static void plot(GraphicsContext g, double left, double top, double w, double h, double range, double lo, double hi,
                             java.util.function.DoubleUnaryOperator f) {
        g.beginPath();
        int n = (int) Math.max(2, w);
        for (int i = 0; i <= n; i++) {
            double x = -range + 2 * range * i / n;
            double v = Math.clamp(f.applyAsDouble(x), lo, hi);
            double px = left + w * i / n, py = top + h - (v - lo) / (hi - lo) * h;
            if (i == 0) g.moveTo(px, py); else g.lineTo(px, py);
        }
        g.stroke();
    }

    private static Color withAlpha(Color c, double a) { return new Color(c.getRed(), c.getGreen(), c.getBlue(), a); }
}
