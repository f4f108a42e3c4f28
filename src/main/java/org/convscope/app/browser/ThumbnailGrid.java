package org.convscope.app.browser;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The images passing the filter as a grid of thumbnails, virtualised: a ListView whose items are row numbers, each
 * cell lays out one row of tiles. Only the rows on screen exist as nodes (a few hundred tiles for 60,000 images),
 * and a tile repaints its 28x28 image when the cell is reused. The number of tiles per row follows the width.
 * Tiles (.thumbnail) have ids "thumb-&lt;dataset index&gt;" and the pseudo-class :selected on the selected image.
 * Arrow keys move the selection (left/right by one, up/down by a row).
 */
final class ThumbnailGrid extends StackPane {
    static final double IMAGE = 84, TILE_W = 104, TILE_H = 118;

    private final BrowserViewModel model;
    private final ListView<Integer> rows = new ListView<>();
    private int perRow = 1;

    ThumbnailGrid(BrowserViewModel model) {
        this.model = model;
        getStyleClass().add("thumbnail-grid");
        rows.setId("thumbnails");
        rows.setFixedCellSize(TILE_H);
        rows.setCellFactory(lv -> new RowCell());
        rows.getStyleClass().add("thumbnail-rows");
        // Selecting happens on tiles (model.selected); the ListView's own row selection is made invisible in CSS.
        getChildren().add(rows);

        rows.widthProperty().addListener((obs, o, w) -> layoutRows());
        model.visibleProperty().addListener((obs, o, v) -> {
            layoutRows();
            rows.scrollTo(0);
        });
        model.selectedProperty().addListener((obs, o, n) -> {
            rows.refresh();
            reveal(n.intValue());
        });
        model.dataProperty().addListener((obs, o, d) -> rows.refresh());
        org.convscope.app.I18n.onChange(this, () -> rows.refresh()); // class names
        rows.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** Tiles per row at the current width (at least 1). */
    int perRow() { return perRow; }

    private void layoutRows() {
        // 24 px: room for the vertical scroll bar and the list's padding.
        int n = Math.max(1, (int) ((rows.getWidth() - 24) / TILE_W));
        int count = model.visibleProperty().get().length;
        int rowCount = (count + n - 1) / n;
        if (n != perRow || rows.getItems().size() != rowCount) {
            perRow = n;
            // A list of 0..rowCount-1 without boxing them all up front.
            rows.setItems(FXCollections.observableList(new AbstractList<>() {
                @Override public Integer get(int i) { return i; }
                @Override public int size() { return rowCount; }
            }));
        }
        rows.refresh();
    }

    private void reveal(int datasetIndex) {
        int pos = java.util.Arrays.binarySearch(model.visibleProperty().get(), datasetIndex);
        if (pos < 0) return;
        int row = pos / perRow;
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) rows.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            rows.scrollTo(row);
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex(), last = flow.getLastVisibleCell().getIndex();
        // Only fully visible rows count; otherwise bring the row into view without jumping the page needlessly.
        if (row <= first || row >= last) rows.scrollTo(Math.max(0, row - (row >= last ? Math.max(0, last - first - 1) : 0)));
    }

    private void onKey(KeyEvent e) {
        int[] v = model.visibleProperty().get();
        if (v.length == 0) return;
        int pos = Math.max(0, java.util.Arrays.binarySearch(v, model.selectedProperty().get()));
        int next = switch (e.getCode()) {
            case LEFT -> pos - 1;
            case RIGHT -> pos + 1;
            case UP -> pos - perRow;
            case DOWN -> pos + perRow;
            case HOME -> 0;
            case END -> v.length - 1;
            default -> Integer.MIN_VALUE;
        };
        if (next == Integer.MIN_VALUE) return;
        model.selectedProperty().set(v[Math.clamp(next, 0, v.length - 1)]);
        e.consume();
    }

    /** One row of tiles; tiles are created once per cell and reused. */
    private final class RowCell extends ListCell<Integer> {
        private final HBox box = new HBox();
        private final List<Tile> tiles = new ArrayList<>();

        RowCell() {
            box.getStyleClass().add("thumbnail-row");
            getStyleClass().add("thumbnail-row-cell");
            setText(null);
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || model.dataProperty().get() == null) {
                setGraphic(null);
                return;
            }
            while (tiles.size() < perRow) tiles.add(new Tile());
            int[] v = model.visibleProperty().get();
            var shown = new ArrayList<javafx.scene.Node>(perRow);
            for (int i = 0; i < perRow; i++) {
                int pos = row * perRow + i;
                if (pos >= v.length) break;
                Tile t = tiles.get(i);
                t.show(v[pos]);
                shown.add(t);
            }
            box.getChildren().setAll(shown);
            setGraphic(box);
        }
    }

    /** One image with its label underneath. */
    private final class Tile extends VBox {
        private final WritableImage image = new WritableImage(BrowserViewModel.SIDE, BrowserViewModel.SIDE);
        private final ImageView view = new ImageView(image);
        private final Label label = new Label();
        private final int[] argb = new int[BrowserViewModel.PIXELS];
        private int index = -1;

        Tile() {
            view.setFitWidth(IMAGE);
            view.setFitHeight(IMAGE);
            view.setSmooth(false); // one crisp square per pixel
            label.getStyleClass().add("thumbnail-label");
            label.setMaxWidth(TILE_W - 8);
            getChildren().addAll(view, label);
            getStyleClass().add("thumbnail");
            setAlignment(Pos.TOP_CENTER);
            setPrefSize(TILE_W, TILE_H);
            setMinSize(TILE_W, TILE_H);
            setMaxSize(TILE_W, TILE_H);
            setOnMouseClicked(e -> {
                rows.requestFocus();
                model.selectedProperty().set(index);
            });
        }

        void show(int datasetIndex) {
            index = datasetIndex;
            setId("thumb-" + datasetIndex);
            byte[] images = model.dataProperty().get().images();
            int base = datasetIndex * BrowserViewModel.PIXELS;
            for (int i = 0; i < argb.length; i++) {
                int g = images[base + i] & 0xFF;
                argb[i] = 0xFF000000 | g << 16 | g << 8 | g;
            }
            image.getPixelWriter().setPixels(0, 0, BrowserViewModel.SIDE, BrowserViewModel.SIDE,
                    PixelFormat.getIntArgbInstance(), argb, 0, BrowserViewModel.SIDE);
            label.setText(model.className(model.label(datasetIndex)));
            pseudoClassStateChanged(SELECTED, datasetIndex == model.selectedProperty().get());
        }
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");
}
