package org.convscope.app.collect;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.I18n;
import org.convscope.app.common.LatestOnly;
import org.convscope.app.training.ConfusionMatrix;

/**
 * "Does it read our handwriting?": the MNIST model (the one the draw view uses) on the collected drawings, its
 * accuracy next to its accuracy on the MNIST test set, the confusion matrix, and the drawings it gets most wrong;
 * a click on one opens it in the draw view (the network view follows the same image).
 *
 * <p>Node ids: #collect-eval-model, #collect-eval-all, #collect-eval-heldout, #collect-eval-accuracy,
 * #collect-eval-mnist, #collect-eval-matrix, #collect-eval-cell-A-P, #collect-eval-worst, #collect-eval-wrong-ID,
 * #collect-eval-network-ID, #collect-eval-note.
 */
final class EvalPane {
    /** What to evaluate: the network, the drawings, the class count (a snapshot taken on the FX thread). */
    private record Request(AppContext.ActiveModel model, List<Sample> samples, int classes) {}

    private final AppContext ctx;
    private final CollectViewModel vm;
    /** A result and the model it measured. */
    private record Done(AppContext.ActiveModel model, HandwritingEval.Result result) {}
    private final LatestOnly<Request, Done> runner;
    private final ObjectProperty<AppContext.ActiveModel> resultModel = new SimpleObjectProperty<>(this, "resultModel");
    private final ObjectProperty<HandwritingEval.Result> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<AppContext.ActiveModel> evaluated = new SimpleObjectProperty<>(this, "evaluated");
    private final VBox root = new VBox(12);
    private final Label model = new Label(), accuracy = new Label(), mnist = new Label(), note = new Label();
    private final ProgressBar ourBar = new ProgressBar(0), mnistBar = new ProgressBar(0);
    private final GridPane matrix = new GridPane();
    private final FlowPane worst = new FlowPane(10, 10);
    private final ToggleButton all, heldOut;
    private boolean showing;

    /** Which model is measured: the app's MNIST model, the one trained in the Train tab, or one from a file. */
    enum Source { MNIST, TRAINED, FILE }
    private final ComboBox<Source> source = new ComboBox<>();
    private final ObjectProperty<AppContext.ActiveModel> trained = new SimpleObjectProperty<>(this, "trained");
    private final ObjectProperty<AppContext.ActiveModel> fromFile = new SimpleObjectProperty<>(this, "fromFile");
    private final Label mnistTitle = CollectView.label("collect.eval.mnistSet");

    /** Opening a model file (one-off background work). */
    private final org.convscope.app.common.OneShot files;

