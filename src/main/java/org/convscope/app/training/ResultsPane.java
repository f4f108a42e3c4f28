package org.convscope.app.training;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convscope.app.I18n;
import org.convscope.app.common.ColorMap;
import org.convscope.app.common.MapImages;
import org.convscope.engine.LabeledImages;

/**
 * What the network gets wrong: the confusion matrix (rows = true class, columns = predicted class; a cell's colour
 * is its share of the row, green on the diagonal, red off it), the accuracy per class, the largest confusions as
 * links, and a gallery of the test images in the selected cell. On Fashion-MNIST the shirt / T-shirt / pullover /
 * coat block lights up.
 * <p>
 * The nodes are built once and updated in place, and only while the pane is {@link #showingProperty() showing}:
 * during training the matrix changes several times an epoch, and rebuilding 121 cells behind a hidden tab would
 * only take frames from the charts. Node ids for tests: #confusion-matrix, #cm-R-C (cells), #class-accuracy,
 * #gallery, #top-confusions.
 */
final class ResultsPane extends HBox {
    /** The cell shown in the gallery: {actual, predicted}. */
    record Cell(int actual, int predicted) {}

    private static final int GALLERY_LIMIT = 60, TOP = 6;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final TrainingViewModel model;
    private final GridPane matrix = new GridPane();
    private final VBox classAccuracy = new VBox(4);
    private final VBox topConfusions = new VBox(2);
    private final FlowPane gallery = new FlowPane(8, 8);
    private final Label galleryTitle = new Label();
    private final Label summary = new Label();
    private final Label empty = new Label();
    private final ObjectProperty<Cell> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);

    // Built once per (classes, dataset, language), then updated in place.
    private int builtClasses = -1;
    private String builtFor;
    private final List<Region> fills = new ArrayList<>();
    private final List<Label> counts = new ArrayList<>();
    private final List<Tooltip> tips = new ArrayList<>();
    private final List<StackPane> cells = new ArrayList<>();
    private final List<ProgressBar> bars = new ArrayList<>();
    private final List<Label> percents = new ArrayList<>();
    private final List<Hyperlink> links = new ArrayList<>();
    private ConfusionMatrix shown;
    private Cell galleryOf;
    private ConfusionMatrix galleryMatrix;
    private boolean dirty = true;

    ResultsPane(TrainingViewModel model) {
        this.model = model;
        getStyleClass().add("results-pane");
        setSpacing(24);
        setPadding(new Insets(16));

        matrix.setId("confusion-matrix");
        matrix.getStyleClass().add("confusion-matrix");
        matrix.setHgap(2);
        matrix.setVgap(2);
        summary.getStyleClass().add("results-summary");
        empty.textProperty().bind(I18n.bind("training.results.empty"));
        empty.getStyleClass().add("hint");
        Label axisNote = new Label();
        axisNote.textProperty().bind(I18n.bind("training.results.axes"));
        axisNote.getStyleClass().add("hint");
        VBox left = new VBox(8, sectionTitle("training.results.matrix"), summary, axisNote, matrix, empty);

        classAccuracy.setId("class-accuracy");
        topConfusions.setId("top-confusions");
        gallery.setId("gallery");
        gallery.getStyleClass().add("gallery");
        galleryTitle.getStyleClass().add("section-title");
        galleryTitle.setWrapText(true);
        galleryTitle.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane galleryScroll = new ScrollPane(gallery);
        galleryScroll.setFitToWidth(true);
        galleryScroll.getStyleClass().add("gallery-scroll");
        VBox.setVgrow(galleryScroll, Priority.ALWAYS);
        Label topTitle = sectionTitle("training.results.top");
        topTitle.setWrapText(true);
        HBox lists = new HBox(24, new VBox(6, sectionTitle("training.results.perClass"), classAccuracy),
                new VBox(6, topTitle, topConfusions));
        VBox right = new VBox(12, lists, galleryTitle, galleryScroll);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);

        model.confusionProperty().addListener((o, a, b) -> invalidate());
        I18n.onChange(this, () -> { builtFor = null; invalidate(); });
        selected.addListener((o, a, b) -> { if (showing.get()) { highlight(); fillGallery(); } });
        showing.addListener((o, a, b) -> { if (b) update(); });
        update();
    }

    ObjectProperty<Cell> selectedProperty() { return selected; }

    /** Whether the pane is on screen; while it is not, changes are only remembered. */
    BooleanProperty showingProperty() { return showing; }

    private void invalidate() {
        dirty = true;
        if (showing.get()) update();
    }

    private static Label sectionTitle(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private void update() {
        if (!dirty) return;
        dirty = false;
        ConfusionMatrix m = model.confusionProperty().get();
        shown = m;
        empty.setVisible(m == null);
        empty.setManaged(m == null);
        matrix.setVisible(m != null);
        if (m == null) {
            summary.setText("");
            gallery.getChildren().clear();
            galleryTitle.setText("");
            classAccuracy.getChildren().clear();
            topConfusions.getChildren().clear();
            return;
        }
        String ds = model.confusionDataset();
        if (m.classes() != builtClasses || !(ds + I18n.locale()).equals(builtFor)) build(m.classes(), ds);
        summary.setText(I18n.get("training.results.summary", m.total(), TrainingText.percent(m.accuracy())));
        int k = m.classes();
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                int i = a * k + p, n = m.count(a, p);
                double share = m.rowShare(a, p);
                // sqrt: small confusions (1-5 %) must still be visible next to a 90 % diagonal
                fills.get(i).setOpacity(n == 0 ? 0 : 0.12 + 0.88 * Math.sqrt(share));
                counts.get(i).setText(n == 0 ? "" : Integer.toString(n));
                counts.get(i).pseudoClassStateChanged(PseudoClass.getPseudoClass("strong"), share > 0.5);
                tips.get(i).setText(I18n.get("training.results.cellTip", TrainingText.className(ds, a),
                        TrainingText.className(ds, p), n, TrainingText.percent(share)));
            }
            double acc = m.classAccuracy(a);
            bars.get(a).setProgress(Double.isNaN(acc) ? 0 : acc);
            percents.get(a).setText(TrainingText.percent(acc));
        }
        List<ConfusionMatrix.Confusion> top = m.topConfusions(TOP);
        for (int i = 0; i < TOP; i++) {
            Hyperlink l = links.get(i);
            l.setVisible(i < top.size());
            if (i >= top.size()) continue;
            ConfusionMatrix.Confusion c = top.get(i);
            l.setText(I18n.get("training.results.confusion", TrainingText.className(ds, c.actual()),
                    TrainingText.className(ds, c.predicted()), c.count()));
            l.setUserData(new Cell(c.actual(), c.predicted()));
        }
        if (selected.get() == null && !top.isEmpty()) selected.set(new Cell(top.getFirst().actual(), top.getFirst().predicted()));
        highlight();
        fillGallery();
    }

    private void build(int k, String ds) {
        builtClasses = k;
        builtFor = ds + I18n.locale();
        matrix.getChildren().clear();
        fills.clear(); counts.clear(); tips.clear(); cells.clear(); bars.clear(); percents.clear(); links.clear();
        classAccuracy.getChildren().clear();
        topConfusions.getChildren().clear();
        for (int p = 0; p < k; p++) {
            Label h = new Label(TrainingText.className(ds, p));
            h.getStyleClass().add("cm-header");
            h.setRotate(-50);
            Group g = new Group(h);
            GridPane.setHalignment(g, HPos.CENTER);
            GridPane.setValignment(g, VPos.BOTTOM);
            matrix.add(g, p + 1, 0);
        }
        for (int a = 0; a < k; a++) {
            Label r = new Label(TrainingText.className(ds, a));
            r.getStyleClass().add("cm-header");
            r.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setHalignment(r, HPos.RIGHT);
            matrix.add(r, 0, a + 1);
            for (int p = 0; p < k; p++) {
                Region bg = new Region();
                bg.getStyleClass().addAll("cm-fill", a == p ? "cm-diagonal" : "cm-off");
                Label count = new Label();
                count.getStyleClass().add("cm-count");
                StackPane cell = new StackPane(bg, count);
                cell.getStyleClass().add("cm-cell");
                cell.setId("cm-" + a + "-" + p);
                cell.setPrefSize(58, 42);
                cell.setMinSize(44, 34);
                Cell here = new Cell(a, p);
                cell.setOnMouseClicked(e -> selected.set(here));
                Tooltip tip = new Tooltip();
                Tooltip.install(cell, tip);
                matrix.add(cell, p + 1, a + 1);
                fills.add(bg); counts.add(count); tips.add(tip); cells.add(cell);
            }
            Label name = new Label(TrainingText.className(ds, a));
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setPrefWidth(100);
            ProgressBar bar = new ProgressBar(0);
            bar.setPrefWidth(110);
            bar.setMinWidth(60);
            Label pct = new Label();
            pct.getStyleClass().add("number");
            pct.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(8, name, bar, pct);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("class-accuracy-" + a);
            classAccuracy.getChildren().add(row);
            bars.add(bar); percents.add(pct);
        }
        for (int i = 0; i < TOP; i++) {
            Hyperlink l = new Hyperlink();
            l.setId("top-confusion-" + i);
            l.setWrapText(true); // the count at the end must stay readable in a narrow column
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setOnAction(e -> selected.set((Cell) l.getUserData()));
            topConfusions.getChildren().add(l);
            links.add(l);
        }
    }

    private void highlight() {
        Cell s = selected.get();
        int k = builtClasses;
        for (int i = 0; i < cells.size(); i++)
            cells.get(i).pseudoClassStateChanged(SELECTED, s != null && s.actual() * k + s.predicted() == i);
    }

    private void fillGallery() {
        ConfusionMatrix m = shown;
        Cell s = selected.get();
        LabeledImages images = model.confusionImages();
        if (m == null || s == null || images == null) { gallery.getChildren().clear(); galleryTitle.setText(""); return; }
        if (m == galleryMatrix && s.equals(galleryOf)) return;
        galleryMatrix = m;
        galleryOf = s;
        gallery.getChildren().clear();
        String ds = model.confusionDataset();
        int[] idx = m.examples(s.actual(), s.predicted(), GALLERY_LIMIT);
        galleryTitle.setText(I18n.get(s.actual() == s.predicted() ? "training.results.galleryRight" : "training.results.galleryWrong",
                TrainingText.className(ds, s.actual()), TrainingText.className(ds, s.predicted()), m.count(s.actual(), s.predicted()),
                idx.length));
        int px = images.imageSize();
        int side = (int) Math.round(Math.sqrt(px));
        float[] buf = new float[px];
        for (int i : idx) {
            for (int p = 0; p < px; p++) buf[p] = (images.images()[i * px + p] & 0xFF) / 255f;
            ImageView v = new ImageView(MapImages.render(buf, 0, side, side, ColorMap.GRAY, 1f));
            v.setSmooth(false);
            v.setFitWidth(side * 2.5);
            v.setFitHeight(side * 2.5);
            Label cap = new Label("#" + i);
            cap.getStyleClass().add("gallery-caption");
            VBox tile = new VBox(2, v, cap);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add("gallery-tile");
            gallery.getChildren().add(tile);
        }
    }
}
