package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
 * Every classroom screen: the real main window with every view (as {@link ConvScopeApp} builds it, with the bundled
 * data and models), at 1280x800, 1366x768, 1440x900 and 1920x1080, in the light and the projector themes, in English
 * and Chinese. Fails, naming view, size, theme, language and node, on text shortened to "…", a control cut off by
 * the window edge, content reachable only by scrolling sideways, and (projector) text below the theme's minimum size.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomScreensTest {
    static { ShellFx.headlessRobot(); }

    static final int[][] SIZES = {{1280, 800}, {1366, 768}, {1440, 900}, {1920, 1080}};
    static final Theme[] THEMES = {Theme.LIGHT, Theme.PROJECTOR};

    /** -Dconvscope.screens=DIR also writes the 1280x800 projector screens to DIR as PNGs (docs/screens/ keeps them). */
    static final String SHOTS = System.getProperty("convscope.screens");

    /**
     * Problems known and left for another change (view, theme, kind, node key; one a line, '#' comments), e.g. a
     * view whose layout another issue rebuilds. The tour fails on any other problem, and on a listed one that no
     * longer occurs (so the list only shrinks). A line starting with "~ " is a problem seen in some runs only (it
     * depends on when CSS reaches a node): it is allowed, but not required to occur.
     */
    /** The "~ " lines of the known list: allowed, not required (declared first: known() fills it). */
    static final Set<String> SOMETIMES = new java.util.TreeSet<>();
    static final Set<String> KNOWN = known();

    static Set<String> known() {
        try (var in = ClassroomScreensTest.class.getResourceAsStream("classroom-known-problems.txt")) {
            if (in == null) return Set.of();
            Set<String> out = new java.util.TreeSet<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String key = line.strip();
                    if (key.startsWith("~ ")) { key = key.substring(2); SOMETIMES.add(key); }
                    out.add(key);
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Services services;
    private AppContext ctx;
    private MainWindow window;
    private Settings settings;
    /** The main window's scene, in no window: JavaFX's Headless screen is 1000 x 1000 px (see {@link #resize}). */
    private javafx.scene.Scene scene;
    private int width = 1280, height = 800;
    /** A window of its own while the size fits the Headless screen (then the pictures are what a window shows). */
    private Stage own;

    @Start
    void start(Stage stage) {
        settings = Settings.load();
        settings.clear();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services);
        window = new MainWindow(ctx, settings, Views.create(ctx));
        scene = window.createScene(width, height);
        own = new Stage();
        own.setX(0);
        own.setY(0);
        own.setScene(scene);
        own.show();
        ModelLibrary.loadBundled(ctx, ctx.status()::error);
    }

    @AfterEach
    void after(FxRobot robot) {
        robot.interact(() -> {
            window.setTheme(Theme.LIGHT);
            window.setLanguage(I18n.ENGLISH);
            if (own != null) own.hide();
        });
        settings.clear();
        services.close();
    }

    /** The bundled models and the datasets, as the app has them a few seconds after it starts. */
    void awaitData() throws Exception {
        ctx.datasets().preloadAll().get(60, TimeUnit.SECONDS);
        ShellFx.await("the bundled models", 30, () -> ctx.models().containsKey(AppContext.MNIST)
                && ctx.models().containsKey(AppContext.FASHION_MNIST));
        var test = ctx.datasets().ifLoaded(DatasetKind.MNIST, Split.TEST).orElseThrow();
        // as the network view's first image: its source is said in the language of the moment
        var key = new DatasetCache.Key(DatasetKind.MNIST, Split.TEST);
        WaitForAsyncUtils.asyncFx(() -> ctx.currentImageProperty().set(AppContext.InputImage.localized(test.image(0),
                AppContext.MNIST, test.label(0), () -> I18n.get("browser.image", DatasetCache.name(key), 0)))).get();
    }

    /**
     * The window's content at w x h. A window taller than JavaFX's Headless screen (1000 x 1000 px) cannot be drawn
     * there, nor shrunk again (an IndexOutOfBoundsException on the FX thread, for every later test too): for such a
     * size the scene leaves its window and its root is laid out at the size (CSS, layout and the checks work the
     * same). Sizes only grow, so the window is never shrunk from a size the screen cannot hold.
     */
    void resize(int w, int h) throws Exception {
        width = w;
        height = h;
        WaitForAsyncUtils.asyncFx(() -> {
            if (own != null && h <= 1000 && (h - 1) * 1000 + w < 1_000_000) {
                own.setWidth(w);
                own.setHeight(h);
            } else {
                if (own != null) { own.hide(); own.setScene(null); own = null; }
                scene.getRoot().resize(w, h);
            }
        }).get();
        settle();
    }

    void screenshot(String id, Locale locale) throws Exception {
        var dir = new java.io.File(SHOTS);
        dir.mkdirs();
        var file = new java.io.File(dir, id + "-projector-1280x800-" + locale.getLanguage() + ".png");
        var image = WaitForAsyncUtils.asyncFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            var out = new javafx.scene.image.WritableImage(width, height);
            return scene.snapshot(out);
        }).get();
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file);
    }

    /** A few pulses: CSS, two-pass layouts (wrapped text), results of background work. */
    static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(); // the audit then applies CSS and lays out twice itself
    }

    @Test
    void everyViewFitsEverySizeThemeAndLanguage() throws Exception {
        awaitData();
        tour();
    }

    void tour() throws Exception {
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> { for (var v : Views.create(new AppContext(services))) ids.add(v.id()); }).get();
        Set<String> failures = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>(), knownSeen = new java.util.TreeSet<>();
        int screens = 0;
        // while fixing one view: -Dconvscope.tour.views=params,sharing -Dconvscope.tour.sizes=1280 (the full tour otherwise)
        String onlyViews = System.getProperty("convscope.tour.views"), onlySizes = System.getProperty("convscope.tour.sizes");
        if (onlyViews != null) ids.retainAll(List.of(onlyViews.split(",")));
        for (int[] size : SIZES) {
            if (onlySizes != null && !List.of(onlySizes.split(",")).contains(Integer.toString(size[0]))) continue;
            resize(size[0], size[1]);
            for (Locale locale : List.of(I18n.ENGLISH, I18n.CHINESE)) {
                for (Theme theme : THEMES) {
                    WaitForAsyncUtils.asyncFx(() -> { window.setLanguage(locale); window.setTheme(theme); }).get();
                    for (String id : ids) {
                        WaitForAsyncUtils.asyncFx(() -> window.select(id)).get();
                        if (seen.add(id)) Thread.sleep(1000); // first time: the view builds and computes in the background
                        settle();
                        String where = id + " @ " + size[0] + "x" + size[1] + " " + theme.name().toLowerCase(Locale.ROOT)
                                + " " + locale.getLanguage();
                        List<ScreenAudit.Problem> found = WaitForAsyncUtils.asyncFx(() -> {
                            scene.getRoot().resize(width, height);
                            scene.getRoot().applyCss();
                            scene.getRoot().layout();
                            scene.getRoot().layout(); // wrapped text: height for the width found in the first pass
                            List<ScreenAudit.Problem> p = new ArrayList<>(ScreenAudit.problems(scene, width, height));
                            if (theme == Theme.PROJECTOR) p.addAll(ScreenAudit.tooSmall(scene));
                            p.addAll(ScreenAudit.navigationScrolls(scene));
                            return p;
                        }).get();
                        for (ScreenAudit.Problem f : found) {
                            String known = id + " " + theme.name().toLowerCase(Locale.ROOT) + " " + f.kind() + " " + f.node();
                            if (KNOWN.contains(known)) knownSeen.add(known);
                            else failures.add(where + ": " + f.message() + "\n    (key: " + known + ")");
                        }
                        if (SHOTS != null && size[0] == 1280 && theme == Theme.PROJECTOR) screenshot(id, locale);
                        screens++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Set<String> fixed = new java.util.TreeSet<>(KNOWN);
        fixed.removeAll(knownSeen);
        fixed.removeAll(SOMETIMES);
        if (onlyViews == null && onlySizes == null && !fixed.isEmpty()) {
            failures.add("fixed, remove from classroom-known-problems.txt:\n    " + String.join("\n    ", fixed));
        }
        System.out.printf(Locale.ROOT, "classroom tour: %d screens in %.1f s, %d problems%n", screens, seconds, failures.size());
        if (onlyViews == null && onlySizes == null) assertEquals(ids.size() * 16, screens, "views x sizes x themes x languages");
        assertTrue(onlyViews != null || ids.size() >= 14, "every view is toured: " + ids);
        if (!failures.isEmpty()) {
            fail(failures.size() + " problems on classroom screens:\n" + String.join("\n", failures));
        }
        assertTrue(seconds < 240, "the tour took " + seconds + " s (about 2 minutes on a 2-core machine under load)");
    }
}
