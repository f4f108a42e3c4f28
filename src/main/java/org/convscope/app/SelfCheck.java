package org.convscope.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.convscope.data.Dataset;
import org.convscope.data.Split;

/**
 * {@code convscope selfcheck}: proves an installation works without a person watching. Starts JavaFX on its
 * headless platform (no display, no window on screen), builds the real main window with every view, loads every
 * bundled dataset and checks the counts. One summary line on stdout; 0 when all is well, 1 with the reason on
 * stderr otherwise. Never touches the user's settings (it uses the settings node "convscope-selfcheck").
 */
public final class SelfCheck {
    private SelfCheck() {}

    /** Expected sizes of the bundled data: the full MNIST and Fashion-MNIST (see assets/datasets/README.md). */
    static final int TRAIN = 60_000, TEST = 10_000;

    public static int run() {
        long t0 = System.nanoTime();
        // Must be set before the toolkit starts; the headless glass platform ships in javafx.graphics (JavaFX 24+)
        // and the software pipeline needs no GPU.
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty(Settings.NODE_PROPERTY, System.getProperty(Settings.NODE_PROPERTY, "convscope-selfcheck"));
        List<String> problems = new ArrayList<>();
        Services services = new Services();
        boolean ownToolkit = false;
        try {
            ownToolkit = startToolkit();
            AppContext ctx = onFx(() -> new AppContext(services));

            // The window, with every view's pane built, shown on the headless platform.
            int views = onFx(() -> {
                var list = Views.create(ctx);
                var window = new MainWindow(ctx, Settings.load(), list);
                var stage = new Stage();
                stage.setScene(window.createScene(MainWindow.DEFAULT_WIDTH, MainWindow.DEFAULT_HEIGHT));
                stage.show();
                for (ConceptView v : list) window.select(v.id());
                stage.hide();
                return list.size();
            });
            if (views == 0) problems.add("the main window has no views");

            // Every bundled dataset, with its expected size.
            List<String> loaded = new ArrayList<>();
            for (DatasetCache.Key k : DatasetCache.BUNDLED) {
                Dataset d;
                try {
                    d = ctx.datasets().load(k.kind(), k.split()).get(2, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException e) {
                    problems.add(DatasetCache.name(k) + ": " + e.getCause().getMessage());
                    continue;
                } catch (java.util.concurrent.TimeoutException e) {
                    problems.add(DatasetCache.name(k) + ": not loaded within 2 minutes");
                    continue;
                }
                int expected = k.split() == Split.TRAIN ? TRAIN : TEST;
                if (d.count() != expected) {
                    problems.add(DatasetCache.name(k) + " has " + d.count() + " images, expected " + expected);
                }
                loaded.add(DatasetCache.name(k) + " " + d.count());
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (!problems.isEmpty()) {
                System.err.println("ConvScope self-check FAILED: " + String.join("; ", problems));
                return 1;
            }
            System.out.println("ConvScope self-check OK: window with " + views + " view(s) built headless; loaded "
                    + String.join(", ", loaded) + " (" + ms + " ms)");
            return 0;
        } catch (Throwable t) {
            System.err.println("ConvScope self-check FAILED: " + t);
            return 1;
        } finally {
            services.close();
            if (ownToolkit) Platform.exit(); // leave a toolkit we did not start (tests) running
        }
    }

    /** Starts JavaFX unless it runs already; true when started here. */
    private static boolean startToolkit() throws InterruptedException {
        var started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        if (!started.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("JavaFX did not start within 30 s");
        return true;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        var f = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(1, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
