package org.convscope.app.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.ShellFx;
import org.convscope.app.I18n;
import org.convscope.app.MainWindow;
import org.convscope.app.Services;
import org.convscope.app.Settings;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The browser with the real bundled MNIST / Fashion-MNIST test sets, driven through its controls. */
@ExtendWith(ApplicationExtension.class)
class DatasetBrowserViewTest {
    static { ShellFx.headlessRobot(); }

    private AppContext ctx;
    private DatasetBrowserView view;
    private Services services;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        var settings = Settings.load();
        settings.clear();
        services = new Services();
        ctx = new AppContext(services);
        view = new DatasetBrowserView(ctx);
        var window = new MainWindow(ctx, settings, List.of(view));
        stage.setScene(window.createScene(1400, 900));
        stage.show();
    }

    @AfterEach
    void after(FxRobot robot) {
        robot.interact(() -> I18n.setLocale(I18n.ENGLISH));
        services.close();
    }

    private static Label thumbLabel(FxRobot robot) {
        return (Label) robot.lookup("#thumb-0").queryAs(VBox.class).getChildren().get(1);
    }

    private Dataset awaitData(DatasetKind kind) {
        ShellFx.await(kind + " test set shown", 60, () -> view.model().dataProperty().get() != null
                && view.model().dataProperty().get().kind() == kind);
        // the virtualised grid creates its cells on a layout pulse after the data arrives
        ShellFx.await("the first thumbnail", 10, () -> new FxRobot().lookup("#thumb-0").tryQuery().isPresent());
        return view.model().dataProperty().get();
    }

    @Test
    void openAnImageAndReadItsPixelValuesFromTheScreen(FxRobot robot) {
        Dataset mnist = awaitData(DatasetKind.MNIST);
        assertEquals(10_000, mnist.count());

        robot.clickOn("#thumb-4");
        assertEquals(4, view.model().selectedProperty().get());
        assertTrue(robot.lookup("#image-title").queryAs(Label.class).getText().endsWith("#4"));
        assertEquals("Label: " + mnist.label(4), robot.lookup("#image-label").queryAs(Label.class).getText());

        // The brightest pixel of image 4, and a background one: click their squares, read the value shown.
        int best = 0;
        for (int p = 0; p < 784; p++) if (mnist.pixelValue(4, p / 28, p % 28) > mnist.pixelValue(4, best / 28, best % 28)) best = p;
        PixelGrid grid = robot.lookup("#pixel-grid").queryAs(PixelGrid.class);
        for (int p : new int[] {best, 0}) {
            int r = p / 28, c = p % 28;
            Point2D centre = grid.localToScreen(grid.centerOf(r, c));
            robot.clickOn(centre);
            assertEquals(String.valueOf(mnist.pixelValue(4, r, c)), robot.lookup("#pixel-value").queryAs(Label.class).getText());
            assertEquals("Row " + r + ", column " + c, robot.lookup("#pixel-position").queryAs(Label.class).getText());
        }
        assertTrue(mnist.pixelValue(4, best / 28, best % 28) > 200, "a digit has bright ink");
    }

    @Test
    void filterByClassShowsOnlyThatClass(FxRobot robot) {
        Dataset mnist = awaitData(DatasetKind.MNIST);
        int threes = mnist.classCounts()[3];
        robot.clickOn("#class-filter");
        robot.clickOn("3 (" + String.format("%,d", threes) + ")");

        assertEquals(3, view.model().classFilterProperty().get());
        assertEquals(String.format("%,d", threes) + " of 10,000 images", robot.lookup("#image-count").queryAs(Label.class).getText());
        var tiles = robot.lookup(".thumbnail").queryAllAs(VBox.class);
        assertFalse(tiles.isEmpty());
        for (VBox t : tiles) {
            if (!t.isVisible() || t.getScene() == null) continue;
            int index = Integer.parseInt(t.getId().substring("thumb-".length()));
            assertEquals(3, mnist.label(index), t.getId());
            assertEquals("3", ((Label) t.getChildren().get(1)).getText());
        }
        assertEquals(3, mnist.label(view.model().selectedProperty().get()), "the selection moved to a 3");

        // back to all classes
        robot.clickOn("#class-filter");
        robot.clickOn("All classes (10,000)");
        assertEquals(10_000, view.model().visibleProperty().get().length);
    }

    @Test
    void fashionMnistShowsClassNamesInBothLanguages(FxRobot robot) {
        awaitData(DatasetKind.MNIST);
        robot.clickOn("#dataset-fashion");
        Dataset fashion = awaitData(DatasetKind.FASHION_MNIST);
        assertEquals(10_000, fashion.count());

        String expected = I18n.get(I18n.ENGLISH, DatasetKind.FASHION_MNIST.classKey(fashion.label(0)));
        ShellFx.await("class names on the thumbnails", 10, () -> expected.equals(thumbLabel(robot).getText()));
        Label first = thumbLabel(robot);
        Set<String> english = Set.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot");
        assertTrue(english.contains(first.getText()), first.getText());
        assertEquals(I18n.get(I18n.ENGLISH, DatasetKind.FASHION_MNIST.classKey(fashion.label(0))), first.getText());

        robot.clickOn("#lang-zh");
        String chinese = I18n.get(I18n.CHINESE, DatasetKind.FASHION_MNIST.classKey(fashion.label(0)));
        ShellFx.await("Chinese class names", 10, () -> chinese.equals(thumbLabel(robot).getText()));
        Label again = thumbLabel(robot);
        assertEquals(I18n.get(I18n.CHINESE, DatasetKind.FASHION_MNIST.classKey(fashion.label(0))), again.getText());
        assertFalse(english.contains(again.getText()));
        robot.clickOn("#lang-en");
    }

    @Test
    void useThisImageSharesItWithTheOtherViews(FxRobot robot) {
        Dataset mnist = awaitData(DatasetKind.MNIST);
        robot.clickOn("#thumb-2");
        robot.clickOn("#use-image");
        AppContext.InputImage img = ctx.currentImageProperty().get();
        assertNotNull(img);
        assertArrayEquals(mnist.image(2), img.pixels());
        assertEquals(AppContext.MNIST, img.dataset());
        assertEquals(mnist.label(2), img.label());
        assertTrue(robot.lookup("#status-message").queryAs(Label.class).getText().contains("#2"));
    }

    @Test
    void arrowKeysMoveThroughTheImages(FxRobot robot) {
        awaitData(DatasetKind.MNIST);
        robot.clickOn("#thumb-0");
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(1, view.model().selectedProperty().get());
        robot.type(javafx.scene.input.KeyCode.LEFT);
        assertEquals(0, view.model().selectedProperty().get());
    }

    @Test
    void theTrainingSetLoadsToo(FxRobot robot) {
        awaitData(DatasetKind.MNIST);
        robot.clickOn("#split-train");
        ShellFx.await("MNIST training set", 60, () -> view.model().dataProperty().get() != null
                && view.model().dataProperty().get().count() == 60_000);
        var classes = robot.lookup("#class-filter").queryAs(ComboBox.class);
        assertNotNull(classes);
        ShellFx.await("the first thumbnail", 10, () -> robot.lookup("#thumb-0").tryQuery().isPresent());
        Node thumb = robot.lookup("#thumb-0").query();
        assertNotNull(thumb);
    }
}
