package org.convscope.app.sharing;

import java.util.List;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.ConceptPage;
import org.convscope.app.common.ExportPanel;
import org.convscope.app.common.ThemedCanvas;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Local connection and weight sharing (concepts.md section 7): the notes' 1-D toy drawn three ways side by side,
 * connections coloured by weight (the shared layer's w1 blue and w2 green visibly repeat), and the same three
 * wirings counted for a real LeNet-5 convolution.
 */
public final class WeightSharingView implements ConceptView {

    private ExportPanel export;

    private static final String FG = "-color-fg-default", MUTED = "-color-fg-muted", BG = "-color-bg-default",
            W1 = "-color-accent-emphasis", W2 = "-color-success-emphasis", BORDER = "-color-border-default";

    private final WeightSharingViewModel model = new WeightSharingViewModel();
    private ConceptPage page;
    private final Label[] realWeights = new Label[3], realBiases = new Label[3], realTotals = new Label[3];
    private final Label ratioLocal = new Label(), ratioFull = new Label(), layerShapes = new Label();

    private final AppContext ctx;

    public WeightSharingView(AppContext ctx) { this.ctx = ctx; }

    /** "Save PNG" of this view (tests point it at a folder). */
    public ExportPanel export() { return export; }

    @Override public String id() { return "sharing"; }
    @Override public String titleKey() { return "sharing.nav"; }
    @Override public Ikon icon() { return Material2MZ.SHARE; }

    @Override
    public Node node() {
        if (page == null) build();
        return page;
    }

    public WeightSharingViewModel model() { return model; }

    /** The colour a connection with this weight number is drawn in (for tests that look at the drawing). */
    public Color colourOf(Wiring w, int weight) {
        ThemedCanvas c = (ThemedCanvas) page.lookup("#sharing-toy-canvas-" + w.name().toLowerCase());
        int distinct = (int) model.toy().connections(w).stream().mapToInt(LayerWiring.Connection::weight).distinct().count();
        return weightColour(c, w, weight, distinct);
    }

    private void build() {
        page = new ConceptPage("sharing.title", "sharing.explanation");
        page.setId("sharing-view");

        HBox toys = new HBox(16);
        for (Wiring w : Wiring.values()) toys.getChildren().add(toyPanel(w));
        toys.setPrefHeight(380);

        Label toyHeading = ConceptPage.text("sharing.toy.heading", "concept-heading"),
                realHeading = ConceptPage.text("sharing.real.heading", "concept-heading");
        for (Label l : new Label[] {toyHeading, realHeading}) {
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        VBox content = new VBox(18, toyHeading, toys, playControls(), realHeading, layerChooser(), realTable());
        layerShapes.getStyleClass().add("concept-detail");
        layerShapes.setId("sharing-real-shapes");
        VBox.setVgrow(toys, Priority.ALWAYS);
        page.setScrollingContent(content, "sharing-scroll"); // the toys and the real layer's table: taller than 800 px

        // the current frame as PNG (for slides and handouts)
        export = new ExportPanel("sharing", "convscope-sharing", page, null, ctx.services().background());
        page.side().getChildren().addAll(
                ConceptPage.numberCard("sharing.ratio.local", ratioLocal, "sharing-ratio-local"),
                ConceptPage.numberCard("sharing.ratio.full", ratioFull, "sharing-ratio-full"),
                ConceptPage.text("sharing.legend", "concept-detail"),
                ConceptPage.text("sharing.biases.note", "concept-detail"),
                ConceptPage.text("sharing.padding.note", "concept-detail"), export);
        I18n.onChange(page, () -> refreshReal());
        refreshReal();
    }

    private ThemedCanvas sharedCanvas;
    private final Label formula = new Label();

    /**
     * The shared toy can be played with: a slider moves the shared pair (w1, w2) along the six inputs, two spinners
     * change w1 and w2, and every connection of the shared drawing follows (thickness = |weight|, dashed = negative),
     * with each output's sum and the current one written out.
     * Ids: #sharing-position, #sharing-w1, #sharing-w2, #sharing-formula.
     */
    private Node playControls() {
        javafx.scene.control.Slider position = new javafx.scene.control.Slider(1, model.toy().output().w(), model.position() + 1);
        position.setId("sharing-position");
        position.setMajorTickUnit(1);
        position.setMinorTickCount(0);
        position.setSnapToTicks(true);
        position.setShowTickMarks(true);
        position.setShowTickLabels(true);
        position.setPrefWidth(220);
        position.valueProperty().addListener((o, a, b) -> {
            int p = (int) Math.round(b.doubleValue()) - 1;
            if (p != model.position()) { model.setPosition(p); played(); }
        });
        HBox row = new HBox(18, org.convscope.app.common.SideColumn.row("sharing.play.position", position),
                org.convscope.app.common.SideColumn.row("sharing.play.w1", weightSpinner(0)), org.convscope.app.common.SideColumn.row("sharing.play.w2", weightSpinner(1)));
        row.setAlignment(Pos.CENTER_LEFT);
        formula.setId("sharing-formula");
        formula.getStyleClass().add("concept-formula");
        formula.setWrapText(true);
        formula.setText(model.formula());
        Label hint = ConceptPage.text("sharing.play.hint", "concept-caption");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(8, hint, row, formula);
        box.getStyleClass().add("concept-card");
        return box;
    }

    private javafx.scene.control.Spinner<Double> weightSpinner(int index) {
        double limit = WeightSharingViewModel.WEIGHT_LIMIT;
        var spinner = new javafx.scene.control.Spinner<Double>(-limit, limit, model.weight(index), 0.1);
        spinner.setId("sharing-w" + (index + 1));
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.valueProperty().addListener((o, a, b) -> {
            if (b == null) return;
            model.setWeight(index, Math.round(Math.clamp(b, -limit, limit) * 100) / 100.0);
            played();
        });
        return spinner;
    }

    private void played() {
        formula.setText(model.formula());
        if (sharedCanvas != null) sharedCanvas.repaint();
    }

    /** One of the three toy layers: title, drawing, count. */
    private Node toyPanel(Wiring w) {
        LayerWiring toy = model.toy();
        String key = w.name().toLowerCase();
        Label title = ConceptPage.text("sharing.wiring." + key, "concept-heading");
        ThemedCanvas canvas = new ThemedCanvas(FG, MUTED, BG, W1, W2, BORDER);
        canvas.setId("sharing-toy-canvas-" + key);
        canvas.setPainter((g, width, height) -> paintToy(canvas, g, width, height, toy, w));
        if (w == Wiring.SHARED) sharedCanvas = canvas;
        canvas.setPrefSize(420, 300);
        canvas.setMinHeight(200);
        Label count = new Label();
        count.setId("sharing-toy-" + key);
        count.getStyleClass().add("concept-formula");
        count.setWrapText(true);
        count.textProperty().bind(I18n.bind("sharing.toy.count", toy.weights(w), toy.biases(w)));
        Label distinct = new Label();
        distinct.getStyleClass().add("concept-caption");
        distinct.setWrapText(true);
        distinct.textProperty().bind(I18n.bind("sharing.toy.connections", toy.connections(w).size(),
                toy.connections(w).stream().mapToInt(LayerWiring.Connection::weight).distinct().count()));
        // the texts keep their height (the canvas gives way) so that a narrow window wraps them instead of '…'
        for (Label l : new Label[] {count, distinct}) l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(6, title, canvas, count, distinct);
        box.getStyleClass().add("concept-card");
        VBox.setVgrow(canvas, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /**
     * Inputs x1..x6 (plus the zero padding) on the bottom row, outputs h1..h6 on top, one line per connection.
     * Colour = weight: the shared layer uses exactly two colours (w1, w2); the others give every weight its own hue.
     */
    private void paintToy(ThemedCanvas c, GraphicsContext g, double width, double height, LayerWiring toy, Wiring w) {
        int n = toy.input().w(), m = toy.output().w(), pad = toy.padRight();
        int slots = n + pad;
        double r = Math.min(c.fontSize() * 1.25, Math.min(width / (slots * 2.5), height / 9));
        double left = r + 8, step = (width - 2 * left) / Math.max(1, slots - 1);
        boolean play = w == Wiring.SHARED; // the playable one: values under the inputs, sums over the outputs
        double yOut = r + 6 + c.fontSize() * (play ? 2.2 : 1), yIn = height - r - 6 - (play ? c.fontSize() * 1.3 : 0);
        List<LayerWiring.Connection> edges = toy.connections(w);
        long distinct = edges.stream().mapToInt(LayerWiring.Connection::weight).distinct().count();

        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(w == Wiring.FULL ? 2 : 4);
        double largest = play ? Math.max(1e-9, Math.max(Math.abs(model.w1()), Math.abs(model.w2()))) : 1;
        for (LayerWiring.Connection e : edges) {
            double x0 = left + e.output() * step, x1 = left + e.input() * step;
            Color colour = weightColour(c, w, e.weight(), (int) distinct);
            if (play) {
                // thickness follows |weight|, a negative weight is dashed; the pair at the chosen position stands out
                double v = model.weight(e.weight());
                g.setLineWidth(1 + 6 * Math.abs(v) / largest);
                if (e.output() != model.position()) colour = colour.deriveColor(0, 1, 1, 0.35);
                if (v < 0) g.setLineDashes(10, 6); else if (e.padding()) g.setLineDashes(3, 6); else g.setLineDashes();
            } else if (e.padding()) g.setLineDashes(8, 6); else g.setLineDashes();
            g.setStroke(colour);
            g.strokeLine(x0, yOut + r, x1, yIn - r);
        }
        g.setLineDashes();
        g.setLineWidth(4);
        // weight names on the local and shared edges, a third of the way down from each output
        if (w != Wiring.FULL) {
            // with their values (the playable toy) the names are numbers a lesson reads out: the theme's number size
            Font wf = play ? c.numberFont(0.8) : c.font(0.8);
            double k = wf.getSize() / (0.8 * c.fontSize());
            g.setFont(wf);
            g.setTextAlign(TextAlignment.CENTER);
            for (LayerWiring.Connection e : edges) {
                double x0 = left + e.output() * step, x1 = left + e.input() * step;
                // the k-th connection of every output is labelled at the same height, different heights per k
                int tap = e.input() - (e.output() * toy.stride() - toy.padLeft());
                double t = 0.25 + 0.45 * tap / Math.max(1, toy.kernelW() - 1);
                double x = x0 + (x1 - x0) * t, y = yOut + r + (yIn - yOut - 2 * r) * t;
                String name = "w" + (e.weight() + 1);
                if (play && e.output() != model.position()) continue; // the values once, at the chosen position
                if (play) name += " = " + WeightSharingViewModel.number(model.weight(e.weight()), false);
                g.setFill(c.color(BG));
                double tw = k * (play ? c.fontSize() * (0.6 * name.length() + 0.5) : c.fontSize() * (name.length() > 2 ? 1.75 : 1.25));
                // kept inside the panel: at the first position "w1 = 1" hung over the left edge as "1 = 1" (1280x800)
                x = Math.clamp(x, Math.min(tw / 2 + 2, width / 2), Math.max(width - tw / 2 - 2, width / 2));
                g.fillRoundRect(x - tw / 2, y - k * c.fontSize() * 0.55, tw, k * c.fontSize() * 1.05, 6, 6);
                g.setFill(weightColour(c, w, e.weight(), (int) distinct));
                g.fillText(name, x, y + k * c.fontSize() * 0.33);
            }
        }
        // the names inside the circles: as large as the theme's type, but no wider than a circle (in a narrow panel
        // at 1280x800 the projector theme's 19 px names ran into each other: "h1h2h3h4h5h6")
        double labelScale = Math.min(1.0, 1.6 * r / c.fontSize());
        g.setFont(c.font(labelScale));
        g.setTextAlign(TextAlignment.CENTER);
        double baseline = c.fontSize() * labelScale * 0.35;
        // the fully connected layer never reads the padding, so its slot stays empty (the panels keep the same layout)
        int drawn = w == Wiring.FULL ? n : slots;
        for (int i = 0; i < drawn; i++) node(c, g, left + i * step, yIn, r, i < n ? "x" + (i + 1) : "0", i >= n, baseline);
        for (int o = 0; o < m; o++) node(c, g, left + o * step, yOut, r, "h" + (o + 1), false, baseline);
        if (play) {
            g.setFont(c.numberFont(0.85));
            g.setFill(c.color(MUTED));
            for (int i = 0; i < n; i++) g.fillText(WeightSharingViewModel.number(model.input(i), false), left + i * step, yIn + r + c.fontSize() * 1.1);
            for (int o = 0; o < m; o++) {
                g.setFill(o == model.position() ? c.color(FG) : c.color(MUTED));
                g.fillText(WeightSharingViewModel.number(model.output(o), false), left + o * step, yOut - r - c.fontSize() * 0.35);
            }
        }
    }

    private static void node(ThemedCanvas c, GraphicsContext g, double x, double y, double r, String text, boolean padding, double baseline) {
        g.setFill(c.color(BG));
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(padding ? c.color(MUTED) : c.color(FG));
        g.setLineWidth(2.5);
        if (padding) g.setLineDashes(5, 4);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setLineDashes();
        g.setFill(padding ? c.color(MUTED) : c.color(FG));
        g.fillText(text, x, y + baseline);
    }

    /**
     * Shared: w1 the theme's accent (blue), w2 its success colour (green), as in the notes. Unshared: one hue per
     * weight, spread around the colour wheel starting from the accent so that no two weights look alike.
     */
    private static Color weightColour(ThemedCanvas c, Wiring w, int weight, int distinct) {
        if (w == Wiring.SHARED) return weight == 0 ? c.color(W1) : c.color(W2);
        Color base = c.color(W1);
        return Color.hsb(base.getHue() + 360.0 * weight / distinct, Math.max(0.55, base.getSaturation()),
                Math.max(0.6, base.getBrightness()));
    }

    private Node layerChooser() {
        ToggleGroup group = new ToggleGroup();
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(8, 8); // wraps in a narrow window
        var layers = model.realLayers();
        for (int i = 0; i < layers.size(); i++) {
            var l = layers.get(i);
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(I18n.bind("sharing.real.layer", l.name(), l.wiring().input().toString(), l.wiring().output().toString()));
            b.setId("sharing-layer-" + l.name());
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setToggleGroup(group);
            b.setSelected(i == model.selectedIndex());
            int index = i;
            b.setOnAction(e -> {
                if (!b.isSelected()) { b.setSelected(true); return; } // one layer is always chosen
                model.select(index);
                refreshReal();
            });
            box.getChildren().add(b);
        }
        box.getChildren().add(layerShapes);
        layerShapes.setWrapText(true);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * For each wiring a line with its name, and under it: weights (formula) | biases | total. The name on a line of
     * its own leaves the product the width of the card (at 1280 x 800 in the projector theme four columns squeezed
     * it to a few pixels); a long product still wraps at its spaces.
     */
    private Node realTable() {
        GridPane grid = new GridPane();
        grid.setHgap(28);
        grid.setVgap(6);
        grid.getStyleClass().add("concept-card");
        String[] heads = {"sharing.col.weights", "sharing.col.biases", "sharing.col.total"};
        // biases: one per output unit for the full and local layers, one per output channel for the shared one
        for (int c = 0; c < heads.length; c++) {
            Label head = ConceptPage.text(heads[c], "concept-caption");
            head.setWrapText(true);
            head.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            head.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(head, c, 0);
        }
        for (Wiring w : Wiring.values()) {
            int row = 2 * w.ordinal() + 1;
            String key = w.name().toLowerCase();
            Label name = ConceptPage.text("sharing.wiring." + key, "concept-heading");
            name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            GridPane.setMargin(name, new javafx.geometry.Insets(w.ordinal() == 0 ? 0 : 8, 0, 0, 0));
            grid.add(name, 0, row, 3, 1);
            realWeights[w.ordinal()] = cell("sharing-real-weights-" + key, "concept-formula");
            realBiases[w.ordinal()] = cell("sharing-real-biases-" + key, "concept-formula");
            realTotals[w.ordinal()] = cell("sharing-real-total-" + key, "concept-number");
            grid.add(realWeights[w.ordinal()], 0, row + 1);
            grid.add(realBiases[w.ordinal()], 1, row + 1);
            grid.add(realTotals[w.ordinal()], 2, row + 1);
        }
        ColumnConstraints weights = new ColumnConstraints();
        weights.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(weights, new ColumnConstraints(), right);
        return grid;
    }

    private static Label cell(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        if (id.contains("-weights-")) {
            l.setWrapText(true); // a long product wraps at its spaces ("16×6×10×10×5×5 =" / "240,000") instead of '…'
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        } else {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a number is never cut or broken
        }
        return l;
    }

    private void refreshReal() {
        if (page == null) return;
        LayerWiring lw = model.selectedLayer().wiring();
        layerShapes.setText(I18n.get("sharing.real.shapes", group(lw.output().size()), lw.kernelH() + "×" + lw.kernelW()));
        for (Wiring w : Wiring.values()) {
            realWeights[w.ordinal()].setText(lw.weightProduct(w) + " = " + group(lw.weights(w)));
            realBiases[w.ordinal()].setText("+ " + group(lw.biases(w)));
            realTotals[w.ordinal()].setText(group(lw.parameters(w)));
        }
        ratioLocal.setText(I18n.get("sharing.ratio.times", group(Math.round(model.ratio(Wiring.LOCAL, Wiring.SHARED)))));
        ratioFull.setText(I18n.get("sharing.ratio.times", group(Math.round(model.ratio(Wiring.FULL, Wiring.SHARED)))));
    }

    private static String group(long v) { return LayerWiring.group(v); }
}
