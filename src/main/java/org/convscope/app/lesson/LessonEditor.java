package org.convscope.app.lesson;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.convscope.app.I18n;
import org.convscope.app.Theme;

/**
 * Writing a lesson: the steps captured from the views ("Add this view as a step"), in order, each with its title,
 * narration and "try this" in English and Chinese; move, delete, try it, save (atomically) and open. Empty required
 * texts are marked at the field (ControlsFX {@link ValidationSupport}) and stop saving. Node ids: #editor-steps,
 * #editor-title-en, #editor-title-zh, #editor-narration-en, #editor-narration-zh, #editor-try-en, #editor-try-zh,
 * #editor-lesson-en, #editor-lesson-zh, #editor-up, #editor-down, #editor-delete, #editor-save, #editor-open,
 * #editor-present, #editor-message.
 */
public final class LessonEditor {
    public interface Changed { void changed(Text title, List<LessonStep> steps, Path file); }

    private final Stage stage = new Stage();
    /** Opening and saving lesson files (one-off background work). */
    private final org.convscope.app.common.OneShot files;
    private final Map<String, Set<String>> viewKeys;
    private final Consumer<Lesson> present;
    private final List<LessonStep> steps = new ArrayList<>();
    private final ListView<Integer> list = new ListView<>();
    private final TextField lessonEn = new TextField(), lessonZh = new TextField(), titleEn = new TextField(),
            titleZh = new TextField();
    private final TextArea narrationEn = area(), narrationZh = area(), tryEn = area(), tryZh = area();
    private final Label message = new Label();
    private final ValidationSupport validation = new ValidationSupport();
    private Path file;
    private Changed changed = (t, s, f) -> {};
    private boolean loading;

    public LessonEditor(Window owner, Executor background, Map<String, Set<String>> viewKeys, Consumer<Lesson> present) {
        this.files = new org.convscope.app.common.OneShot(background, Platform::runLater);
        this.viewKeys = viewKeys;
        this.present = present;
        stage.initOwner(owner);
        stage.titleProperty().bind(I18n.bind("editor.window"));
        list.setId("editor-steps");
        list.setCellFactory(v -> new ListCell<>() {
            @Override protected void updateItem(Integer i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null || i >= steps.size() ? null
                        : (i + 1) + ". " + steps.get(i).title().in(I18n.locale()) + "  [" + steps.get(i).view() + "]");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> load());
        list.setPrefWidth(16 * 18);
        ids();
        for (TextInputControl t : List.of(titleEn, titleZh, narrationEn, narrationZh, tryEn, tryZh, lessonEn, lessonZh)) {
            t.textProperty().addListener((o, a, b) -> store());
        }
        validation.registerValidator(lessonEn, Validator.createEmptyValidator(I18n.get("editor.required")));
        validation.registerValidator(titleEn, Validator.createEmptyValidator(I18n.get("editor.required")));
        validation.registerValidator(narrationEn, Validator.createEmptyValidator(I18n.get("editor.required")));

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(), heading("editor.english"), heading("editor.chinese"));
        form.addRow(1, label("editor.lessonTitle"), lessonEn, lessonZh);
        form.addRow(2, label("editor.stepTitle"), titleEn, titleZh);
        form.addRow(3, label("editor.narration"), narrationEn, narrationZh);
        form.addRow(4, label("editor.try"), tryEn, tryZh);
        for (var n : List.of(lessonEn, lessonZh, titleEn, titleZh, narrationEn, narrationZh, tryEn, tryZh)) {
            GridPane.setHgrow(n, Priority.ALWAYS);
        }
        Button up = button("editor-up", "editor.up", () -> move(-1)), down = button("editor-down", "editor.down", () -> move(1)),
                delete = button("editor-delete", "editor.delete", this::delete),
                save = button("editor-save", "editor.save", this::saveAs),
                open = button("editor-open", "editor.open", this::openFile),
                tryIt = button("editor-present", "editor.present", this::presentNow);
        save.getStyleClass().add(Styles.ACCENT);
        var stepButtons = new HBox(8, up, down, delete);
        var fileButtons = new HBox(8, tryIt, open, save);
        message.setId("editor-message");
        message.setWrapText(true);
        var hint = label("editor.hint");
        hint.setWrapText(true);
        var right = new VBox(12, hint, form, stepButtons, fileButtons, message);
        right.setPadding(new Insets(12));
        var left = new VBox(8, heading("editor.steps"), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        var root = new BorderPane(right, null, null, null, left);
        Scene scene = new Scene(root, 1000, 620);
        scene.getStylesheets().setAll(Theme.APP_STYLESHEET);
        stage.setScene(scene);
    }

    public Stage stage() { return stage; }

    public void show() { stage.show(); stage.toFront(); }

    public void onChanged(Changed c) { changed = c; }

    public void setTitle(Text t) {
        loading = true;
        lessonEn.setText(t.en());
        lessonZh.setText(t.zh());
        loading = false;
    }

    public void setFile(Path f) { file = f; }

    public void setSteps(List<LessonStep> s) {
        int sel = list.getSelectionModel().getSelectedIndex();
        steps.clear();
        steps.addAll(s);
        list.getItems().clear();
        for (int i = 0; i < steps.size(); i++) list.getItems().add(i);
        if (!steps.isEmpty()) list.getSelectionModel().select(sel < 0 ? steps.size() - 1 : Math.min(sel, steps.size() - 1));
        load();
    }

    /** The lesson as written now; the id comes from the English title. */
    public Lesson lesson() {
        Text title = new Text(lessonEn.getText(), lessonZh.getText());
        String id = title.en().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (id.isEmpty()) id = "my-lesson";
        return new Lesson(id.length() > 64 ? id.substring(0, 64) : id, title, steps);
    }

    private void load() {
        Integer i = list.getSelectionModel().getSelectedItem();
        loading = true;
        try {
            LessonStep s = i == null || i >= steps.size() ? null : steps.get(i);
            titleEn.setText(s == null ? "" : s.title().en());
            titleZh.setText(s == null ? "" : s.title().zh());
            narrationEn.setText(s == null ? "" : s.narration().en());
            narrationZh.setText(s == null ? "" : s.narration().zh());
            tryEn.setText(s == null ? "" : s.tryThis().en());
            tryZh.setText(s == null ? "" : s.tryThis().zh());
        } finally {
            loading = false;
        }
    }

    private void store() {
        if (loading) return;
        Integer i = list.getSelectionModel().getSelectedItem();
        if (i != null && i < steps.size()) {
            steps.set(i, steps.get(i).withTexts(new Text(titleEn.getText(), titleZh.getText()),
                    new Text(narrationEn.getText(), narrationZh.getText()), new Text(tryEn.getText(), tryZh.getText())));
            list.refresh();
        }
        changed.changed(new Text(lessonEn.getText(), lessonZh.getText()), List.copyOf(steps), file);
    }

    private void move(int d) {
        int i = list.getSelectionModel().getSelectedIndex(), j = i + d;
        if (i < 0 || j < 0 || j >= steps.size()) return;
        LessonStep s = steps.remove(i);
        steps.add(j, s);
        list.getSelectionModel().select(j);
        list.refresh();
        load();
        store();
    }

    private void delete() {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i < 0) return;
        steps.remove(i);
        setSteps(List.copyOf(steps));
        store();
    }

