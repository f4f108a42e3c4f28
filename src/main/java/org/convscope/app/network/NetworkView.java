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
 * every earlier layer, down to the input pixels. Feature maps are drawn to one scale (screen pixels per map pixel),
 * the largest at which every column fits the window: a pooled map is half the size of the map it comes from.
 * Below: the translation-invariance experiment.
 * Test ids: #net-columns, #net-col-N (N = layer index, "input", "softmax"), #net-map-L-C (layer L, channel C),
 * #net-field-L-C (the outline on that map, visible while it is in the hovered unit's field), #net-hover, #net-left/right/up/down, #net-rotate-left/right, #net-reset, #net-shift, #net-plot, #net-summary.
 */
public final class NetworkView implements ConceptView {

    /** The id of the convolution (kernel sliding) view, opened when a feature map is clicked. */
    public static final String KERNEL_VIEW = "kernel";
    private static final double GAP = 4, COLUMN_MIN_WIDTH = 78;
    /** Screen pixels per feature-map pixel: at most MAX_SCALE (larger only blurs the lesson), at least MIN_SCALE. */
    static final double MAX_SCALE = 8, MIN_SCALE = 1;
    /** The smallest scale the maps are shrunk to so that the columns fit one row; then they wrap instead. */
    static final double WRAP_SCALE = 2;
    /** Room for the title, detail, shape and legend lines of a column, besides its pictures. */
    private static final double COLUMN_CHROME = 150;

