package org.convscope.app.draw;

import java.io.File;
import java.util.List;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.ColorMap;
import org.convscope.app.common.MapImages;
import org.convscope.app.common.ProbabilityBars;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Draw a digit": the pad on the left, the preprocessing steps in the middle (cropped -> scaled -> centred 28x28, what
 * the network really receives), the ten class probabilities on the right, updated while the stroke is drawn.
 * Test ids: #draw-pad, #draw-pen, #draw-eraser, #draw-width, #draw-undo, #draw-redo, #draw-clear, #draw-open,
 * #draw-mnist, #draw-fashion, #draw-random-class, #draw-random, #draw-message, #draw-answer, #draw-model,
 * #draw-step-centred, #draw-to-network.
 */
public final class DrawView implements ConceptView {

    private static final int STEP = 112; // step pictures: 28 x 4 screen pixels
    private static final double STEPS_WIDTH = 230;

    private final AppContext ctx;
    private final DrawViewModel vm;
    private final RandomImages random;
    private BorderPane root;

    /**
     * The pad on screen: 4 x 4 tiles of 112 x 112 raster pixels, each an image of its own, so that a pen movement
     * makes only the tiles it touches dirty. With software rendering (old school PCs, remote desktops) scaling the
     * whole 448 x 448 image into a 690-pixel square every frame took 12-20 ms, a whole frame's budget.
     */
    private static final int TILES = 4, TILE = Drawing.SIZE / TILES;
    private final WritableImage[] tiles = new WritableImage[TILES * TILES];
    private final ImageView[] tileViews = new ImageView[TILES * TILES];
    private final int[] padArgb = new int[TILE * TILE];
    private final Pane padView = new Pane();
    private double padSide;
    private final Pane padOverlay = new Pane();
    private final Rectangle inkBox = new Rectangle();
    private final Circle brush = new Circle();
    private final ProbabilityBars bars = new ProbabilityBars();

    private final ImageView croppedView = stepView(true), framedView = stepView(false), centredView = stepView(false);
    private final Label croppedCaption = new Label(), framedCaption = new Label(), framedTitle = new Label(),
            centredTitle = new Label();
    private final Circle massDot = new Circle(4);
    private final VBox stepsBox = new VBox(6);
    private final Label datasetNote = new Label();

    /** Measurements (see README "Draw view" and DrawLatencyTest): pen event -> bars set, -> laid-out frame, frame intervals while drawing, handler time. */
    private final LatencyStats toBars = new LatencyStats(), toFrame = new LatencyStats(), frames = new LatencyStats(),
            handler = new LatencyStats();
    private long awaitingFrameSince;
    /** Laid-out frames so far, and the frame count at recent pen events (to count in which frame each answer shows). */
    private long frameCount;
    private final long[] eventNanos = new long[64], eventFrame = new long[64];
    private int eventNext;
    private final long[] framesLate = new long[4]; // answers shown 0, 1, 2, 3+ frames after their stroke
    private boolean stepsDirty = true, showing;
    private final Label latencyLabel = new Label();
    /**
     * Runs only while something changes (and one second after): it redraws the step pictures at most once per frame,
     * measures frame intervals while the pen is down and refreshes the latency line. Idle, it stops, so that an idle
     * draw view costs no frames at all.
     */
    private final AnimationTimer timer = new AnimationTimer() {
        private long last, lastLabel, lastActive;
        @Override public void handle(long now) {
            if (vm.drawing().drawing() && last != 0) frames.add(now - last);
            last = now;
            if (stepsDirty || vm.drawing().drawing()) lastActive = now;
            if (stepsDirty) renderSteps();
            if (now - lastLabel > 500_000_000L) { lastLabel = now; updateLatencyLabel(); }
            if (now - lastActive > 1_000_000_000L) { updateLatencyLabel(); stop(); }
        }
        @Override public void start() {
            lastActive = System.nanoTime();
            if (!running) {
                running = true;
                super.start();
            }
        }
        @Override public void stop() { super.stop(); last = 0; running = false; }
        private boolean running;
    };

