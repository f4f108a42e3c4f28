package org.convscope.app.collect;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.ViewState;
import org.convscope.app.draw.Drawing;
import org.convscope.app.draw.GrayImage;
import org.convscope.app.training.Autosave;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Our handwriting": the class draws its own digits (or up to ten classes of its own), one at a time: choose the
 * class, draw, Enter. Each drawing is kept as its strokes and as the 28x28 picture the draw view's MNIST
 * preprocessing makes; a grid per class shows what has been collected (click to select, Delete, move to another
 * class, undo). Saved as it goes in the user's ConvScope folder and restored at the next start.
 *
 * <p>Node ids for tests: #collect-pad, #collect-add, #collect-clear, #collect-preview, #collect-class-N,
 * #collect-count-N, #collect-thumb-ID, #collect-undo, #collect-delete, #collect-relabel, #collect-classes,
 * #collect-classes-apply, #collect-total, #collect-message.
 */
public final class CollectView implements ConceptView {
    private static final int PAD = Drawing.SIZE;

    private final AppContext ctx;
    private final CollectViewModel vm;
    private BorderPane root;
    private TabPane tabs;
    private EvalPane eval;
    private TrainPane train;
    private boolean showing;
    private final WritableImage padImage = new WritableImage(PAD, PAD);
    private final int[] padArgb = new int[PAD * PAD];
    private final ImageView padView = new ImageView(padImage);
    private final ImageView preview = new ImageView();
    private final FlowPane classBar = new FlowPane(6, 6);
    private final ToggleGroup classGroup = new ToggleGroup();
    private final VBox grid = new VBox(10);
    private final ComboBox<Integer> relabel = new ComboBox<>();
    private final TextField classField = new TextField();
    private final Label total = new Label();
    private final Map<String, WritableImage> thumbs = new HashMap<>();

    public CollectView(AppContext ctx) {
        this(ctx, new CollectViewModel(new SetStore(Autosave.defaultFolder()), ctx.services().background(), Platform::runLater));
    }

    public CollectView(AppContext ctx, CollectViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
    }

    /** The view with its set kept in folder (tests: a temporary folder). */
    public static CollectView inFolder(AppContext ctx, Path folder) {
        return new CollectView(ctx, new CollectViewModel(new SetStore(folder), ctx.services().background(), Platform::runLater));
    }

    public CollectViewModel model() { return vm; }

    @Override public String id() { return "collect"; }
    @Override public String titleKey() { return "collect.nav"; }
    @Override public Ikon icon() { return Material2AL.COLLECTIONS; }

    @Override public Node node() {
        if (root == null) build();
        return root;
    }

    @Override public void onShow() {
        node();
        showing = true;
        eval.setShowing(tabs.getSelectionModel().getSelectedIndex() == 1);
    }

    @Override public void onHide() {
        showing = false;
        eval.setShowing(false);
    }

    EvalPane evalPane() { return eval; }
    TrainPane trainPane() { return train; }

    // ---- lesson state ------------------------------------------------------------------------------------------

    /** The tabs by their lesson names, in order. */
    static final List<String> TABS = List.of("collect", "eval", "train");

    @Override public Set<String> stateKeys() { return Set.of("class", "tab"); }

    @Override public Map<String, String> captureState() {
        node();
        return Map.of("class", Integer.toString(vm.selectedClassProperty().get()),
                "tab", TABS.get(tabs.getSelectionModel().getSelectedIndex()));
    }

    /**
     * "class": 0 .. classes-1, the class the next drawing is added to; "tab": collect | eval (does the MNIST model
     * read our handwriting) | train (train on it, overfitting). Both are checked before either is applied.
     */
    @Override public void applyState(Map<String, String> state) {
        node();
        Integer c = ViewState.intIn(state, "class", 0, vm.set().classNames().size() - 1);
        String tab = ViewState.oneOf(state, "tab", TABS);
        if (c != null) vm.selectedClassProperty().set(c);
        if (tab != null) tabs.getSelectionModel().select(TABS.indexOf(tab));
    }

    // ---- building ----------------------------------------------------------------------------------------------

    private void build() {
        root = new BorderPane();
        root.getStyleClass().add("collect-view");
        root.getStylesheets().add(CollectView.class.getResource("collect.css").toExternalForm());
        tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(tab("collect-tab-collect", "collect.tab.collect", collectPane()));
        eval = new EvalPane(ctx, vm, ctx.services().background(), Platform::runLater);
        tabs.getTabs().add(tab("collect-tab-eval", "collect.tab.eval", eval.node()));
        train = new TrainPane(ctx, vm, Platform::runLater);
        tabs.getTabs().add(tab("collect-tab-train", "collect.tab.train", train.node()));
        eval.trainedProperty().bind(train.trainedProperty());
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> eval.setShowing(showing && i.intValue() == 1));
        root.setCenter(tabs);

