package org.convscope.app.lesson;

import java.util.Locale;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.TreeItem;
import org.controlsfx.control.BreadCrumbBar;
import org.controlsfx.control.PopOver;
import org.convscope.app.I18n;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The lesson strip under the view: where we are (ControlsFX {@link BreadCrumbBar}: lesson › section › step, and
 * "step k of n"), the narration, "try this", the step's question (predict, then the app reveals the answer with its
 * own computation; a wrong answer gets the hint), Back / Next, and the table of contents (a ControlsFX
 * {@link PopOver}). Node ids for tests: #lesson-panel, #lesson-next, #lesson-back, #lesson-counter,
 * #lesson-narration, #lesson-try, #lesson-question, #lesson-answer, #lesson-check, #lesson-reveal,
 * #lesson-feedback, #lesson-contents, #lesson-close, #lesson-problem.
 */
public final class LessonPanel extends VBox {
    private final LessonDirector director;
    private final BreadCrumbBar<String> crumbs = new BreadCrumbBar<>();
    private final Label counter = new Label(), narration = new Label(), tryThis = new Label(), prompt = new Label(),
            feedback = new Label(), problem = new Label();
    private final VBox question = new VBox(6);
    private final FlowPane choices = new FlowPane(12, 6);
    private final TextField number = new TextField();
    private final Button check = new Button(), reveal = new Button(), next = new Button(), back = new Button(),
            contents = new Button(), close = new Button(), collapse = new Button();
    private final ToggleGroup choiceGroup = new ToggleGroup();
    private final VBox body = new VBox(6);
    private PopOver toc;
    private Runnable onClose = () -> {};