    /** What stops this lesson from being saved or shown, or null. */
    private String problem() {
        if (steps.isEmpty()) return I18n.get("editor.noSteps");
        if (lessonEn.getText().isBlank() && lessonZh.getText().isBlank()) return I18n.get("editor.needTitle");
        for (int i = 0; i < steps.size(); i++) {
            LessonStep s = steps.get(i);
            if (s.title().isEmpty() || s.narration().isEmpty()) return I18n.get("editor.stepIncomplete", i + 1);
        }
        return null;
    }

    private void presentNow() {
        String p = problem();
        if (p != null) { say(p, true); return; }
        present.accept(lesson());
    }

    private void saveAs() {
        String p = problem();
        if (p != null) { say(p, true); return; }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("editor.save"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("lesson.open.filter"), "*.json"));
        chooser.setInitialFileName(lesson().id() + ".json");
        if (file != null && file.getParent() != null) chooser.setInitialDirectory(file.getParent().toFile());
        File f = chooser.showSaveDialog(stage);
        if (f != null) save(f.toPath());
    }

    /** Saves in the background (atomically); the message says where, or what went wrong. */
    public void save(Path target) {
        Lesson l = lesson();
        files.run("Saving the lesson to " + target, () -> LessonFile.save(l, target), () -> {
            file = target;
            changed.changed(l.title(), l.steps(), file);
            say(I18n.get("editor.saved", target.toString(), l.size()), false);
        }, e -> say(I18n.get("editor.saveFailed", target.toString(), String.valueOf(e.getMessage())), true));
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("lesson.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("lesson.open.filter"), "*.json"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    /** Opens a lesson file for editing (in the background); a bad file is reported and the steps here stay. */
    public void open(Path source) {
        files.run("Opening the lesson " + source, () -> LessonFile.read(source, viewKeys), l -> {
            file = source;
            setTitle(l.title());
            setSteps(l.steps());
            store();
            say(I18n.get("editor.opened", source.toString(), l.size()), false);
        }, e -> say(I18n.get("lesson.badFile", source.getFileName().toString(), String.valueOf(e.getMessage())), true));
    }

    private void say(String text, boolean bad) {
        message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        message.getStyleClass().add(bad ? Styles.DANGER : Styles.SUCCESS);
        message.setText(text);
    }

    private void ids() {
        lessonEn.setId("editor-lesson-en");
        lessonZh.setId("editor-lesson-zh");
        titleEn.setId("editor-title-en");
        titleZh.setId("editor-title-zh");
        narrationEn.setId("editor-narration-en");
        narrationZh.setId("editor-narration-zh");
        tryEn.setId("editor-try-en");
        tryZh.setId("editor-try-zh");
    }

    private static TextArea area() {
        TextArea a = new TextArea();
        a.setWrapText(true);
        a.setPrefRowCount(4);
        return a;
    }

    private static Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        return l;
    }

    private static Label heading(String key) {
        Label l = label(key);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Button button(String id, String key, Runnable r) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        b.setOnAction(e -> r.run());
        return b;
    }
}