        var message = new Label();
        message.setId("collect-message");
        message.getStyleClass().add("collect-message");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            var m = vm.messageProperty().get();
            return m == null ? "" : I18n.get(m.key(), m.args());
        }, vm.messageProperty(), I18n.localeProperty()));
        vm.messageProperty().addListener((o, a, m) -> {
            message.getStyleClass().remove("problem");
            if (m != null && m.problem()) message.getStyleClass().add("problem");
        });
        var footer = new HBox(message);
        footer.setPadding(new Insets(4, 16, 8, 16));
        root.setBottom(footer);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        vm.addPadListener(this::repaintPad);
        repaintPad();
        vm.previewProperty().addListener((o, a, img) -> preview.setImage(image(img)));
        preview.setImage(image(vm.previewProperty().get()));
        vm.versionProperty().addListener((o, a, b) -> refresh());
        vm.selectedProperty().addListener((o, a, b) -> refreshSelection());
        vm.selectedClassProperty().addListener((o, a, c) -> selectClassToggle());
        I18n.onChange(root, () -> refresh());
        refresh();
        vm.load();
    }

    static Tab tab(String id, String key, Node content) {
        var t = new Tab();
        t.setId(id);
        t.textProperty().bind(I18n.bind(key));
        t.setContent(content);
        return t;
    }

    private Node collectPane() {
        // class chooser and the class names
        var classLabel = label("collect.class");
        classField.setId("collect-classes");
        classField.setPrefColumnCount(22);
        var classTip = new Tooltip();
        classTip.textProperty().bind(I18n.bind("collect.classes.tip"));
        classField.setTooltip(classTip);
        classField.setOnAction(e -> vm.setClassNames(classField.getText()));
        var apply = button("collect-classes-apply", "collect.classes.apply", Material2AL.CHECK, () -> vm.setClassNames(classField.getText()));
        var namesLabel = label("collect.classes");
        var save = fileButton("collect-save", "collect.save", Material2MZ.SAVE, "collect.save.tip", vm::saveIdx);
        var open = fileButton("collect-open", "collect.open", Material2AL.FOLDER_OPEN, "collect.open.tip", vm::openSet);
        var export = fileButton("collect-export", "collect.export", Material2AL.IMAGE, "collect.export.tip", vm::exportPng);
        var importButton = fileButton("collect-import", "collect.import", Material2AL.ADD_PHOTO_ALTERNATE, "collect.import.tip", vm::importPng);
        var newSet = button("collect-new", "collect.new", Material2AL.CREATE_NEW_FOLDER, vm::newSet);
        newSet.setTooltip(tip("collect.new.tip"));
        newSet.disableProperty().bind(vm.busyProperty());
        var top = new FlowPane(18, 8, hbox(classLabel, classBar), hbox(namesLabel, classField, apply),
                hbox(label("collect.files"), save, open, export, importButton, newSet));
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 16, 6, 16));

        // the pad
        padView.setId("collect-pad");
        padView.setPreserveRatio(true);
        padView.setSmooth(true);
        padView.setFitWidth(392);
        padView.setCursor(javafx.scene.Cursor.CROSSHAIR);
        padView.setFocusTraversable(true);
        padView.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            vm.penDown(toPad(e.getX()), toPad(e.getY()));
            padView.requestFocus();
            e.consume();
        });
        padView.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> { vm.penMove(toPad(e.getX()), toPad(e.getY())); e.consume(); });
        // the stroke ends where the pen was released (its last movements may not have been delivered)
        padView.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> { vm.penUp(toPad(e.getX()), toPad(e.getY())); e.consume(); });
        var padFrame = new StackPane(padView);
        padFrame.getStyleClass().add("pad-frame");
        padFrame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        var add = button("collect-add", "collect.add", Material2AL.ADD, vm::add);
        add.getStyleClass().add("accent");
        add.disableProperty().bind(vm.padBlankProperty().or(vm.loadedProperty().not()));
        var clear = button("collect-clear", "collect.clear", Material2AL.DELETE_OUTLINE, vm::clearPad);
        clear.disableProperty().bind(vm.padBlankProperty());
        var padButtons = new HBox(8, add, clear);
        var addHint = label("collect.add.hint");
        addHint.getStyleClass().add("hint");
        // as wide as the pad and its preview, on as many lines as it needs (never "…", never wider than the pad)
        addHint.setWrapText(true);
        addHint.setPrefWidth(1);
        addHint.setMaxWidth(Double.MAX_VALUE);
        addHint.setMinHeight(Region.USE_PREF_SIZE);

        preview.setId("collect-preview");
        preview.setFitWidth(112);
        preview.setFitHeight(112);
        preview.setSmooth(false);
        var previewFrame = new StackPane(preview);
        previewFrame.getStyleClass().add("thumb-frame");
        previewFrame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        var previewCaption = label("collect.preview");
        previewCaption.setWrapText(true);
        previewCaption.getStyleClass().addAll("hint", "preview-caption"); // its width is in em (collect.css)
        previewCaption.setMinHeight(Region.USE_PREF_SIZE);
        var previewBox = new VBox(6, previewFrame, previewCaption);

        var padColumn = new VBox(8, new HBox(12, padFrame, previewBox), padButtons, addHint);

        // what has been collected
        var undo = button("collect-undo", "collect.undo", Material2MZ.UNDO, vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        var delete = button("collect-delete", "collect.delete", Material2AL.DELETE, vm::deleteSelected);
        delete.disableProperty().bind(vm.selectedProperty().isEqualTo(0));
        relabel.setId("collect-relabel");
        relabel.setCellFactory(l -> new ClassCell());
        relabel.setButtonCell(new ClassCell());
        relabel.disableProperty().bind(vm.selectedProperty().isEqualTo(0));
        relabel.setOnAction(e -> {
            Integer c = relabel.getValue();
            Sample s = vm.set().get(vm.selectedProperty().get());
            if (c != null && s != null && c != s.label()) vm.relabelSelected(c);
        });
        var moveLabel = label("collect.relabel");
        total.setId("collect-total");
        total.getStyleClass().add("section-title");
        var gridBar = new FlowPane(12, 8, total, hbox(undo, delete), hbox(moveLabel, relabel));
        gridBar.setAlignment(Pos.CENTER_LEFT);
        var scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        var gridColumn = new VBox(8, gridBar, scroll);
        HBox.setHgrow(gridColumn, Priority.ALWAYS);

        var centre = new HBox(20, padColumn, gridColumn);
        centre.setPadding(new Insets(8, 16, 8, 16));
        var pane = new BorderPane(centre);
        pane.setTop(top);
        return pane;
    }

    /** A button that asks for a folder and hands it to action (waits while a file operation runs). */
    private Button fileButton(String id, String key, Ikon icon, String tipKey, java.util.function.Consumer<Path> action) {
        var b = button(id, key, icon, () -> {
            var chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle(I18n.get(key));
            java.io.File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (dir != null) action.accept(dir.toPath());
        });
        b.setTooltip(tip(tipKey));
        b.disableProperty().bind(vm.busyProperty());
        return b;
    }

    static Tooltip tip(String key) {
        var t = new Tooltip();
        t.textProperty().bind(I18n.bind(key));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private float toPad(double x) { return (float) (x * PAD / padView.getFitWidth()); }

    private void onKey(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl;
        if (typing) return;
        if (tabs.getSelectionModel().getSelectedIndex() != 0) return;
        if (e.getCode() == KeyCode.ENTER) { vm.add(); e.consume(); }
        else if (e.getCode() == KeyCode.Z && e.isShortcutDown()) { vm.undo(); e.consume(); }
        else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            if (vm.selectedProperty().get() != 0) { vm.deleteSelected(); e.consume(); }
        } else if (e.getCode().isDigitKey() && !e.isShortcutDown()) {
            int c = e.getCode().getCode() - (e.getCode().isKeypadKey() ? KeyCode.NUMPAD0.getCode() : KeyCode.DIGIT0.getCode());
            if (c >= 0 && c < vm.set().classNames().size()) { vm.selectedClassProperty().set(c); e.consume(); }
        }
    }

    // ---- updating ----------------------------------------------------------------------------------------------

    private void repaintPad() {
        float[] r = vm.drawing().raster();
        for (int i = 0; i < r.length; i++) {
            int g = Math.round(Math.clamp(r[i], 0f, 1f) * 255f);
            padArgb[i] = 0xFF000000 | g << 16 | g << 8 | g;
        }
        padImage.getPixelWriter().setPixels(0, 0, PAD, PAD, PixelFormat.getIntArgbInstance(), padArgb, 0, PAD);
    }

    /** The class toggles, the class-name field, the move-to chooser and the grid, after any change of the set. */
    private void refresh() {
        List<String> names = vm.set().classNames();
        int[] counts = vm.set().counts();
        if (classGroup.getToggles().size() != names.size() || !sameNames(names)) {
            classBar.getChildren().clear();
            classGroup.getToggles().clear();
            for (int i = 0; i < names.size(); i++) {
                var t = new ToggleButton(names.get(i));
                t.setId("collect-class-" + i);
                t.setUserData(names.get(i));
                t.setToggleGroup(classGroup);
                int c = i;
                t.setOnAction(e -> { vm.selectedClassProperty().set(c); selectClassToggle(); });
                classBar.getChildren().add(t);
            }
            relabel.getItems().setAll(java.util.stream.IntStream.range(0, names.size()).boxed().toList());
        }
        selectClassToggle();
        if (!classField.isFocused()) classField.setText(SetData.joinNames(names));
        total.setText(I18n.get("collect.total", vm.set().size(), vm.set().data().part(true).size()));

        grid.getChildren().clear();
        List<Sample> samples = vm.set().samples();
        for (int c = 0; c < names.size(); c++) {
            var name = new Label(names.get(c));
            name.setId("collect-name-" + c);
            name.getStyleClass().add("class-name");
            var count = new Label(Integer.toString(counts[c]));
            count.setId("collect-count-" + c);
            count.getStyleClass().add("class-count");
            var head = new HBox(8, name, count);
            head.setAlignment(Pos.BASELINE_LEFT);
            var flow = new FlowPane(4, 4);
            for (Sample s : samples) if (s.label() == c) flow.getChildren().add(thumb(s));
            if (counts[c] == 0) flow.getChildren().add(label("collect.none"));
            grid.getChildren().add(new VBox(4, head, flow));
        }
        refreshSelection();
    }

    private boolean sameNames(List<String> names) {
        for (int i = 0; i < names.size(); i++)
            if (!names.get(i).equals(classGroup.getToggles().get(i).getUserData())) return false;
        return true;
    }

    private void selectClassToggle() {
        int c = vm.selectedClassProperty().get();
        if (c < classGroup.getToggles().size()) classGroup.selectToggle(classGroup.getToggles().get(c));
    }

    private Node thumb(Sample s) {
        var img = thumbs.computeIfAbsent(s.hash(), h -> image(s.pixels()));
        var v = new ImageView(img);
        v.setFitWidth(56);
        v.setFitHeight(56);
        v.setSmooth(false);
        var frame = new StackPane(v);
        frame.setId("collect-thumb-" + s.id());
        frame.getStyleClass().add("thumb-frame");
        if (s.heldOut()) frame.getStyleClass().add("held-out");
        frame.setUserData(s.id());
        var tip = new Tooltip(I18n.get(s.heldOut() ? "collect.thumb.heldOut" : "collect.thumb.train", s.origin()));
        Tooltip.install(frame, tip);
        frame.setOnMouseClicked(e -> {
            vm.selectedProperty().set(vm.selectedProperty().get() == s.id() ? 0 : s.id());
            frame.requestFocus();
        });
        return frame;
    }

    private void refreshSelection() {
        long id = vm.selectedProperty().get();
        for (Node row : grid.getChildren()) {
            if (!(row instanceof VBox box) || box.getChildren().size() < 2 || !(box.getChildren().get(1) instanceof Pane flow)) continue;
            for (Node n : flow.getChildren()) {
                n.getStyleClass().remove("selected");
                if (n.getUserData() instanceof Long l && l == id) n.getStyleClass().add("selected");
            }
        }
        Sample s = vm.set().get(id);
        if (s != null) relabel.setValue(s.label());
        else relabel.setValue(null);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static WritableImage image(GrayImage g) {
        byte[] b = Stroke.toBytes(g);
        return image(b);
    }

    static WritableImage image(byte[] pixels) {
        var img = new WritableImage(Sample.SIDE, Sample.SIDE);
        int[] argb = new int[Sample.PIXELS];
        for (int i = 0; i < argb.length; i++) {
            int g = pixels[i] & 0xFF;
            argb[i] = 0xFF000000 | g << 16 | g << 8 | g;
        }
        img.getPixelWriter().setPixels(0, 0, Sample.SIDE, Sample.SIDE, PixelFormat.getIntArgbInstance(), argb, 0, Sample.SIDE);
        return img;
    }

    private final class ClassCell extends ListCell<Integer> {
        @Override protected void updateItem(Integer c, boolean empty) {
            super.updateItem(c, empty);
            List<String> names = vm.set().classNames();
            setText(empty || c == null || c >= names.size() ? null : names.get(c));
        }
    }

    static Label label(String key) {
        var l = new Label();
        l.textProperty().bind(I18n.bind(key));
        return l;
    }

    static HBox hbox(Node... nodes) {
        var b = new HBox(6, nodes);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    static Button button(String id, String key, Ikon icon, Runnable action) {
        var b = new Button();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        b.setGraphic(new FontIcon(icon));
        b.setOnAction(e -> action.run());
        return b;
    }
}