    public LessonPanel(LessonDirector director) {
        this.director = director;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        counter.setId("lesson-counter");
        counter.getStyleClass().add("lesson-counter");
        counter.setMinWidth(Region.USE_PREF_SIZE);
        narration.setId("lesson-narration");
        narration.getStyleClass().add("lesson-narration");
        narration.setWrapText(true);
        tryThis.setId("lesson-try");
        tryThis.getStyleClass().add("lesson-try");
        tryThis.setWrapText(true);
        tryThis.setGraphic(new FontIcon(Material2MZ.TOUCH_APP));
        problem.setId("lesson-problem");
        problem.getStyleClass().addAll("lesson-problem", Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(director.problemProperty());
        problem.visibleProperty().bind(director.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        crumbs.setId("lesson-crumbs");
        crumbs.setAutoNavigationEnabled(false);
        crumbs.setFocusTraversable(false);
        crumbs.setOnCrumbAction(e -> {
            // the lesson's crumb opens the contents; the section's goes to the section's first step
            Object v = e.getSelectedCrumb().getValue();
            LessonProgress p = director.progress();
            if (p == null) return;
            if (e.getSelectedCrumb().getParent() == null) showContents();
            else if (e.getSelectedCrumb().getChildren().size() > 0) director.goTo(firstOfSection(p, p.index()));
        });
        HBox.setHgrow(crumbs, Priority.ALWAYS);

        button(back, "lesson-back", "lesson.back", Material2AL.ARROW_BACK);
        button(next, "lesson-next", "lesson.next", Material2AL.ARROW_FORWARD);
        next.getStyleClass().add(Styles.ACCENT);
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        button(contents, "lesson-contents", "lesson.contents", Material2MZ.TOC);
        button(close, "lesson-close", "lesson.close", Material2AL.CLOSE);
        button(collapse, "lesson-collapse", "lesson.collapse", Material2AL.EXPAND_MORE);
        back.setOnAction(e -> director.previous());
        next.setOnAction(e -> director.next());
        contents.setOnAction(e -> showContents());
        close.setOnAction(e -> onClose.run());
        collapse.setOnAction(e -> setCollapsed(body.isVisible()));
        for (Button b : new Button[] {contents, close, collapse}) {
            b.textProperty().unbind();
            b.setText(null);
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        }
        var header = new HBox(8, crumbs, counter, contents, collapse, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("lesson-header");

        // the question: choices or a number, Check, "Show me"
        prompt.setId("lesson-question");
        prompt.getStyleClass().add("lesson-question");
        prompt.setWrapText(true);
        choices.setId("lesson-choices");
        number.setId("lesson-answer");
        number.setPrefColumnCount(8);
        number.setOnAction(e -> checkAnswer());
        check.setId("lesson-check");
        check.textProperty().bind(I18n.bind("lesson.check"));
        check.setOnAction(e -> checkAnswer());
        check.setMinWidth(Region.USE_PREF_SIZE);
        reveal.setId("lesson-reveal");
        reveal.textProperty().bind(I18n.bind("lesson.reveal"));
        reveal.getStyleClass().add(Styles.FLAT);
        reveal.setOnAction(e -> showAnswer(true));
        reveal.setMinWidth(Region.USE_PREF_SIZE);
        feedback.setId("lesson-feedback");
        feedback.getStyleClass().add("lesson-feedback");
        feedback.setWrapText(true);
        var answerRow = new FlowPane(8, 6, number, check, reveal);
        answerRow.setAlignment(Pos.CENTER_LEFT);
        question.getChildren().addAll(prompt, choices, answerRow, feedback);
        question.getStyleClass().add("lesson-question-box");

        var text = new VBox(6, narration, tryThis, problem);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        // widths from the panel's own width, so the wrapped texts' heights (and so the panel's) are computed for the
        // width they really get, not for a narrow default (which made the panel eat the view)
        text.prefWidthProperty().bind(widthProperty().multiply(0.5));
        question.prefWidthProperty().bind(widthProperty().multiply(0.36));
        question.setMinWidth(0);
        HBox.setHgrow(question, Priority.ALWAYS);
        var nav = new VBox(6, next, back);
        nav.setAlignment(Pos.TOP_RIGHT);
        nav.setMinWidth(Region.USE_PREF_SIZE);
        var row = new HBox(16, text, question, nav);
        body.getChildren().add(row);
        getChildren().addAll(header, body);

        director.progressProperty().addListener((o, a, p) -> bind(p));
        I18n.onChange(this, () -> refresh());
        bind(director.progress());
    }

    public void setOnClose(Runnable r) { onClose = r; }

    /** Folds the panel to its header line (more room for the view) or opens it again. */
    public void setCollapsed(boolean collapsed) {
        body.setVisible(!collapsed);
        body.setManaged(!collapsed);
        ((FontIcon) collapse.getGraphic()).setIconCode(collapsed ? Material2AL.EXPAND_LESS : Material2AL.EXPAND_MORE);
    }

    private void bind(LessonProgress p) {
        if (p != null) {
            p.indexProperty().addListener((o, a, b) -> { if (director.progress() == p) refresh(); });
            back.disableProperty().bind(Bindings.createBooleanBinding(() -> !p.hasPrevious(), p.indexProperty()));
            next.disableProperty().bind(Bindings.createBooleanBinding(() -> !p.hasNext(), p.indexProperty()));
        }
        refresh();
    }

    /** Shows the current step in the language of the moment. */
    private void refresh() {
        LessonProgress p = director.progress();
        if (p == null) return;
        Locale l = I18n.locale();
        LessonStep s = p.step();
        counter.setText(I18n.get("lesson.counter", p.index() + 1, p.lesson().size()));
        TreeItem<String> root = new TreeItem<>(p.lesson().title().in(l));
        TreeItem<String> last = root;
        if (!s.section().isEmpty()) {
            TreeItem<String> sec = new TreeItem<>(s.section().in(l));
            root.getChildren().add(sec);
            last = sec;
        }
        TreeItem<String> leaf = new TreeItem<>(s.title().in(l));
        last.getChildren().add(leaf);
        crumbs.setSelectedCrumb(leaf);
        narration.setText(s.narration().in(l));
        tryThis.setText(s.tryThis().isEmpty() ? "" : I18n.get("lesson.tryThis", s.tryThis().in(l)));
        tryThis.setVisible(!s.tryThis().isEmpty());
        tryThis.setManaged(tryThis.isVisible());
        Question q = s.question();
        question.setVisible(q != null);
        question.setManaged(q != null);
        feedback.setText("");
        feedback.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
        if (q == null) return;
        prompt.setText(q.prompt().in(l));
        choices.getChildren().clear();
        boolean isChoice = q.kind() == Question.Kind.CHOICE;
        choices.setVisible(isChoice);
        choices.setManaged(isChoice);
        number.setVisible(!isChoice);
        number.setManaged(!isChoice);
        number.setText("");
        number.setPromptText(I18n.get("lesson.numberPrompt"));
        for (int i = 0; i < q.choices().size(); i++) {
            RadioButton r = new RadioButton(q.choices().get(i).in(l));
            r.setId("lesson-choice-" + i);
            r.setUserData(i);
            r.setToggleGroup(choiceGroup);
            r.setWrapText(true);
            choices.getChildren().add(r);
        }
        // what was answered here before (another day) is shown again
        p.answerAt(p.index()).ifPresent(a -> {
            if (isChoice) {
                int g = (int) a.given();
                if (g >= 0 && g < choices.getChildren().size()) ((RadioButton) choices.getChildren().get(g)).setSelected(true);
            } else {
                number.setText(Question.formatNumber(a.given(), l).replace(",", ""));
            }
            if (a.right()) showAnswer(false);
        });
    }

    private void checkAnswer() {
        LessonProgress p = director.progress();
        if (p == null || p.step().question() == null) return;
        Question q = p.step().question();
        double given;
        if (q.kind() == Question.Kind.CHOICE) {
            if (choiceGroup.getSelectedToggle() == null) {
                say(I18n.get("lesson.pickOne"), Styles.WARNING);
                return;
            }
            given = (Integer) choiceGroup.getSelectedToggle().getUserData();
        } else {
            String t = number.getText().strip().replace(",", "").replace("\u00a0", "").replace(" ", "");
            try {
                given = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                say(I18n.get("lesson.notANumber", number.getText()), Styles.WARNING);
                return;
            }
        }
        if (p.answer(given) == LessonProgress.Verdict.RIGHT) {
            showAnswer(false);
        } else {
            String hint = q.hint().in(I18n.locale());
            say(hint.isEmpty() ? I18n.get("lesson.wrong") : I18n.get("lesson.wrongHint", hint), Styles.WARNING);
        }
    }

    /** The right answer, worked out by the app ("Show me" when given up, or after a right answer). */
    private void showAnswer(boolean gaveUp) {
        LessonProgress p = director.progress();
        if (p == null || p.step().question() == null) return;
        Question q = p.step().question();
        Locale l = I18n.locale();
        String explain = q.explainText(l);
        String head = I18n.get(gaveUp ? "lesson.answerIs" : "lesson.right", q.rightAnswerText(l));
        say(explain.isEmpty() ? head : head + " " + explain, Styles.SUCCESS);
    }

    private void say(String text, String style) {
        feedback.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
        feedback.getStyleClass().add(style);
        feedback.setText(text);
    }

    /** The table of contents: every step, grouped by section; a click goes there. */
    public void showContents() {
        LessonProgress p = director.progress();
        if (p == null) return;
        ListView<Integer> list = new ListView<>();
        list.setId("lesson-toc");
        for (int i = 0; i < p.lesson().size(); i++) list.getItems().add(i);
        list.setCellFactory(v -> new ListCell<>() {
            @Override protected void updateItem(Integer i, boolean empty) {
                super.updateItem(i, empty);
                if (empty || i == null) { setText(null); setGraphic(null); return; }
                LessonStep s = p.lesson().step(i);
                Locale l = I18n.locale();
                String sec = s.section().isEmpty() || (i > 0 && p.lesson().step(i - 1).section().equals(s.section()))
                        ? "" : s.section().in(l) + "\n";
                String mark = p.answerAt(i).map(a -> a.right() ? "  \u2713" : "  \u2717").orElse("");
                setText(sec + "   " + (i + 1) + ". " + s.title().in(l) + mark);
                setStyle(i == p.index() ? "-fx-font-weight: bold;" : "");
            }
        });
        list.getSelectionModel().select(p.index());
        list.scrollTo(Math.max(0, p.index() - 3));
        list.setPrefSize(30 * 16, 24 * 16);
        list.setOnMouseClicked(e -> {
            Integer i = list.getSelectionModel().getSelectedItem();
            if (i != null) {
                director.goTo(i);
                if (toc != null) toc.hide();
            }
        });
        list.setOnKeyPressed(e -> {
            Integer i = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && i != null) {
                director.goTo(i);
                if (toc != null) toc.hide();
            }
        });
        var title = new Label(I18n.get("lesson.contentsTitle", p.lesson().title().in(I18n.locale()),
                p.rightAnswers(), p.questions()));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        var box = new VBox(8, title, list);
        box.getStyleClass().add("lesson-toc");
        box.setPrefWidth(32 * 16);
        toc = new PopOver(box);
        toc.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        toc.setDetachable(false);
        toc.setTitle(I18n.get("lesson.contents"));
        toc.show(contents);
        list.requestFocus();
    }

    private static int firstOfSection(LessonProgress p, int i) {
        Text sec = p.lesson().step(i).section();
        while (i > 0 && p.lesson().step(i - 1).section().equals(sec)) i--;
        return i;
    }

    private static void button(Button b, String id, String key, org.kordamp.ikonli.Ikon icon) {
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        b.setGraphic(new FontIcon(icon));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setFocusTraversable(false); // the clicker's keys go to the lesson, not to a focused button
        Tooltip t = new Tooltip();
        t.textProperty().bind(I18n.bind(key + ".tip"));
        b.setTooltip(t);
    }
}