    EvalPane(AppContext ctx, CollectViewModel vm, Executor background, Executor fx) {
        this.ctx = ctx;
        this.vm = vm;
        this.files = new org.convscope.app.common.OneShot(background, fx);
        this.runner = new LatestOnly<>(background, fx,
                r -> new Done(r.model(), HandwritingEval.evaluate(r.model().network(), r.samples(), r.classes())),
                d -> { evaluated.set(d.model()); resultModel.set(d.model()); result.set(d.result()); }, e -> vm.setMessage(CollectViewModel.Message.problem("collect.msg.failed", String.valueOf(e.getMessage()))));
        var parts = new ToggleGroup();
        all = toggle("collect-eval-all", "collect.eval.all", parts);
        heldOut = toggle("collect-eval-heldout", "collect.eval.heldOut", parts);
        all.setSelected(true);
        parts.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) a.setSelected(true);
            else refresh();
        });
        model.setId("collect-eval-model");
        model.getStyleClass().add("section-title");
        accuracy.setId("collect-eval-accuracy");
        accuracy.getStyleClass().add("big-number");
        mnist.setId("collect-eval-mnist");
        note.setId("collect-eval-note");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        for (ProgressBar b : new ProgressBar[] {ourBar, mnistBar}) b.setPrefWidth(320);
        mnistBar.getStyleClass().add("mnist-bar");
        matrix.setId("collect-eval-matrix");
        matrix.getStyleClass().add("confusion");
        matrix.setHgap(2);
        matrix.setVgap(2);
        worst.setId("collect-eval-worst");

        var bars = new GridPane();
        bars.setHgap(10);
        bars.setVgap(6);
        bars.addRow(0, CollectView.label("collect.eval.ours"), ourBar, accuracy);
        bars.addRow(1, mnistTitle, mnistBar, mnist);
        var matrixTitle = CollectView.label("collect.eval.matrix");
        matrixTitle.getStyleClass().add("section-title");
        var matrixNote = CollectView.label("collect.eval.matrix.note");
        matrixNote.getStyleClass().add("hint");
        var worstTitle = CollectView.label("collect.eval.worst");
        worstTitle.getStyleClass().add("section-title");
        var worstNote = CollectView.label("collect.eval.worst.note");
        worstNote.getStyleClass().add("hint");
        worstNote.setWrapText(true);
        var left = new VBox(8, matrixTitle, matrix, matrixNote);
        var right = new VBox(8, worstTitle, worstNote, worst);
        right.setPrefWidth(520);
        var body = new HBox(28, left, right);
        source.setId("collect-eval-source");
        source.getItems().setAll(Source.MNIST);
        source.setValue(Source.MNIST);
        source.setCellFactory(l -> new SourceCell());
        source.setButtonCell(new SourceCell());
        // the chosen model's name in the language of the moment (a button cell is not redrawn by itself)
        I18n.onChange(source, () -> source.setButtonCell(new SourceCell()));
        source.valueProperty().addListener((o, a, b) -> refresh());
        trained.addListener((o, a, t) -> {
            if (t != null && !source.getItems().contains(Source.TRAINED)) source.getItems().add(1, Source.TRAINED);
            if (source.getValue() == Source.TRAINED) refresh();
        });
        var openFile = CollectView.button("collect-eval-open", "collect.eval.openFile", org.kordamp.ikonli.material2.Material2AL.FOLDER_OPEN,
                this::chooseFile);
        openFile.setTooltip(CollectView.tip("collect.eval.openFile.tip"));
        root.getChildren().setAll(model, CollectView.hbox(CollectView.label("collect.eval.source"), source, openFile),
                CollectView.hbox(CollectView.label("collect.eval.which"), all, heldOut), bars, note, body);
        root.setPadding(new Insets(12, 16, 12, 16));

        result.addListener((o, a, r) -> show(r));
        ctx.models().addListener((javafx.collections.MapChangeListener<String, AppContext.ActiveModel>) c -> {
            if (AppContext.MNIST.equals(c.getKey())) refresh();
        });
        vm.versionProperty().addListener((o, a, b) -> refresh());
        I18n.onChange(root, () -> show(result.get()));
    }

    Node node() {
        var scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    ObjectProperty<HandwritingEval.Result> resultProperty() { return result; }
    ObjectProperty<AppContext.ActiveModel> trainedProperty() { return trained; }
    /** The model the shown result belongs to. */
    ObjectProperty<AppContext.ActiveModel> resultModelProperty() { return resultModel; }
    ComboBox<Source> sourceBox() { return source; }

    private void chooseFile() {
        var chooser = new javafx.stage.FileChooser();
        chooser.setTitle(I18n.get("collect.eval.openFile"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("safetensors", "*.safetensors"));
        var f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) openModel(f.toPath());
    }

    /** Loads a model file in the background and measures it (a problem goes to the message line). */
    void openModel(java.nio.file.Path file) {
        files.run("Opening the model " + file, () -> {
            var c = org.convscope.engine.ModelFile.load(file);
            return new AppContext.ActiveModel(c.network(), c.info().getOrDefault(org.convscope.engine.ModelFile.DATASET, "?"),
                    file.getFileName() + " (" + org.convscope.app.ModelLibrary.describe(c.spec()) + ")",
                    org.convscope.app.ModelLibrary.toActiveModel(c, AppContext.MNIST).testAccuracy());
        }, m -> {
            fromFile.set(m);
            if (!source.getItems().contains(Source.FILE)) source.getItems().add(Source.FILE);
            if (source.getValue() == Source.FILE) refresh();
            else source.setValue(Source.FILE);
        }, e -> vm.setMessage(CollectViewModel.Message.problem("collect.eval.fileBad", String.valueOf(e.getMessage()))));
    }

    private final class SourceCell extends javafx.scene.control.ListCell<Source> {
        @Override protected void updateItem(Source s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : I18n.get(switch (s) {
                case MNIST -> "collect.eval.source.mnist";
                case TRAINED -> "collect.eval.source.trained";
                case FILE -> "collect.eval.source.file";
            }));
        }
    }

    void setShowing(boolean s) {
        showing = s;
        if (s) refresh();
    }

    /** Evaluates again (in the background) when shown; otherwise waits until the tab is opened. */
    void refresh() {
        if (!showing) return;
        Source src = source.getValue() == null ? Source.MNIST : source.getValue();
        var m = switch (src) {
            case MNIST -> ctx.models().get(AppContext.MNIST);
            case TRAINED -> trained.get();
            case FILE -> fromFile.get();
        };
        List<Sample> samples = heldOut.isSelected() ? vm.set().data().part(true) : vm.set().samples();
        String problem = null;
        Object[] args = {};
        if (m == null) problem = "collect.eval.noModel";
        else if (src != Source.TRAINED && AppContext.MNIST.equals(m.dataset()) && !vm.set().classNames().equals(SetData.DIGITS)) {
            problem = "collect.eval.notDigits";
            args = new Object[] {SetData.joinNames(vm.set().classNames())};
        } else if (samples.isEmpty()) problem = heldOut.isSelected() ? "collect.eval.noHeldOut" : "collect.eval.empty";
        else {
            SetProblem p = HandwritingEval.mismatch(m.network(), vm.set().classNames());
            if (p != null) { problem = p.key(); args = p.args(); }
        }
        model.setText(m == null ? I18n.get("collect.eval.noModelTitle")
                : I18n.get(src == Source.MNIST ? "collect.eval.model" : "collect.eval.modelOther", m.description()));
        for (Node n : new Node[] {mnistTitle, mnistBar, mnist}) n.setVisible(src != Source.TRAINED); // no MNIST test accuracy to show
        if (problem != null) {
            note.setText(I18n.get(problem, args));
            result.set(null);
            return;
        }
        runner.submit(new Request(m, samples, m.network().spec().classes()));
    }

    private void show(HandwritingEval.Result r) {
        matrix.getChildren().clear();
        worst.getChildren().clear();
        if (r == null) {
            accuracy.setText("\u2013");
            ourBar.setProgress(0);
            mnist.setText("\u2013");
            mnistBar.setProgress(0);
            return;
        }
        List<String> names = new java.util.ArrayList<>(vm.set().classNames());
        ConfusionMatrix cm = r.matrix();
        while (names.size() < cm.classes()) names.add("#" + names.size()); // outputs of the model no class of ours uses
        accuracy.setText(I18n.get("collect.eval.accuracy", pct(r.accuracy()), cm.correct(), cm.total()));
        ourBar.setProgress(r.accuracy());
        var m = evaluated.get();
        double mnistAcc = m == null ? Double.NaN : m.testAccuracy();
        mnist.setText(Double.isNaN(mnistAcc) ? I18n.get("collect.eval.mnistUnknown") : pct(mnistAcc));
        mnistBar.setProgress(Double.isNaN(mnistAcc) ? 0 : mnistAcc);
        note.setText(Double.isNaN(mnistAcc) ? "" : I18n.get(r.accuracy() < mnistAcc - 0.02 ? "collect.eval.lower" : "collect.eval.asGood",
                String.format(Locale.ROOT, "%.1f", 100 * (mnistAcc - r.accuracy()))));

        // confusion matrix: rows true class, columns predicted, shade = share of the row
        var corner = new Label(I18n.get("collect.eval.corner"));
        corner.getStyleClass().add("hint");
        matrix.add(corner, 0, 0);
        for (int p = 0; p < cm.classes(); p++) matrix.add(header(names.get(p)), p + 1, 0);
        matrix.add(header(I18n.get("collect.eval.rowAcc")), cm.classes() + 1, 0);
        for (int a = 0; a < Math.min(cm.classes(), vm.set().classNames().size()); a++) {
            matrix.add(header(names.get(a)), 0, a + 1);
            for (int p = 0; p < cm.classes(); p++) {
                int n = cm.count(a, p);
                var shade = new Region();
                shade.getStyleClass().add(a == p ? "cell-right" : "cell-wrong");
                shade.setOpacity(cm.rowShare(a, p));
                var text = new Label(n == 0 ? "" : Integer.toString(n));
                text.getStyleClass().add("cell-text");
                var cell = new StackPane(shade, text);
                cell.setId("collect-eval-cell-" + a + "-" + p);
                cell.getStyleClass().add("cell");
                matrix.add(cell, p + 1, a + 1);
            }
            double ca = cm.classAccuracy(a);
            var acc = new Label(Double.isNaN(ca) ? "" : pct(ca));
            acc.getStyleClass().add("hint");
            matrix.add(acc, cm.classes() + 1, a + 1);
        }

        int shown = 0;
        for (HandwritingEval.Answer ans : r.worst()) {
            if (shown++ == 24) break;
            Sample s = ans.sample();
            var v = new ImageView(CollectView.image(s.pixels()));
            v.setFitWidth(56);
            v.setFitHeight(56);
            v.setSmooth(false);
            var frame = new StackPane(v);
            frame.getStyleClass().addAll("thumb-frame", "wrong");
            frame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            frame.setId("collect-eval-wrong-" + s.id());
            frame.setOnMouseClicked(e -> open(s, "draw"));
            javafx.scene.control.Tooltip.install(frame, CollectView.tip("collect.eval.open.tip"));
            var caption = new Label(I18n.get("collect.eval.answer", names.get(s.label()), names.get(ans.predicted()),
                    pct(ans.confidence()), pct(ans.trueProbability())));
            caption.setWrapText(true);
            caption.setMaxWidth(100);
            caption.getStyleClass().add("hint");
            var net = new Hyperlink(I18n.get("collect.eval.network"));
            net.setId("collect-eval-network-" + s.id());
            net.setOnAction(e -> open(s, "network"));
            var box = new VBox(2, frame, caption, net);
            box.setAlignment(Pos.TOP_CENTER);
            worst.getChildren().add(box);
        }
        if (r.worst().isEmpty()) worst.getChildren().add(CollectView.label("collect.eval.noneWrong"));
    }

    /** Puts the drawing into the shared current image and goes to view (the network view follows the same image). */
    void open(Sample s, String view) {
        String name = vm.set().classNames().get(s.label());
        ctx.currentImageProperty().set(new AppContext.InputImage(s.image(), AppContext.MNIST, s.label(),
                I18n.get("collect.eval.sourceOf", name, s.origin())));
        if (ctx.viewIds().contains(view)) ctx.requestedViewProperty().set(view);
    }

    private static Label header(String text) {
        var l = new Label(text);
        l.getStyleClass().add("cell-header");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static ToggleButton toggle(String id, String key, ToggleGroup group) {
        var b = new ToggleButton();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        b.setToggleGroup(group);
        return b;
    }

    static String pct(double v) { return String.format(Locale.ROOT, "%.1f%%", 100 * v); }
}
