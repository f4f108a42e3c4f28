package org.convscope.app.browser;

import java.util.stream.IntStream;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.DatasetCache;
import org.convscope.app.I18n;
import org.convscope.data.DatasetException;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The first room: the datasets the networks learn from. Pick MNIST or Fashion-MNIST, training or test set,
 * filter by class, and open one image to see that it is 28x28 numbers from 0 to 255; "Use this image" makes it
 * the image every other view works on ({@link AppContext#currentImageProperty()}).
 * <pre>
 * [MNIST|Fashion-MNIST] [Training|Test]  Class [All v]          1,135 of 10,000 images
 * +--------------------------+----------------------------------+----------------+
 * | thumbnails (virtualised) | 784 squares with their values    | MNIST #42      |
 * |                          | (PixelGrid, as large as fits)    | Label: 7       |
 * |                          |                                  | [image 4x]     |
 * |                          |                                  | Row 14, col 9  |
 * |                          |                                  | 253            |
 * |                          |                                  | [Use this]     |
 * +--------------------------+----------------------------------+----------------+
 * </pre>
 * Node ids: #dataset-mnist, #dataset-fashion, #split-train, #split-test, #class-filter, #image-count, #toggle-list,
 * #thumbnails, #thumb-N, #pixel-grid, #pixel-position, #pixel-value, #image-source, #image-title, #image-label, #use-image, #browser-problem, #retry.
 */
public final class DatasetBrowserView implements ConceptView {
    public static final String ID = "browser";

    private final AppContext ctx;
    private final BrowserViewModel model = new BrowserViewModel();
    private BorderPane root;
    private final StackPane overlay = new StackPane();
    private final ToggleButton showList = new ToggleButton();
    /** Which (dataset, split) the last load request was for: answers for older requests are dropped. */
    private DatasetCache.Key requested;

    public DatasetBrowserView(AppContext ctx) { this.ctx = ctx; }

    @Override public String id() { return ID; }

    @Override public String titleKey() { return "browser.title"; }

    @Override public Ikon icon() { return Material2OutlinedAL.COLLECTIONS; }

    /** The state behind the view (tests read the dataset values from here). */
    public BrowserViewModel model() { return model; }

    @Override
    public Node node() {
        if (root == null) build();
        return root;
    }

    private void build() {
        root = new BorderPane();
        root.getStyleClass().add("dataset-browser");
        root.getStylesheets().add(DatasetBrowserView.class.getResource("browser.css").toExternalForm());
        var grid = new ThumbnailGrid(model);
        var split = new SplitPane(grid, detail());
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(grid, false);
        // On a projector the numbers need the room: the image list can be put away and brought back.
        showList.setSelected(true);
        showList.selectedProperty().addListener((obs, o, show) -> {
            if (show && !split.getItems().contains(grid)) {
                split.getItems().addFirst(grid);
                split.setDividerPositions(0.3);
            } else if (!show) {
                split.getItems().remove(grid);
            }
        });
        root.setTop(toolbar());
        overlay.getStyleClass().add("browser-overlay");
        overlay.setVisible(false);
        root.setCenter(new StackPane(split, overlay));

        model.datasetProperty().addListener((obs, o, n) -> reload());
        model.splitProperty().addListener((obs, o, n) -> reload());
        reload();
    }

    /** Asks the shared cache for the chosen (dataset, split); shows progress, then the data or the problem. */
    private void reload() {
        var key = model.key();
        requested = key;
        model.dataProperty().set(null);
        showLoading(key);
        ctx.datasets().load(key.kind(), key.split(), data -> {
            if (!key.equals(requested)) return;
            overlay.setVisible(false);
            model.dataProperty().set(data);
        }, error -> {
            if (!key.equals(requested)) return;
            showProblem(key, error);
        });
    }

    @Override public java.util.Set<String> stateKeys() { return java.util.Set.of("dataset", "split"); }

    @Override public java.util.Map<String, String> captureState() {
        return java.util.Map.of("dataset", model.datasetProperty().get().id(),
                "split", model.splitProperty().get() == Split.TRAIN ? "train" : "test");
    }

    /** "dataset": mnist | fashion-mnist; "split": train | test. */
    @Override public void applyState(java.util.Map<String, String> state) {
        node();
        String d = org.convscope.app.ViewState.oneOf(state, "dataset", java.util.List.of("mnist", "fashion-mnist"));
        String sp = org.convscope.app.ViewState.oneOf(state, "split", java.util.List.of("train", "test"));
        if (d != null) model.datasetProperty().set(DatasetKind.ofId(d));
        if (sp != null) model.splitProperty().set(sp.equals("train") ? Split.TRAIN : Split.TEST);
    }

    private Node toolbar() {
        var datasetGroup = new ToggleGroup();
        var mnist = segment("dataset-mnist", DatasetKind.MNIST.nameKey(), datasetGroup, Styles.LEFT_PILL);
        var fashion = segment("dataset-fashion", DatasetKind.FASHION_MNIST.nameKey(), datasetGroup, Styles.RIGHT_PILL);
        mnist.setSelected(true);
        mnist.setOnAction(e -> { mnist.setSelected(true); model.datasetProperty().set(DatasetKind.MNIST); });
        fashion.setOnAction(e -> { fashion.setSelected(true); model.datasetProperty().set(DatasetKind.FASHION_MNIST); });

        var splitGroup = new ToggleGroup();
        var train = segment("split-train", Split.TRAIN.nameKey(), splitGroup, Styles.LEFT_PILL);
        var test = segment("split-test", Split.TEST.nameKey(), splitGroup, Styles.RIGHT_PILL);
        test.setSelected(true);
        train.setOnAction(e -> { train.setSelected(true); model.splitProperty().set(Split.TRAIN); });
        test.setOnAction(e -> { test.setSelected(true); model.splitProperty().set(Split.TEST); });
        // a lesson step may choose them too
        model.datasetProperty().addListener((o, a, d) -> (d == DatasetKind.FASHION_MNIST ? fashion : mnist).setSelected(true));
        model.splitProperty().addListener((o, a, sp) -> (sp == Split.TRAIN ? train : test).setSelected(true));

        var classLabel = new Label();
        classLabel.textProperty().bind(I18n.bind("browser.class"));
        var classes = new ComboBox<Integer>();
        classes.setId("class-filter");
        classes.getItems().setAll(IntStream.rangeClosed(BrowserViewModel.ALL, 9).boxed().toList());
        classes.setCellFactory(lv -> new ClassCell());
        classes.setButtonCell(new ClassCell());
        classes.setValue(BrowserViewModel.ALL);
        classes.setVisibleRowCount(11);
        classes.valueProperty().addListener((obs, o, c) -> { if (c != null) model.classFilterProperty().set(c); });
        classes.disableProperty().bind(model.dataProperty().isNull());
        classLabel.setLabelFor(classes);
        // Names and counts change with the language and the data: rebuild the cells' text.
        Runnable relabel = () -> {
            Integer v = classes.getValue();
            classes.setButtonCell(new ClassCell());
            classes.getItems().setAll(IntStream.rangeClosed(BrowserViewModel.ALL, 9).boxed().toList());
            classes.setValue(v);
        };
        I18n.onChange(classes, () -> relabel.run());
        model.dataProperty().addListener((obs, o, d) -> {
            relabel.run();
            if (d == null) classes.setValue(BrowserViewModel.ALL);
        });

        var count = new Label();
        count.setId("image-count");
        count.getStyleClass().add("image-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.dataProperty().get() == null ? ""
                : I18n.get("browser.count", model.visibleProperty().get().length, model.count()),
                model.visibleProperty(), model.dataProperty(), I18n.localeProperty()));

        showList.setId("toggle-list");
        showList.textProperty().bind(I18n.bind("browser.imageList"));
        showList.setGraphic(new FontIcon(Material2OutlinedMZ.VIEW_MODULE));
        var classBox = new HBox(classLabel, classes);
        classBox.setAlignment(Pos.CENTER_LEFT);
        classBox.getStyleClass().add("class-box");
        // A FlowPane: with projector-sized type the controls wrap to a second row instead of being cut off.
        var bar = new javafx.scene.layout.FlowPane(new HBox(mnist, fashion), new HBox(train, test), classBox, showList, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("browser-toolbar");
        return bar;
    }

    private Node detail() {
        var pixelGrid = new PixelGrid();
        pixelGrid.setId("pixel-grid");
        HBox.setHgrow(pixelGrid, Priority.ALWAYS);

        var source = new Label();
        source.setId("image-source");
        source.getStyleClass().add("image-source");
        source.setWrapText(true);
        var title = new Label();
        title.setId("image-title");
        title.getStyleClass().add("image-title");
        var labelText = new Label();
        labelText.setId("image-label");
        labelText.getStyleClass().add("image-label");
        labelText.setWrapText(true);

        // The same image at a size where it looks like a picture again (4 screen pixels per pixel).
        var actual = new WritableImage(BrowserViewModel.SIDE, BrowserViewModel.SIDE);
        var actualView = new ImageView(actual);
        actualView.setFitWidth(112);
        actualView.setFitHeight(112);
        actualView.setSmooth(false);
        var actualBox = new StackPane(actualView);
        actualBox.getStyleClass().add("actual-size");
        actualBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        var position = new Label();
        position.setId("pixel-position");
        position.getStyleClass().add("pixel-position");
        var value = new Label();
        value.setId("pixel-value");
        value.getStyleClass().add("pixel-value");
        var readout = new VBox(position, value);
        readout.getStyleClass().add("pixel-readout");

        var use = new Button();
        use.setId("use-image");
        use.textProperty().bind(I18n.bind("browser.use"));
        use.setGraphic(new FontIcon(Material2OutlinedMZ.SEND));
        use.getStyleClass().addAll(Styles.ACCENT, "use-image");
        use.setMaxWidth(Double.MAX_VALUE);
        use.disableProperty().bind(model.selectedProperty().lessThan(0));
        use.setOnAction(e -> {
            int i = model.selectedProperty().get();
            if (i < 0 || model.dataProperty().get() == null) return;
            var img = model.toInputImage(i);
            ctx.currentImageProperty().set(img);
            ctx.status().show(org.convscope.app.StatusLine.Kind.SUCCESS, "browser.used", img.source());
        });

        var hint = new Label();
        hint.textProperty().bind(I18n.bind("browser.pixelHint"));
        hint.getStyleClass().add("pixel-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        Runnable refresh = () -> {
            int i = model.selectedProperty().get();
            boolean has = i >= 0 && model.dataProperty().get() != null;
            pixelGrid.pixelsProperty().set(has ? model.pixels(i) : null);
            source.setText(has ? DatasetCache.name(model.key()) : "");
            title.setText(has ? I18n.get("browser.imageNumber", i) : I18n.get("browser.noImage"));
            labelText.setText(has ? I18n.get("browser.label", model.className(model.label(i))) : "");
            if (has) {
                int[] argb = new int[BrowserViewModel.PIXELS];
                byte[] px = pixelGrid.pixelsProperty().get();
                for (int p = 0; p < argb.length; p++) {
                    int g = px[p] & 0xFF;
                    argb[p] = 0xFF000000 | g << 16 | g << 8 | g;
                }
                actual.getPixelWriter().setPixels(0, 0, BrowserViewModel.SIDE, BrowserViewModel.SIDE,
                        PixelFormat.getIntArgbInstance(), argb, 0, BrowserViewModel.SIDE);
            }
            actualBox.setVisible(has);
        };
        Runnable refreshReadout = () -> {
            int i = model.selectedProperty().get(), p = pixelGrid.shownPixelProperty().get();
            boolean has = i >= 0 && model.dataProperty().get() != null && p >= 0;
            int r = p / BrowserViewModel.SIDE, c = p % BrowserViewModel.SIDE;
            position.setText(has ? I18n.get("browser.pixelAt", r, c) : "");
            value.setText(has ? Integer.toString(model.pixel(i, r, c)) : "");
        };
        model.selectedProperty().addListener((obs, o, n) -> { refresh.run(); refreshReadout.run(); });
        model.dataProperty().addListener((obs, o, n) -> { refresh.run(); refreshReadout.run(); });
        pixelGrid.shownPixelProperty().addListener((obs, o, n) -> refreshReadout.run());
        I18n.onChange(position, () -> { refresh.run(); refreshReadout.run(); });
        refresh.run();

        var spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        var side = new VBox(source, title, labelText, actualBox, readout, use, spacer, hint);
        side.getStyleClass().add("detail-side");
        side.setMinWidth(Region.USE_PREF_SIZE);
        var box = new HBox(pixelGrid, side);
        box.getStyleClass().add("detail");
        box.setMinWidth(420);
        return box;
    }

    private void showLoading(DatasetCache.Key key) {
        var spinner = new ProgressIndicator();
        spinner.progressProperty().bind(ctx.datasets().progressProperty());
        var text = new Label(I18n.get("browser.loading", DatasetCache.name(key)));
        text.getStyleClass().add(Styles.TITLE_4);
        var box = new VBox(spinner, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("browser-message");
        overlay.getChildren().setAll(box);
        overlay.setVisible(true);
    }

    private void showProblem(DatasetCache.Key key, Throwable error) {
        var icon = new FontIcon(Material2OutlinedAL.ERROR_OUTLINE);
        icon.getStyleClass().add("problem-icon");
        var title = new Label(I18n.get("browser.failed", DatasetCache.name(key)));
        title.getStyleClass().addAll(Styles.TITLE_3, Styles.DANGER);
        String why = error instanceof DatasetException de ? de.localizedMessage(I18n.locale())
                : error.getMessage() == null ? error.toString() : error.getMessage();
        var reason = new Label(why);
        reason.setWrapText(true);
        reason.getStyleClass().add("problem-reason");
        var hint = new Label(I18n.get("browser.failedHint"));
        hint.setWrapText(true);
        var retry = new Button(I18n.get("browser.retry"));
        retry.setId("retry");
        retry.setOnAction(e -> reload());
        var box = new VBox(icon, title, reason, hint, retry);
        box.setId("browser-problem");
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("browser-message");
        box.setMaxWidth(720);
        overlay.getChildren().setAll(box);
        overlay.setVisible(true);
        ctx.status().error(title.getText());
    }

    private static ToggleButton segment(String id, String key, ToggleGroup group, String pill) {
        var b = new ToggleButton();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        b.setToggleGroup(group);
        b.getStyleClass().add(pill);
        return b;
    }

    /** "All classes (10,000)" / "7 (1,028)" / "Sneaker (1,000)". */
    private final class ClassCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
            } else if (c == BrowserViewModel.ALL) {
                setText(I18n.get("browser.allClasses", model.count()));
            } else {
                setText(I18n.get("browser.classItem", model.className(c), model.classCount(c)));
            }
        }
    }
}
