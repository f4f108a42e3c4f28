package org.convscope.app.flatten;

import java.util.List;

import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.AnimationControls;
import org.convscope.app.common.ColorMap;
import org.convscope.app.common.ConceptPage;
import org.convscope.app.common.ExportPanel;
import org.convscope.app.common.GifRecording;
import org.convscope.app.common.Playback;
import org.convscope.app.common.ThemedCanvas;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Flattening (concepts.md section 9): the 28x28 image peels off row by row into a 784-long vector. A picked pixel,
 * its right-hand neighbour (1 position away in the vector) and the pixel below it (28 positions away) are marked in
 * the picture, in the whole vector and in a magnified stretch of it; a 3x3 or 5x5 kernel outline shows what a
 * convolution sees together and where those cells end up after flattening.
 */
public final class FlattenView implements ConceptView {

    private static final String FG = "-color-fg-default", MUTED = "-color-fg-muted", BG = "-color-bg-default",
            PIXEL = "-color-accent-emphasis", RIGHT = "-color-success-emphasis", BELOW = "-color-warning-emphasis",
            KERNEL = "-color-danger-emphasis", BORDER = "-color-border-default",
            DARK = "-color-dark", LIGHT = "-color-light";

    /** Cells of the magnified stretch: 30 before the picked pixel and 33 after, so that +28 and a 3x3 kernel fit. */
    static final int LENS_BEFORE = 30, LENS_AFTER = 33;

    private final AppContext ctx;
    private final FlattenViewModel model = new FlattenViewModel();
    /** Rows are the sweep's positions and the pixels of a row its terms; its stepSeconds (seconds per row) is the one speed property. */
    private final Playback playback = new Playback();
    /** When each vector position's pixel arrived (System.nanoTime), 0 while it is still in the picture. */
    private final long[] arrivedAt;
    /** How long the pixels that just arrived take to fly from the picture into the vector. */
    private long flyNanos;
    private final AnimationTimer flight = new AnimationTimer() {
        @Override public void handle(long now) {
            canvas.repaint();
            if (!inFlight(now)) stop();
        }
    };
    private ExportPanel export;
    /** GIF: two frames per row (half a row, then the whole row), the last one held. */
    static final int GIF_FRAMES_PER_ROW = 2, GIF_MAX_WIDTH = 960;
    private float[] pixels;
    private boolean ramp;
    private ConceptPage page;
    private ThemedCanvas canvas;
    private final Label position = new Label(), right = new Label(), below = new Label(), kernelText = new Label(),
            progressText = new Label(), imageSource = new Label();

    public FlattenView(AppContext ctx) {
        this.ctx = ctx;
        Flattening f = model.flattening();
        arrivedAt = new long[f.length()];
        playback.stepSecondsProperty().set(0.25);
        playback.reset(f.height(), f.width());
        playback.toEnd(); // open on the finished vector, the picture still shown faintly above it
        playback.cursorProperty().addListener((o, a, c) -> follow(c));
        follow(playback.cursor());
        ctx.currentImageProperty().addListener((o, a, b) -> useImage(b));
        useImage(ctx.currentImageProperty().get());
    }

    @Override public String id() { return "flatten"; }
    @Override public String titleKey() { return "flatten.nav"; }
    @Override public Ikon icon() { return Material2AL.LINEAR_SCALE; }

    @Override
    public Node node() {
        if (page == null) build();
        return page;
    }

    @Override public void onHide() { hidden = true; playback.pause(); flight.stop(); }

    @Override public void onShow() {
        hidden = false;
        if (redrawOnShow && page != null) { redrawOnShow = false; refresh(); }
    }

    private boolean hidden, redrawOnShow;

    public FlattenViewModel model() { return model; }
    public Playback playback() { return playback; }
    public ExportPanel export() { return export; }

    private void useImage(AppContext.InputImage img) {
        if (img != null && img.pixels().length == model.flattening().length()) {
            pixels = img.pixels().clone();
            ramp = false;
        } else {
            // no image yet: brightness = vector position, so the order of the vector is itself visible
            pixels = new float[model.flattening().length()];
            for (int i = 0; i < pixels.length; i++) pixels[i] = (float) i / (pixels.length - 1);
            ramp = true;
        }
        if (page == null) return;
        if (hidden) redrawOnShow = true; // a new picture while another view is shown: drawn when this one opens
        else refresh();
    }

