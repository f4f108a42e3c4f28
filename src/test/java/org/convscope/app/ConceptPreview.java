package org.convscope.app;

import java.io.File;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;

/**
 * Renders the concept views inside the real main window to PNG files, for checking readability at a projector
 * (not a test; run by hand under Xvfb):
 * java -cp ... org.convscope.app.ConceptPreview OUT_DIR THEME [VIEW...] with THEME light, dark or projector;
 * a VIEW may name controls to press after it opens: "activation:activation-unnormalised" (ids without '#'), or
 * "scroll-side" to scroll the side column to its end;
 * the window is 1920x1080 unless THEME says otherwise (light@1024x700), both languages. The current image is MNIST test image #0,
 * and the bundled trained models are loaded (the classifier, backpropagation and saliency views need one).
 * -Dpreview.wait=MS waits longer before each picture (default 2000), -Dpreview.step=MS after each control pressed
 * (default 500), e.g. "training:preset-d2l:start" with 20000 and 5000 (the data must have arrived before Start).
 * Settings go to a throw-away preferences node, so the user's own settings stay untouched.
 */
public final class ConceptPreview {

    private static String[] args;

    public static void main(String[] a) {
        args = a;
        Application.launch(App.class);
    }

    /** A separate Application class: a main class that extends Application cannot start from the class path. */
    public static final class App extends Application {
        @Override public void start(Stage stage) throws Exception { ConceptPreview.start(stage); }
    }

    static void start(Stage stage) throws Exception {
        File out = new File(args[0]);
        out.mkdirs();
        // THEME may carry a window size: projector@1024x700
        String[] themeAndSize = args[1].split("@");
        Theme theme = Theme.valueOf(themeAndSize[0].toUpperCase());
        int width = 1920, height = 1080;
        if (themeAndSize.length > 1) {
            String[] wh = themeAndSize[1].split("x");
            width = Integer.parseInt(wh[0]);
            height = Integer.parseInt(wh[1]);
        }
        List<String> ids = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("overview", "activation", "sharing", "params", "flatten");
        Preferences prefs = Preferences.userRoot().node("convscope-preview");
        prefs.clear();
        Settings settings = new Settings(prefs);
        settings.setTheme(theme);
        AppContext ctx = new AppContext(new Services());
        var test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
        ctx.currentImageProperty().set(new AppContext.InputImage(test.image(0), AppContext.MNIST, test.label(0), "MNIST test #0"));
        // the bundled trained models, as the app loads them after its first frame (the learning views need one)
        for (ModelLibrary.Bundled b : ModelLibrary.BUNDLED)
            ctx.models().put(b.dataset(), ModelLibrary.toActiveModel(org.convscope.engine.ModelFile.loadBundled(b.file()), b.dataset()));
        MainWindow window = new MainWindow(ctx, settings, Views.create(ctx));
        Scene scene = window.createScene(width, height);
        stage.setScene(scene);
        stage.show();
        // the bundled trained models, as the app loads them after its first frame (the network view needs one)
        var models = ModelLibrary.loadBundled(ctx, System.err::println);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                models.join();
                for (var locale : I18n.LOCALES) {
                    for (String arg : ids) {
                        String[] parts = arg.split(":");
                        String id = parts[0];
                        fx(() -> { window.setLanguage(locale); window.select(id); });
                        Thread.sleep(1500);
                        for (int i = 1; i < parts.length; i++) {
                            String control = parts[i];
                            if (control.equals("scroll-side")) // the side column scrolled to its end, to see all of it
                                fx(() -> scene.getRoot().lookupAll(".concept-side-scroll").forEach(n -> ((javafx.scene.control.ScrollPane) n).setVvalue(1)));
                            else fx(() -> ((javafx.scene.control.ButtonBase) scene.lookup("#" + control)).fire());
                            Thread.sleep(Long.getLong("preview.step", 500));
                        }
                        // CSS, layout and background computations; -Dpreview.wait=ms for longer (e.g. a training run)
                        Thread.sleep(Long.getLong("preview.wait", 2000));
                        File f = new File(out, arg.replace(':', '-') + "-" + locale.getLanguage() + "-" + args[1].replace('@', '-') + ".png");
                        fx(() -> {
                            try { ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", f); }
                            catch (Exception e) { throw new RuntimeException(e); }
                        });
                        System.out.println("wrote " + f);
                    }
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
