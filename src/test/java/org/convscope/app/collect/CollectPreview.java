package org.convscope.app.collect;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;

import javax.imageio.ImageIO;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.MainWindow;
import org.convscope.app.ModelLibrary;
import org.convscope.app.Services;
import org.convscope.app.Settings;
import org.convscope.app.Theme;
import org.convscope.app.Views;

/**
 * Renders the collect view's three tabs inside the real main window to PNG files (README screenshots; not a test,
 * run by hand under Xvfb): java -cp ... org.convscope.app.collect.CollectPreview OUT_DIR [THEME]. A demo set of 120
 * drawings (the test strokes of 0-9, slanted and wobbled as different hands draw them) is put in a temporary
 * ConvScope folder; the user's own set and settings are not touched.
 */
public final class CollectPreview {
    private static String[] args;

    public static void main(String[] a) throws Exception {
        args = a;
        Path home = Files.createTempDirectory("convscope-preview");
        System.setProperty("convscope.home", home.toString());
        var set = new CollectedSet();
        Random r = new Random(3);
        for (int i = 0; i < 12; i++)
            for (int d = 0; d < 10; d++) {
                var strokes = Digits.varied(d, r);
                set.add(d, Stroke.mnistBytes(Stroke.replay(strokes).view()), strokes, "student " + (1 + i % 4));
            }
        new SetStore(home).save(set.data());
        Application.launch(App.class);
    }

    public static final class App extends Application {
        @Override public void start(Stage stage) throws Exception { CollectPreview.start(stage); }
    }

    static void start(Stage stage) throws Exception {
        File out = new File(args[0]);
        out.mkdirs();
        String themeName = args.length > 1 ? args[1] : "light";
        Preferences prefs = Preferences.userRoot().node("convscope-preview");
        prefs.clear();
        Settings settings = new Settings(prefs);
        settings.setTheme(Theme.valueOf(themeName.toUpperCase()));
        AppContext ctx = new AppContext(new Services());
        var views = Views.create(ctx);
        CollectView view = (CollectView) views.stream().filter(v -> v.id().equals("collect")).findFirst().orElseThrow();
        MainWindow window = new MainWindow(ctx, settings, views);
        Scene scene = window.createScene(1600, 1000);
        stage.setScene(scene);
        stage.show();
        ModelLibrary.loadBundled(ctx, m -> System.err.println("model: " + m));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(3000);
                for (var locale : I18n.LOCALES) {
                    fx(() -> { window.setLanguage(locale); window.select("collect"); });
                    fx(() -> view.applyState(java.util.Map.of("tab", "collect", "class", "3")));
                    fx(() -> { // a half-drawn 3 on the pad
                        var s = Digits.digit(3).getFirst().xy();
                        view.model().penDown(s[0], s[1]);
                        for (int i = 2; i < s.length; i += 2) view.model().penMove(s[i], s[i + 1]);
                        view.model().penUp();
                    });
                    shot(scene, out, "collect-" + locale.getLanguage() + "-" + themeName);
                    fx(() -> view.applyState(java.util.Map.of("tab", "eval")));
                    for (int i = 0; i < 60; i++) { // the first evaluation warms up the engine
                        Thread.sleep(500);
                        boolean[] done = {false};
                        fx(() -> done[0] = view.evalPane().resultProperty().get() != null);
                        if (done[0]) break;
                    }
                    shot(scene, out, "collect-eval-" + locale.getLanguage() + "-" + themeName);
                    fx(() -> view.applyState(java.util.Map.of("tab", "train")));
                    if (locale == I18n.ENGLISH) {
                        fx(() -> ((javafx.scene.control.ButtonBase) scene.lookup("#collect-train-run")).fire());
                        while (true) {
                            Thread.sleep(500);
                            boolean[] running = {true};
                            fx(() -> running[0] = view.trainPane().runningProperty().get());
                            if (!running[0]) break;
                        }
                    }
                    shot(scene, out, "collect-train-" + locale.getLanguage() + "-" + themeName);
                    fx(() -> view.model().clearPad());
                }
                prefs.removeNode();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
            }
        });
    }

    private static void shot(Scene scene, File out, String name) throws Exception {
        Thread.sleep(1500);
        File f = new File(out, name + ".png");
        fx(() -> {
            try { ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", f); }
            catch (Exception e) { throw new RuntimeException(e); }
        });
        System.out.println("wrote " + f);
    }

    private static void fx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> { try { r.run(); } finally { done.countDown(); } });
        done.await();
    }
}