    private void build() {
        Flattening f = model.flattening();
        page = new ConceptPage("flatten.title", "flatten.explanation", f.height(), f.width(), f.length());
        page.setId("flatten-view");
        canvas = new ThemedCanvas(FG, MUTED, BG, PIXEL, RIGHT, BELOW, KERNEL, BORDER, DARK, LIGHT);
        canvas.setId("flatten-canvas");
        canvas.setPrefSize(1100, 800);
        canvas.setPainter(this::paint);
        canvas.setOnMouseClicked(e -> {
            int[] hit = hit(canvas.getWidth(), canvas.getHeight(), e.getX(), e.getY());
            if (hit != null) {
                model.pickIndex(hit[0]);
                refresh();
            }
        });
        imageSource.getStyleClass().add("concept-caption");
        imageSource.setId("flatten-source");
        AnimationControls controls = new AnimationControls(playback, "flatten.term");
        controls.installKeys(page);
        VBox content = new VBox(6, imageSource, canvas, controls);
        javafx.scene.layout.VBox.setVgrow(canvas, javafx.scene.layout.Priority.ALWAYS);
        page.setContent(content);
        export = new ExportPanel("flatten", "convscope-flatten", page, this::gifFrames, ctx.services().background());

        ToggleGroup kernels = new ToggleGroup();
        HBox kernelBox = new HBox(8, ConceptPage.text("flatten.kernel.choose", "concept-detail"));
        kernelBox.setAlignment(Pos.CENTER_LEFT);
        for (int k : new int[] {3, 5}) {
            ToggleButton b = new ToggleButton(k + "×" + k);
            b.setId("flatten-kernel-" + k);
            b.setToggleGroup(kernels);
            b.setSelected(k == model.kernel());
            b.setOnAction(e -> {
                if (!b.isSelected()) { b.setSelected(true); return; }
                model.setKernel(k);
                refresh();
            });
            kernelBox.getChildren().add(b);
        }

        position.setId("flatten-position");
        right.setId("flatten-right");
        below.setId("flatten-below");
        kernelText.setId("flatten-kernel");
        progressText.setId("flatten-progress");
        for (Label l : List.of(position, right, below, kernelText)) { l.getStyleClass().add("concept-formula"); l.setWrapText(true); }
        progressText.getStyleClass().add("concept-caption");
        page.side().getChildren().addAll(progressText,
                ConceptPage.text("flatten.pick.hint", "concept-caption"),
                swatch(PIXEL, position), swatch(RIGHT, right), swatch(BELOW, below), kernelBox, swatch(KERNEL, kernelText), export);
        I18n.onChange(page, () -> refresh());
        refresh();
    }

    /** A label with a small square in the colour its cells are marked with. */
    private static Node swatch(String lookup, Label label) {
        javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(18, 18);
        r.setStyle("-fx-fill: " + lookup + ";");
        HBox box = new HBox(10, r, label);
        box.setAlignment(Pos.TOP_LEFT);
        javafx.scene.layout.HBox.setMargin(r, new javafx.geometry.Insets(8, 0, 0, 0));
        return box;
    }

    /**
     * The playback cursor moved: position = complete rows, done = pixels of the current row. Pixels that just
     * arrived fly into the vector (for most of one step); a jump of more than two rows (scrubbing, "to the end")
     * lands at once, and pixels sent back return to the picture at once.
     */
    private void follow(Playback.Cursor c) {
        model.setArrived(c.position(), c.done());
        long now = System.nanoTime();
        int arriving = 0;
        for (int i = 0; i < arrivedAt.length; i++) if (model.arrived(i) && arrivedAt[i] == 0) arriving++;
        double step = playback.secondsPerStep();
        flyNanos = arriving > 2 * model.flattening().width() ? 0 : (long) (Math.min(0.45, 0.9 * step) * 1e9);
        for (int i = 0; i < arrivedAt.length; i++) {
            if (!model.arrived(i)) arrivedAt[i] = 0;
            else if (arrivedAt[i] == 0) arrivedAt[i] = now;
        }
        if (page != null) {
            refresh();
            if (inFlight(now)) flight.start();
        }
    }

    private boolean inFlight(long now) {
        if (flyNanos <= 0) return false;
        for (long t : arrivedAt) if (t != 0 && now - t < flyNanos) return true;
        return false;
    }

