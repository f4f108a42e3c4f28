package org.convscope.app.training;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.convscope.app.common.ColorMap;
import org.convscope.app.common.MapImages;
import org.convscope.engine.LayerWeights;

/**
 * A convolution layer's kernels as small pictures, one per (output channel, input channel) slice: column o is the
 * kernel of output map o, row i its slice for input channel i (conv1: 6 x 1, conv2: 16 x 6). Red is a positive
 * weight, blue a negative one, white zero (ColorMap.SIGNED), on one scale for the whole layer so that slices compare.
 * Random noise at the start turns into strokes and edge detectors as training goes.
 */
final class KernelGrid extends VBox {
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final List<ImageView> views = new ArrayList<>();
    private final double cell;
    private LayerWeights shown;

    KernelGrid(ObservableValue<String> titleText, double cellSize) {
        this.cell = cellSize;
        getStyleClass().add("kernel-grid");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(titleText);
        grid.setHgap(3);
        grid.setVgap(3);
        getChildren().addAll(title, grid);
        setSpacing(6);
    }

    /** Shows the layer's kernels (weightShape (Co, Ci, K, K)); null clears. Cheap when the same copy comes again. */
    void show(LayerWeights w) {
        if (w == shown) return;
        shown = w;
        if (w == null) { grid.getChildren().clear(); views.clear(); return; }
        int co = w.weightShape()[0], ci = w.weightShape()[1], k = w.weightShape()[2];
        if (views.size() != co * ci) {
            grid.getChildren().clear();
            views.clear();
            for (int i = 0; i < ci; i++)
                for (int o = 0; o < co; o++) {
                    ImageView v = new ImageView();
                    v.setSmooth(false);
                    v.setFitWidth(cell);
                    v.setFitHeight(cell);
                    v.getStyleClass().add("kernel");
                    grid.add(v, o, i);
                    views.add(v);
                }
        }
        // One scale for the layer: 3 x the RMS weight, at most the largest |weight|. The plain maximum lets a
        // single large weight wash every other kernel out to white; beyond the scale colours saturate.
        double sq = 0;
        for (float v : w.weights()) sq += (double) v * v;
        float rms = (float) Math.sqrt(sq / Math.max(1, w.weights().length));
        float scale = Math.min(ColorMap.SIGNED.scaleOf(w.weights(), 0, w.weights().length), 3 * rms);
        if (!(scale > 0)) scale = 1e-6f;
        for (int i = 0; i < ci; i++)
            for (int o = 0; o < co; o++)
                views.get(i * co + o).setImage(MapImages.render(w.weights(), (o * ci + i) * k * k, k, k, ColorMap.SIGNED, scale));
    }

    int kernelCount() { return views.size(); }
}
