package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window around the views: navigation, language, theme, status bar, remembered settings. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    static { ShellFx.headlessRobot(); }

    /** A minimal view that records when it is shown and hidden. */
    static final class ProbeView implements ConceptView {
        final String id, titleKey;
        final List<String> events = new ArrayList<>();
        private Node node;

        ProbeView(String id, String titleKey) {
            this.id = id;
            this.titleKey = titleKey;
        }

        @Override public String id() { return id; }
        @Override public String titleKey() { return titleKey; }
        @Override public Ikon icon() { return Material2OutlinedAL.COLLECTIONS; }

        @Override
        public Node node() {
            if (node == null) {
                var l = new Label("content of " + id);
                l.setId(id + "-content");
                node = new StackPane(l);
            }
            return node;
        }

        @Override public void onShow() { events.add("show"); }
        @Override public void onHide() { events.add("hide"); }
    }

    private final ProbeView a = new ProbeView("a", "theme.dark"), b = new ProbeView("b", "browser.title");
    private AppContext ctx;
    private MainWindow window;
    private Settings settings;
    private Services services;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        settings = Settings.load();
        settings.clear();
        I18n.setLocale(I18n.ENGLISH);
        services = new Services();
        ctx = new AppContext(services, new DatasetCache(services.background(), Platform::runLater,
                (k, p) -> { throw new AssertionError("the shell test loads no data"); }));
        window = new MainWindow(ctx, settings, List.of(a, b));
        window.attach(stage);
        stage.show();
    }

    @AfterEach
    void after(FxRobot robot) {
        robot.interact(() -> I18n.setLocale(I18n.ENGLISH)); // bound labels may only change on the FX thread
        services.close();
    }

    @Test
    void theNavigationListsTheViewsAndSwitchesBetweenThem(FxRobot robot) {
        assertSame(a, window.selectedProperty().get(), "the first view opens when nothing is remembered");
        assertTrue(robot.lookup("#a-content").tryQuery().isPresent());

        robot.clickOn("#nav-b");
        assertSame(b, window.selectedProperty().get());
        assertTrue(robot.lookup("#b-content").tryQuery().isPresent());
        assertTrue(robot.lookup("#a-content").tryQuery().isEmpty(), "only the selected view is in the scene");
        assertEquals(List.of("show", "hide"), a.events);
        assertEquals(List.of("show"), b.events);
        assertEquals("b", settings.lastView().orElseThrow());
        assertTrue(robot.lookup("#nav-b").queryAs(ToggleButton.class).isSelected());

        robot.clickOn("#nav-b"); // clicking the open view again keeps it open
        assertTrue(robot.lookup("#nav-b").queryAs(ToggleButton.class).isSelected());
    }

    @Test
    void theWindowTitleNamesTheOpenViewInTheCurrentLanguage(FxRobot robot) {
        assertEquals("ConvScope \u2014 Dark", stage.getTitle());
        robot.interact(() -> window.select("b"));
        assertEquals("ConvScope \u2014 " + I18n.get("browser.title"), stage.getTitle());
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        assertEquals("ConvScope \u2014 " + I18n.get("browser.title"), stage.getTitle());
        assertTrue(!stage.getTitle().contains("Dataset"), stage.getTitle());
    }

    @Test
    void viewsCanAskForAnotherView(FxRobot robot) {
        robot.interact(() -> ctx.requestedViewProperty().set("b"));
        assertSame(b, window.selectedProperty().get());
        assertNull(ctx.requestedViewProperty().get(), "the request is consumed so it can be made again");
        robot.interact(() -> ctx.requestedViewProperty().set("nonexistent"));
        assertSame(b, window.selectedProperty().get());
        assertTrue(robot.lookup("#status-message").queryAs(Label.class).getText().contains("nonexistent"));
    }

    @Test
    void theLanguageSwitchesLiveAndIsRemembered(FxRobot robot) {
        var navA = robot.lookup("#nav-a").queryAs(ToggleButton.class);
        assertEquals("Dark", navA.getText());

        robot.clickOn("#lang-zh");
        assertEquals("深色", navA.getText());
        assertEquals(I18n.CHINESE, settings.locale());
        // Chinese text gets an SC font where one is installed (System otherwise: the test must not need CJK fonts)
        assertEquals(CjkFont.family(), navA.getFont().getFamily());
        assertEquals("ConvScope \u2014 深色", stage.getTitle(), "the title names the open view in Chinese");

        robot.clickOn("#lang-en");
        assertEquals("Dark", navA.getText());
        assertEquals(I18n.ENGLISH, settings.locale());
    }

    @Test
    void themesAreOneStylesheetSwap(FxRobot robot) {
        var sheets = stage.getScene().getStylesheets();
        assertEquals(List.of(Theme.APP_STYLESHEET), sheets);

        robot.clickOn("#theme-projector");
        assertEquals(List.of(Theme.APP_STYLESHEET, Theme.PROJECTOR_STYLESHEET), sheets);
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
        assertEquals(Theme.PROJECTOR, settings.theme());

        robot.clickOn("#theme-dark");
        assertEquals(List.of(Theme.APP_STYLESHEET), sheets);
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"));
        assertEquals(Theme.DARK, settings.theme());

        robot.clickOn("#theme-light");
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
    }

    @Test
    void theProjectorThemeMakesTextLarger(FxRobot robot) {
        var navA = robot.lookup("#nav-a").queryAs(ToggleButton.class);
        double normal = navA.getFont().getSize();
        robot.clickOn("#theme-projector");
        assertTrue(navA.getFont().getSize() > normal * 1.2, normal + " -> " + navA.getFont().getSize());
        robot.clickOn("#theme-light");
        assertEquals(normal, navA.getFont().getSize(), 1e-9);
    }

    @Test
    void theLastViewIsOpenedAgain(FxRobot robot) {
        robot.interact(() -> {
            settings.setLastView("b");
            var again = new MainWindow(ctx, settings, List.of(new ProbeView("a", "theme.dark"), new ProbeView("b", "theme.light")));
            assertEquals("b", again.selectedProperty().get().id());
        });
    }

    @Test
    void theStatusBarShowsMessages(FxRobot robot) {
        robot.interact(() -> ctx.status().error("Could not load MNIST"));
        var message = robot.lookup("#status-message").queryAs(Label.class);
        assertEquals("Could not load MNIST", message.getText());
        assertTrue(message.getStyleClass().contains("danger"));
        robot.interact(() -> ctx.status().info("Ready"));
        assertTrue(!message.getStyleClass().contains("danger"));
    }
}
