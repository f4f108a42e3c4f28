package org.convscope.app.training;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.app.I18n;
import org.convscope.engine.LayerWeights;

/**
 * One kernel enlarged, before training and now, side by side (each weight a large sharp square, each picture on its
 * own scale), with its largest weight: opened by clicking a kernel in a {@link KernelGrid}, follows the training.
 * Ids: #kernel-zoom, #kernel-zoom-before, #kernel-zoom-now, #kernel-zoom-title, #kernel-zoom-close.
 */
final class KernelZoom extends VBox {
    /** Screen pixels per weight. */
    static final int ZOOM = 16;

    private final Label title = new Label(), beforeCaption = new Label(), nowCaption = new Label();
    private final ImageView before = new ImageView(), now = new ImageView();
    private KernelGrid grid;
    private String layerKey;
    private int out, in;

    KernelZoom() {
        setId("kernel-zoom");
        getStyleClass().add("kernel-zoom");
        title.setId("kernel-zoom-title");
        title.getStyleClass().add("section-title");
        before.setId("kernel-zoom-before");
        now.setId("kernel-zoom-now");
        before.setSmooth(false);
        now.setSmooth(false);
        beforeCaption.getStyleClass().add("hint");
        nowCaption.getStyleClass().add("hint");
        Button close = new Button("\u00d7");
        close.setId("kernel-zoom-close");
        close.setOnAction(e -> close());
        HBox head = new HBox(8, title, close);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox pictures = new HBox(12, new VBox(4, beforeCaption, before), new VBox(4, nowCaption, now));
        getChildren().addAll(head, pictures);
        setSpacing(6);
        close();
        I18n.onChange(this, () -> refresh());
    }

    /** Shows kernel (out, in) of the grid's layer; the same kernel again closes the zoom. */
    void show(KernelGrid g, String layerKey, int out, int in) {
        if (isVisible() && g == grid && out == this.out && in == this.in) { close(); return; }
        this.grid = g;
        this.layerKey = layerKey;
        this.out = out;
        this.in = in;
        setVisible(true);
        setManaged(true);
        refresh();
    }

    void close() {
        grid = null;
        setVisible(false);
        setManaged(false);
    }

    /** Redraws from the grid's current and initial weights (call after the grid shows new weights). */
    void refresh() {
        if (grid == null || grid.now() == null) return;
        LayerWeights w = grid.now(), b = grid.before();
        int k = w.weightShape()[2];
        if (out >= w.weightShape()[0] || in >= w.weightShape()[1]) { close(); return; }
        title.setText(I18n.get("training.kernels.zoom", I18n.get(layerKey), out + 1, in + 1));
        now.setImage(KernelGrid.render(w, out, in, k, ZOOM));
        nowCaption.setText(I18n.get("training.kernels.zoomNow", max(w)));
        boolean hasBefore = b != null && java.util.Arrays.equals(b.weightShape(), w.weightShape());
        before.setImage(hasBefore ? KernelGrid.render(b, out, in, k, ZOOM) : null);
        beforeCaption.setText(hasBefore ? I18n.get("training.kernels.zoomBefore", max(b)) : "");
    }

    private String max(LayerWeights w) {
        int ci = w.weightShape()[1], k = w.weightShape()[2], off = (out * ci + in) * k * k;
        float m = 0;
        for (int j = off; j < off + k * k; j++) m = Math.max(m, Math.abs(w.weights()[j]));
        return String.format(java.util.Locale.ROOT, "%.3f", m);
    }

    ImageView nowView() { return now; }
    ImageView beforeView() { return before; }
}
