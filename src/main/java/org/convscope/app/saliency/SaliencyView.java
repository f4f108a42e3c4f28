package org.convscope.app.saliency;

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
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.layout.FlowPane;
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
import org.convscope.app.common.ProbabilityBars;
import org.convscope.app.common.SideColumn;
import org.convscope.app.common.ThemedCanvas;
import org.convscope.data.DatasetKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What it looks at: the current image with a saliency map (∂ score / ∂ pixel) or an occlusion map (how much the
 * score falls when a patch is covered) laid over it, for the predicted class or any other, alone or against a second
 * class. Both maps are computed in the background (occlusion runs {@link Attribution#PATCH}-sized patches, one
 * forward pass each, and stops when a newer request comes).
 */
public final class SaliencyView implements ConceptView {

    private static final String FG = "-color-fg-default", MUTED = "-color-fg-muted", BG = "-color-bg-default",
            ACCENT = "-color-accent-emphasis", BORDER = "-color-border-default";

    public enum Method { SALIENCY, OCCLUSION }

    private final AppContext ctx;
    private final SaliencyViewModel vm;

    /** The chosen class, -1: the predicted one; the second class, -1: none. */
    private int cls = -1, versus = -1;
    private Method method = Method.SALIENCY;
    private String dataset = AppContext.MNIST;
    private float[] image;

    private ConceptPage page;
    /** Computes only while the view is on screen; a change while hidden is computed once on show. */
    private final org.convscope.app.common.ShowGate shown;
    private ThemedCanvas canvas;
    private final FlowPane classButtons = new FlowPane(4, 4);
    private final ToggleGroup classGroup = new ToggleGroup(), methodGroup = new ToggleGroup();
    private ToggleButton predictedButton, saliencyButton, occlusionButton;
    private ComboBox<String> versusBox;
    private boolean syncing;
    private final Label source = new Label(), message = new Label(), reading = new Label(), numbers = new Label(),
            busy = new Label();
    private final ProbabilityBars bars = new ProbabilityBars();
    private String barsPrefix;

    public SaliencyView(AppContext ctx) {
        this.ctx = ctx;
        vm = new SaliencyViewModel(ctx.services().background(), Platform::runLater);
        shown = new org.convscope.app.common.ShowGate(vm::setActive, this::recompute);
        vm.saliencyProperty().addListener((o, a, r) -> refresh());
        vm.occlusionProperty().addListener((o, a, r) -> refresh());
        vm.failureProperty().addListener((o, a, f) -> {
            if (f == null) return;
            message.setText(I18n.get("saliency.error", f));
            SideColumn.show(message, true);
        });
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

    /** The view model: the two maps' computations and their results. */
    public SaliencyViewModel viewModel() { return vm; }

    @Override public String id() { return "saliency"; }
    @Override public String titleKey() { return "saliency.nav"; }
    @Override public Ikon icon() { return Material2MZ.VISIBILITY; }

    @Override
    public Node node() {
        if (page == null) { build(); recompute(); }
        return page;
    }

    public ReadOnlyObjectProperty<SaliencyViewModel.SaliencyResult> saliencyProperty() { return vm.saliencyProperty(); }
    public ReadOnlyObjectProperty<SaliencyViewModel.OcclusionResult> occlusionProperty() { return vm.occlusionProperty(); }
    public Method method() { return method; }
    public ThemedCanvas canvas() { return canvas; }

    // ------------------------------------------------------------------------------------------------ lesson state

    @Override public Set<String> stateKeys() { return Set.of("class", "versus", "method"); }

    @Override
    public Map<String, String> captureState() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("class", cls < 0 ? "predicted" : String.valueOf(cls));
        m.put("versus", versus < 0 ? "none" : String.valueOf(versus));
        m.put("method", method.name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    @Override
    public void applyState(Map<String, String> state) {
        int classes = classes();
        int c = state.containsKey("class") ? parseClass(state, "class", "predicted", classes) : cls;
        int v = state.containsKey("versus") ? parseClass(state, "versus", "none", classes) : versus;
        Method m = method;
        if (state.containsKey("method")) {
            m = switch (state.get("method").trim()) {
                case "saliency" -> Method.SALIENCY;
                case "occlusion" -> Method.OCCLUSION;
                default -> throw new IllegalArgumentException("method: '" + state.get("method") + "' is not saliency or occlusion");
            };
        }
        if (v >= 0 && v == c) throw new IllegalArgumentException("versus: " + v + " is the chosen class itself; pick another class or none");
        boolean mapsChange = c != cls || v != versus;
        cls = c;
        versus = v;
        method = m;
        syncControls();
        if (mapsChange) recompute();
        else refresh();
    }

    private static int parseClass(Map<String, String> state, String key, String word, int classes) {
        String s = state.get(key).trim();
        if (s.equals(word)) return -1;
        try {
            int v = Integer.parseInt(s);
            if (v >= 0 && v < classes) return v;
        } catch (NumberFormatException ignored) {
            // the message below says what is allowed
        }
        throw new IllegalArgumentException(key + ": '" + s + "' is not " + word + " or a class 0.." + (classes - 1));
    }

    private int classes() {
        AppContext.ActiveModel m = ctx.models().get(dataset);
        return m != null ? m.network().spec().classes() : 10;
    }

    // ------------------------------------------------------------------------------------------------ computing

    private void recompute() {
        if (page == null) return;
        if (!shown.admit()) return;
        AppContext.InputImage img = ctx.currentImageProperty().get();
        dataset = img != null && img.dataset() != null ? img.dataset() : AppContext.MNIST;
        AppContext.ActiveModel m = ctx.models().get(dataset);
        String problem = SaliencyViewModel.problem(img, m);
        if (problem != null) {
            message.setText(I18n.get(problem));
            SideColumn.show(message, true);
            return;
        }
        SideColumn.show(message, false);
        image = img.pixels().clone();
        source.setText(I18n.get("saliency.source", img.source(), m.description()));
        SideColumn.show(busy, true);
        vm.submit(m.network(), image, cls, versus);
    }

    // ------------------------------------------------------------------------------------------------ building

    private void build() {
        page = new ConceptPage("saliency.title", "saliency.explanation", Attribution.PATCH);
        page.setId("saliency-view");
        canvas = new ThemedCanvas(FG, MUTED, BG, ACCENT, BORDER);
        canvas.setId("saliency-canvas");
        canvas.setPrefSize(700, 500);
        canvas.setMinSize(200, 200);
        canvas.setPainter(this::paint);
        canvas.setOnMouseClicked(e -> {
            Method m = smallPanelAt(canvas.getWidth(), canvas.getHeight(), e.getX(), e.getY());
            if (m != null) applyState(Map.of("method", m.name().toLowerCase(java.util.Locale.ROOT)));
        });
        source.getStyleClass().add("concept-caption");
        source.setWrapText(true);
        source.setId("saliency-source");
        VBox center = new VBox(6, source, canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        page.setContent(center);

        message.getStyleClass().add("concept-warning");
        message.setWrapText(true);
        message.setId("saliency-message");
        SideColumn.show(message, false);
        busy.textProperty().bind(I18n.bind("saliency.busy"));
        busy.getStyleClass().add("concept-caption");
        busy.setId("saliency-busy");
        busy.setWrapText(true);
        busy.setMinHeight(Region.USE_PREF_SIZE);
        for (Label l : List.of(reading, numbers)) {
            l.getStyleClass().add("concept-detail");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        reading.setId("saliency-reading");
        numbers.setId("saliency-numbers");

        saliencyButton = new ToggleButton();
        saliencyButton.textProperty().bind(I18n.bind("saliency.method.saliency"));
        saliencyButton.setId("saliency-method-saliency");
        occlusionButton = new ToggleButton();
        occlusionButton.textProperty().bind(I18n.bind("saliency.method.occlusion"));
        occlusionButton.setId("saliency-method-occlusion");
        for (ToggleButton b : List.of(saliencyButton, occlusionButton)) {
            b.setToggleGroup(methodGroup);
            b.setWrapText(true);
            // one under the other, each as wide as the column: a long name wraps instead of widening the column
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinWidth(0);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            b.setOnAction(e -> {
                if (!b.isSelected()) { b.setSelected(true); return; }
                applyState(Map.of("method", b == saliencyButton ? "saliency" : "occlusion"));
            });
        }
        VBox methods = new VBox(6, saliencyButton, occlusionButton);

        predictedButton = new ToggleButton();
        predictedButton.textProperty().bind(I18n.bind("saliency.class.predicted"));
        predictedButton.setId("saliency-class-predicted");
        predictedButton.setToggleGroup(classGroup);
        predictedButton.setOnAction(e -> {
            if (!predictedButton.isSelected()) { predictedButton.setSelected(true); return; }
            applyState(Map.of("class", "predicted", "versus", "none"));
        });
        classButtons.getChildren().add(predictedButton);
        for (int k = 0; k < 10; k++) {
            int c = k;
            ToggleButton b = new ToggleButton(String.valueOf(k));
            b.setId("saliency-class-" + k);
            b.setToggleGroup(classGroup);
            b.setOnAction(e -> {
                if (!b.isSelected()) { b.setSelected(true); return; }
                applyState(versus == c ? Map.of("class", String.valueOf(c), "versus", "none") : Map.of("class", String.valueOf(c)));
            });
            classButtons.getChildren().add(b);
        }
        versusBox = new ComboBox<>();
        versusBox.setId("saliency-versus");
        versusBox.setOnAction(e -> {
            if (syncing) return;
            int i = versusBox.getSelectionModel().getSelectedIndex();
            int chosen = vm.saliencyProperty().get() != null ? vm.saliencyProperty().get().cls() : cls;
            if (i - 1 == chosen) { syncControls(); return; }
            applyState(Map.of("versus", i <= 0 ? "none" : String.valueOf(i - 1)));
        });
        bars.setId("saliency-probabilities");

        page.side().getChildren().addAll(message,
                SideColumn.card("saliency.method", methods),
                SideColumn.card("saliency.class", new VBox(8, classButtons, SideColumn.stacked("saliency.versus", versusBox))),
                reading, numbers, busy,
                SideColumn.card("saliency.probabilities", bars));
        I18n.onChange(page, () -> { syncControls(); recompute(); });
        syncControls();
    }

    private String className(int c) {
        try {
            String name = I18n.get(DatasetKind.ofId(dataset).classKey(c));
            return name.equals(String.valueOf(c)) ? name : c + " " + name;
        } catch (RuntimeException e) {
            return String.valueOf(c);
        }
    }

    private void syncControls() {
        if (page == null) return;
        syncing = true;
        saliencyButton.setSelected(method == Method.SALIENCY);
        occlusionButton.setSelected(method == Method.OCCLUSION);
        predictedButton.setSelected(cls < 0);
        for (int k = 0; k < 10; k++) ((ToggleButton) classButtons.getChildren().get(k + 1)).setSelected(cls == k);
        List<String> items = new java.util.ArrayList<>();
        items.add(I18n.get("saliency.versus.none"));
        for (int k = 0; k < 10; k++) items.add(className(k));
        if (!versusBox.getItems().equals(items)) versusBox.getItems().setAll(items);
        versusBox.getSelectionModel().select(versus + 1);
        syncing = false;
    }

    // ------------------------------------------------------------------------------------------------ showing

    private String target(int c, int v) {
        return v >= 0 ? I18n.get("saliency.target.versus", className(c), className(v)) : I18n.get("saliency.target", className(c));
    }

    private void refresh() {
        if (page == null) return;
        SaliencyViewModel.SaliencyResult s = vm.saliencyProperty().get();
        SaliencyViewModel.OcclusionResult o = vm.occlusionProperty().get();
        boolean occlusionCurrent = vm.occlusionCurrent();
        SideColumn.show(busy, !occlusionCurrent);
        if (s != null) {
            String prefix = DatasetKind.ofId(dataset).classKey(0).replaceAll("\\d+$", "");
            if (!prefix.equals(barsPrefix)) {
                bars.setClasses(s.probabilities().length, prefix);
                barsPrefix = prefix;
            }
            bars.setProbabilities(s.probabilities());
            int v = s.request().versus() == s.cls() ? -1 : s.request().versus();
            String t = target(s.cls(), v);
            reading.setText(method == Method.SALIENCY ? I18n.get("saliency.reading.saliency", t)
                    : I18n.get("saliency.reading.occlusion", t, Attribution.PATCH));
            if (method == Method.SALIENCY) {
                float scale = ColorMap.SIGNED.scaleOf(s.map(), 0, s.map().length);
                numbers.setText(I18n.get("saliency.numbers.saliency", Decimals.of(scale), className(s.cls()),
                        Decimals.of(s.probabilities()[s.cls()])));
            } else if (occlusionCurrent) {
                Attribution.Occlusion oc = o.occlusion();
                numbers.setText(I18n.get(v >= 0 ? "saliency.numbers.occlusion.versus" : "saliency.numbers.occlusion",
                        oc.largestY(), oc.largestX(), Decimals.of(oc.largest()), Decimals.of(oc.baseProbability()),
                        Decimals.of(oc.probabilityThere()), t, oc.positions()));
            } else {
                numbers.setText("");
            }
        }
        canvas.repaint();
    }

    /** Where the panels go: the large one on the left, three small ones (image, saliency, occlusion) to its right. */
    private record Geometry(double bigX, double bigY, double big, double smallX, double smallY, double small, double gap) {}

    private Geometry geometry(double w, double h) {
        double font = canvas.fontSize(), pad = 6;
        double top = pad + font * 1.8;
        double small = Math.max(40, Math.min((h - top - pad) / 3 - font * 2, w * 0.22));
        double big = Math.max(60, Math.min(h - top - pad - font * 1.5, w - small - font * 3 - 2 * pad));
        return new Geometry(pad, top, big, pad + big + font * 2, top, small, font * 2);
    }

    private Method smallPanelAt(double w, double h, double x, double y) {
        Geometry g = geometry(w, h);
        if (x < g.smallX() || x > g.smallX() + g.small()) return null;
        for (int i = 1; i < 3; i++) {
            double y0 = g.smallY() + i * (g.small() + g.gap());
            if (y >= y0 && y < y0 + g.small()) return i == 1 ? Method.SALIENCY : Method.OCCLUSION;
        }
        return null;
    }

    /** Canvas position of the small panel of a method (for tests that click it). */
    public javafx.geometry.Point2D smallPanelCentre(Method m) {
        Geometry g = geometry(canvas.getWidth(), canvas.getHeight());
        int i = m == Method.SALIENCY ? 1 : 2;
        return new javafx.geometry.Point2D(g.smallX() + g.small() / 2, g.smallY() + i * (g.small() + g.gap()) + g.small() / 2);
    }

    private void paint(GraphicsContext g, double w, double h) {
        SaliencyViewModel.SaliencyResult s = vm.saliencyProperty().get();
        if (s == null || image == null) return;
        SaliencyViewModel.OcclusionResult o = vm.occlusionProperty().get();
        boolean occlusionCurrent = vm.occlusionCurrent();
        int side = (int) Math.round(Math.sqrt(image.length));
        Geometry geo = geometry(w, h);
        double font = canvas.fontSize();
        g.setImageSmoothing(false);
        Image gray = MapImages.render(image, 0, side, side, ColorMap.GRAY, 1f);
        Image sal = MapImages.render(s.map(), 0, side, side, ColorMap.SIGNED);
        Image occ = occlusionCurrent ? MapImages.render(o.occlusion().map(), 0, side, side, ColorMap.SIGNED) : null;

        // the large panel: the chosen map (white = no effect), with the image's strokes laid over it in translucent grey
        int v = s.request().versus() == s.cls() ? -1 : s.request().versus();
        g.setFont(canvas.font(1.0));
        g.setFill(canvas.color(FG));
        g.setTextAlign(TextAlignment.LEFT);
        String title = method == Method.SALIENCY ? I18n.get("saliency.canvas.saliency", target(s.cls(), v))
                : I18n.get("saliency.canvas.occlusion", target(s.cls(), v));
        g.fillText(title, geo.bigX(), geo.bigY() - font * 0.6, geo.big());
        Image big = method == Method.SALIENCY ? sal : occ;
        double cell = geo.big() / side;
        if (big != null) {
            g.drawImage(big, geo.bigX(), geo.bigY(), geo.big(), geo.big());
            g.setFill(javafx.scene.paint.Color.rgb(40, 40, 40));
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++) {
                    float ink = image[y * side + x];
                    if (ink < 0.05f) continue;
                    g.setGlobalAlpha(0.45 * Math.min(1f, ink));
                    g.fillRect(geo.bigX() + x * cell, geo.bigY() + y * cell, cell + 0.5, cell + 0.5);
                }
            g.setGlobalAlpha(1);
            if (method == Method.OCCLUSION) { // the patch that costs most
                Attribution.Occlusion oc = o.occlusion();
                g.setStroke(canvas.color(ACCENT));
                g.setLineWidth(3);
                g.setLineDashes(6, 4);
                g.strokeRect(geo.bigX() + oc.largestX() * cell, geo.bigY() + oc.largestY() * cell,
                        Attribution.PATCH * cell, Attribution.PATCH * cell);
                g.setLineDashes();
            }
        } else {
            g.drawImage(gray, geo.bigX(), geo.bigY(), geo.big(), geo.big());
            g.setFill(canvas.color(BG));
            g.fillText(I18n.get("saliency.busy"), geo.bigX() + font, geo.bigY() + geo.big() / 2, geo.big() - 2 * font);
        }
        g.setStroke(canvas.color(BORDER));
        g.setLineWidth(1);
        g.strokeRect(geo.bigX(), geo.bigY(), geo.big(), geo.big());

        // the small panels: the image and both maps on their own
        String[] captions = {I18n.get("saliency.small.image"), I18n.get("saliency.small.saliency"), I18n.get("saliency.small.occlusion")};
        Image[] images = {gray, sal, occ};
        g.setFont(canvas.font(0.85));
        for (int i = 0; i < 3; i++) {
            double y0 = geo.smallY() + i * (geo.small() + geo.gap());
            g.setFill(canvas.color(FG));
            g.fillText(captions[i], geo.smallX(), y0 - font * 0.4, w - geo.smallX() - 4);
            if (images[i] != null) g.drawImage(images[i], geo.smallX(), y0, geo.small(), geo.small());
            boolean chosen = i == 1 && method == Method.SALIENCY || i == 2 && method == Method.OCCLUSION;
            g.setStroke(canvas.color(chosen ? ACCENT : BORDER));
            g.setLineWidth(chosen ? 3 : 1);
            g.strokeRect(geo.smallX(), y0, geo.small(), geo.small());
        }
    }
}
