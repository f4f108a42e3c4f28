package org.convscope.app.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.convscope.data.BundledDatasets;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;

/**
 * Scrolling the dataset browser's thumbnail grid through the 10,000 MNIST test images, one row per step, with the
 * app's grid (a ListView of rows, {@link ThumbnailGrid}) and a ControlsFX GridView prototype with the same tiles, in
 * the same run and the same 1280 x 800 window. Each step scrolls one row (118 px) and then does what a frame does
 * (CSS, layout: the cells updated, and with "render" a snapshot); reports ms per step (mean, 95th percentile, worst), the
 * whole pass, and the tiles created. Not a test; run by hand (README, developer section):
 * java --add-exports javafx.base/com.sun.javafx.event=ALL-UNNAMED -Dglass.platform=Headless -Dprism.order=sw
 *      -cp target/classes:target/test-classes:CP org.convscope.app.browser.ThumbnailScrollBench [ROUNDS [STEPS [render]]] (STEPS: rows scrolled per pass, all 836 by
 *      default; render: also draw each step, a snapshot, which costs the same for both and dominates on a busy machine)
 */
public final class ThumbnailScrollBench {
    static int tilesMade, maxSteps;
    static boolean render;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        maxSteps = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        render = args.length > 2 && args[2].equals("render");
        Dataset data = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, (done, total) -> { });
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        for (int r = 0; r < rounds; r++) {
            // alternate the order so that neither always runs on a warmer JIT
            List<String> order = r % 2 == 0 ? List.of("ListView rows (app)", "GridView (ControlsFX)") : List.of("GridView (ControlsFX)", "ListView rows (app)");
            for (String which : order) System.out.println("round " + (r + 1) + "  " + run(which, data));
        }
        Platform.exit();
    }

    static String run(String which, Dataset data) throws Exception {
        var result = new String[1];
        var done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                tilesMade = 0;
                Parent root;
                if (which.startsWith("ListView")) {
                    var model = new BrowserViewModel();
                    model.dataProperty().set(data);
                    root = new ThumbnailGrid(model);
                } else {
                    root = gridView(data);
                }
                var stage = new Stage();
                var scene = new Scene(root, 1280, 800);
                stage.setScene(scene);
                stage.show();
                root.applyCss();
                root.layout();
                VirtualFlow<?> flow = (VirtualFlow<?>) root.lookup(".virtual-flow");
                var image = new WritableImage(1280, 800);
                int rowsTotal = Math.min(maxSteps, (data.count() + 11) / 12 + 2);
                List<Double> ms = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int step = 0; step < rowsTotal; step++) {
                    long s = System.nanoTime();
                    flow.scrollPixels(ThumbnailGrid.TILE_H);
                    root.applyCss();
                    root.layout();
                    if (render) scene.snapshot(image);
                    ms.add((System.nanoTime() - s) / 1e6);
                }
                double total = (System.nanoTime() - t0) / 1e9;
                int tiles = which.startsWith("ListView") ? (int) root.lookupAll(".thumbnail").size() : tilesMade;
                ms.sort(null);
                double mean = ms.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                result[0] = String.format(Locale.ROOT, "%-22s %d steps in %.2f s: %.2f ms/step mean, %.2f p95, %.2f worst; tile nodes %d",
                        which, ms.size(), total, mean, ms.get((int) (ms.size() * 0.95)), ms.getLast(), tiles);
                stage.hide();
            } catch (Exception e) {
                result[0] = which + " failed: " + e;
            } finally {
                done.countDown();
            }
        });
        done.await();
        return result[0];
    }

    /** The prototype: every image an item, ControlsFX lays the cells out in rows as wide as the window allows. */
    static GridView<Integer> gridView(Dataset data) {
        var items = FXCollections.<Integer>observableArrayList();
        for (int i = 0; i < data.count(); i++) items.add(i);
        var grid = new GridView<>(items);
        grid.setCellWidth(ThumbnailGrid.TILE_W);
        grid.setCellHeight(ThumbnailGrid.TILE_H);
        grid.setHorizontalCellSpacing(0);
        grid.setVerticalCellSpacing(0);
        grid.setCellFactory(g -> new TileCell(data));
        return grid;
    }

    /** The same tile as the app's: the 28 x 28 image drawn at 84 px, its class underneath. */
    static final class TileCell extends GridCell<Integer> {
        private final Dataset data;
        private final WritableImage image = new WritableImage(28, 28);
        private final ImageView view = new ImageView(image);
        private final Label label = new Label();
        private final VBox box = new VBox(view, label);
        private final int[] argb = new int[28 * 28];

        TileCell(Dataset data) {
            this.data = data;
            tilesMade++;
            view.setFitWidth(ThumbnailGrid.IMAGE);
            view.setFitHeight(ThumbnailGrid.IMAGE);
            view.setSmooth(false);
            box.setAlignment(Pos.TOP_CENTER);
            box.getStyleClass().add("thumbnail");
        }

        @Override protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            if (empty || index == null) { setGraphic(null); return; }
            byte[] images = data.images();
            int base = index * 28 * 28;
            for (int i = 0; i < argb.length; i++) {
                int g = images[base + i] & 0xFF;
                argb[i] = 0xFF000000 | g << 16 | g << 8 | g;
            }
            image.getPixelWriter().setPixels(0, 0, 28, 28, PixelFormat.getIntArgbInstance(), argb, 0, 28);
            label.setText(String.valueOf(data.label(index)));
            setGraphic(box);
        }
    }
}
