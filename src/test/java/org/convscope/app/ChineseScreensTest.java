package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.stage.Stage;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Complete Chinese: the visible text of every view, in the real window with the bundled data and models, has no
 * English words outside the few terms that stay in Latin letters (docs/glossary.md) - after switching the language
 * at runtime (everything must re-render) and when the app starts in Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseScreensTest {
    static { ShellFx.headlessRobot(); }

    /** Terms that stay in Latin letters in Chinese (docs/glossary.md), compared case-insensitively. */
    static final Set<String> LATIN = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    static {
        LATIN.addAll(List.of("ConvScope", "English" /* the language switch names English in English */, "CNN", "LeNet", "MNIST", "Fashion-MNIST", "Fashion", "D2L", "ReLU", "sigmoid", "tanh",
                "softmax", "SGD", "Adam", "MLP", "PNG", "GIF", "CSV", "CPU", "fps", "px", "IDX", "safetensors", "JSON",
                "Co", "Ci", "Kh", "Kw", "f(x)", "max", "min",
                "ln", "exp", "RMS" /* mathematical notation, the same in Chinese textbooks */,
                "Enter", "Esc", "PageDown", "PageUp" /* key names, as printed on the keys */));
    }
    /** Layer names (conv1, pool2, relu1, fc3...), weights (w1), variables. */
    static final Pattern NAME = Pattern.compile("(conv|pool|relu|sigmoid|tanh|fc|dense|flatten|softmax|w|h|x|y|k|n|m)\\d*",
            Pattern.CASE_INSENSITIVE);
    static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*");

    private Services services;
    private AppContext ctx;
    private MainWindow window;
    private Settings settings;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        settings = Settings.load();
        settings.clear();
    }

    /** Builds the window as ConvScopeApp does, in the given language from the start. */
    void open(java.util.Locale startIn) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            I18n.setLocale(startIn);
            settings.setLocale(startIn);
            services = new Services();
            ctx = new AppContext(services);
            window = new MainWindow(ctx, settings, Views.create(ctx));
            stage.setScene(window.createScene(1280, 800));
            stage.show();
            ModelLibrary.loadBundled(ctx, ctx.status()::error);
        }).get();
        ctx.datasets().preloadAll().get(60, TimeUnit.SECONDS);
        ShellFx.await("the bundled models", 30, () -> ctx.models().containsKey(AppContext.MNIST)
                && ctx.models().containsKey(AppContext.FASHION_MNIST));
        var test = ctx.datasets().ifLoaded(DatasetKind.MNIST, Split.TEST).orElseThrow();
        // as the network view's first image: its source is said in the language of the moment
        var key = new DatasetCache.Key(DatasetKind.MNIST, Split.TEST);
        WaitForAsyncUtils.asyncFx(() -> ctx.currentImageProperty().set(AppContext.InputImage.localized(test.image(0),
                AppContext.MNIST, test.label(0), () -> I18n.get("browser.image", DatasetCache.name(key), 0)))).get();
    }

    @AfterEach
    void after(FxRobot robot) {
        robot.interact(() -> I18n.setLocale(I18n.ENGLISH));
        settings.clear();
        if (services != null) services.close();
    }

    /** English words in the text, outside the allowed terms. */
    static List<String> englishWords(String text) {
        List<String> out = new ArrayList<>();
        text = text.replaceAll("\\d(?:\\.\\d+)?[eE][-+]?\\d+", "0"); // 4.34e-04 is a number, not the word "e"
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.length() < 2 || LATIN.contains(w) || NAME.matcher(w).matches()) continue;
            if (w.startsWith("LeNet")) continue; // LeNet-5
            out.add(w);
        }
        return out;
    }

    /** Every view in turn: the words of its visible text that are English. */
    List<String> tour(boolean visitEnglishFirst) throws Exception {
        List<String> ids = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> { for (var v : Views.create(new AppContext(services))) ids.add(v.id()); }).get();
        if (visitEnglishFirst) {
            // every view built and filled in English, then the switch: all of it must re-render
            for (String id : ids) {
                WaitForAsyncUtils.asyncFx(() -> window.select(id)).get();
                Thread.sleep(700);
            }
            WaitForAsyncUtils.asyncFx(() -> window.setLanguage(I18n.CHINESE)).get();
        }
        List<String> found = new ArrayList<>();
        for (String id : ids) {
            WaitForAsyncUtils.asyncFx(() -> window.select(id)).get();
            Thread.sleep(visitEnglishFirst ? 300 : 1200);
            WaitForAsyncUtils.waitForFxEvents();
            List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
                List<String> all = new ArrayList<>();
                // every tab of a view with tabs (the training view's Train, Compare and Mistakes)
                var tabs = stage.getScene().getRoot().lookupAll(".tab-pane").stream()
                        .filter(n -> n instanceof javafx.scene.control.TabPane).map(n -> (javafx.scene.control.TabPane) n).toList();
                int count = tabs.isEmpty() ? 1 : tabs.getFirst().getTabs().size();
                for (int t = 0; t < count; t++) {
                    if (!tabs.isEmpty()) tabs.getFirst().getSelectionModel().select(t);
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    all.addAll(ScreenAudit.visibleTexts(stage.getScene()));
                }
                if (!tabs.isEmpty()) tabs.getFirst().getSelectionModel().select(0);
                return all;
            }).get();
            for (String t : texts) {
                List<String> words = englishWords(t);
                if (!words.isEmpty()) found.add(id + ": " + words + " in \"" + t.replace('\n', ' ') + "\"");
            }
        }
        return found;
    }

    @Test
    void switchingToChineseLeavesNoEnglish() throws Exception {
        open(I18n.ENGLISH);
        List<String> found = tour(true);
        assertTrue(found.isEmpty(), found.size() + " English texts after switching to Chinese:\n" + String.join("\n", new TreeSet<>(found)));
    }

    @Test
    void startingInChineseShowsNoEnglish() throws Exception {
        open(I18n.CHINESE);
        List<String> found = tour(false);
        assertTrue(found.isEmpty(), found.size() + " English texts when starting in Chinese:\n" + String.join("\n", new TreeSet<>(found)));
    }

    @Test
    void theWordFinderFindsEnglishAndAllowsTheLatinTerms() {
        assertTrue(englishWords("LeNet-5（ReLU，最大池化），MNIST 测试集 #0，conv1 的卷积核，PNG").isEmpty());
        assertTrue(englishWords("Your drawing").containsAll(List.of("Your", "drawing")));
        assertTrue(englishWords("保存 PNG · worst frame").contains("worst"));
    }
}
