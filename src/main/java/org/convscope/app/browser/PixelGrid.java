package org.convscope.app.browser;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A 28x28 image drawn as 784 squares, each in its own grey (0 black .. 255 white) with its value written on it:
 * the point of the lesson is that an image is just these numbers. Squares fill the available space; values are
 * written once a square is at least {@value #MIN_CELL_FOR_NUMBERS} px (smaller windows: the readout tells the value).
 * <p>
 * Click (or arrow keys) selects a pixel, hovering shows one; {@link #shownPixelProperty()} is the hovered pixel
 * if any, else the selected one, as row * 28 + col. The two outlines are Regions styled in CSS (.pixel-cursor,
 * .pixel-hover) so they follow the theme; the greys are the data itself and do not.
 */
public final class PixelGrid extends Region {
    static final int SIDE = BrowserViewModel.SIDE;
    static final double MIN_CELL_FOR_NUMBERS = 15;

    private final Canvas canvas = new Canvas();
    private final Region cursor = new Region();
    private final Region hover = new Region();
    private final ObjectProperty<byte[]> pixels = new SimpleObjectProperty<>(this, "pixels");
    private final IntegerProperty selectedPixel = new SimpleIntegerProperty(this, "selectedPixel", 14 * SIDE + 14);
    private final ReadOnlyIntegerWrapper hoveredPixel = new ReadOnlyIntegerWrapper(this, "hoveredPixel", -1);
    private final ReadOnlyIntegerWrapper shownPixel = new ReadOnlyIntegerWrapper(this, "shownPixel", -1);
    private double cell, x0, y0;

    public PixelGrid() {
        getStyleClass().add("pixel-grid");
        cursor.getStyleClass().add("pixel-cursor");
        hover.getStyleClass().add("pixel-hover");
        cursor.setMouseTransparent(true);
        hover.setMouseTransparent(true);
        getChildren().addAll(canvas, hover, cursor);
        setFocusTraversable(true);
        setMinSize(SIDE * 8, SIDE * 8);
        setPrefSize(SIDE * 24, SIDE * 24);

        pixels.addListener((obs, o, n) -> draw());
        selectedPixel.addListener((obs, o, n) -> { placeOutlines(); updateShown(); });
        hoveredPixel.addListener((obs, o, n) -> { placeOutlines(); updateShown(); });
        updateShown();

        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoveredPixel.set(pixelAt(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoveredPixel.set(-1));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            int p = pixelAt(e.getX(), e.getY());
            if (p >= 0) selectedPixel.set(p);
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            int p = Math.max(0, selectedPixel.get()), r = p / SIDE, c = p % SIDE;
            switch (e.getCode()) {
                case LEFT -> c = Math.max(0, c - 1);
                case RIGHT -> c = Math.min(SIDE - 1, c + 1);
                case UP -> r = Math.max(0, r - 1);
                case DOWN -> r = Math.min(SIDE - 1, r + 1);
                default -> { return; }
            }
            hoveredPixel.set(-1);
            selectedPixel.set(r * SIDE + c);
            e.consume();
        });
    }

    /** The image, 784 bytes row-major, or null for none. Replace the array (do not mutate it) to redraw. */
    public ObjectProperty<byte[]> pixelsProperty() { return pixels; }

    /** The clicked pixel as row * 28 + col. */
    public IntegerProperty selectedPixelProperty() { return selectedPixel; }

    /** The pixel under the mouse, or -1. */
    public ReadOnlyIntegerProperty hoveredPixelProperty() { return hoveredPixel.getReadOnlyProperty(); }

    /** Hovered pixel if any, else the selected one (what the readout shows). */
    public ReadOnlyIntegerProperty shownPixelProperty() { return shownPixel.getReadOnlyProperty(); }

    /** The pixel at a point in this region's coordinates, or -1 outside the grid. */
    public int pixelAt(double x, double y) {
        if (cell <= 0) return -1;
        int c = (int) Math.floor((x - x0) / cell), r = (int) Math.floor((y - y0) / cell);
        return r < 0 || c < 0 || r >= SIDE || c >= SIDE ? -1 : r * SIDE + c;
    }

    /** Centre of a pixel's square in this region's coordinates (tests click there). */
    public javafx.geometry.Point2D centerOf(int row, int col) {
        return new javafx.geometry.Point2D(x0 + (col + 0.5) * cell, y0 + (row + 0.5) * cell);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        // Whole pixels per square keep every square the same size (no uneven seams on a projector).
        double newCell = Math.max(1, Math.floor(Math.min(w, h) / SIDE));
        double side = newCell * SIDE;
        double nx = snappedLeftInset() + Math.floor((w - side) / 2), ny = snappedTopInset() + Math.floor((h - side) / 2);
        boolean changed = newCell != cell || nx != x0 || ny != y0;
        cell = newCell;
        x0 = nx;
        y0 = ny;
        canvas.relocate(x0, y0);
        if (changed || canvas.getWidth() != side) {
            canvas.setWidth(side);
            canvas.setHeight(side);
            draw();
        }
        placeOutlines();
    }

    private void placeOutlines() {
        place(cursor, selectedPixel.get());
        place(hover, hoveredPixel.get() == selectedPixel.get() ? -1 : hoveredPixel.get());
    }

    private void place(Region outline, int p) {
        outline.setVisible(p >= 0 && cell > 0);
        if (p < 0) return;
        double grow = Math.max(2, cell * 0.12);
        outline.resizeRelocate(x0 + (p % SIDE) * cell - grow, y0 + (p / SIDE) * cell - grow, cell + 2 * grow, cell + 2 * grow);
    }

    private void updateShown() {
        shownPixel.set(hoveredPixel.get() >= 0 ? hoveredPixel.get() : selectedPixel.get());
    }

    private double fontForCell = -1;
    private Font font;

    /** The largest bold font in which "255" fits a square with a 2 px margin each side (measured, not guessed). */
    private Font numberFont(double cellSize) {
        if (cellSize != fontForCell) {
            var probe = new javafx.scene.text.Text("255");
            double size = 6;
            for (double s = 6; s <= cellSize; s += 0.5) {
                probe.setFont(Font.font("System", FontWeight.BOLD, s));
                var b = probe.getLayoutBounds();
                if (b.getWidth() > cellSize - 4 || b.getHeight() > cellSize) break;
                size = s;
            }
            font = Font.font("System", FontWeight.BOLD, size);
            fontForCell = cellSize;
        }
        return font;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double side = canvas.getWidth();
        g.clearRect(0, 0, side, canvas.getHeight());
        byte[] px = pixels.get();
        if (px == null || cell <= 0) return;
        boolean numbers = cell >= MIN_CELL_FOR_NUMBERS;
        g.setFont(numberFont(cell));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int v = px[r * SIDE + c] & 0xFF;
                g.setFill(Color.grayRgb(v));
                g.fillRect(c * cell, r * cell, cell, cell);
                if (numbers) {
                    // Dark text on light squares, light text on dark ones; zeros dimmed so the strokes stand out.
                    g.setFill(v >= 128 ? Color.BLACK : v == 0 ? Color.grayRgb(90) : Color.WHITE);
                    g.fillText(Integer.toString(v), c * cell + cell / 2, r * cell + cell / 2);
                }
            }
        }
        // Thin seams between squares so each pixel reads as one square, even in flat areas.
        g.setStroke(Color.grayRgb(128, 0.35));
        g.setLineWidth(1);
        for (int i = 1; i < SIDE; i++) {
            double t = Math.round(i * cell) + 0.5;
            g.strokeLine(t, 0, t, side);
            g.strokeLine(0, t, side, t);
        }
    }
}
