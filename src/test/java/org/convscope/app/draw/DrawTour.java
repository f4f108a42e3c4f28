package org.convscope.app.draw;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.convscope.app.AppContext;
import org.convscope.app.DatasetCache;
import org.convscope.app.I18n;
import org.convscope.app.MainWindow;
import org.convscope.app.ModelLibrary;
import org.convscope.app.Services;
import org.convscope.app.Settings;
import org.convscope.app.Views;
import org.convscope.app.network.NetworkView;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;

/**
 * Developer tool, not a test: opens the app's main window, draws a 7 on the draw view, picks a Fashion-MNIST ankle
 * boot, shows the network view (unmoved and shifted), and saves window snapshots of each in both languages to the
 * folder given as the first argument (default /tmp/tour); optional arguments: theme (light, dark, projector), window
 * width and height. Run under Xvfb with -Dconvscope.prefs.node=convscope-tour:
 * xvfb-run -a -s "-screen 0 1920x1080x24" java -cp ... org.convscope.app.draw.DrawTour /tmp/tour dark 1600 1000
 */
public final class DrawTour {
    static Path out = Path.of("/tmp/tour");
    static org.convscope.app.Theme theme = org.convscope.app.Theme.LIGHT;
    static int width = 1600, height = 1000;

    public static void main(String[] args) throws Exception {
        if (args.length > 0) out = Path.of(args[0]);
        if (args.length > 1) theme = org.convscope.app.Theme.valueOf(args[1].toUpperCase(Locale.ROOT));
        if (args.length > 3) { width = Integer.parseInt(args[2]); height = Integer.parseInt(args[3]); }
        Files.createDirectories(out);
        Platform.startup(() -> {
            try { start(new Stage()); } catch (Exception e) { e.printStackTrace(); Platform.exit(); }
        });
    }

    static void start(Stage stage) {
        var services = new Services();
        var ctx = new AppContext(services);
        var window = new MainWindow(ctx, Settings.load(), Views.create(ctx));
        window.attach(stage);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        window.setTheme(theme);
        ModelLibrary.loadBundled(ctx, msg -> System.err.println("model: " + msg));
        var draw = (DrawView) org.convscope.app.LazyView.unwrap(window.view("draw").orElseThrow());
        var network = (NetworkView) org.convscope.app.LazyView.unwrap(window.view("network").orElseThrow());
        Scene scene = stage.getScene();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                var fashion = ctx.datasets().load(DatasetKind.FASHION_MNIST, Split.TEST).get();
                sleep(1500);
                for (Locale locale : new Locale[] {I18n.ENGLISH, I18n.CHINESE}) {
                    String lang = locale == I18n.ENGLISH ? "en" : "zh";
                    fx(() -> {
                        window.setLanguage(locale);
                        window.select("draw");
                        draw.model().datasetProperty().set(AppContext.MNIST);
                        draw.model().clear();
                        DigitStrokes.draw(draw.model(), 7);
                    });
                    sleep(1500);
                    snap(scene, "draw-digit-" + lang);
                    int i = fashion.indicesOf(9)[3];
                    var img = new AppContext.InputImage(fashion.image(i), AppContext.FASHION_MNIST, 9,
                            I18n.get("browser.image", DatasetCache.name(new DatasetCache.Key(DatasetKind.FASHION_MNIST, Split.TEST)), i));
                    fx(() -> draw.model().show(img));
                    sleep(1500);
                    snap(scene, "draw-fashion-" + lang);
                    fx(() -> {
                        draw.model().datasetProperty().set(AppContext.MNIST);
                        draw.model().undo();
                        window.select("network");
                    });
                    sleep(2000);
                    snap(scene, "network-" + lang);
                    fx(() -> network.model().moveBy(5, 0));
                    sleep(2500);
                    snap(scene, "network-shift-" + lang);
                    fx(() -> network.model().reset());
                }
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                Platform.exit();
                services.close();
            }
        });
    }

    static void sleep(long ms) throws InterruptedException { Thread.sleep(ms); }

    static void fx(Runnable r) throws InterruptedException {
        var done = new CountDownLatch(1);
        Platform.runLater(() -> { try { r.run(); } finally { done.countDown(); } });
        done.await(10, TimeUnit.SECONDS);
    }

    static void snap(Scene scene, String name) throws Exception {
        var img = new AtomicReference<WritableImage>();
        fx(() -> img.set(scene.snapshot(null)));
        File f = out.resolve(name + ".png").toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(img.get(), null), "png", f);
        System.out.println("saved " + f);
    }
}