    /** Something on screen will change: make sure the timer runs. */
    private void wake() {
        stepsDirty = true;
        if (showing) timer.start();
    }
    private final Runnable afterLayout = () -> {
        frameCount++;
        if (awaitingFrameSince != 0) {
            toFrame.add(System.nanoTime() - awaitingFrameSince);
            awaitingFrameSince = 0;
        }
    };

    public DrawView(AppContext ctx) {
        this(ctx, new DrawViewModel(ctx, ctx.services().background(), Platform::runLater));
    }

    public DrawView(AppContext ctx, DrawViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
        this.random = new RandomImages(kind -> ctx.datasets().load(kind, org.convscope.data.Split.TEST), Platform::runLater,
                new java.util.Random());
    }

    @Override public String id() { return "draw"; }
    @Override public String titleKey() { return "draw.nav"; }
    @Override public Ikon icon() { return Material2AL.GESTURE; }

    public DrawViewModel model() { return vm; }
    public LatencyStats barsLatency() { return toBars; }
    public LatencyStats frameLatency() { return toFrame; }
    public LatencyStats frameIntervals() { return frames; }
    public LatencyStats handlerTime() { return handler; }

    @Override public Node node() {
        if (root == null) build();
        return root;
    }

    @Override public void onShow() {
        node();
        showing = true;
        vm.setShowing(true);
        wake();
    }

    @Override public void onHide() {
        showing = false;
        vm.setShowing(false);
        timer.stop();
    }

    // ---- building ----------------------------------------------------------------------------------------------

