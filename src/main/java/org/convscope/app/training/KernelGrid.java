package org.convscope.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.convscope.app.I18n;
import org.convscope.app.common.ColorMap;
import org.convscope.engine.LayerWeights;

/**
 * A convolution layer's kernels as pictures, one per (output channel, input channel) slice: column o is the kernel of
 * output map o, row i its slice for input channel i (conv1: 6 x 1, conv2: 16 x 6). Red is a positive weight, blue a
 * negative one, white zero (ColorMap.SIGNED). Each slice is scaled on its own (its largest |weight| is full colour),
 * so a kernel's pattern can be read even when its weights are small; the pictures are drawn with whole screen pixels
 * per weight (no smoothing). With {@code withBefore}, a second row shows the kernels as they were before training
 * (set by {@link #setBefore}) above the current ones. Clicking a kernel reports (output, input channel) to the
 * listener (the {@link KernelZoom} shows it large). Random noise at the start turns into strokes and edges.
 */
final class KernelGrid extends VBox {
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final List<ImageView> views = new ArrayList<>(), beforeViews = new ArrayList<>();
    private final double cell;
    private final boolean withBefore;
    private LayerWeights shown, before;
    private BiConsumer<Integer, Integer> onPick = (o, i) -> { };

    KernelGrid(ObservableValue<String> titleText, double cellSize, boolean withBefore) {
        this.cell = cellSize;
        this.withBefore = withBefore;
        getStyleClass().add("kernel-grid");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(titleText);
        grid.setHgap(3);
        grid.setVgap(3);
        grid.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, grid);
        setSpacing(6);
    }

    /** Called with (output channel, input channel) when a kernel is clicked. */
    void setOnPick(BiConsumer<Integer, Integer> onPick) { this.onPick = onPick; }

    /** Shows the layer's kernels (weightShape (Co, Ci, K, K)); null clears. Cheap when the same copy comes again. */
    void show(LayerWeights w) {
        if (w == shown) return;
        shown = w;
        if (w == null) { grid.getChildren().clear(); views.clear(); beforeViews.clear(); return; }
        int co = w.weightShape()[0], ci = w.weightShape()[1], k = w.weightShape()[2];
        if (views.size() != co * ci) build(co, ci, k);
        for (int i = 0; i < ci; i++)
            for (int o = 0; o < co; o++) views.get(i * co + o).setImage(render(w, o, i, k, zoomOf(k)));
        showBefore();
    }

    /** The kernels before training (null: none known); shown in the "before" row when the grid has one. */
    void setBefore(LayerWeights w) {
        before = w;
        showBefore();
    }

    LayerWeights before() { return before; }
    LayerWeights now() { return shown; }

    private void showBefore() {
        if (!withBefore || shown == null) return;
        int co = shown.weightShape()[0], ci = shown.weightShape()[1], k = shown.weightShape()[2];
        boolean same = before != null && before.weightShape()[0] == co && before.weightShape()[1] == ci && before.weightShape()[2] == k;
        for (int i = 0; i < ci; i++)
            for (int o = 0; o < co; o++) beforeViews.get(i * co + o).setImage(same ? render(before, o, i, k, zoomOf(k)) : null);
    }

    private int zoomOf(int k) { return Math.max(1, (int) Math.round(cell / k)); }

    private void build(int co, int ci, int k) {
        grid.getChildren().clear();
        views.clear();
        beforeViews.clear();
        int firstRow = 0;
        if (withBefore) {
            grid.add(rowLabel("training.kernels.before"), 0, 0);
            grid.add(rowLabel("training.kernels.now"), 0, ci);
            for (int i = 0; i < ci; i++)
                for (int o = 0; o < co; o++) beforeViews.add(kernelView(o, i, k, "kernel-before-" + o + "-" + i));
            for (int i = 0; i < ci; i++)
                for (int o = 0; o < co; o++) grid.add(beforeViews.get(i * co + o), o + 1, i);
            firstRow = ci;
        }
        for (int i = 0; i < ci; i++)
            for (int o = 0; o < co; o++) {
                ImageView v = kernelView(o, i, k, "kernel-" + getId() + "-" + o + "-" + i);
                grid.add(v, o + (withBefore ? 1 : 0), firstRow + i);
                views.add(v);
            }
    }

    private Label rowLabel(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        l.getStyleClass().add("hint");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private ImageView kernelView(int o, int i, int k, String id) {
        ImageView v = new ImageView();
        v.setSmooth(false);
        int side = k * zoomOf(k);
        v.setFitWidth(side);
        v.setFitHeight(side);
        v.getStyleClass().add("kernel");
        v.setId(id);
        v.setCursor(Cursor.HAND);
        v.setOnMouseClicked(e -> onPick.accept(o, i));
        return v;
    }

    /**
     * Slice (o, i) of the weights as a picture of (k * zoom)^2 pixels, each weight a zoom x zoom square (the image is
     * already at its screen size, so no pipeline can blur it), scaled on its own largest |weight|.
     */
    static WritableImage render(LayerWeights w, int o, int i, int k, int zoom) {
        int ci = w.weightShape()[1];
        int off = (o * ci + i) * k * k;
        float scale = ColorMap.SIGNED.scaleOf(w.weights(), off, k * k);
        int side = k * zoom;
        int[] argb = new int[side * side];
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++) argb[y * side + x] = ColorMap.SIGNED.argb(w.weights()[off + (y / zoom) * k + x / zoom], scale);
        WritableImage img = new WritableImage(side, side);
        img.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0, side);
        return img;
    }

    int kernelCount() { return views.size(); }
}
