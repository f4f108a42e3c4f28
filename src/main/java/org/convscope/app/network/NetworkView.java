package org.convscope.app.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.ColorMap;
import org.convscope.app.common.MapImages;
import org.convscope.app.common.ProbabilityBars;
import org.convscope.app.common.VolumeCanvas;
import org.convscope.app.network.NetworkLayout.Column;
import org.convscope.app.network.NetworkLayout.Kind;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Trace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Every layer's response to the current image, left to right (see {@link NetworkLayout}); each feature map is a
 * picture whose brightness is its value. Hover a map or a unit to read its value; click a feature map to select it
 * (and open the convolution view when the app has one). Hovering a unit also outlines its {@link ReceptiveField} in
 * every earlier layer, down to the input pixels. All of it is one row fitted to the window (see {@link #fitColumns()}):
 * each layer's maps as large as its column and the height allow, the vectors stacked at the right.
 * Below: the translation-invariance experiment, one band whose plot opens with #net-plot-toggle.
 * Test ids: #net-columns, #net-col-N (N = layer index, "input", "softmax"), #net-map-L-C (layer L, channel C),
 * #net-field-L-C (the outline on that map, visible while it is in the hovered unit's field), #net-more-L ("+k more")
 * and #net-all-maps / #net-all-L-C (every map of layer L in a pop-over), #net-hover, #net-left/right/up/down,
 * #net-rotate-left/right, #net-reset, #net-shift, #net-plot, #net-plot-toggle, #net-summary.
 */
public final class NetworkView implements ConceptView {

    /** The id of the convolution (kernel sliding) view, opened when a feature map is clicked. */
    public static final String KERNEL_VIEW = "kernel";
    /** Pixels between maps in a column, and between columns. */
    private static final double GAP = 4, COL_GAP = 6;
    /** Screen pixels per feature-map pixel: at most MAX_SCALE (larger only blurs the lesson). */
    static final double MAX_SCALE = 8;
    /**
     * A map drawn smaller than this (px a side) is hard to read from the back of a room: a column whose maps would
     * all be smaller shows its first maps larger instead, with "+k more" (a click shows them all).
     */
    static final double MIN_MAP_PX = 36;
    /** The width of a vertical scroll bar, kept free at the right of the row. */
    private static final double SCROLL_BAR = 14;

    private final AppContext ctx;
    private final NetworkViewModel vm;
    private BorderPane root;
    /**
     * One row, left to right: the input and every layer with feature maps as columns, then {@link #tail}. Each
     * column's maps are as large as the row's width and the view's height allow (a column of many maps gets
     * smaller ones); the row is never wider than the view when the layers' names and shapes fit at all.
     */
    private final HBox columnsBox = new HBox(COL_GAP);
    /** The vectors, right of the maps, top to bottom: flatten, dense layers and scores as strips, then the softmax. */
    private final VBox tail = new VBox(3);
    private final Label hover = new Label();
    private final Label title = new Label(), inputInfo = new Label(), empty = new Label();
    private final InvariancePlot plot = new InvariancePlot();
    private final Label shiftLabel = new Label(), summary = new Label();
    private final List<ColumnView> columns = new ArrayList<>();
    private ModelSpec builtFor;
    /** The scroll pane's viewport: the room the row of columns is fitted into. */
    private double availableWidth = 1200, viewportHeight = 600;

    public NetworkView(AppContext ctx) {
        this(ctx, new NetworkViewModel(ctx, ctx.services().background(), Platform::runLater));
    }

    public NetworkView(AppContext ctx, NetworkViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
    }

    @Override public java.util.Set<String> stateKeys() { return java.util.Set.of("dx", "dy", "degrees", "unit"); }

    @Override public java.util.Map<String, String> captureState() {
        InputShift sh = vm.shiftProperty().get();
        var m = new java.util.HashMap<String, String>(java.util.Map.of("dx", Integer.toString(sh.dx()),
                "dy", Integer.toString(sh.dy()), "degrees", Integer.toString((int) Math.round(sh.degrees()))));
        if (!unit.isEmpty()) m.put("unit", unit); // only when a unit is outlined: a plain capture stays as it was
        return java.util.Map.copyOf(m);
    }

    /**
     * The unit whose receptive field is outlined, "layer:channel:y:x" (e.g. "conv2:3:4:5", channel from 1 as on
     * screen; "" none): set by a lesson, kept until the mouse passes over a map.
     */
    private String unit = "";

    /** Outlines a unit's receptive field as if hovered, from its "layer:channel:y:x" (checked against the model). */
    private void applyUnit(String u) {
        if (u.isEmpty()) { unit = ""; showField(null); hover.setText(" "); return; }
        var m = vm.modelProperty().get();
        if (m == null) throw new IllegalArgumentException("unit: there is no model to show a unit of yet");
        ModelSpec spec = m.network().spec();
        String[] p = u.split(":");
        if (p.length != 4) throw new IllegalArgumentException("unit: \"" + u + "\" is not layer:channel:y:x (e.g. conv2:3:4:5)");
        List<String> names = org.convscope.app.lesson.LessonFacts.layerNames(spec);
        int layer = names.indexOf(p[0]);
        if (layer < 0) throw new IllegalArgumentException("unit: the model has no layer '" + p[0] + "' (it has "
                + String.join(", ", names) + ")");
        var sh = spec.shapes().get(layer);
        if (sh.isVector()) throw new IllegalArgumentException("unit: " + p[0] + " has no feature maps; choose a layer with maps");
        int ch, y, x;
        try {
            ch = Integer.parseInt(p[1]);
            y = Integer.parseInt(p[2]);
            x = Integer.parseInt(p[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unit: \"" + u + "\": channel, y and x must be whole numbers");
        }
        if (ch < 1 || ch > sh.c() || y < 0 || y >= sh.h() || x < 0 || x >= sh.w())
            throw new IllegalArgumentException("unit: " + p[0] + " has channels 1.." + sh.c() + ", y 0.." + (sh.h() - 1)
                    + ", x 0.." + (sh.w() - 1));
        unit = u;
        var field = ReceptiveField.ofMapUnit(spec, layer, ch - 1, x, y);
        showField(field);
        hover.setText(I18n.get("network.unit", p[0], ch, y, x) + fieldText(field));
    }

    /** "dx", "dy": the input shifted by that many pixels (right, down; -8..8); "degrees": rotated (-45..45). */
    @Override public void applyState(java.util.Map<String, String> state) {
        InputShift sh = vm.shiftProperty().get();
        Integer dx = org.convscope.app.ViewState.intIn(state, "dx", -InputShift.MAX_SHIFT, InputShift.MAX_SHIFT);
        Integer dy = org.convscope.app.ViewState.intIn(state, "dy", -InputShift.MAX_SHIFT, InputShift.MAX_SHIFT);
        Integer deg = org.convscope.app.ViewState.intIn(state, "degrees", -(int) InputShift.MAX_DEGREES, (int) InputShift.MAX_DEGREES);
        vm.shiftProperty().set(new InputShift(dx == null ? sh.dx() : dx, dy == null ? sh.dy() : dy,
                deg == null ? sh.degrees() : deg));
        if (state.containsKey("unit")) {
            if (root == null) build(); // the outlines live in the columns
            if (builtFor == null && vm.modelProperty().get() != null) rebuild(vm.modelProperty().get().network().spec());
            applyUnit(state.get("unit").trim());
        }
    }

    @Override public String id() { return "network"; }
    @Override public String titleKey() { return "network.nav"; }
    @Override public Ikon icon() { return Material2AL.DEVICE_HUB; }
    public NetworkViewModel model() { return vm; }

    @Override public Node node() {
        if (root == null) build();
        return root;
    }

    @Override public void onShow() {
        node();
        vm.setShowing(true);
        Platform.runLater(root::requestFocus);
        if (ctx.currentImageProperty().get() == null) showFirstTestImage();
    }

    /** Nothing drawn or picked yet: start with the first MNIST test image rather than an empty view. */
    private void showFirstTestImage() {
        var kind = org.convscope.data.DatasetKind.MNIST;
        var split = org.convscope.data.Split.TEST;
        ctx.datasets().load(kind, split, d -> {
            if (ctx.currentImageProperty().get() != null || d.count() == 0) return;
            java.util.function.Supplier<String> source = () -> I18n.get("browser.image",
                    org.convscope.app.DatasetCache.name(new org.convscope.app.DatasetCache.Key(kind, split)), 0);
            ctx.currentImageProperty().set(AppContext.InputImage.localized(d.image(0), kind.id(), d.label(0), source));
        }, error -> { }); // the empty note stays; the browser reports dataset problems
    }

    @Override public void onHide() { vm.setShowing(false); }

    private void build() {
        root = new BorderPane();
        root.getStyleClass().add("network-view");
        root.getStylesheets().add(NetworkView.class.getResource("network.css").toExternalForm());

        title.getStyleClass().add("view-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            var m = vm.modelProperty().get();
            if (m == null) return I18n.get("network.title");
            return I18n.get("network.title.model", m.description(), I18n.get("dataset." + m.dataset()));
        }, vm.modelProperty(), I18n.localeProperty()));
        inputInfo.getStyleClass().add("input-info");
        inputInfo.textProperty().bind(Bindings.createStringBinding(this::inputText, vm.resultProperty(), vm.modelProperty(), I18n.localeProperty()));
        hover.setId("net-hover");
        hover.getStyleClass().add("hover-info");
        hover.setWrapText(true);
        hover.setText(" ");
        // the hover text takes the place of the hint while the pointer is over a map: a line less above the maps,
        // and the same height either way (the maps do not move under the pointer)
        inputInfo.setWrapText(true);
        inputInfo.visibleProperty().bind(Bindings.createBooleanBinding(() -> hover.getText() == null || hover.getText().isBlank(),
                hover.textProperty()));
        var info = new StackPane(inputInfo, hover) {
            @Override protected double computePrefHeight(double w) {
                double inner = w < 0 ? -1 : w - snappedLeftInset() - snappedRightInset();
                return snappedTopInset() + snappedBottomInset() + Math.max(inputInfo.prefHeight(inner), hover.getFont().getSize() * 2.6);
            }
        };
        hover.maxHeightProperty().bind(info.heightProperty());
        StackPane.setAlignment(inputInfo, Pos.TOP_LEFT);
        StackPane.setAlignment(hover, Pos.TOP_LEFT);
        title.setWrapText(true);
        var header = new VBox(2, title, info);
        header.setPadding(new Insets(8, 16, 2, 16));
        root.setTop(header);

        columnsBox.setId("net-columns");
        columnsBox.setAlignment(Pos.TOP_CENTER);
        columnsBox.setPadding(new Insets(4, 12, 4, 12));
        tail.getStyleClass().add("net-tail");
        tail.setFillWidth(true);
        empty.getStyleClass().add("empty-note");
        empty.setWrapText(true);
        empty.textProperty().bind(Bindings.createStringBinding(this::emptyText, vm.modelProperty(), vm.problemProperty(),
                ctx.currentImageProperty(), I18n.localeProperty()));
        var stack = new StackPane(columnsBox, empty);
        StackPane.setAlignment(columnsBox, Pos.TOP_LEFT);
        StackPane.setAlignment(empty, Pos.CENTER);
        var scroll = new ScrollPane(stack);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setFitToHeight(true);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        // the maps are sized to the room they have: refit when the viewport changes noticeably
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (Math.abs(b.getHeight() - viewportHeight) >= 2 || Math.abs(b.getWidth() - availableWidth) >= 2) {
                viewportHeight = b.getHeight();
                availableWidth = b.getWidth();
                fitColumns();
            }
        });
        root.setBottom(invariancePanel());

        vm.resultProperty().addListener((o, a, r) -> show(r));
        vm.curveProperty().addListener((o, a, c) -> { plot.setCurve(c); updateSummary(); });
        I18n.onChange(root, () -> { builtFor = null; show(vm.resultProperty().get()); updateSummary(); });
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // the arrow keys belong to the experiment: the view takes the keyboard focus when shown or clicked
        root.setFocusTraversable(true);
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> root.requestFocus());
        show(vm.resultProperty().get());
    }

    // ---- columns -----------------------------------------------------------------------------------------

    private void show(NetworkViewModel.Result r) {
        boolean has = r != null;
        empty.setVisible(!has);
        columnsBox.setVisible(has);
        if (!has) return;
        ModelSpec spec = r.trace().spec();
        boolean rebuilt = spec != builtFor;
        if (rebuilt) rebuild(spec);
        double tailBefore = tailWidth();
        for (ColumnView c : columns) c.update(r.trace());
        // new columns, or the softmax's class names changed (another dataset): the widths follow
        if (rebuilt || Math.abs(tailWidth() - tailBefore) > 0.5) fitColumns();
        updateSummary();
    }

    private void rebuild(ModelSpec spec) {
        builtFor = spec;
        columns.clear();
        for (Column c : NetworkLayout.of(spec)) {
            columns.add(switch (c.kind()) {
                case INPUT, MAPS -> new MapsColumn(c);
                case UNITS -> new UnitsColumn(c);
                case SCORES -> new ScoresColumn(c);
                case PROBABILITIES -> new ProbabilitiesColumn(c);
            });
        }
        // left to right in the order of the layers, the vectors stacked at the right; no arrows between them: every
        // pixel of width goes to the maps
        List<Node> row = new ArrayList<>(), vectors = new ArrayList<>();
        for (ColumnView c : columns) (c instanceof MapsColumn ? row : vectors).add(c.node);
        tail.getChildren().setAll(vectors);
        row.add(tail);
        columnsBox.getChildren().setAll(row);
        fitColumns();
    }

    /** The width the vectors at the right need: their names and shapes on one line, the softmax's class names. */
    private double tailWidth() {
        double w = 0;
        for (ColumnView c : columns) if (!(c instanceof MapsColumn)) w = Math.max(w, c.tailWidth());
        return Math.ceil(w);
    }

    /**
     * Fits the row to the viewport. The vectors at the right get what their names and numbers need; the map columns
     * share the rest: each at least as wide as its name and shape (so they are never shortened), at most as wide as
     * its maps can use at the height there is, the narrower ones first. Then each column draws its maps as large as
     * its width and the height allow: a column of 6 maps of 28 x 28 and one of 16 maps of 5 x 5 both fill their
     * room, so the deep layers are readable too (each map's shape is written under it).
     */
    private void fitColumns() {
        if (columns.isEmpty()) return;
        List<MapsColumn> maps = new ArrayList<>();
        for (ColumnView c : columns) if (c instanceof MapsColumn m) maps.add(m);
        if (columnsBox.getScene() == null) { // not shown yet: a first guess, fitted again once the viewport is known
            for (MapsColumn m : maps) m.layout(120, 300);
            return;
        }
        columnsBox.applyCss();
        Insets pad = columnsBox.getPadding();
        double tailWidth = tailWidth();
        tail.setMinWidth(tailWidth);
        tail.setPrefWidth(tailWidth);
        tail.setMaxWidth(tailWidth);
        for (ColumnView c : columns) if (!(c instanceof MapsColumn)) c.fitWidth(tailWidth);
        // room for a vertical scroll bar (a very low window): were it to appear, the row would still fit the width
        double mapsWidth = availableWidth - pad.getLeft() - pad.getRight() - tailWidth - COL_GAP * maps.size() - SCROLL_BAR;
        int n = maps.size();
        double[] floor = new double[n], want = new double[n];
        double chrome = 0;
        for (int i = 0; i < n; i++) {
            floor[i] = maps.get(i).floorWidth();
            chrome = Math.max(chrome, maps.get(i).chrome(floor[i]));
        }
        double height = Math.max(40, viewportHeight - pad.getTop() - pad.getBottom() - chrome - 6);
        // a column wants the width its maps can use, and its name and detail on one line each (a shorter head
        // leaves the pictures more height)
        double[] heads = new double[n];
        double headsSum = 0;
        for (int i = 0; i < n; i++) {
            heads[i] = Math.max(floor[i], maps.get(i).headWidth());
            headsSum += heads[i];
            want[i] = Math.max(heads[i], maps.get(i).wantWidth(height));
        }
        // names on one line first (every column's pictures start higher), then the maps' own width
        double[] widths = headsSum <= mapsWidth ? share(heads, want, mapsWidth) : share(floor, heads, mapsWidth);
        chrome = 0;
        for (int i = 0; i < n; i++) chrome = Math.max(chrome, maps.get(i).chrome(widths[i]));
        height = Math.max(40, viewportHeight - pad.getTop() - pad.getBottom() - chrome - 6);
        double head = 0;
        for (int i = 0; i < n; i++) {
            maps.get(i).layout(widths[i], height);
            head = Math.max(head, maps.get(i).head.prefHeight(widths[i]));
        }
        // the names take the same height in every column: the pictures start on one line
        for (MapsColumn m : maps) m.head.setMinHeight(head);
    }

    /**
     * Column widths that add up to total where they can: each between floor and want, the widest ones cut first
     * (every column at min(want, x), at least its floor, for the largest x that fits).
     */
    static double[] share(double[] floor, double[] want, double total) {
        double lo = 0, hi = 0;
        for (double w : want) hi = Math.max(hi, w);
        double[] out = new double[floor.length];
        if (sum(floor, want, hi) > total) {
            for (int it = 0; it < 50; it++) {
                double mid = (lo + hi) / 2;
                if (sum(floor, want, mid) <= total) lo = mid; else hi = mid;
            }
            hi = lo;
        }
        for (int i = 0; i < out.length; i++) out[i] = Math.floor(Math.max(floor[i], Math.min(want[i], hi)));
        return out;
    }

    private static double sum(double[] floor, double[] want, double x) {
        double s = 0;
        for (int i = 0; i < floor.length; i++) s += Math.max(floor[i], Math.min(want[i], x));
        return s;
    }

    /** The widest piece of the label's text that cannot be broken across lines (a word; one Chinese character). */
    private static double widestWord(Label l) {
        String text = l.getText();
        if (text == null || text.isBlank()) return 0;
        var measure = new javafx.scene.text.Text();
        measure.setFont(l.getFont());
        double best = 0;
        var words = java.util.regex.Pattern.compile("[^\\s\\p{IsHan}]+[，、）]?|\\p{IsHan}[，、）]?").matcher(text);
        while (words.find()) {
            measure.setText(words.group());
            best = Math.max(best, measure.getLayoutBounds().getWidth());
        }
        return best + l.snappedLeftInset() + l.snappedRightInset();
    }

    private static float[] values(Trace t, Column c) {
        if (c.layer() == NetworkLayout.INPUT) return t.input();
        if (c.layer() == NetworkLayout.SOFTMAX) return t.probabilities();
        return t.layers().get(c.layer()).values();
    }

    private static String colId(Column c) {
        return "net-col-" + (c.layer() == NetworkLayout.INPUT ? "input" : c.layer() == NetworkLayout.SOFTMAX ? "softmax" : c.layer());
    }

    private static String fmt(float v) { return String.format(Locale.ROOT, "%.3f", v); }

    /**
     * One layer. A map column: title and detail (wrapped to the column's width), the pictures, the shape and the
     * colour legend, centred. A vector at the right: title, detail and shape on one line, the picture under it.
     */
    private abstract class ColumnView {
        final Column column;
        final VBox node = new VBox(4);
        final VBox head = new VBox(0);
        final Label titleLabel = new Label(), detailLabel = new Label(), shapeLabel = new Label();
        final Label legendLow = new Label(), legendHigh = new Label();
        VBox legendBox;
        HBox line;

        ColumnView(Column c) {
            this.column = c;
            node.setId(colId(c));
            node.getStyleClass().add("layer-column");
            titleLabel.setText(I18n.get(c.titleKey(), c.titleArgs()));
            titleLabel.setId(colId(c) + "-title");
            titleLabel.getStyleClass().add("layer-title");
            detailLabel.setText(c.detailKey() == null ? " " : I18n.get(c.detailKey(), c.detailArgs()));
            detailLabel.getStyleClass().add("layer-detail");
            shapeLabel.setText(column.shape().toString());
            shapeLabel.getStyleClass().add("layer-shape");
            shapeLabel.setMinWidth(Region.USE_PREF_SIZE);
        }

        String title() { return I18n.get(column.titleKey(), column.titleArgs()); }

        /** A map column: the content between the names above and the shape and legend below. */
        void finishColumn(Node content, boolean legend) {
            node.setAlignment(Pos.TOP_CENTER);
            node.getStyleClass().add("maps-column");
            for (Label l : List.of(titleLabel, detailLabel)) {
                l.setWrapText(true);
                l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
                l.setAlignment(Pos.CENTER);
                l.setMaxWidth(Double.MAX_VALUE);
            }
            head.setAlignment(Pos.TOP_CENTER);
            head.getChildren().setAll(titleLabel, detailLabel);
            node.getChildren().setAll(head, content, shapeLabel);
            if (legend) node.getChildren().add(legendBox());
        }

        /** A vector at the right: name, detail and shape on one line, the content under it, as wide as the tail. */
        void finishRow(Node content) {
            node.getStyleClass().add("vector-row");
            node.setFillWidth(true);
            node.setSpacing(1);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            for (Label l : List.of(titleLabel, detailLabel)) l.setMinWidth(Region.USE_PREF_SIZE);
            line = new HBox(6, titleLabel, detailLabel, spacer, shapeLabel);
            line.setAlignment(Pos.BASELINE_LEFT);
            if (column.detailKey() == null) line.getChildren().remove(detailLabel);
            node.getChildren().setAll(line, content);
        }

        private VBox legendBox() {
            // drawn at its final size: a stretched 1-pixel-high image is blurred with its neighbours in the texture
            var ramp = new ImageView(column.map() == ColorMap.SIGNED
                    ? MapImages.render(ramp(-1, 1), 0, RAMP_H, RAMP_W, ColorMap.SIGNED, 1f)
                    : MapImages.render(ramp(0, 1), 0, RAMP_H, RAMP_W, ColorMap.GRAY, 1f));
            ramp.getStyleClass().add("legend-ramp");
            legendLow.getStyleClass().add("legend-value");
            legendHigh.getStyleClass().add("legend-value");
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var nums = new HBox(legendLow, spacer, legendHigh);
            nums.setMaxWidth(RAMP_W + 12);
            legendBox = new VBox(1, new StackPane(ramp), nums);
            legendBox.setAlignment(Pos.CENTER);
            legendBox.setMaxWidth(RAMP_W + 12);
            Tooltip.install(legendBox, new Tooltip(I18n.get(column.map() == ColorMap.SIGNED ? "network.legend.signed" : "network.legend.gray")));
            return legendBox;
        }

        void legend(float scale) {
            legendLow.setText(column.map() == ColorMap.SIGNED ? "-" + compact(scale) : "0");
            legendHigh.setText(compact(scale));
        }

        /** A vector's width on one line (at the right); 0 for a map column. */
        double tailWidth() { return line == null ? 0 : line.prefWidth(-1); }

        /** A vector at the right: its picture as wide as the tail. */
        void fitWidth(double width) {}

        abstract void update(Trace t);

        /** Outlines the part of this column in a hovered unit's receptive field (null: clears the outlines). */
        void highlight(List<ReceptiveField.Part> field) {}
    }

    // ---- a layer's output as a volume ------------------------------------------------------------------------

    private final VolumeCanvas volume = new VolumeCanvas();
    private final Label volumeCaption = new Label();
    private org.controlsfx.control.PopOver volumePop;
    private MapsColumn volumeOf;

    /**
     * Opens the pop-over with a column's output as a volume (channels x height x width) that turns when dragged
     * (conv1 6 x 28 x 28, pool1 6 x 14 x 14, ...), under the column's title. Ids: #net-volume, #net-volume-caption.
     */
    private void openVolume(MapsColumn c, Node anchor) {
        if (volumePop == null) {
            volume.setId("net-volume");
            volume.setPrefSize(380, 320);
            volumeCaption.setId("net-volume-caption");
            volumeCaption.setWrapText(true);
            volumeCaption.setMaxWidth(380);
            volumeCaption.setMinHeight(Region.USE_PREF_SIZE);
            var box = new VBox(6, volumeCaption, volume);
            box.setPadding(new Insets(10));
            volumePop = new org.controlsfx.control.PopOver(box);
            volumePop.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.TOP_CENTER);
            volumePop.setDetachable(false);
            volumePop.setConsumeAutoHidingEvents(false); // a click on another title closes this one and opens that
            volumePop.setAnimated(false); // no fade: a click on another title closes this one and opens that at once
        }
        volumeOf = c;
        c.showInVolume();
        // the arrow's tip a little under the title: the pop-over's window (its shadow included) leaves the row of
        // titles free, so that a click on the next title reaches it
        var b = anchor.localToScreen(anchor.getBoundsInLocal());
        volumePop.show(anchor, b.getCenterX(), b.getMaxY() + 22);
    }

    /** The volume drawing and which layer it shows (-1: closed), for tests. */
    VolumeCanvas volume() { return volume; }
    int volumeLayer() { return volumePop == null || !volumePop.isShowing() ? -1 : volumeOf.column.layer(); }

    /** Outlines the receptive field of the hovered unit in every column (null: clears the outlines). */
    private void showField(List<ReceptiveField.Part> field) {
        for (ColumnView c : columns) c.highlight(field);
    }

    private static String fieldText(List<ReceptiveField.Part> field) {
        var in = field.getLast();
        if (in.layer() != NetworkLayout.INPUT) return "";
        return I18n.get("network.hover.field", in.width(), in.height(), in.x0(), in.x1(), in.y0(), in.y1());
    }

    private static final int RAMP_W = 64, RAMP_H = 8;

    /** RAMP_H identical rows running from -> to. */
    private static float[] ramp(float from, float to) {
        float[] r = new float[RAMP_W * RAMP_H];
        for (int i = 0; i < r.length; i++) r[i] = from + (to - from) * (i % RAMP_W) / (RAMP_W - 1f);
        return r;
    }

    private static String compact(float v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    /**
     * A stack of feature maps (or the input image), one picture per channel, one scale for the whole layer (as
     * large as the column's width and the height allow). Where every map would be smaller than MIN_MAP_PX the
     * column shows its first maps larger and a "+k more" button (#net-more-L) that shows them all in a pop-over.
     */
    private final class MapsColumn extends ColumnView {
        final List<ImageView> maps = new ArrayList<>();
        final List<StackPane> frames = new ArrayList<>();
        final List<Rectangle> outlines = new ArrayList<>();
        final GridPane grid = new GridPane();
        final Button more = new Button();
        final VBox pictures = new VBox(GAP);
        /** Grid columns and how many maps are shown (the first ones). */
        int gridCols = 1, shown;
        double scale = 1;
        List<ReceptiveField.Part> field;
        float[] values;

        MapsColumn(Column c) {
            super(c);
            int channels = c.shape().c();
            shown = channels;
            grid.setHgap(GAP);
            grid.setVgap(GAP);
            grid.setAlignment(Pos.TOP_CENTER);
            String layerId = c.layer() == NetworkLayout.INPUT ? "input" : Integer.toString(c.layer());
            for (int ch = 0; ch < channels; ch++) {
                var v = new ImageView();
                v.setSmooth(false);
                v.setId("net-map-" + layerId + "-" + ch);
                v.getStyleClass().add("feature-map");
                int channel = ch;
                v.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverMap(e, channel));
                v.addEventHandler(MouseEvent.MOUSE_EXITED, e -> { hover.setText(" "); unit = ""; showField(null); });
                if (c.kind() == Kind.MAPS) {
                    v.setCursor(Cursor.HAND);
                    v.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> select(channel));
                }
                var outline = new Rectangle();
                outline.setId("net-field-" + layerId + "-" + ch);
                outline.getStyleClass().add("field-outline");
                outline.setManaged(false);
                outline.setMouseTransparent(true);
                outline.setVisible(false);
                var frame = new StackPane(v, new javafx.scene.Group(outline));
                frame.getStyleClass().add("map-frame");
                StackPane.setAlignment(frame.getChildren().get(1), Pos.TOP_LEFT);
                frame.getChildren().get(1).setManaged(false);
                frames.add(frame);
                maps.add(v);
                outlines.add(outline);
            }
            more.setId("net-more-" + layerId);
            more.getStyleClass().addAll("more-maps", "small");
            more.setWrapText(true);
            more.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            more.setFocusTraversable(false);
            more.setOnAction(e -> openAllMaps(this, more));
            var moreTip = new Tooltip(I18n.get("network.more.tip"));
            more.setTooltip(moreTip);
            pictures.setAlignment(Pos.TOP_CENTER);
            pictures.getChildren().setAll(grid, more);
            arrange();
            finishColumn(pictures, true);
            if (c.kind() == Kind.MAPS) { // a click on the title: the layer's output as a volume that can be turned
                titleLabel.setCursor(Cursor.HAND);
                titleLabel.setTooltip(new Tooltip(I18n.get("network.volume.tip")));
                titleLabel.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> openVolume(this, titleLabel));
            }
        }

        /** The first `shown` maps in the grid, column by column; "+k more" when some are left out. */
        void arrange() {
            int rows = Math.max(1, (shown + gridCols - 1) / gridCols);
            grid.getChildren().clear();
            for (int ch = 0; ch < shown; ch++) grid.add(frames.get(ch), ch / rows, ch % rows);
            int hidden = frames.size() - shown;
            more.setText(I18n.get("network.more", hidden));
            more.setVisible(hidden > 0);
            more.setManaged(hidden > 0);
        }

        /** This column's output into the volume pop-over. */
        void showInVolume() {
            var sh = column.shape();
            volume.showVolume(values, sh.c(), sh.h(), sh.w());
            volumeCaption.setText(I18n.get("network.volume.caption", title(), sh.c(), sh.h(), sh.w()));
        }

        /** The narrowest the column may be: its name's longest word, its shape, its legend, "+k more". */
        double floorWidth() {
            double f = Math.max(shapeLabel.prefWidth(-1), legendBox.prefWidth(-1));
            f = Math.max(f, Math.max(widestWord(titleLabel), widestWord(detailLabel)));
            if (frames.size() > 1) { // "+15 more" may wrap: its longest word
                var measure = new Label(I18n.get("network.more", frames.size() - 1));
                measure.setFont(more.getFont());
                f = Math.max(f, widestWord(measure) + more.snappedLeftInset() + more.snappedRightInset());
            }
            return Math.ceil(f) + 2;
        }

        /** The width of its name and its detail, each on one line. */
        double headWidth() { return Math.ceil(Math.max(titleLabel.prefWidth(-1), detailLabel.prefWidth(-1))) + 2; }

        /** The column's height besides its pictures, at this width. */
        double chrome(double width) {
            head.setMinHeight(Region.USE_COMPUTED_SIZE);
            return node.snappedTopInset() + node.snappedBottomInset() + 3 * node.getSpacing()
                    + head.prefHeight(width) + shapeLabel.prefHeight(-1) + legendBox.prefHeight(-1);
        }

        /** The scale at which `channels` maps in g grid columns fit the width and the height. */
        double scaleFor(int g, int channels, double width, double height) {
            int rows = (channels + g - 1) / g;
            double sw = ((width - (g - 1) * GAP) / g - 2) / column.shape().w();
            double sh = ((height - (rows - 1) * GAP) / rows - 2) / column.shape().h();
            return Math.min(MAX_SCALE, Math.min(sw, sh));
        }

        /** The width its maps can use at this height (beyond it they would only get taller than the room). */
        double wantWidth(double height) {
            int g = frames.size() <= 8 ? 1 : 2;
            double s = scaleFor(g, frames.size(), Double.MAX_VALUE / 4, height);
            return g * (s * column.shape().w() + 2) + (g - 1) * GAP;
        }

        /** Every map as large as width and height allow; the first ones larger and "+k more" where all would be too small. */
        void layout(double width, double height) {
            node.setMinWidth(width);
            node.setPrefWidth(width);
            node.setMaxWidth(width);
            int channels = frames.size(), h = column.shape().h(), w = column.shape().w();
            int g = channels <= 8 ? 1 : 2;
            double s = scaleFor(g, channels, width, height);
            int count = channels;
            double side = Math.max(h, w);
            if (s * side < Math.min(MIN_MAP_PX, MAX_SCALE * side) - 0.01 && channels > 1) {
                // as many of the first maps as fit at the readable size (as wide as the column allows)
                s = Math.min(MIN_MAP_PX / side, ((width - (g - 1) * GAP) / g - 2) / w);
                more.setText(I18n.get("network.more", channels - 1));
                double free = height - more.prefHeight(width) - GAP;
                int rows = (int) Math.floor((free + GAP) / (s * h + 2 + GAP));
                if (rows < 1) {
                    rows = 1;
                    s = Math.max(0.5, Math.min(s, (free - 2) / h));
                }
                count = Math.min(channels, rows * g);
            }
            gridCols = g;
            shown = count;
            scale = Math.max(0.5, s);
            for (ImageView v : maps) {
                v.setFitWidth(Math.round(w * scale));
                v.setFitHeight(Math.round(h * scale));
            }
            arrange();
            highlight(field);
        }

        @Override void highlight(List<ReceptiveField.Part> f) {
            field = f;
            var part = f == null ? null : f.stream().filter(p -> p.layer() == column.layer()).findFirst().orElse(null);
            double sx = maps.getFirst().getFitWidth() / column.shape().w(), sy = maps.getFirst().getFitHeight() / column.shape().h();
            for (int ch = 0; ch < outlines.size(); ch++) {
                Rectangle r = outlines.get(ch);
                boolean on = part != null && (part.channel() == ReceptiveField.ALL_CHANNELS || part.channel() == ch);
                r.setVisible(on);
                if (!on) continue;
                // inset by one map pixel's frame: the outline stays inside the map, over the field's own pixels
                r.setX(part.x0() * sx + 1);
                r.setY(part.y0() * sy + 1);
                r.setWidth(Math.max(1, part.width() * sx));
                r.setHeight(Math.max(1, part.height() * sy));
            }
        }

        @Override void update(Trace t) {
            values = values(t, column);
            int h = column.shape().h(), w = column.shape().w();
            float s = column.map().scaleOf(values, 0, values.length); // one scale per layer: maps are comparable
            for (int ch = 0; ch < maps.size(); ch++) {
                maps.get(ch).setImage(MapImages.render(values, ch * h * w, h, w, column.map(), s));
            }
            legend(s);
            if (volumeOf == this && volumePop.isShowing()) showInVolume();
            if (allOf == this && allPop.isShowing()) fillAllMaps(this);
        }

        void hoverMap(MouseEvent e, int ch) {
            if (values == null) return;
            int h = column.shape().h(), w = column.shape().w();
            var v = maps.get(ch);
            int x = Math.clamp((int) (e.getX() / v.getFitWidth() * w), 0, w - 1), y = Math.clamp((int) (e.getY() / v.getFitHeight() * h), 0, h - 1);
            var f = ReceptiveField.ofMapUnit(builtFor, column.layer(), ch, x, y);
            unit = "";
            showField(f);
            hover.setText(I18n.get("network.hover.map", title(), ch + 1, column.shape().c(), x, y, fmt(values[(ch * h + y) * w + x]))
                    + fieldText(f));
        }

        void select(int ch) {
            ctx.selectedFeatureMapProperty().set(new AppContext.FeatureMapRef(column.layer(), ch));
            if (ctx.viewIds().contains(KERNEL_VIEW)) ctx.requestedViewProperty().set(KERNEL_VIEW);
            else hover.setText(I18n.get("network.selected", title(), ch + 1));
        }
    }

    // ---- every map of a layer, when its column shows only the first ones --------------------------------------

    private final javafx.scene.layout.TilePane allMaps = new javafx.scene.layout.TilePane(6, 6);
    private final Label allCaption = new Label();
    private org.controlsfx.control.PopOver allPop;
    private MapsColumn allOf;

    /** Opens a pop-over with every map of the column (#net-all-maps; map N: #net-all-L-N), a click on one selects it. */
    private void openAllMaps(MapsColumn c, Node anchor) {
        if (allPop == null) {
            allMaps.setId("net-all-maps");
            allCaption.setId("net-all-caption");
            allCaption.getStyleClass().add("all-caption");
            allCaption.setWrapText(true);
            var box = new VBox(8, allCaption, allMaps);
            box.setPadding(new Insets(10));
            box.getStyleClass().add("network-view");
            box.getStylesheets().add(NetworkView.class.getResource("network.css").toExternalForm());
            allPop = new org.controlsfx.control.PopOver(box);
            allPop.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.LEFT_CENTER);
            allPop.setDetachable(false);
            allPop.setAnimated(false);
        }
        allOf = c;
        fillAllMaps(c);
        allPop.show(anchor);
    }

    private void fillAllMaps(MapsColumn c) {
        int n = c.maps.size(), h = c.column.shape().h(), w = c.column.shape().w();
        int perRow = n <= 8 ? n : (n + 1) / 2;
        // as large as 8 to a row (16 in two rows) allow in the window's width, at most MAX_SCALE per map pixel
        double room = root.getScene() == null ? 900 : root.getScene().getWidth() * 0.8;
        double side = Math.floor(Math.min(MAX_SCALE * w, Math.min(room / perRow - 8, 0.55 * (root.getScene() == null ? 700 : root.getScene().getHeight()) / ((n + perRow - 1) / perRow))));
        allMaps.setPrefColumns(perRow);
        allMaps.getChildren().clear();
        for (int ch = 0; ch < n; ch++) {
            var v = new ImageView(c.maps.get(ch).getImage());
            v.setSmooth(false);
            v.setFitWidth(side);
            v.setFitHeight(Math.round(side * h / (double) w));
            v.setId("net-all-" + c.column.layer() + "-" + ch);
            int channel = ch;
            if (c.column.kind() == Kind.MAPS) {
                v.setCursor(Cursor.HAND);
                v.setOnMouseClicked(e -> { allPop.hide(); c.select(channel); });
            }
            var frame = new StackPane(v);
            frame.getStyleClass().add("map-frame");
            allMaps.getChildren().add(frame);
        }
        allMaps.setMaxWidth(perRow * (side + 2) + (perRow - 1) * allMaps.getHgap());
        allCaption.setMaxWidth(allMaps.getMaxWidth());
        var sh = c.column.shape();
        allCaption.setText(I18n.get("network.all.caption", c.title(), sh.c(), sh.h(), sh.w()));
    }

    /** A vector (flattened maps, dense units) drawn as a row of cells, left to right, as wide as the tail. */
    private final class UnitsColumn extends ColumnView {
        static final double STRIP_H = 14;
        final ImageView strip = new ImageView();
        float[] values;

        UnitsColumn(Column c) {
            super(c);
            int n = c.shape().size();
            strip.setFitWidth(200);
            strip.setFitHeight(STRIP_H);
            strip.setPreserveRatio(false);
            strip.getStyleClass().add("unit-strip");
            strip.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
                if (values == null) return;
                int i = Math.clamp((int) (e.getX() / strip.getFitWidth() * n), 0, n - 1);
                var f = ReceptiveField.ofVectorUnit(builtFor, column.layer(), i);
                showField(f);
                hover.setText(I18n.get("network.hover.unit", title(), i + 1, n, fmt(values[i])) + fieldText(f));
            });
            strip.addEventHandler(MouseEvent.MOUSE_EXITED, e -> { hover.setText(" "); showField(null); });
            var frame = new StackPane(strip);
            frame.getStyleClass().add("map-frame");
            frame.setMaxWidth(Region.USE_PREF_SIZE);
            finishRow(frame);
        }

        @Override void fitWidth(double width) {
            int n = column.shape().size();
            strip.setFitWidth(Math.max(10, width - 2));
            strip.setSmooth(width - 2 < n); // more units than pixels: average rather than drop
        }

        @Override void update(Trace t) {
            values = values(t, column);
            float s = column.map().scaleOf(values, 0, values.length);
            strip.setImage(MapImages.render(values, 0, 1, values.length, column.map(), s));
            legend(s);
        }
    }

    /** The last layer's raw scores (logits), one cell per class in a row; hovering a cell reads its score. */
    private final class ScoresColumn extends ColumnView {
        final List<Region> cells = new ArrayList<>();
        float[] values;

        ScoresColumn(Column c) {
            super(c);
            var row = new HBox(2);
            int n = c.shape().size();
            for (int i = 0; i < n; i++) {
                var cell = new Region();
                cell.setMinSize(8, UnitsColumn.STRIP_H + 2);
                cell.setPrefSize(20, UnitsColumn.STRIP_H + 2);
                cell.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(cell, Priority.ALWAYS);
                cell.getStyleClass().add("score-cell");
                int k = i;
                cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                    if (values != null) hover.setText(I18n.get("network.hover.score", title(), className(k), String.format(Locale.ROOT, "%+.2f", values[k])));
                });
                cell.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(" "));
                row.getChildren().add(cell);
                cells.add(cell);
            }
            finishRow(row);
        }

        @Override void update(Trace t) {
            values = values(t, column);
            float s = column.map().scaleOf(values, 0, values.length);
            for (int i = 0; i < cells.size(); i++) {
                int argb = column.map().argb(values[i], s);
                // a data colour (the value itself), like a feature-map pixel; not a theme colour
                cells.get(i).setStyle(String.format("-fx-background-color: #%06x;", argb & 0xFFFFFF));
            }
            legend(s);
        }
    }

    /** Softmax: the probabilities with the class names. */
    private final class ProbabilitiesColumn extends ColumnView {
        final ProbabilityBars bars = new ProbabilityBars();

        ProbabilitiesColumn(Column c) {
            super(c);
            bars.getStyleClass().add("compact");
            finishRow(bars);
        }

        @Override double tailWidth() { return Math.max(super.tailWidth(), bars.minWidth(-1)); }

        @Override void update(Trace t) {
            var img = vm.resultProperty().get() == null ? null : vm.resultProperty().get().image();
            String prefix = img != null && AppContext.FASHION_MNIST.equals(img.dataset()) ? "class.fashion." : "class.mnist.";
            if (!prefix.equals(bars.getUserData())) {
                bars.setClasses(column.shape().size(), prefix);
                bars.setUserData(prefix);
                bars.applyCss();
            }
            bars.setProbabilities(t.probabilities());
        }
    }

    // ---- translation invariance ------------------------------------------------------------------------------

    private Node invariancePanel() {
        var left = button("net-left", Material2AL.ARROW_BACK, "network.shift.left", () -> vm.moveBy(-1, 0));
        var right = button("net-right", Material2AL.ARROW_FORWARD, "network.shift.right", () -> vm.moveBy(1, 0));
        var up = button("net-up", Material2AL.ARROW_UPWARD, "network.shift.up", () -> vm.moveBy(0, -1));
        var down = button("net-down", Material2AL.ARROW_DOWNWARD, "network.shift.down", () -> vm.moveBy(0, 1));
        var turnLeft = button("net-rotate-left", Material2MZ.ROTATE_LEFT, "network.rotate.left", () -> vm.turnBy(5));
        var turnRight = button("net-rotate-right", Material2MZ.ROTATE_RIGHT, "network.rotate.right", () -> vm.turnBy(-5));
        var reset = button("net-reset", Material2MZ.REPLAY, "network.shift.reset", vm::reset);
        reset.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.shiftProperty().get().isNone(), vm.shiftProperty()));
        // the keyboard's arrow keys: up between the turns, left / down / right under it
        var pad = new GridPane();
        pad.setHgap(4);
        pad.setVgap(4);
        pad.add(turnLeft, 0, 0);
        pad.add(up, 1, 0);
        pad.add(turnRight, 2, 0);
        pad.add(left, 0, 1);
        pad.add(down, 1, 1);
        pad.add(right, 2, 1);
        pad.add(reset, 3, 0, 1, 2);
        GridPane.setValignment(reset, javafx.geometry.VPos.CENTER);

        var heading = new Label();
        heading.textProperty().bind(I18n.bind("network.invariance.title"));
        heading.getStyleClass().add("section-title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        plotToggle.setId("net-plot-toggle");
        plotToggle.getStyleClass().add("small");
        plotToggle.setFocusTraversable(false);
        plotToggle.setMinWidth(Region.USE_PREF_SIZE);
        plotToggle.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(plotToggle.isSelected()
                ? "network.plot.hide" : "network.plot.show"), plotToggle.selectedProperty(), I18n.localeProperty()));
        plotToggle.setOnAction(e -> plotChosen = true);
        var explain = new Label();
        explain.textProperty().bind(I18n.bind("network.invariance.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("explain");
        shiftLabel.setId("net-shift");
        shiftLabel.getStyleClass().add("shift-value");
        shiftLabel.setWrapText(true);
        shiftLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.shiftProperty().get();
            return I18n.get("network.shift.value", signed(s.dx()), signed(s.dy()), signed((int) Math.round(s.degrees())));
        }, vm.shiftProperty(), I18n.localeProperty()));
        summary.setId("net-summary");
        summary.getStyleClass().add("summary");
        summary.setWrapText(true);
        var headLine = new HBox(12, heading, plotToggle);
        headLine.setAlignment(Pos.CENTER_LEFT);
        // the shift and the answer on one line where they fit: the closed panel stays one band
        var now = new javafx.scene.layout.FlowPane(16, 2, shiftLabel, summary);
        var text = new VBox(4, headLine, explain, now);
        text.setPrefWidth(420);
        text.setMinWidth(260);
        HBox.setHgrow(text, Priority.ALWAYS);

        plot.setId("net-plot");
        plot.axisTitle().textProperty().bind(I18n.bind("network.plot.x"));
        var legendH = new Label();
        legendH.textProperty().bind(I18n.bind("network.plot.horizontal"));
        legendH.getStyleClass().add("legend-h");
        var legendV = new Label();
        legendV.textProperty().bind(I18n.bind("network.plot.vertical"));
        legendV.getStyleClass().add("legend-v");
        var plotTitle = new Label();
        plotTitle.getStyleClass().add("plot-title");
        plotTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            var c = vm.curveProperty().get();
            return c == null ? I18n.get("network.plot.title.none") : I18n.get("network.plot.title", className(c.referenceClass()));
        }, vm.curveProperty(), I18n.localeProperty()));
        var plotBox = new VBox(2, plotTitle, plot, new HBox(16, legendH, legendV));
        plotBox.setMinWidth(Region.USE_PREF_SIZE);
        // the explanation and the plot only while the plot is open: closed, the panel is one short band and the
        // maps above get the height (on a 1280 x 800 projector the open panel took 40 % of the view)
        for (Node n : List.of(explain, plotBox)) {
            n.visibleProperty().bind(plotToggle.selectedProperty());
            n.managedProperty().bind(plotToggle.selectedProperty());
        }

        var panel = new HBox(24, pad, text, plotBox);
        panel.setAlignment(Pos.CENTER_LEFT);
        panel.setPadding(new Insets(6, 16, 6, 16));
        panel.getStyleClass().add("invariance-panel");
        // open when the view is tall enough for the plot and the maps, until the plot is opened or closed by hand
        panel.sceneProperty().addListener((o, a, sc) -> autoPlot());
        root.heightProperty().addListener((o, a, b) -> autoPlot());
        return panel;
    }

    /** The plot's button; open by default where the view is at least PLOT_OPEN_HEIGHT tall. */
    private final javafx.scene.control.ToggleButton plotToggle = new javafx.scene.control.ToggleButton();
    private boolean plotChosen;
    /** The view's height (in root font sizes) from which the plot opens by itself: light 1440 x 900 yes, light 1280 x 800 and the projector theme no. */
    static final double PLOT_OPEN_EMS = 56;

    private void autoPlot() {
        if (plotChosen || root == null || root.getHeight() <= 0) return;
        double em = inputInfo.getFont().getSize();
        plotToggle.setSelected(root.getHeight() >= PLOT_OPEN_EMS * em);
    }

    private void updateSummary() {
        var r = vm.resultProperty().get();
        var c = vm.curveProperty().get();
        if (r == null) { summary.setText(""); return; }
        int now = r.trace().predictedClass();
        String text = I18n.get("network.summary.now", className(now), InvariancePlot.percent(r.trace().probabilities()[now]));
        if (c != null && !r.shift().isNone()) {
            text += "\n" + I18n.get(now == c.referenceClass() ? "network.summary.stays" : "network.summary.changed",
                    className(c.referenceClass()));
        }
        summary.setText(text);
    }

    private String className(int k) {
        var r = vm.resultProperty().get();
        boolean fashion = r != null && AppContext.FASHION_MNIST.equals(r.image().dataset());
        return I18n.get((fashion ? "class.fashion." : "class.mnist.") + k);
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case LEFT -> vm.moveBy(-1, 0);
            case RIGHT -> vm.moveBy(1, 0);
            case UP -> vm.moveBy(0, -1);
            case DOWN -> vm.moveBy(0, 1);
            case OPEN_BRACKET -> vm.turnBy(5);
            case CLOSE_BRACKET -> vm.turnBy(-5);
            case HOME -> vm.reset();
            default -> { return; }
        }
        e.consume();
    }

    /** The model's test accuracy (on the title's line it made the title two lines at 1280 x 800), then the input. */
    private String inputText() {
        var r = vm.resultProperty().get();
        if (r == null) return "";
        var m = vm.modelProperty().get();
        String input = I18n.get("network.input", r.image().source());
        if (m == null || Double.isNaN(m.testAccuracy())) return input;
        // "99.2 %" stays on one line
        return I18n.get("network.title.accuracy", String.format(Locale.ROOT, "%.1f", 100 * m.testAccuracy())).replace(" %", "\u00a0%")
                + I18n.get("network.input.after") + input;
    }

    private String emptyText() {
        if (vm.problemProperty().get() != null) return I18n.get("network.error.engine", vm.problemProperty().get());
        if (ctx.currentImageProperty().get() == null) return I18n.get("network.empty.noImage");
        if (vm.modelProperty().get() == null) return I18n.get("network.empty.noModel");
        return "";
    }

    private static String signed(int v) { return v > 0 ? "+" + v : Integer.toString(v); }

    private static Button button(String id, Ikon icon, String tipKey, Runnable action) {
        var b = new Button(null, new FontIcon(icon));
        b.setId(id);
        var tip = new Tooltip();
        tip.textProperty().bind(I18n.bind(tipKey));
        b.setTooltip(tip);
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("shift-button");
        b.setFocusTraversable(false); // arrow keys move the image, not the focus
        return b;
    }
}