    private final AppContext ctx;
    private final NetworkViewModel vm;
    private BorderPane root;
    /** The layer columns, left to right; where even small maps do not fit the width they wrap into a second row. */
    private final javafx.scene.layout.FlowPane columnsBox = new javafx.scene.layout.FlowPane(8, 16);
    private final Label hover = new Label();
    private final Label title = new Label(), inputInfo = new Label(), empty = new Label();
    private final InvariancePlot plot = new InvariancePlot();
    private final Label shiftLabel = new Label(), summary = new Label();
    private final List<ColumnView> columns = new ArrayList<>();
    private ModelSpec builtFor;
    /** Height available for a column's pictures; the maps are sized from it so that every column fits on screen. */
    private double picturesHeight = 440, availableWidth = 1200, viewportHeight = 440 + COLUMN_CHROME + 16;
    /** The current feature-map scale, the same for every map column. */
    private double mapScale = 1;

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
            String title = I18n.get("network.title.model", m.description(), I18n.get("dataset." + m.dataset()));
            return Double.isNaN(m.testAccuracy()) ? title
                    : title + " · " + I18n.get("network.title.accuracy", String.format(Locale.ROOT, "%.1f", 100 * m.testAccuracy()));
        }, vm.modelProperty(), I18n.localeProperty()));
        inputInfo.getStyleClass().add("input-info");
        inputInfo.textProperty().bind(Bindings.createStringBinding(this::inputText, vm.resultProperty(), I18n.localeProperty()));
        hover.setId("net-hover");
        hover.getStyleClass().add("hover-info");
        hover.setText(" ");
        var header = new VBox(2, title, inputInfo, hover);
        header.setPadding(new Insets(10, 16, 4, 16));
        root.setTop(header);

        columnsBox.setId("net-columns");
        columnsBox.setAlignment(Pos.TOP_LEFT);
        columnsBox.setRowValignment(javafx.geometry.VPos.TOP);
        columnsBox.setPadding(new Insets(8, 16, 8, 16));
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
        // larger screens (a projector) get larger maps: rebuild when the height changes noticeably
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (Math.abs(b.getHeight() - viewportHeight) >= 2 || Math.abs(b.getWidth() - availableWidth) >= 2) {
                viewportHeight = b.getHeight();
                availableWidth = b.getWidth();
                fitScale();
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
        if (spec != builtFor) rebuild(spec);
        for (ColumnView c : columns) c.update(r.trace());
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
        // left to right in the order of the layers; no arrows between them: on a 1600-pixel window every pixel of
        // width goes to the maps
        List<Node> nodes = new ArrayList<>();
        for (ColumnView c : columns) nodes.add(c.node);
        columnsBox.getChildren().setAll(nodes);
        fitScale();
    }

    /**
     * One scale for every feature map: the largest (up to MAX_SCALE) at which the tallest column fits the height, then
     * smaller until the columns fit the width (the softmax bars give way first), but not below MIN_SCALE.
     */
    private void fitScale() {
        if (columns.isEmpty()) return;
        double chrome = COLUMN_CHROME; // title, detail, shape and legend lines: measured once the CSS is known
        if (columnsBox.getScene() != null) {
            columnsBox.applyCss();
            chrome = 0;
            for (ColumnView c : columns) {
                if (c instanceof MapsColumn m) chrome = Math.max(chrome, m.node.prefHeight(-1) - m.grid.prefHeight(-1));
            }
        }
        picturesHeight = Math.max(100, viewportHeight - chrome - columnsBox.getPadding().getTop() - columnsBox.getPadding().getBottom() - 2);
        double scale = MAX_SCALE;
        for (ColumnView c : columns) {
            if (c instanceof MapsColumn m) scale = Math.min(scale, m.scaleForHeight(picturesHeight));
        }
        setScale(Math.max(MIN_SCALE, scale));
        if (columnsBox.getScene() == null) return;
        // a map column grows by (grid columns x map width) per unit of scale once it is wider than its title; below
        // WRAP_SCALE the maps would be too small to read: the columns wrap into a second row instead (no sideways
        // scrolling: at 1280 x 800 the columns' titles alone are wider than the window in the projector theme)
        double floor = Math.max(MIN_SCALE, Math.min(mapScale, WRAP_SCALE));
        for (int i = 0; i < 6 && mapScale > floor; i++) {
            double excess = oneRowWidth() - availableWidth;
            if (excess <= 0.5) break;
            double slope = 0;
            for (ColumnView c : columns) if (c instanceof MapsColumn m && m.growsWithScale()) slope += m.pixelsWide();
            if (slope == 0) break;
            setScale(Math.max(floor, mapScale - Math.max(0.05, excess / slope)));
        }
    }

    /** The columns' width side by side, at their narrowest, with the gaps and padding. */
    private double oneRowWidth() {
        double w = columnsBox.getPadding().getLeft() + columnsBox.getPadding().getRight()
                + columnsBox.getHgap() * Math.max(0, columns.size() - 1);
        for (ColumnView c : columns) w += c.node.minWidth(-1);
        return w;
    }

    private void setScale(double scale) {
        mapScale = scale;
        for (ColumnView c : columns) c.fit(picturesHeight);
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

    /** One column: title, detail, the pictures, the shape and (for pictures) the colour legend. */
    private abstract class ColumnView {
        final Column column;
        final VBox node = new VBox(4);
        final Label titleLabel = new Label();
        final Label legendLow = new Label(), legendHigh = new Label();

        ColumnView(Column c) {
            this.column = c;
            node.setId(colId(c));
            node.getStyleClass().add("layer-column");
            node.setAlignment(Pos.TOP_CENTER);
            node.setMinWidth(Region.USE_PREF_SIZE); // columns never overlap: the view scrolls instead
            var t = titleLabel;
            t.setText(I18n.get(c.titleKey(), c.titleArgs()));
            t.setId(colId(c) + "-title");
            t.getStyleClass().add("layer-title");
            t.setMinWidth(COLUMN_MIN_WIDTH);
            t.setAlignment(Pos.CENTER);
            node.getChildren().add(t);
            var d = new Label(c.detailKey() == null ? " " : I18n.get(c.detailKey(), c.detailArgs()));
            d.getStyleClass().add("layer-detail");
            d.setMinWidth(Region.USE_PREF_SIZE);
            node.getChildren().add(d);
        }

        String title() { return I18n.get(column.titleKey(), column.titleArgs()); }

        void finish(Node content, boolean legend) {
            var shape = new Label(column.shape().toString());
            shape.getStyleClass().add("layer-shape");
            shape.setMinWidth(Region.USE_PREF_SIZE);
            node.getChildren().addAll(content, shape);
            if (legend) {
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
                var box = new VBox(1, new StackPane(ramp), nums);
                box.setAlignment(Pos.CENTER);
                box.setMaxWidth(RAMP_W + 12);
                Tooltip.install(box, new Tooltip(I18n.get(column.map() == ColorMap.SIGNED ? "network.legend.signed" : "network.legend.gray")));
                node.getChildren().add(box);
            }
        }

        void legend(float scale) {
            legendLow.setText(column.map() == ColorMap.SIGNED ? "-" + compact(scale) : "0");
            legendHigh.setText(compact(scale));
        }

        abstract void update(Trace t);

        /** Sizes the pictures for the current map scale and pictures height. */
        void fit(double height) {}

        /** Outlines the part of this column in a hovered unit's receptive field (null: none). */
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

    /** A stack of feature maps (or the input image), one picture per channel, one scale for the whole layer. */
    private final class MapsColumn extends ColumnView {
        final List<ImageView> maps = new ArrayList<>();
        final List<Rectangle> outlines = new ArrayList<>();
        final int gridCols, rows;
        final GridPane grid = new GridPane();
        List<ReceptiveField.Part> field;
        float[] values;

        MapsColumn(Column c) {
            super(c);
            int channels = c.shape().c(), h = c.shape().h(), w = c.shape().w();
            gridCols = channels <= 8 ? 1 : 2;
            rows = (channels + gridCols - 1) / gridCols;
            grid.setHgap(GAP);
            grid.setVgap(GAP);
            grid.setAlignment(Pos.TOP_CENTER);
            for (int ch = 0; ch < channels; ch++) {
                var v = new ImageView();
                v.setSmooth(false);
                v.setId("net-map-" + (c.layer() == NetworkLayout.INPUT ? "input" : c.layer()) + "-" + ch);
                v.getStyleClass().add("feature-map");
                int channel = ch;
                v.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverMap(e, channel));
                v.addEventHandler(MouseEvent.MOUSE_EXITED, e -> { hover.setText(" "); unit = ""; showField(null); });
                if (c.kind() == Kind.MAPS) {
                    v.setCursor(Cursor.HAND);
                    v.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> select(channel));
                }
                var outline = new Rectangle();
                outline.setId("net-field-" + (c.layer() == NetworkLayout.INPUT ? "input" : c.layer()) + "-" + ch);
                outline.getStyleClass().add("field-outline");
                outline.setManaged(false);
                outline.setMouseTransparent(true);
                outline.setVisible(false);
                var frame = new StackPane(v, new javafx.scene.Group(outline));
                frame.getStyleClass().add("map-frame");
                StackPane.setAlignment(frame.getChildren().get(1), Pos.TOP_LEFT);
                frame.getChildren().get(1).setManaged(false);
                grid.add(frame, ch / rows, ch % rows);
                maps.add(v);
                outlines.add(outline);
            }
            finish(grid, true);
            if (c.kind() == Kind.MAPS) { // a click on the title: the layer's output as a volume that can be turned
                titleLabel.setCursor(Cursor.HAND);
                titleLabel.setTooltip(new Tooltip(I18n.get("network.volume.tip")));
                titleLabel.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> openVolume(this, titleLabel));
            }
        }

        /** This column's output into the volume pop-over. */
        void showInVolume() {
            var sh = column.shape();
            volume.showVolume(values, sh.c(), sh.h(), sh.w());
            volumeCaption.setText(I18n.get("network.volume.caption", title(), sh.c(), sh.h(), sh.w()));
        }

        /** The largest scale at which the column's rows of maps fit the height (1-pixel frames and gaps included). */
        double scaleForHeight(double height) {
            return (height - (rows - 1) * GAP - rows * 2) / (rows * (double) column.shape().h());
        }

        /** Map pixels side by side (grid columns x map width): how fast the column widens with the scale. */
        double pixelsWide() { return gridCols * (double) column.shape().w(); }

        /** Wider than its title and the other lines: a smaller scale makes the column narrower. */
        boolean growsWithScale() {
            double others = 0;
            for (Node n : node.getChildren()) if (n != grid) others = Math.max(others, n.minWidth(-1));
            return grid.minWidth(-1) > others;
        }

        @Override void fit(double height) {
            int h = column.shape().h(), w = column.shape().w();
            for (ImageView v : maps) {
                v.setFitWidth(Math.round(w * mapScale));
                v.setFitHeight(Math.round(h * mapScale));
            }
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

    /** A vector (flattened maps, dense units) drawn as a column of small cells, top to bottom. */
    private final class UnitsColumn extends ColumnView {
        final ImageView strip = new ImageView();
        float[] values;

        UnitsColumn(Column c) {
            super(c);
            int n = c.shape().size();
            strip.setFitWidth(22);
            strip.setPreserveRatio(false);
            fit(picturesHeight);
            strip.getStyleClass().add("unit-strip");
            strip.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
                if (values == null) return;
                int i = Math.clamp((int) (e.getY() / strip.getFitHeight() * n), 0, n - 1);
                var f = ReceptiveField.ofVectorUnit(builtFor, column.layer(), i);
                showField(f);
                hover.setText(I18n.get("network.hover.unit", title(), i + 1, n, fmt(values[i])) + fieldText(f));
            });
            strip.addEventHandler(MouseEvent.MOUSE_EXITED, e -> { hover.setText(" "); showField(null); });
            var frame = new StackPane(strip);
            frame.getStyleClass().add("map-frame");
            finish(frame, true);
        }

        @Override void fit(double height) {
            int n = column.shape().size();
            double cell = Math.min(6, height / n);
            strip.setFitHeight(cell * n);
            strip.setSmooth(cell < 1); // more units than pixels: average rather than drop
        }

        @Override void update(Trace t) {
            values = values(t, column);
            float s = column.map().scaleOf(values, 0, values.length);
            strip.setImage(MapImages.render(values, 0, values.length, 1, column.map(), s));
            legend(s);
        }
    }

    /** The last layer's raw scores (logits), one labelled cell per class. */
    private final class ScoresColumn extends ColumnView {
        final List<Region> cells = new ArrayList<>();
        final List<Label> numbers = new ArrayList<>();

        ScoresColumn(Column c) {
            super(c);
            var grid = new GridPane();
            grid.setHgap(6);
            grid.setVgap(3);
            for (int i = 0; i < c.shape().size(); i++) {
                var cell = new Region();
                cell.setMinSize(22, 22);
                cell.setPrefSize(22, 22);
                cell.getStyleClass().add("score-cell");
                var num = new Label();
                num.getStyleClass().add("score-value");
                num.setMinWidth(Region.USE_PREF_SIZE);
                grid.addRow(i, cell, num);
                cells.add(cell);
                numbers.add(num);
            }
            finish(grid, true);
        }

        @Override void update(Trace t) {
            float[] v = values(t, column);
            float s = column.map().scaleOf(v, 0, v.length);
            for (int i = 0; i < cells.size(); i++) {
                int argb = column.map().argb(v[i], s);
                // a data colour (the value itself), like a feature-map pixel; not a theme colour
                cells.get(i).setStyle(String.format("-fx-background-color: #%06x;", argb & 0xFFFFFF));
                numbers.get(i).setText(String.format(Locale.ROOT, "%+.2f", v[i]));
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
            bars.setPrefWidth(250);
            finish(bars, false);
            node.setMinWidth(Region.USE_COMPUTED_SIZE); // the bars give way before the maps shrink
        }

        @Override void update(Trace t) {
            var img = vm.resultProperty().get() == null ? null : vm.resultProperty().get().image();
            String prefix = img != null && AppContext.FASHION_MNIST.equals(img.dataset()) ? "class.fashion." : "class.mnist.";
            if (!prefix.equals(bars.getUserData())) {
                bars.setClasses(column.shape().size(), prefix);
                bars.setUserData(prefix);
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
        var pad = new GridPane();
        pad.setHgap(4);
        pad.setVgap(4);
        pad.add(up, 1, 0);
        pad.add(left, 0, 1);
        pad.add(reset, 1, 1);
        pad.add(right, 2, 1);
        pad.add(down, 1, 2);
        pad.add(turnLeft, 0, 2);
        pad.add(turnRight, 2, 2);

        var heading = new Label();
        heading.textProperty().bind(I18n.bind("network.invariance.title"));
        heading.getStyleClass().add("section-title");
        var explain = new Label();
        explain.textProperty().bind(I18n.bind("network.invariance.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("explain");
        shiftLabel.setId("net-shift");
        shiftLabel.getStyleClass().add("shift-value");
        shiftLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.shiftProperty().get();
            return I18n.get("network.shift.value", signed(s.dx()), signed(s.dy()), signed((int) Math.round(s.degrees())));
        }, vm.shiftProperty(), I18n.localeProperty()));
        summary.setId("net-summary");
        summary.getStyleClass().add("summary");
        summary.setWrapText(true);
        var text = new VBox(6, heading, explain, shiftLabel, summary);
        text.setPrefWidth(420);
        text.setMinWidth(260);

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

        var panel = new HBox(24, pad, text, plotBox);
        panel.setAlignment(Pos.CENTER_LEFT);
        panel.setPadding(new Insets(8, 16, 12, 16));
        panel.getStyleClass().add("invariance-panel");
        return panel;
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

    private String inputText() {
        var r = vm.resultProperty().get();
        if (r == null) return "";
        return I18n.get("network.input", r.image().source());
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