    /** How far pixel i has travelled from the picture to the vector on screen, 0..1 (smoothstep eased). */
    private double travel(int i, long now) {
        if (arrivedAt[i] == 0) return 0;
        if (flyNanos <= 0) return 1;
        double p = Math.clamp((now - arrivedAt[i]) / (double) flyNanos, 0.0, 1.0);
        return p * p * (3 - 2 * p);
    }

    /** The flattening as an animated GIF: from the picture, half a row per frame, to the full vector. */
    private GifRecording.Frames gifFrames() {
        Flattening f = model.flattening();
        double scale = Math.min(1.0, GIF_MAX_WIDTH / Math.max(1, canvas.getWidth()));
        double w = Math.max(200, canvas.getWidth() * scale), h = Math.max(150, canvas.getHeight() * scale);
        int count = f.height() * GIF_FRAMES_PER_ROW + 1;
        int delay = (int) Math.max(20, Math.round(playback.stepSeconds() * 1000 / GIF_FRAMES_PER_ROW));
        Canvas off = new Canvas(w, h);
        return new GifRecording.Frames() {
            @Override public int count() { return count; }
            @Override public Image render(int k) {
                int half = f.width() / GIF_FRAMES_PER_ROW;
                int rows = k / GIF_FRAMES_PER_ROW, px = (k % GIF_FRAMES_PER_ROW) * half;
                GraphicsContext g = off.getGraphicsContext2D();
                g.setFill(canvas.color(BG));
                g.fillRect(0, 0, w, h);
                paintFrame(g, w, h, i -> {
                    int r = f.rowOf(i);
                    return r < rows || r == rows && f.columnOf(i) < px ? 1 : 0;
                });
                return off.snapshot(null, null);
            }
            @Override public int delayMillis(int k) { return k == count - 1 ? 2500 : delay; }
        };
    }

    private void refresh() {
        if (page == null) return;
        Flattening f = model.flattening();
        int y = model.row(), x = model.column(), i = model.index();
        imageSource.setText(ramp ? I18n.get("flatten.source.ramp") : I18n.get("flatten.source.image", ctx.currentImageProperty().get().source()));
        position.setText(I18n.get("flatten.position", y, x, f.width(), i));
        right.setText(model.rightIndex() >= 0 ? I18n.get("flatten.right", y, x + 1, model.rightIndex(), model.rightDistance())
                : i + 1 < f.length() ? I18n.get("flatten.right.none", i + 1, y + 1)
                : I18n.get("flatten.right.end"));
        below.setText(model.lowerIndex() < 0
                ? I18n.get("flatten.below.none")
                : I18n.get("flatten.below", y + 1, x, model.lowerIndex(), model.lowerDistance()));
        int k = model.kernel();
        kernelText.setText(I18n.get("flatten.kernel", k, model.kernelIndices().size(), model.kernelPieces(), model.kernelSpan()));
        progressText.setText(I18n.get("flatten.progress", model.rowsDone(), f.height(), model.pixelsDone()));
        canvas.repaint();
    }

    /** Where the parts of the picture go on a canvas of the given size. */
    private record Geometry(double gridX, double gridY, double cell, double stripX, double stripY, double stripCell,
                            double stripH, double lensY, double lensCell, int lensFrom, int lensTo) {}

    private Geometry geometry(double w, double h) {
        Flattening f = model.flattening();
        double pad = 12, font = canvas.fontSize();
        double lensCell = (w - 2 * pad) / (LENS_BEFORE + LENS_AFTER + 1);
        double stripH = Math.max(24, font * 2);
        // picture on top, then the whole vector, then the magnified stretch (with room for labels above and below)
        double below = font * 3 + stripH + font * 5 + lensCell + font * 3;
        double cell = Math.max(4, Math.min((h - below - 2 * pad) / f.height(), (w - 2 * pad) / f.width()));
        double gridX = pad, gridY = pad;
        double stripX = pad, stripY = gridY + cell * f.height() + font * 2.5;
        double stripCell = (w - 2 * pad) / f.length();
        double lensY = stripY + stripH + font * 5;
        int i = model.index();
        int from = Math.max(0, Math.min(i - LENS_BEFORE, f.length() - (LENS_BEFORE + LENS_AFTER + 1)));
        int to = Math.min(f.length() - 1, from + LENS_BEFORE + LENS_AFTER);
        return new Geometry(gridX, gridY, cell, stripX, stripY, stripCell, stripH, lensY, lensCell, from, to);
    }

