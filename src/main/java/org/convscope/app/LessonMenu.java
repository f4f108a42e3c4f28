package org.convscope.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import org.convscope.app.lesson.BuiltInLessons;
import org.convscope.app.lesson.Lesson;
import org.convscope.app.lesson.LessonEditor;
import org.convscope.app.lesson.LessonFile;
import org.convscope.app.lesson.LessonStep;
import org.convscope.app.lesson.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The top bar's "Lessons" menu: start the built-in lesson, open a lesson file, and build one by capturing views
 * ("Add this view as a step", then edit the narration and save). Node ids: #lessons-menu, #lesson-builtin,
 * #lesson-open, #lesson-add-step, #lesson-edit, #lesson-close-menu.
 */
final class LessonMenu {
    private final MainWindow window;
    private final AppContext ctx;
    /** The lesson being written by capturing views (null until the first "Add this view as a step"). */
    private final List<LessonStep> draft = new ArrayList<>();
    private Text draftTitle = new Text("My lesson", "我的课");
    private Path draftFile;
    private LessonEditor editor;

    LessonMenu(MainWindow window, AppContext ctx) {
        this.window = window;
        this.ctx = ctx;
    }

    MenuButton button() {
        MenuButton menu = new MenuButton();
        menu.setId("lessons-menu");
        menu.textProperty().bind(I18n.bind("lesson.menu"));
        menu.setGraphic(new FontIcon(Material2MZ.SCHOOL));
        menu.setFocusTraversable(false);
        menu.getItems().addAll(
                item("lesson-builtin", "lesson.menu.builtin", Material2MZ.PLAY_ARROW, this::startBuiltIn),
                item("lesson-open", "lesson.menu.open", Material2AL.FOLDER_OPEN, this::openFile),
                new SeparatorMenuItem(),
                item("lesson-add-step", "lesson.menu.addStep", Material2AL.ADD_BOX, this::addStep),
                item("lesson-edit", "lesson.menu.edit", Material2AL.EDIT, this::edit),
                new SeparatorMenuItem(),
                item("lesson-close-menu", "lesson.menu.close", Material2AL.CLOSE, window.lessons()::close));
        return menu;
    }

    void startBuiltIn() {
        try {
            window.lessons().open(BuiltInLessons.cnnBasics(window.viewKeys()));
        } catch (IllegalStateException e) {
            ctx.status().error(e.getMessage());
        }
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("lesson.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("lesson.open.filter"), "*.json"));
        File f = chooser.showOpenDialog(window.root().getScene().getWindow());
        if (f != null) open(f.toPath());
    }

    /** Reads a lesson file in the background and opens it; a bad file is reported, the current lesson stays. */
    void open(Path file) {
        var keys = window.viewKeys();
        new org.convscope.app.common.OneShot(ctx.services().background(), Platform::runLater).run("Opening the lesson " + file,
                () -> LessonFile.read(file, keys), l -> {
                    window.lessons().open(l);
                    ctx.status().show(StatusLine.Kind.SUCCESS, "lesson.opened", l.title().in(I18n.locale()), l.size());
                }, e -> ctx.status().show(StatusLine.Kind.ERROR, "lesson.badFile", file.getFileName().toString(),
                        String.valueOf(e.getMessage())));
    }

    /** Captures the view on screen (its state and picture) as the next step of the lesson being written. */
    void addStep() {
        draft.add(window.lessons().capture());
        ctx.status().show(StatusLine.Kind.SUCCESS, "lesson.stepAdded", draft.size());
        if (editor != null) editor.setSteps(draft);
    }

    /** The lesson editor (null until first opened). */
    LessonEditor editor() { return editor; }

    void edit() {
        if (editor == null) {
            editor = new LessonEditor(window.root().getScene().getWindow(), ctx.services().background(), window.viewKeys(),
                    lesson -> {
                        draft.clear();
                        draft.addAll(lesson.steps());
                        draftTitle = lesson.title();
                        window.lessons().open(lesson);
                    });
        }
        editor.setTitle(draftTitle);
        editor.setSteps(draft);
        editor.setFile(draftFile);
        editor.onChanged((title, steps, file) -> {
            draftTitle = title;
            draft.clear();
            draft.addAll(steps);
            draftFile = file;
        });
        editor.show();
    }

    private static MenuItem item(String id, String key, org.kordamp.ikonli.Ikon icon, Runnable action) {
        MenuItem m = new MenuItem();
        m.setId(id);
        m.textProperty().bind(I18n.bind(key));
        m.setGraphic(new FontIcon(icon));
        m.setOnAction(e -> action.run());
        return m;
    }
}
