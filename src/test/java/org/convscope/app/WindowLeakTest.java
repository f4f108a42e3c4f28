package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.convscope.engine.ModelFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A closed window is gone (issue 12): the language switch is one static property, and views that listened to it
 * strongly kept every window a test built reachable for the rest of the JVM (a 2 GB test heap ran out). Builds the real
 * window with every view made and shown, closes it, and checks that the window and each view can be collected, a few
 * times over; and that a window still alive follows a language switch.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLeakTest {
    static { ShellFx.headlessRobot(); }

    private final List<Services> services = new ArrayList<>();

    @Start
    void start(Stage stage) {
        FxTestSupport.theme();
        I18n.setLocale(I18n.ENGLISH);
    }

    @AfterEach
    void stop() throws Exception {
        services.forEach(Services::close);
        WaitForAsyncUtils.asyncFx(() -> I18n.setLocale(I18n.ENGLISH)).get();
    }

    /** What a test keeps of a closed window: weak references only. */
    private record Built(WeakReference<MainWindow> window, List<WeakReference<Object>> views, List<String> ids) {}

    /** Builds a window with every view in its own stage, shows each view once, switches language, and closes it. */
    private Built buildShowAndClose(FxRobot robot) throws Exception {
        var built = new AtomicReference<Built>();
        Services s = new Services();
        services.add(s);
        robot.interact(() -> {
            try {
                Settings settings = Settings.load();
                settings.clear();
                var ctx = new AppContext(s);
                ctx.models().put(AppContext.MNIST,
                        ModelLibrary.toActiveModel(ModelFile.loadBundled("lenet5-mnist.safetensors"), AppContext.MNIST));
                var window = new MainWindow(ctx, settings, Views.create(ctx));
                var stage = new Stage();
                stage.setScene(window.createScene(1280, 800));
                stage.show();
                List<WeakReference<Object>> views = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (ConceptView v : window.views()) {
                    window.select(v.id());
                    views.add(new WeakReference<>(LazyView.unwrap(v)));
                    ids.add(v.id());
                }
                I18n.setLocale(I18n.CHINESE); // every view's language listeners run once
                I18n.setLocale(I18n.ENGLISH);
                stage.close();
                s.close();
                built.set(new Built(new WeakReference<>(window), views, ids));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return built.get();
    }

    /** Collects garbage until every reference is cleared or ten rounds have passed; returns what is left. */
    private static List<String> survivors(List<WeakReference<Object>> refs, List<String> names) throws Exception {
        List<String> left = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            WaitForAsyncUtils.waitForFxEvents(); // pulses and runLaters that still hold the window
            System.gc();
            Thread.sleep(100);
            left.clear();
            for (int i = 0; i < refs.size(); i++) if (refs.get(i).get() != null) left.add(names.get(i));
            if (left.isEmpty()) break;
        }
        return left;
    }

    @Test
    void aClosedWindowAndItsViewsCanBeCollected(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            Built b = buildShowAndClose(robot);
            List<WeakReference<Object>> refs = new ArrayList<>(b.views());
            List<String> names = new ArrayList<>(b.ids());
            refs.add(new WeakReference<>(b.window().get()));
            names.add("the main window");
            assertEquals(List.of(), survivors(refs, names), "still reachable after closing window " + (i + 1));
            assertNull(b.window().get());
        }
    }

    @Test
    void aLiveWindowFollowsTheLanguageSwitch(FxRobot robot) throws Exception {
        Services s = new Services();
        services.add(s);
        var stage = new AtomicReference<Stage>();
        var window = new AtomicReference<MainWindow>();
        robot.interact(() -> {
            Settings settings = Settings.load();
            settings.clear();
            var ctx = new AppContext(s);
            window.set(new MainWindow(ctx, settings, Views.create(ctx)));
            stage.set(new Stage());
            stage.get().setScene(window.get().createScene(1280, 800));
            stage.get().show();
            window.get().select("params");
        });
        // collect garbage first: a listener that is only weakly held must still be there
        System.gc();
        WaitForAsyncUtils.waitForFxEvents();
        String navEnglish = text(robot, "#nav-overview"), layerEnglish = text(robot, "#params-layer-1");
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        String navChinese = text(robot, "#nav-overview");
        assertNotEquals(navEnglish, navChinese, "the navigation follows the switch");
        assertEquals(I18n.get(I18n.CHINESE, "overview.nav"), navChinese);
        // a view's own listener (the parameter table is rebuilt in the new language)
        assertNotEquals(layerEnglish, text(robot, "#params-layer-1"), "the parameter table follows the switch");
        // the window's own listener (the language switch shows the language of the moment)
        var zhSelected = new AtomicReference<Boolean>();
        robot.interact(() -> zhSelected.set(((javafx.scene.control.ToggleButton) robot.lookup("#lang-zh").query()).isSelected()));
        assertEquals(true, zhSelected.get(), "the language switch shows Chinese");
        robot.interact(() -> stage.get().close());
    }

    private static String text(FxRobot robot, String query) {
        var r = new AtomicReference<String>();
        robot.interact(() -> {
            Node n = robot.lookup(query).query();
            r.set(((Labeled) n).getText());
        });
        return r.get();
    }
}