    /** The vector position under (px, py): a picture cell, a cell of the whole vector or of the magnified stretch; null elsewhere. */
    private int[] hit(double w, double h, double px, double py) {
        Flattening f = model.flattening();
        Geometry g = geometry(w, h);
        if (px >= g.gridX() && py >= g.gridY() && px < g.gridX() + g.cell() * f.width() && py < g.gridY() + g.cell() * f.height()) {
            return new int[] {f.index((int) ((py - g.gridY()) / g.cell()), (int) ((px - g.gridX()) / g.cell()))};
        }
        if (py >= g.stripY() && py < g.stripY() + g.stripH() && px >= g.stripX()) {
            int i = (int) ((px - g.stripX()) / g.stripCell());
            if (i < f.length()) return new int[] {i};
        }
        if (py >= g.lensY() && py < g.lensY() + g.lensCell() && px >= g.stripX()) {
            int i = g.lensFrom() + (int) ((px - g.stripX()) / g.lensCell());
            if (i <= g.lensTo()) return new int[] {i};
        }
        return null;
    }

    /** Screen position (canvas coordinates) of the centre of picture cell (y, x), for tests that click a pixel. */
    public javafx.geometry.Point2D cellCentre(int y, int x) {
        Geometry g = geometry(canvas.getWidth(), canvas.getHeight());
        return new javafx.geometry.Point2D(g.gridX() + (x + 0.5) * g.cell(), g.gridY() + (y + 0.5) * g.cell());
    }

    public ThemedCanvas canvas() { return canvas; }

    private void paint(GraphicsContext g, double w, double h) {
        long now = System.nanoTime();
        paintFrame(g, w, h, i -> travel(i, now));
    }

    /** @param travel how far the pixel at each vector position has moved from the picture into the vector, 0..1 */
    private void paintFrame(GraphicsContext g, double w, double h, java.util.function.IntToDoubleFunction travel) {
        Flattening f = model.flattening();
        Geometry geo = geometry(w, h);
        double font = canvas.fontSize();
        int H = f.height(), W = f.width();
        double cell = geo.cell();

        // the picture's frame and the ghost of rows that have left (faint, so the grid stays readable)
        g.setStroke(canvas.color(BORDER));
        g.setLineWidth(1);
        g.strokeRect(geo.gridX() - 1, geo.gridY() - 1, cell * W + 2, cell * H + 2);
        g.setGlobalAlpha(0.5);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                g.setFill(gray(pixels[f.index(y, x)]));
                g.fillRect(geo.gridX() + x * cell, geo.gridY() + y * cell, cell, cell);
            }
        g.setGlobalAlpha(1);

        // the vector's frame and index ticks every 28 positions (one row each)
        g.setStroke(canvas.color(BORDER));
        g.strokeRect(geo.stripX() - 1, geo.stripY() - 1, geo.stripCell() * f.length() + 2, geo.stripH() + 2);

