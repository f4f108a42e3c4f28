package org.convscope.app;

import java.io.File;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;

/**
 * Renders the concept views to PNG files for checking readability (not a test; run by hand under Xvfb):
 * java -cp ... org.convscope.app.ConceptPreview OUT_DIR [WIDTH HEIGHT [THEME]] with THEME light or dark.
 * The scene size stands for the content area the shell leaves at 1920x1080 (default 1650x1000).
 * Uses MNIST test image #0 as the current image, and a freshly initialised network where a trained one is needed.
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
        int w = args.length > 2 ? Integer.parseInt(args[1]) : 1650, h = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        boolean dark = args.length > 3 && args[3].equals("dark");
        Application.setUserAgentStylesheet(dark ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        AppContext ctx = new AppContext(new Services());
        var test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
        ctx.currentImageProperty().set(new AppContext.InputImage(test.image(0), AppContext.MNIST, test.label(0), "MNIST test #0"));
        List<ConceptView> views = Views.create(ctx);
        StackPane root = new StackPane();
        stage.setScene(new Scene(root, w, h));
        stage.show();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                for (var locale : I18n.LOCALES) {
                    for (ConceptView v : views) {
                        fx(() -> { I18n.setLocale(locale); root.getChildren().setAll(v.node()); v.onShow(); });
                        Thread.sleep(2500); // CSS, layout and background computations
                        File f = new File(out, v.id() + "-" + locale.getLanguage() + (dark ? "-dark" : "") + ".png");
                        fx(() -> {
                            try { ImageIO.write(SwingFXUtils.fromFXImage(root.snapshot(null, null), null), "png", f); }
                            catch (Exception e) { throw new RuntimeException(e); }
                        });
                        fx(v::onHide);
                        System.out.println("wrote " + f);
                    }
                }
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
