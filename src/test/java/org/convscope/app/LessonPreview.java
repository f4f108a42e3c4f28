package org.convscope.app;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Screenshots of the guided lesson for the README and docs/: OUT THEME@WxH LANG STEP[,STEP..] [present] [keys].
 * Example: xvfb-run -a ./mvnw -q exec:java ... or run from the test class path (scripts/lesson-shots.sh).
 */
public final class LessonPreview {
    private static String[] args;

    public static void main(String[] a) {
        args = a;
        Application.launch(App.class);
    }

    public static final class App extends Application {
        @Override public void start(Stage stage) { LessonPreview.start(stage); }
    }

    static void start(Stage stage) {
        File out = new File(args[0]);
        out.mkdirs();
        String[] themeAndSize = args[1].split("@");
        String[] wh = themeAndSize[1].split("x");
        int width = Integer.parseInt(wh[0]), height = Integer.parseInt(wh[1]);
        var locale = args[2].equals("zh") ? I18n.CHINESE : I18n.ENGLISH;
        String[] steps = args[3].split(",");
        boolean present = args.length > 4 && args[4].equals("present");
        boolean keys = args.length > 5 && args[5].equals("keys");
        Preferences prefs = Preferences.userRoot().node("convscope-lesson-preview");
        try { prefs.clear(); } catch (Exception e) { throw new RuntimeException(e); }
        Settings settings = new Settings(prefs);
        settings.setTheme(Theme.valueOf(themeAndSize[0].toUpperCase()));
        I18n.setLocale(locale);
        AppContext ctx = new AppContext(new Services());
        MainWindow window = new MainWindow(ctx, settings, Views.create(ctx));
        Scene scene = window.createScene(width, height);
        stage.setScene(scene);
        stage.show();
        ModelLibrary.loadBundled(ctx, ctx.status()::error);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(3000);
                fx(() -> { window.lessonMenu().startBuiltIn(); if (present) window.presentation().setPresenting(true); });
                for (String s : steps) {
                    int step = Integer.parseInt(s);
                    fx(() -> window.lessons().goTo(step - 1));
                    Thread.sleep(3500);
                    if (keys) fx(() -> window.presentation().toggleShortcutCard());
                    Thread.sleep(500);
                    File f = new File(out, "lesson-step" + step + "-" + args[2] + "-" + args[1].replace('@', '-')
                            + (present ? "-present" : "") + (keys ? "-keys" : "") + ".png");
                    fx(() -> {
                        try { ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", f); }
                        catch (Exception e) { throw new RuntimeException(e); }
                    });
                    System.out.println("wrote " + f);
                }
                prefs.removeNode();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
            }
        });
    }

    private static void fx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> { try { r.run(); } finally { done.countDown(); } });
        done.await();
    }
}