        // every pixel on its way from the picture to the vector
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = f.index(y, x);
                double e = travel.applyAsDouble(i);
                double x0 = geo.gridX() + x * cell, y0 = geo.gridY() + y * cell;
                double x1 = geo.stripX() + i * geo.stripCell(), y1 = geo.stripY();
                double cw = cell + (geo.stripCell() - cell) * e, ch = cell + (geo.stripH() - cell) * e;
                g.setFill(gray(pixels[i]));
                // +0.75: neighbouring cells overlap a little, so no light seams show between sub-pixel wide cells
                g.fillRect(x0 + (x1 - x0) * e, y0 + (y1 - y0) * e, Math.max(cw, 1) + 0.75, ch);
            }
        }

        g.setFont(canvas.numberFont(0.9)); // the strip's positions: 0, 196, ... 783
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(canvas.color(MUTED));
        for (int y = 0; y <= H; y += 7) {
            double x = geo.stripX() + y * W * geo.stripCell();
            // the last label (783) ends at the strip's right edge instead of running past it
            g.setTextAlign(y == 0 ? TextAlignment.LEFT : y >= H ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(String.valueOf(Math.min(y * W, f.length() - 1)), x, geo.stripY() + geo.stripH() + font * 1.3);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(I18n.get("flatten.canvas.vector", f.length()), geo.stripX(), geo.stripY() - font * 0.5);
        paintPatch(g, geo, w);

        int i = model.index(), ri = model.rightIndex(), li = model.lowerIndex();
        List<Integer> kernel = model.kernelIndices();

        // marks in the picture: the kernel outline, then the three cells
        int k = model.kernel(), r = k / 2;
        g.setStroke(canvas.color(KERNEL));
        g.setLineWidth(3);
        g.setLineDashes(6, 4);
        int ky0 = Math.max(0, model.row() - r), kx0 = Math.max(0, model.column() - r);
        int ky1 = Math.min(H - 1, model.row() + r), kx1 = Math.min(W - 1, model.column() + r);
        g.strokeRect(geo.gridX() + kx0 * cell - 2, geo.gridY() + ky0 * cell - 2, (kx1 - kx0 + 1) * cell + 4, (ky1 - ky0 + 1) * cell + 4);
        g.setLineDashes();
        markGrid(g, geo, i, PIXEL);
        if (ri >= 0) markGrid(g, geo, ri, RIGHT);
        if (li >= 0) markGrid(g, geo, li, BELOW);

        // marks on the whole vector: kernel cells as bars above it, the three positions as triangles below it
        g.setFill(canvas.color(KERNEL));
        for (int c : kernel) g.fillRect(geo.stripX() + c * geo.stripCell(), geo.stripY() - font * 0.3 - 6, Math.max(2, geo.stripCell()), 6);
        markStrip(g, geo, i, PIXEL);
        if (ri >= 0) markStrip(g, geo, ri, RIGHT);
        if (li >= 0) markStrip(g, geo, li, BELOW);

        // the magnified stretch, joined to where it sits in the vector
        double lx0 = geo.stripX(), lensW = geo.lensCell() * (geo.lensTo() - geo.lensFrom() + 1);
        g.setStroke(canvas.color(MUTED));
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        g.strokeLine(geo.stripX() + geo.lensFrom() * geo.stripCell(), geo.stripY() + geo.stripH() + font * 1.6, lx0, geo.lensY() - font * 2.2);
        g.strokeLine(geo.stripX() + (geo.lensTo() + 1) * geo.stripCell(), geo.stripY() + geo.stripH() + font * 1.6, lx0 + lensW, geo.lensY() - font * 2.2);
        g.setLineDashes();
        double lc = geo.lensCell();
        for (int j = geo.lensFrom(); j <= geo.lensTo(); j++) {
            double x = lx0 + (j - geo.lensFrom()) * lc;
            boolean arrived = travel.applyAsDouble(j) >= 1;
            if (arrived) {
                g.setFill(gray(pixels[j]));
                g.fillRect(x, geo.lensY(), lc, lc);
            }
            g.setStroke(canvas.color(BORDER));
            g.setLineWidth(1);
            g.strokeRect(x, geo.lensY(), lc, lc);
            if (kernel.contains(j)) {
                g.setFill(canvas.color(KERNEL));
                g.fillRect(x + 1, geo.lensY() + lc + 3, lc - 2, 6);
            }
            // row boundaries: where one picture row ends and the next begins
            if (f.columnOf(j) == 0 && j > 0) {
                g.setStroke(canvas.color(FG));
                g.setLineWidth(2);
                g.strokeLine(x, geo.lensY() - 6, x, geo.lensY() + lc + 14);
            }
        }
        g.setFont(canvas.font(0.85));
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(canvas.color(MUTED));
        for (int j = geo.lensFrom(); j <= geo.lensTo(); j++) {
            if (f.columnOf(j) == 0) g.fillText(I18n.get("flatten.canvas.rowStart", f.rowOf(j)), lx0 + (j - geo.lensFrom()) * lc, geo.lensY() + lc + font * 3.0);
        }
        markLens(g, geo, i, PIXEL, String.valueOf(i), true);
        if (ri >= 0) markLens(g, geo, ri, RIGHT, "+" + model.rightDistance(), false);
        if (li >= 0) markLens(g, geo, li, BELOW, "+" + model.lowerDistance(), true);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /**
     * Right of the picture: the kernel's k x k patch enlarged, each cell showing its position in the vector, so that
     * the rows of the patch read as runs that jump by the image width.
     */
    private void paintPatch(GraphicsContext g, Geometry geo, double w) {
        Flattening f = model.flattening();
        int k = model.kernel(), r = k / 2;
        double font = canvas.fontSize();
        double x0 = geo.gridX() + geo.cell() * f.width() + font * 2, y0 = geo.gridY() + font * 3.2;
        double avail = w - x0 - font;
        double size = Math.min(Math.min(avail / k, geo.cell() * f.height() * 0.75 / k), font * 4.5);
        if (size < font * 1.6) return; // too narrow to be readable: the numbers in the side column say the same
        g.setFill(canvas.color(FG));
        g.setFont(canvas.font(1.0));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(I18n.get("flatten.canvas.patch", k), x0, geo.gridY() + font * 1.2);
        g.setFill(canvas.color(MUTED));
        g.setFont(canvas.font(0.85));
        g.fillText(I18n.get("flatten.canvas.patchNote"), x0, geo.gridY() + font * 2.4);
        g.setTextAlign(TextAlignment.CENTER);
        for (int dy = -r; dy <= r; dy++)
            for (int dx = -r; dx <= r; dx++) {
                int y = model.row() + dy, x = model.column() + dx;
                double cx = x0 + (dx + r) * size, cy = y0 + (dy + r) * size;
                g.setStroke(canvas.color(BORDER));
                g.setLineWidth(1);
                if (y < 0 || y >= f.height() || x < 0 || x >= f.width()) {
                    g.setLineDashes(4, 4);
                    g.strokeRect(cx, cy, size, size);
                    g.setLineDashes();
                    continue;
                }
                int i = f.index(y, x);
                float v = pixels[i];
                g.setFill(gray(v));
                g.fillRect(cx, cy, size, size);
                g.strokeRect(cx, cy, size, size);
                g.setFill(canvas.color(v > 0.5f ? DARK : LIGHT));
                g.setFont(canvas.numberFont(size > font * 3 ? 1.1 : 0.8));
                g.fillText(String.valueOf(i), cx + size / 2, cy + size / 2 + font * 0.35);
                String mark = i == model.index() ? PIXEL : i == model.rightIndex() ? RIGHT : i == model.lowerIndex() ? BELOW : null;
                if (mark != null) {
                    g.setStroke(canvas.color(mark));
                    g.setLineWidth(4);
                    g.strokeRect(cx + 2, cy + 2, size - 4, size - 4);
                }
            }
        g.setStroke(canvas.color(KERNEL));
        g.setLineWidth(3);
        g.setLineDashes(6, 4);
        g.strokeRect(x0 - 2, y0 - 2, k * size + 4, k * size + 4);
        g.setLineDashes();
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void markGrid(GraphicsContext g, Geometry geo, int index, String lookup) {
        Flattening f = model.flattening();
        double c = geo.cell();
        g.setStroke(canvas.color(lookup));
        g.setLineWidth(3.5);
        g.strokeRect(geo.gridX() + f.columnOf(index) * c + 1.5, geo.gridY() + f.rowOf(index) * c + 1.5, c - 3, c - 3);
    }

    private void markStrip(GraphicsContext g, Geometry geo, int index, String lookup) {
        double x = geo.stripX() + (index + 0.5) * geo.stripCell(), y = geo.stripY() + geo.stripH() + 3, s = canvas.fontSize() * 0.55;
        g.setFill(canvas.color(lookup));
        g.fillPolygon(new double[] {x, x - s, x + s}, new double[] {y, y + s * 1.4, y + s * 1.4}, 3);
    }

    private void markLens(GraphicsContext g, Geometry geo, int index, String lookup, String text, boolean above) {
        if (index < geo.lensFrom() || index > geo.lensTo()) return;
        double lc = geo.lensCell(), x = geo.stripX() + (index - geo.lensFrom()) * lc;
        g.setStroke(canvas.color(lookup));
        g.setLineWidth(4);
        g.strokeRect(x + 2, geo.lensY() + 2, lc - 4, lc - 4);
        g.setFill(canvas.color(lookup));
        g.setFont(canvas.numberFont(1.05)); // the index and the distances (+1, +28)
        g.fillText(text, x + lc / 2, above ? geo.lensY() - canvas.fontSize() * 0.6 : geo.lensY() + lc + canvas.fontSize() * 1.6);
    }

    private static Color gray(float v) { return ColorMap.GRAY.color(v, 1f); }
}
