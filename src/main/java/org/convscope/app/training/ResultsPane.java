package org.convscope.app.training;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
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
 * coat block lights up. Node ids for tests: #confusion-matrix, #cm-R-C (cells), #class-accuracy, #gallery, #top-confusions.
 */
final class ResultsPane extends HBox {
    /** The cell shown in the gallery: {actual, predicted}. */
    record Cell(int actual, int predicted) {}

    private static final int GALLERY_LIMIT = 60;

    private final TrainingModel model;
    private final GridPane matrix = new GridPane();
    private final VBox classAccuracy = new VBox(4);
    private final VBox topConfusions = new VBox(2);
    private final FlowPane gallery = new FlowPane(8, 8);
    private final Label galleryTitle = new Label();
    private final Label summary = new Label();
    private final Label empty = new Label();
    private final ObjectProperty<Cell> selected = new SimpleObjectProperty<>(this, "selected");

    ResultsPane(TrainingModel model) {
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
        Label mTitle = sectionTitle("training.results.matrix");
        Label axisNote = new Label();
        axisNote.textProperty().bind(I18n.bind("training.results.axes"));
        axisNote.getStyleClass().add("hint");
        VBox left = new VBox(8, mTitle, summary, axisNote, matrix, empty);

        classAccuracy.setId("class-accuracy");
        topConfusions.setId("top-confusions");
        gallery.setId("gallery");
        gallery.getStyleClass().add("gallery");
        galleryTitle.getStyleClass().add("section-title");
        ScrollPane galleryScroll = new ScrollPane(gallery);
        galleryScroll.setFitToWidth(true);
        galleryScroll.getStyleClass().add("gallery-scroll");
        VBox.setVgrow(galleryScroll, Priority.ALWAYS);
        HBox lists = new HBox(28, new VBox(6, sectionTitle("training.results.perClass"), classAccuracy),
                new VBox(6, sectionTitle("training.results.top"), topConfusions));
        VBox right = new VBox(12, lists, galleryTitle, galleryScroll);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);

        model.confusionProperty().addListener((o, a, b) -> rebuild());
        selected.addListener((o, a, b) -> { highlight(); fillGallery(); });
        I18n.localeProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    ObjectProperty<Cell> selectedProperty() { return selected; }

    private static Label sectionTitle(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private void rebuild() {
        ConfusionMatrix m = model.confusionProperty().get();
        matrix.getChildren().clear();
        classAccuracy.getChildren().clear();
        topConfusions.getChildren().clear();
        empty.setVisible(m == null);
        empty.setManaged(m == null);
        if (m == null) {
            summary.setText("");
            gallery.getChildren().clear();
            galleryTitle.setText("");
            return;
        }
        String ds = model.confusionDataset();
        summary.setText(I18n.get("training.results.summary", m.total(), TrainingModel.percent(m.accuracy())));
        int k = m.classes();
        for (int p = 0; p < k; p++) {
            Label h = new Label(TrainingModel.className(ds, p));
            h.getStyleClass().add("cm-header");
            h.setRotate(-50);
            Group g = new Group(h);
            GridPane.setHalignment(g, javafx.geometry.HPos.CENTER);
            GridPane.setValignment(g, javafx.geometry.VPos.BOTTOM);
            matrix.add(g, p + 1, 0);
        }
        for (int a = 0; a < k; a++) {
            Label r = new Label(TrainingModel.className(ds, a));
            r.getStyleClass().add("cm-header");
            GridPane.setHalignment(r, javafx.geometry.HPos.RIGHT);
            matrix.add(r, 0, a + 1);
            for (int p = 0; p < k; p++) matrix.add(cell(m, a, p), p + 1, a + 1);
        }
        for (int c = 0; c < k; c++) {
            Label name = new Label(TrainingModel.className(ds, c));
            name.setMinWidth(110);
            ProgressBar bar = new ProgressBar(Double.isNaN(m.classAccuracy(c)) ? 0 : m.classAccuracy(c));
            bar.setPrefWidth(150);
            Label pct = new Label(TrainingModel.percent(m.classAccuracy(c)));
            pct.getStyleClass().add("number");
            HBox row = new HBox(8, name, bar, pct);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("class-accuracy-" + c);
            classAccuracy.getChildren().add(row);
        }
        List<ConfusionMatrix.Confusion> top = m.topConfusions(6);
        for (ConfusionMatrix.Confusion c : top) {
            Hyperlink l = new Hyperlink(I18n.get("training.results.confusion", TrainingModel.className(ds, c.actual()),
                    TrainingModel.className(ds, c.predicted()), c.count()));
            l.setOnAction(e -> selected.set(new Cell(c.actual(), c.predicted())));
            topConfusions.getChildren().add(l);
        }
        // Keep the selection if it still makes sense; else show the largest confusion.
        Cell s = selected.get();
        if (s == null && !top.isEmpty()) selected.set(new Cell(top.getFirst().actual(), top.getFirst().predicted()));
        else { highlight(); fillGallery(); }
    }

    private Node cell(ConfusionMatrix m, int a, int p) {
        int n = m.count(a, p);
        Region bg = new Region();
        bg.getStyleClass().addAll("cm-fill", a == p ? "cm-diagonal" : "cm-off");
        double share = m.rowShare(a, p);
        // sqrt: small confusions (1-5 %) must still be visible next to a 90 % diagonal
        bg.setOpacity(n == 0 ? 0 : 0.12 + 0.88 * Math.sqrt(share));
        Label count = new Label(n == 0 ? "" : Integer.toString(n));
        count.getStyleClass().add("cm-count");
        StackPane cell = new StackPane(bg, count);
        cell.getStyleClass().add("cm-cell");
        cell.setId("cm-" + a + "-" + p);
        cell.setPrefSize(54, 40);
        cell.setMinSize(44, 34);
        cell.setOnMouseClicked(e -> selected.set(new Cell(a, p)));
        Tooltip.install(cell, new Tooltip(I18n.get("training.results.cellTip", TrainingModel.className(model.confusionDataset(), a),
                TrainingModel.className(model.confusionDataset(), p), n, TrainingModel.percent(share))));
        return cell;
    }

    private void highlight() {
        Cell s = selected.get();
        for (Node n : matrix.getChildren())
            if (n.getId() != null && n.getId().startsWith("cm-"))
                n.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"),
                        s != null && n.getId().equals("cm-" + s.actual() + "-" + s.predicted()));
    }

    private void fillGallery() {
        gallery.getChildren().clear();
        ConfusionMatrix m = model.confusionProperty().get();
        Cell s = selected.get();
        LabeledImages images = model.confusionImages();
        if (m == null || s == null || images == null) { galleryTitle.setText(""); return; }
        String ds = model.confusionDataset();
        int[] idx = m.examples(s.actual(), s.predicted(), GALLERY_LIMIT);
        galleryTitle.setText(I18n.get(s.actual() == s.predicted() ? "training.results.galleryRight" : "training.results.galleryWrong",
                TrainingModel.className(ds, s.actual()), TrainingModel.className(ds, s.predicted()), m.count(s.actual(), s.predicted()),
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
