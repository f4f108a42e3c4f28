package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convscope.app.lesson.BuiltInLessons;
import org.convscope.app.lesson.Lesson;
import org.convscope.app.lesson.LessonFile;
import org.convscope.app.lesson.LessonStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A teacher with only a clicker and a keyboard: the built-in lesson driven by keys (PageDown, →, Space, typing an
 * answer), presentation mode, blank screen and the shortcut card; and a teacher building a three-step lesson by
 * capturing views, saving it, re-opening it and presenting it. Real views, real data, real bundled models.
 */
@ExtendWith(ApplicationExtension.class)
class LessonFxTest {
    static { ShellFx.headlessRobot(); }

    private MainWindow window;
    private AppContext ctx;
    private Settings settings;
    private Services services;

    @Start
    void start(Stage stage) {
        settings = Settings.load();
        settings.clear();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services);
        window = new MainWindow(ctx, settings, Views.create(ctx));
        stage.setScene(window.createScene(1280, 800));
        stage.show();
        ModelLibrary.loadBundled(ctx, ctx.status()::error);
    }

    @AfterEach
    void stop() {
        services.close();
        settings.clear();
    }

    @Test
    void theBuiltInLessonIsTaughtWithTheKeysAClickerSends(FxRobot robot) {
        ShellFx.await("bundled models", 30, () -> ctx.models().containsKey(AppContext.MNIST));
        robot.interact(() -> window.lessonMenu().startBuiltIn());
        var lessons = window.lessons();
        assertNotNull(lessons.progress());
        Lesson lesson = lessons.progress().lesson();
        // every step of the built-in lesson names a view and keys that this app has
        assertEquals(lesson, BuiltInLessons.cnnBasics(window.viewKeys()));
        assertEquals("overview", window.current().id());
        assertEquals("Step 1 of " + lesson.size(), robot.lookup("#lesson-counter").queryAs(Label.class).getText());

        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, lessons.progress().index());
        assertEquals("lenet5-classic", window.current().captureState().get("model"), "step 2 shows D2L's LeNet");
        robot.type(KeyCode.RIGHT);
        assertEquals(2, lessons.progress().index());
        assertEquals("browser", window.current().id());
        robot.type(KeyCode.LEFT);
        assertEquals(1, lessons.progress().index());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(0, lessons.progress().index());

        // the kernel step: prepared with the 7 of the test set, a horizontal-edge preset at the start
        int kernelStep = indexOf(lesson, "kernel");
        robot.interact(() -> lessons.goTo(kernelStep));
        ShellFx.await("the kernel view prepared", 20, () -> "horizontal-edge".equals(window.current().captureState().get("preset")));
        assertEquals("mnist/test/0", ctx.currentImageProperty().get().ref());
        assertEquals(7, ctx.currentImageProperty().get().label());
        // Space plays the sweep even though nothing has the focus; the navigation never takes it
        robot.type(KeyCode.SPACE);
        ShellFx.await("the sweep moves", 10, () -> !"0".equals(window.current().captureState().get("position")));
        robot.type(KeyCode.SPACE);
        assertEquals("kernel", window.current().id(), "Space did not switch views");

        // a number question: typed, checked with Enter, wrong first (a hint), then right (the app's own count)
        int paramStep = -1;
        for (int i = 0; i < lesson.size(); i++) {
            var q = lesson.step(i).question();
            if (q != null && "params lenet5-modern conv2".equals(q.compute())) paramStep = i;
        }
        int ps = paramStep;
        robot.interact(() -> lessons.goTo(ps));
        robot.clickOn("#lesson-answer").write("2400").type(KeyCode.ENTER);
        String hint = robot.lookup("#lesson-feedback").queryAs(Label.class).getText();
        assertTrue(hint.startsWith("Not quite. Hint:"), hint);
        robot.doubleClickOn("#lesson-answer").eraseText(6).write("2416").type(KeyCode.ENTER);
        String right = robot.lookup("#lesson-feedback").queryAs(Label.class).getText();
        assertTrue(right.startsWith("Right: 2,416."), right);
        // the arrow keys in the answer field move the caret, not the lesson
        robot.type(KeyCode.LEFT);
        assertEquals(ps, lessons.progress().index());

        // presentation mode: F5 hides the chrome, B blanks, any key brings it back, ? shows the keys, Esc leaves
        robot.interact(() -> window.root().requestFocus());
        robot.type(KeyCode.F5);
        assertTrue(window.presentation().isPresenting());
        assertNull(robot.lookup("#lang-en").tryQuery().filter(n -> n.getScene() != null).orElse(null), "top bar hidden");
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isPresent(), "the lesson stays on screen");
        var sides = robot.lookup("#sides").queryAs(org.controlsfx.control.HiddenSidesPane.class);
        assertNotNull(sides.getLeft(), "the navigation waits at the left edge");
        assertEquals(19.0, Presentation.fontSizeFor(1280, 800));
        assertEquals(25.5, Presentation.fontSizeFor(1920, 1080));
        assertTrue(robot.lookup(".main-window").query().getStyle().contains("-fx-font-size: 19.0px"),
                "the type is scaled for the room: " + robot.lookup(".main-window").query().getStyle());
        robot.type(KeyCode.B);
        assertTrue(window.presentation().isBlank());
        robot.type(KeyCode.PAGE_DOWN);
        assertFalse(window.presentation().isBlank());
        assertEquals(ps, lessons.progress().index(), "the key that un-blanks does not also advance");
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        assertTrue(window.presentation().isShortcutCardShown());
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.presentation().isShortcutCardShown());
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.presentation().isPresenting());
        assertNull(sides.getLeft());
        assertTrue(robot.lookup("#nav-kernel").tryQuery().isPresent());
        assertFalse(robot.lookup(".main-window").query().getStyle().contains("-fx-font-size"));

        // Ctrl+0 opens the tenth view, Ctrl+Shift+1 the eleventh
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertEquals(window.views().get(9).id(), window.current().id());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.DIGIT1).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(window.views().get(10).id(), window.current().id());

        // the next day: the lesson opens where it was left
        var again = new org.convscope.app.lesson.LessonProgress(lesson, settings);
        assertEquals(ps, again.index());
        assertTrue(again.answerAt(ps).orElseThrow().right());
    }

    @Test
    void aTeacherBuildsAThreeStepLessonByCapturingViewsAndPresentsIt(FxRobot robot, @TempDir Path dir) throws Exception {
        ShellFx.await("bundled models", 30, () -> ctx.models().containsKey(AppContext.MNIST));
        var test = ctx.datasets().load(org.convscope.data.DatasetKind.MNIST, org.convscope.data.Split.TEST).get();
        robot.interact(() -> ctx.currentImageProperty().set(new AppContext.InputImage(test.image(3), AppContext.MNIST,
                test.label(3), "MNIST test #3", "mnist/test/3")));
        robot.interact(() -> {
            window.select("overview");
            window.current().applyState(Map.of("model", "lenet5-classic"));
            window.lessonMenu().addStep();
            window.select("pooling");
        });
        ShellFx.await("pooling ready", 20, () -> window.current().captureState().get("layer").startsWith("pool"));
        robot.interact(() -> {
            window.current().applyState(Map.of("kind", "average", "layer", "pool2", "channel", "3"));
            window.lessonMenu().addStep();
            window.select("network");
            window.current().applyState(Map.of("dx", "2", "dy", "-1"));
            window.lessonMenu().addStep();
        });
        var editor = robot.interact(() -> { }); // flush
        robot.interact(() -> window.lessonMenu().edit());
        var ed = window.lessonMenu().editor();
        robot.interact(() -> ed.setTitle(new org.convscope.app.lesson.Text("Three screens", "三个画面")));
        robot.interact(() -> ed.save(dir.resolve("three.json")));
        ShellFx.await("saved", 10, () -> java.nio.file.Files.exists(dir.resolve("three.json")));
        robot.interact(() -> ed.stage().hide());

        Lesson saved = LessonFile.read(dir.resolve("three.json"), window.viewKeys());
        assertEquals(3, saved.size());
        assertEquals("three-screens", saved.id());
        LessonStep pool = saved.step(1);
        assertEquals("pooling", pool.view());
        assertEquals("average", pool.state().get("kind"));
        assertEquals("pool2", pool.state().get("layer"));
        assertEquals("3", pool.state().get("channel"));
        assertEquals("mnist", pool.image().dataset());
        assertEquals(3, pool.image().index());
        assertEquals(Map.of("dx", "2", "dy", "-1", "degrees", "0"), saved.step(2).state());
        assertEquals(saved, LessonFile.parse(LessonFile.toJson(saved), window.viewKeys()), "re-opens identically");

        // present it: the other view state first, then the saved lesson restores each screen
        robot.interact(() -> {
            ctx.currentImageProperty().set(new AppContext.InputImage(test.image(5), AppContext.MNIST, test.label(5), "x"));
            window.select("pooling");
            window.current().applyState(Map.of("kind", "max", "layer", "pool1"));
        });
        robot.interact(() -> window.lessonMenu().open(dir.resolve("three.json")));
        ShellFx.await("lesson opened", 10, () -> window.lessons().progress() != null
                && window.lessons().progress().lesson().id().equals("three-screens"));
        robot.interact(() -> window.root().requestFocus());
        robot.type(KeyCode.PAGE_DOWN);
        ShellFx.await("the pooling step restored", 20, () -> "pooling".equals(window.current().id())
                && "average".equals(window.current().captureState().get("kind"))
                && "pool2".equals(window.current().captureState().get("layer")));
        assertEquals("mnist/test/3", ctx.currentImageProperty().get().ref());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals("2", window.current().captureState().get("dx"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aBrokenLessonFileIsReportedAndTheLessonOnScreenStays(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> window.lessonMenu().startBuiltIn());
        Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{\"format\": \"convscope-lesson\", \"version\": 1, \"id\": \"b\", \"title\": \"B\", \"steps\": ["
                + "{\"title\": \"x\", \"view\": \"kernel\", \"narration\": \"y\", \"state\": {\"stride\": \"9\"}},"
                + "{\"title\": \"x\", \"view\": \"pooling\", \"narration\": \"y\", \"state\": {\"colour\": \"red\"}}]}");
        robot.interact(() -> window.lessonMenu().open(bad));
        ShellFx.await("error shown", 10, () -> ctx.status().kindProperty().get() == StatusLine.Kind.ERROR);
        String msg = ctx.status().messageProperty().get();
        assertTrue(msg.contains("bad.json") && msg.contains("Step 2, field \"state.colour\""), msg);
        assertEquals("cnn-basics", window.lessons().progress().lesson().id());
    }

    @Test
    void aStudentIsToldWhereToStartAndTheNextDayWhereToContinue(FxRobot robot) {
        robot.interact(() -> window.offerLesson());
        assertTrue(window.notice().isShowing());
        assertTrue(window.notice().getText().startsWith("New to CNNs?"), window.notice().getText());
        robot.interact(() -> window.notice().getActions().getFirst().handle(new javafx.event.ActionEvent()));
        assertNotNull(window.lessons().progress());
        assertFalse(window.notice().isShowing());
        robot.interact(() -> { window.lessons().goTo(4); window.lessons().close(); });
        // the next start: the banner offers to continue at step 5
        robot.interact(() -> window.offerLesson());
        assertTrue(window.notice().getText().contains("step 5 of"), window.notice().getText());
        robot.interact(() -> window.notice().getActions().getFirst().handle(new javafx.event.ActionEvent()));
        assertEquals(4, window.lessons().progress().index());
    }

    /** The offer's bar sits above the view, not over its title (ControlsFX draws the bar over the content). */
    @Test
    void theOfferDoesNotCoverTheTopOfTheView(FxRobot robot) {
        robot.interact(() -> window.offerLesson());
        javafx.scene.Node bar = robot.lookup(".notification-bar").query(), content = robot.lookup("#content").query();
        ShellFx.await("the bar slid in", 10, () -> bar.getLayoutBounds().getHeight() > 20
                && Math.abs(bar.prefHeight(-1) - bar.getLayoutBounds().getHeight()) < 0.5);
        ShellFx.await("the view below the bar", 5, () ->
                content.localToScene(content.getLayoutBounds()).getMinY() >= bar.localToScene(bar.getLayoutBounds()).getMaxY() - 0.5);
        robot.interact(() -> window.notice().hide());
        ShellFx.await("the room given back", 10, () -> robot.lookup("#notice-room").queryAs(javafx.scene.layout.Region.class).getHeight() < 0.5);
    }

    /** The first-start offer is read whole on a 1280 × 800 projector, in both languages (it ended in "…" in Chinese). */
    @Test
    void theFirstStartOfferFitsAProjectorInBothLanguages(FxRobot robot) {
        robot.interact(() -> window.setTheme(Theme.PROJECTOR));
        for (var locale : I18n.LOCALES) {
            robot.interact(() -> { I18n.setLocale(locale); window.offerLesson(); });
            ShellFx.await("the banner shown", 10, () -> window.notice().isShowing());
            robot.sleep(600); // its slide-in
            robot.interact(() -> {});
            java.util.List<String> cut = new java.util.ArrayList<>(), seen = new java.util.ArrayList<>();
            robot.interact(() -> ScreenAudit.forEachShown(window.root().getScene(), n -> {
                if (!(n instanceof javafx.scene.control.Labeled l) || l.getText() == null || !(l.getText().equals(window.notice().getText())
                        || l.getText().equals(window.notice().getActions().getFirst().getText()))) return;
                seen.add(l.getText() + " [" + l.getWidth() + "]");
                if (!l.getText().equals(ScreenAudit.displayedText(l))) cut.add(l.getText() + " -> " + ScreenAudit.displayedText(l));
            }));
            assertTrue(seen.size() >= 2, "the message and its button: " + seen);
            assertEquals(java.util.List.of(), cut, "shortened in " + locale);
            robot.interact(() -> window.notice().hide());
        }
        robot.interact(() -> { window.setTheme(Theme.LIGHT); I18n.setLocale(I18n.ENGLISH); });
    }

    @Test
    void everyStepOfTheBuiltInLessonOpensItsViewAsWritten(FxRobot robot) {
        ShellFx.await("bundled models", 30, () -> ctx.models().containsKey(AppContext.MNIST));
        robot.interact(() -> window.lessonMenu().startBuiltIn());
        Lesson lesson = window.lessons().progress().lesson();
        for (int i = 0; i < lesson.size(); i++) {
            int k = i;
            LessonStep step = lesson.step(i);
            robot.interact(() -> window.lessons().goTo(k));
            ShellFx.await("step " + (k + 1) + " shows " + step.view(), 20, () -> window.current().id().equals(step.view()));
            if (step.image() != null) {
                ShellFx.await("step " + (k + 1) + "'s picture", 20, () -> ("mnist/test/" + step.image().index())
                        .equals(ctx.currentImageProperty().get().ref()));
            }
            WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("", window.lessons().problemProperty().get(), "step " + (k + 1));
            assertFalse(ctx.status().kindProperty().get() == StatusLine.Kind.ERROR,
                    "step " + (k + 1) + ": " + ctx.status().messageProperty().get());
            // what the step asked for is what the view shows (keys the view reports back)
            var shown = window.current().captureState();
            for (var e : step.state().entrySet()) {
                if (e.getKey().equals("position") || e.getKey().equals("recipe") || !shown.containsKey(e.getKey())) continue;
                ShellFx.await("step " + (k + 1) + " " + e.getKey() + "=" + e.getValue(), 20,
                        () -> e.getValue().equals(window.current().captureState().get(e.getKey())));
            }
        }
    }

    private static int indexOf(Lesson l, String view) {
        for (int i = 0; i < l.size(); i++) if (l.step(i).view().equals(view)) return i;
        throw new AssertionError("no " + view + " step");
    }
}
