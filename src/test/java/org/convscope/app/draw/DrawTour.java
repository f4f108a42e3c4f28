package org.convscope.app.draw;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.convscope.app.AppContext;
import org.convscope.app.I18n;
import org.convscope.app.ModelLibrary;
import org.convscope.app.Services;
import org.convscope.app.network.NetworkView;
import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;

/**
 * Developer tool, not a test: opens the draw and network views in a window, draws a 7, picks a Fashion-MNIST ankle
 * boot, and saves snapshots of each in both languages to the folder given as the first argument (default /tmp/tour).
 * Run under Xvfb: xvfb-run -a -s "-screen 0 1600x1000x24" java -cp ... org.convscope.app.draw.DrawTour /tmp/tour
 */
public final class DrawTour {
    static Path out = Path.of("/tmp/tour");

    public static void main(String[] args) {
        if (args.length > 0) out = Path.of(args[0]);
        Platform.startup(() -> {
            try { start(new Stage()); } catch (Exception e) { e.printStackTrace(); Platform.exit(); }
        });
    }

    static void start(Stage stage) throws Exception {
        Files.createDirectories(out);
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        var services = new Services();
        var ctx = new AppContext(services);
        var draw = new DrawView(ctx);
        var network = new NetworkView(ctx);
        ModelLibrary.loadBundled(ctx, msg -> System.err.println("model: " + msg));
        var scene = new Scene((Parent) draw.node(), 1400, 940);
        stage.setScene(scene);
        stage.show();
        draw.onShow();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                sleep(3000); // models load
                for (var locale : new java.util.Locale[] {I18n.ENGLISH, I18n.CHINESE}) {
                    String lang = locale == I18n.ENGLISH ? "en" : "zh";
                    fx(() -> {
                        I18n.setLocale(locale);
                        scene.setRoot((Parent) draw.node());
                        draw.onShow();
                        draw.model().datasetProperty().set(AppContext.MNIST);
                        draw.model().clear();
                        DigitStrokes.draw(draw.model(), 7);
                    });
                    sleep(1500);
                    snap(scene, "draw-digit-" + lang);
                    var fashion = BundledDatasets.get(DatasetKind.FASHION_MNIST, Split.TEST, LoadProgress.NONE);
                    int i = fashion.indicesOf(9)[3];
                    var img = new AppContext.InputImage(fashion.image(i), AppContext.FASHION_MNIST, 9,
                            I18n.get("draw.random.source", I18n.get("dataset.fashion-mnist"), i, I18n.get("class.fashion.9")));
                    fx(() -> draw.model().show(img));
                    sleep(1500);
                    snap(scene, "draw-fashion-" + lang);
                    fx(() -> {
                        draw.model().datasetProperty().set(AppContext.MNIST);
                        draw.model().undo();
                        draw.onHide();
                        scene.setRoot((Parent) network.node());
                        network.onShow();
                    });
                    sleep(1500);
                    snap(scene, "network-" + lang);
                    fx(() -> { network.model().moveBy(5, 0); network.onHide(); });
                    fx(network::onShow);
                    sleep(2500);
                    snap(scene, "network-shift-" + lang);
                    fx(() -> { network.model().reset(); network.onHide(); });
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
        var img = new java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage>();
        fx(() -> img.set(scene.snapshot(null)));
        File f = out.resolve(name + ".png").toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(img.get(), null), "png", f);
        System.out.println("saved " + f);
    }
}