    private void build() {
        root = new BorderPane();
        root.getStyleClass().add("draw-view");
        root.getStylesheets().add(DrawView.class.getResource("draw.css").toExternalForm());
        root.setTop(toolbar());

        var pad = padPane();
        var steps = stepsPane();
        var answer = predictionPane();
        var centre = new HBox(24, pad, steps, answer);
        centre.setPadding(new Insets(12, 16, 8, 16));
        HBox.setHgrow(pad, Priority.ALWAYS);
        HBox.setHgrow(answer, Priority.SOMETIMES);
        var scroll = new ScrollPane(centre);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        root.setCenter(scroll);

        var message = new Label();
        message.setId("draw-message");
        message.getStyleClass().add("draw-message");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            var m = vm.messageProperty().get();
            return m == null ? "" : I18n.get(m.key(), m.args());
        }, vm.messageProperty(), I18n.localeProperty()));
        vm.messageProperty().addListener((o, a, m) -> {
            message.getStyleClass().remove("problem");
            if (m != null && m.isProblem()) message.getStyleClass().add("problem");
        });
        latencyLabel.setId("draw-latency");
        latencyLabel.getStyleClass().add("draw-latency");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the latency line is for developers: off unless diagnostics are on (right-click the footer)
        latencyLabel.visibleProperty().bind(ctx.diagnosticsProperty());
        latencyLabel.managedProperty().bind(latencyLabel.visibleProperty());
        var footer = new HBox(12, message, spacer, latencyLabel);
        var diagnosticsMenu = new javafx.scene.control.ContextMenu(ctx.diagnosticsMenuItem());
        footer.setOnContextMenuRequested(e -> diagnosticsMenu.show(footer, e.getScreenX(), e.getScreenY()));
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(4, 16, 8, 16));
        root.setBottom(footer);

        // drag and drop a picture anywhere on the view
        root.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        root.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) vm.openPicture(files.getFirst().toPath());
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        vm.addPadListener(this::repaintPad);
        repaintPad(Drawing.Dirty.ALL);
        vm.stepsProperty().addListener((o, a, b) -> wake());
        vm.datasetImageProperty().addListener((o, a, b) -> wake());
        vm.predictionProperty().addListener((o, a, p) -> showPrediction(p));
        vm.datasetProperty().addListener((o, a, d) -> setClasses());
        setClasses();
        showPrediction(vm.predictionProperty().get());
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.removePostLayoutPulseListener(afterLayout);
            if (scene != null) scene.addPostLayoutPulseListener(afterLayout);
        });
    }

    @Override public java.util.Set<String> stateKeys() { return java.util.Set.of("dataset"); }

    @Override public java.util.Map<String, String> captureState() { return java.util.Map.of("dataset", vm.datasetProperty().get()); }

    /** "dataset": mnist (digits) | fashion-mnist (clothes): which model reads the pad. */
    @Override public void applyState(java.util.Map<String, String> state) {
        node();
        String d = org.convscope.app.ViewState.oneOf(state, "dataset", java.util.List.of(AppContext.MNIST, AppContext.FASHION_MNIST));
        if (d != null) vm.datasetProperty().set(d);
    }

    private Node toolbar() {
        var datasets = new ToggleGroup();
        var mnist = toggle("draw-mnist", "draw.dataset.mnist", null, datasets);
        var fashion = toggle("draw-fashion", "draw.dataset.fashion", null, datasets);
        mnist.setSelected(AppContext.MNIST.equals(vm.datasetProperty().get()));
        fashion.setSelected(!mnist.isSelected());
        datasets.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) { a.setSelected(true); return; } // one is always chosen
            vm.datasetProperty().set(t == fashion ? AppContext.FASHION_MNIST : AppContext.MNIST);
        });
        vm.datasetProperty().addListener((o, a, d) -> (AppContext.FASHION_MNIST.equals(d) ? fashion : mnist).setSelected(true));

        var tools = new ToggleGroup();
        var pen = toggle("draw-pen", "draw.pen", Material2AL.CREATE, tools);
        var eraser = toggle("draw-eraser", "draw.eraser", Material2AL.FORMAT_COLOR_RESET, tools);
        pen.setSelected(true);
        tools.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) { a.setSelected(true); return; }
            vm.toolProperty().set(t == eraser ? DrawViewModel.Tool.ERASER : DrawViewModel.Tool.PEN);
        });
        vm.toolProperty().addListener((o, a, t) -> (t == DrawViewModel.Tool.ERASER ? eraser : pen).setSelected(true));

        var width = new Slider(DrawViewModel.MIN_WIDTH, DrawViewModel.MAX_WIDTH, vm.strokeWidthProperty().get());
        width.setId("draw-width");
        width.setPrefWidth(130);
        width.valueProperty().bindBidirectional(vm.strokeWidthProperty());
        var widthLabel = new Label();
        widthLabel.textProperty().bind(I18n.bind("draw.width"));
        var widthTip = new Tooltip();
        widthTip.textProperty().bind(I18n.bind("draw.width.tip"));
        width.setTooltip(widthTip);

        var undo = button("draw-undo", "draw.undo", Material2MZ.UNDO, vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        var redo = button("draw-redo", "draw.redo", Material2MZ.REDO, vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        var clear = button("draw-clear", "draw.clear", Material2AL.DELETE_OUTLINE, vm::clear);
        clear.disableProperty().bind(vm.blankProperty());
        var open = button("draw-open", "draw.open", Material2AL.FOLDER_OPEN, this::chooseFile);
        open.disableProperty().bind(vm.openingProperty());

        var classes = new ComboBox<Integer>();
        classes.setId("draw-random-class");
        for (int i = 0; i < 10; i++) classes.getItems().add(i);
        classes.getSelectionModel().select(0);
        classes.setCellFactory(l -> new ClassCell());
        classes.setButtonCell(new ClassCell());
        // re-render the names when the dataset or the language changes
        Runnable refreshNames = () -> { classes.setCellFactory(l -> new ClassCell()); classes.setButtonCell(new ClassCell()); };
        vm.datasetProperty().addListener((o, a, b) -> refreshNames.run());
        I18n.onChange(classes, () -> refreshNames.run());
        // a dataset image on the pad names its class in the chooser (so "Random" gives another of the same class)
        vm.datasetImageProperty().addListener((o, a, img) -> {
            if (img != null && img.label() >= 0 && img.label() < 10) classes.getSelectionModel().select(Integer.valueOf(img.label()));
        });
        var randomButton = button("draw-random", "draw.random", Material2AL.CASINO,
                () -> random.pick(vm.datasetProperty().get(), classes.getValue(), vm::show, vm::setMessage));
        var randomLabel = new Label();
        randomLabel.textProperty().bind(I18n.bind("draw.random.label"));

        // groups stay together; the bar wraps into a second row on narrow windows
        var bar = new FlowPane(18, 8, group(mnist, fashion), group(pen, eraser, widthLabel, width), group(undo, redo, clear),
                group(open), group(randomLabel, classes, randomButton));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("draw-toolbar");
        bar.setPadding(new Insets(10, 16, 6, 16));
        return bar;
    }

    /** The pad: a square image that grows with the window, an overlay with the ink's bounding box and the brush outline. */
    private Node padPane() {
        padView.setId("draw-pad");
        padView.setPickOnBounds(true);
        padView.setCursor(javafx.scene.Cursor.NONE);
        for (int i = 0; i < tiles.length; i++) {
            tiles[i] = new WritableImage(TILE, TILE);
            tileViews[i] = new ImageView(tiles[i]);
            tileViews[i].setSmooth(true);
            tileViews[i].setManaged(false);
            tileViews[i].setMouseTransparent(true);
        }
        padView.getChildren().setAll(tileViews);
        inkBox.getStyleClass().add("ink-box");
        inkBox.setVisible(false);
        inkBox.setMouseTransparent(true);
        brush.getStyleClass().add("brush");
        brush.setVisible(false);
        brush.setMouseTransparent(true);
        padOverlay.getChildren().setAll(inkBox, brush);
        padOverlay.setMouseTransparent(true);

        // the border is a region of its own so that it hugs the square pad, whatever shape the space around it has
        var border = new Region();
        border.getStyleClass().add("pad-border");
        border.setManaged(false);
        var frame = new Pane(border, padView, padOverlay) {
            @Override protected void layoutChildren() {
                double side = Math.floor(Math.max(120, Math.min(getWidth(), getHeight()) - 4));
                padSide = side;
                border.resizeRelocate(0, 0, side + 4, side + 4);
                padView.resizeRelocate(2, 2, side, side);
                // whole-pixel tile edges, each tile ending where the next begins: no seams, no overlaps
                for (int ty = 0; ty < TILES; ty++) {
                    for (int tx = 0; tx < TILES; tx++) {
                        double x0 = Math.round(tx * side / TILES), x1 = Math.round((tx + 1) * side / TILES);
                        double y0 = Math.round(ty * side / TILES), y1 = Math.round((ty + 1) * side / TILES);
                        var v = tileViews[ty * TILES + tx];
                        v.setFitWidth(x1 - x0);
                        v.setFitHeight(y1 - y0);
                        v.relocate(x0, y0);
                    }
                }
                padOverlay.resizeRelocate(2, 2, side, side);
                layoutInkBox();
            }
            @Override protected double computePrefWidth(double h) { return 560; }
            @Override protected double computePrefHeight(double w) { return 560; }
            @Override protected double computeMinWidth(double h) { return 300; }
            @Override protected double computeMinHeight(double w) { return 300; }
        };
        frame.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);

        padView.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            long t = System.nanoTime();
            if (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.SECONDARY) return;
            var with = e.getButton() == MouseButton.SECONDARY ? DrawViewModel.Tool.ERASER : vm.toolProperty().get();
            noteEvent(t);
            vm.press(toPad(e.getX()), toPad(e.getY()), with, t);
            handler.add(System.nanoTime() - t);
            moveBrush(e);
            padView.requestFocus();
            e.consume();
        });
        padView.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            long t = System.nanoTime();
            noteEvent(t);
            vm.drag(toPad(e.getX()), toPad(e.getY()), t);
            handler.add(System.nanoTime() - t);
            moveBrush(e);
            e.consume();
        });
        padView.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            // finish the stroke where the pen left the pad: the last movements may not have been delivered
            long t = System.nanoTime();
            noteEvent(t);
            vm.release(toPad(e.getX()), toPad(e.getY()), t);
            e.consume();
        });
        padView.addEventHandler(MouseEvent.MOUSE_MOVED, this::moveBrush);
        padView.addEventHandler(MouseEvent.MOUSE_EXITED, e -> brush.setVisible(false));
        return frame;
    }

    private Node stepsPane() {
        var title = new Label();
        title.textProperty().bind(I18n.bind("draw.steps.title"));
        title.getStyleClass().add("section-title");
        var croppedTitle = new Label();
        croppedTitle.textProperty().bind(I18n.bind("draw.steps.cropped"));
        // the centred picture carries a cross at (14, 14) and a dot at the centre of mass
        centredView.setId("draw-step-centred");
        double c = STEP / 2.0;
        var h = new Line(c - 10, c, c + 10, c);
        var v = new Line(c, c - 10, c, c + 10);
        h.getStyleClass().add("centre-cross");
        v.getStyleClass().add("centre-cross");
        massDot.getStyleClass().add("mass-dot");
        var marks = new Pane(h, v, massDot);
        marks.setMouseTransparent(true);
        marks.setPrefSize(STEP, STEP);
        var centred = new StackPane(centredView, marks);
        centred.setMaxSize(STEP, STEP);
        var centredCaption = new Label();
        centredCaption.textProperty().bind(I18n.bind("draw.steps.centred.caption"));
        for (var l : List.of(croppedCaption, framedCaption, centredCaption, datasetNote)) l.getStyleClass().add("step-caption");
        for (var l : List.of(title, croppedTitle, framedTitle, centredTitle, croppedCaption, framedCaption, centredCaption, datasetNote)) {
            l.setWrapText(true);
            l.setMaxWidth(STEPS_WIDTH);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        stepsBox.getChildren().setAll(title,
                croppedTitle, frame(croppedView), croppedCaption, arrow(),
                framedTitle, frame(framedView), framedCaption, arrow(),
                centredTitle, centred, centredCaption, datasetNote);
        stepsBox.getStyleClass().add("steps");
        stepsBox.setMinWidth(STEPS_WIDTH);
        stepsBox.setPrefWidth(STEPS_WIDTH);
        stepsBox.setMaxWidth(STEPS_WIDTH);
        I18n.onChange(stepsBox, () -> wake());
        return stepsBox;
    }

    private Node predictionPane() {
        var title = new Label();
        title.textProperty().bind(I18n.bind("draw.prediction.title"));
        title.getStyleClass().add("section-title");
        var modelLabel = new Label();
        modelLabel.setId("draw-model");
        modelLabel.getStyleClass().add("model-info");
        modelLabel.setWrapText(true);
        modelLabel.setMinHeight(Region.USE_PREF_SIZE); // a short window scrolls; it never cuts the text to "…"
        modelLabel.textProperty().bind(Bindings.createStringBinding(() -> modelText(vm.modelProperty().get(), vm.datasetProperty().get()),
                vm.modelProperty(), vm.datasetProperty(), I18n.localeProperty()));
        var answer = new Label();
        answer.setId("draw-answer");
        answer.getStyleClass().add("answer");
        answer.setWrapText(true);
        answer.setMinHeight(Region.USE_PREF_SIZE);
        answer.textProperty().bind(Bindings.createStringBinding(this::answerText, vm.predictionProperty(), vm.blankProperty(),
                vm.modelProperty(), I18n.localeProperty()));
        var toNetwork = new Button();
        toNetwork.setId("draw-to-network");
        toNetwork.textProperty().bind(I18n.bind("draw.toNetwork"));
        toNetwork.setGraphic(new FontIcon(Material2AL.ACCOUNT_TREE));
        toNetwork.setOnAction(e -> ctx.requestedViewProperty().set("network"));
        toNetwork.disableProperty().bind(vm.inputProperty().isNull());
        var box = new VBox(12, title, modelLabel, answer, bars, toNetwork);
        box.getStyleClass().add("prediction");
        box.setMinWidth(330);
        box.setPrefWidth(400);
        box.setMaxWidth(560);
        return box;
    }

    // ---- updates -------------------------------------------------------------------------------------------

    private void setClasses() {
        bars.setClasses(10, classPrefix(vm.datasetProperty().get()));
        showPrediction(vm.predictionProperty().get());
    }

    private void showPrediction(DrawViewModel.Prediction p) {
        if (p == null || !p.input().dataset().equals(vm.datasetProperty().get())) {
            bars.setProbabilities(null);
            return;
        }
        bars.setProbabilities(p.probabilities());
        toBars.add(System.nanoTime() - p.eventNanos());
        awaitingFrameSince = p.eventNanos();
        for (int i = 0; i < eventNanos.length; i++) {
            if (eventNanos[i] == p.eventNanos()) {
                // the stroke segment of that event appears in the first frame laid out after it: same frame = 0
                framesLate[(int) Math.min(3, frameCount - eventFrame[i])]++;
                eventNanos[i] = 0;
                break;
            }
        }
    }

    /** Copies the changed pixels into the tiles they belong to (only those tiles are drawn again). */
    private void repaintPad(Drawing.Dirty d) {
        float[] r = vm.drawing().raster();
        for (int ty = d.y0() / TILE; ty <= (d.y1() - 1) / TILE && ty < TILES; ty++) {
            for (int tx = d.x0() / TILE; tx <= (d.x1() - 1) / TILE && tx < TILES; tx++) {
                int x0 = Math.max(d.x0(), tx * TILE), x1 = Math.min(d.x1(), (tx + 1) * TILE);
                int y0 = Math.max(d.y0(), ty * TILE), y1 = Math.min(d.y1(), (ty + 1) * TILE);
                if (x1 <= x0 || y1 <= y0) continue;
                int w = x1 - x0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int g = (int) (r[y * Drawing.SIZE + x] * 255f + 0.5f);
                        padArgb[(y - y0) * w + (x - x0)] = 0xFF000000 | g << 16 | g << 8 | g;
                    }
                }
                tiles[ty * TILES + tx].getPixelWriter().setPixels(x0 - tx * TILE, y0 - ty * TILE, w, y1 - y0,
                        PixelFormat.getIntArgbPreInstance(), padArgb, 0, w);
            }
        }
        wake();
    }

    /** Step pictures, at most once per frame (a fast pen sends several events per frame). */
    private void renderSteps() {
        stepsDirty = false;
        layoutInkBox();
        var s = vm.stepsProperty().get();
        var fromDataset = vm.datasetImageProperty().get();
        boolean fashion = AppContext.FASHION_MNIST.equals(vm.datasetProperty().get());
        int box = fashion ? Preprocessing.SIDE : Preprocessing.MNIST_BOX;
        framedTitle.setText(I18n.get(fashion ? "draw.steps.scaled.fashion" : "draw.steps.scaled", box));
        centredTitle.setText(I18n.get(fashion ? "draw.steps.centred.fashion" : "draw.steps.centred"));
        boolean showSteps = fromDataset == null;
        for (int i = 1; i < stepsBox.getChildren().size() - 4; i++) {
            stepsBox.getChildren().get(i).setVisible(showSteps);
            stepsBox.getChildren().get(i).setManaged(showSteps);
        }
        datasetNote.setVisible(!showSteps);
        datasetNote.setManaged(!showSteps);
        if (fromDataset != null) {
            centredTitle.setText(I18n.get("draw.steps.input"));
            datasetNote.setText(I18n.get("draw.steps.fromDataset", fromDataset.source()));
            centredView.setImage(MapImages.render(fromDataset.pixels(), 0, 28, 28, ColorMap.GRAY, 1f));
            placeMassDot(new GrayImage(28, 28, fromDataset.pixels()));
            return;
        }
        if (s == null || s.empty()) {
            croppedView.setImage(null);
            framedView.setImage(MapImages.render(new float[box * box], 0, box, box, ColorMap.GRAY, 1f));
            centredView.setImage(MapImages.render(new float[28 * 28], 0, 28, 28, ColorMap.GRAY, 1f));
            croppedCaption.setText(I18n.get("draw.steps.empty"));
            framedCaption.setText("");
            massDot.setVisible(false);
            return;
        }
        // the crop can be the whole pad (448 x 448): shrink it for the thumbnail first
        GrayImage crop = s.croppedThumbnail(STEP);
        croppedView.setImage(MapImages.render(crop.pixels(), 0, crop.height(), crop.width(), ColorMap.GRAY, 1f));
        croppedCaption.setText(I18n.get("draw.steps.cropped.caption", s.box().width(), s.box().height()));
        framedView.setImage(MapImages.render(s.framed().pixels(), 0, box, box, ColorMap.GRAY, 1f));
        framedCaption.setText(I18n.get("draw.steps.scaled.caption", s.scaled().width(), s.scaled().height()));
        centredView.setImage(MapImages.render(s.centred().pixels(), 0, 28, 28, ColorMap.GRAY, 1f));
        placeMassDot(s.centred());
    }

    private void placeMassDot(GrayImage centred) {
        float[] com = Preprocessing.centreOfMass(centred);
        boolean ok = Float.isFinite(com[0]);
        massDot.setVisible(ok);
        if (ok) {
            massDot.setCenterX(com[0] * STEP / 28.0);
            massDot.setCenterY(com[1] * STEP / 28.0);
        }
    }

    private void layoutInkBox() {
        var s = vm.stepsProperty().get();
        double k = padSide / Drawing.SIZE;
        if (s == null || s.empty() || vm.datasetImageProperty().get() != null || k <= 0) {
            inkBox.setVisible(false);
            return;
        }
        var b = s.box();
        inkBox.setVisible(true);
        inkBox.setX(b.x0() * k);
        inkBox.setY(b.y0() * k);
        inkBox.setWidth(b.width() * k);
        inkBox.setHeight(b.height() * k);
    }

    private void moveBrush(MouseEvent e) {
        double k = padSide / Drawing.SIZE;
        brush.setVisible(true);
        brush.setCenterX(e.getX());
        brush.setCenterY(e.getY());
        brush.setRadius(Math.max(2, vm.strokeWidthProperty().get() * k / 2));
        brush.getStyleClass().remove("eraser");
        if (vm.toolProperty().get() == DrawViewModel.Tool.ERASER || e.isSecondaryButtonDown()) brush.getStyleClass().add("eraser");
    }

    private void noteEvent(long nanos) {
        eventNanos[eventNext] = nanos;
        eventFrame[eventNext] = frameCount;
        eventNext = (eventNext + 1) % eventNanos.length;
    }

    /** Frames laid out since the view was built (for measurements). */
    public long framesLaidOut() { return frameCount; }

    /** How many answers appeared 0, 1, 2, 3+ frames after the frame that showed their pen movement. */
    public long[] framesLate() { return framesLate.clone(); }

    private void updateLatencyLabel() {
        long answers = 0;
        for (long c : framesLate) answers += c;
        if (answers < 10) { // only once the pen has really moved (the first answer also includes loading the model)
            latencyLabel.setText("");
            return;
        }
        var frameMs = frames.count() > 0 ? frames.medianMs() : Double.NaN;
        latencyLabel.setText(I18n.get("draw.latency",
                fmt(toBars.medianMs()), fmt(toBars.p95Ms()),
                answers == 0 ? "–" : String.format(Locale.ROOT, "%.0f", 100.0 * framesLate[0] / answers),
                Double.isNaN(frameMs) ? "–" : fmt(1000.0 / frameMs)));
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    private double toPad(double viewCoordinate) {
        double k = padSide / Drawing.SIZE;
        return k > 0 ? viewCoordinate / k : viewCoordinate;
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            if (e.isShiftDown()) vm.redo(); else vm.undo();
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Y) {
            vm.redo();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && vm.cancelOpening()) {
            e.consume(); // Esc stops a picture that is still being opened
        }
    }

    private void chooseFile() {
        var chooser = new FileChooser();
        chooser.setTitle(I18n.get("draw.open.title"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(I18n.get("draw.open.images"), "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif",
                        "*.PNG", "*.JPG", "*.JPEG", "*.BMP", "*.GIF"),
                new FileChooser.ExtensionFilter(I18n.get("draw.open.all"), "*"));
        Scene scene = root.getScene();
        File f = chooser.showOpenDialog(scene == null ? null : scene.getWindow());
        if (f != null) vm.openPicture(f.toPath());
    }

    // ---- text ----------------------------------------------------------------------------------------------

    static String classPrefix(String dataset) {
        return AppContext.FASHION_MNIST.equals(dataset) ? "class.fashion." : "class.mnist.";
    }

    static String modelText(AppContext.ActiveModel m, String dataset) {
        String data = I18n.get(AppContext.FASHION_MNIST.equals(dataset) ? "draw.dataset.fashion" : "draw.dataset.mnist");
        if (m == null) return I18n.get("draw.model.none", data);
        if (Double.isNaN(m.testAccuracy())) return I18n.get("draw.model.noAccuracy", m.description());
        return I18n.get("draw.model", m.description(), String.format(Locale.ROOT, "%.1f", 100 * m.testAccuracy()));
    }

    private String answerText() {
        var p = vm.predictionProperty().get();
        if (vm.modelProperty().get() == null) return "";
        if (vm.blankProperty().get() || vm.inputProperty().get() == null) return I18n.get("draw.answer.blank");
        if (p == null) return "";
        int k = p.topClass();
        return I18n.get("draw.answer", I18n.get(classPrefix(p.input().dataset()) + k), ProbabilityBars.percent(p.probabilities()[k]));
    }

    private final class ClassCell extends ListCell<Integer> {
        @Override protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : I18n.get(classPrefix(vm.datasetProperty().get()) + item));
        }
    }

    // ---- small builders ------------------------------------------------------------------------------------

    private static ImageView stepView(boolean smooth) {
        var v = new ImageView();
        v.setFitWidth(STEP);
        v.setFitHeight(STEP);
        v.setPreserveRatio(true);
        v.setSmooth(smooth);
        return v;
    }

    private static Node frame(ImageView v) {
        var p = new StackPane(v);
        p.getStyleClass().add("step-frame");
        p.setMinSize(STEP + 4, STEP + 4);
        p.setMaxSize(STEP + 4, STEP + 4);
        return p;
    }

    private static Node arrow() {
        var a = new FontIcon(Material2AL.ARROW_DOWNWARD);
        a.getStyleClass().add("step-arrow");
        return a;
    }

    private static Node group(Node... nodes) {
        var g = new HBox(6, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private static ToggleButton toggle(String id, String key, Ikon icon, ToggleGroup group) {
        var b = new ToggleButton();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        if (icon != null) b.setGraphic(new FontIcon(icon));
        b.setToggleGroup(group);
        b.setFocusTraversable(true);
        return b;
    }

    private static Button button(String id, String key, Ikon icon, Runnable action) {
        var b = new Button();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        b.setGraphic(new FontIcon(icon));
        b.setOnAction(e -> action.run());
        return b;
    }
}
