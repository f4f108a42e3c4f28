package org.convscope.app.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.convscope.app.AppContext;
import org.convscope.app.DatasetCache;
import org.convscope.app.FxTestSupport;
import org.convscope.app.I18n;
import org.convscope.app.MainWindow;
import org.convscope.app.Services;
import org.convscope.app.Settings;
import org.convscope.app.Theme;
import org.convscope.app.common.FrameSnapshot;
import org.convscope.app.pooling.PoolingView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kernel and pooling views inside the real window at 1920×1080 with the projector theme, in both languages: the
 * numbers must be large enough to read from the back of a room. Writes target/screenshots/{kernel,pooling}-{en,zh}.png
 * for people to look at. (Headless glass has a 1000×1000 screen, so the 1920×1080 scene is rendered by snapshots.)
 */
@ExtendWith(ApplicationExtension.class)
class SweepViewsScreenshotTest {
    private KernelView kernel;
    private PoolingView pooling;
    private AppContext ctx;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Settings settings = Settings.load();
        settings.clear();
        I18n.setLocale(I18n.ENGLISH);
        Services services = new Services();
        ctx = new AppContext(services, new DatasetCache(services.background()));
        kernel = new KernelView(ctx);
        pooling = new PoolingView(ctx);
        window = new MainWindow(ctx, settings, List.of(kernel, pooling));
        scene = window.createScene(1920, 1080);
        window.setTheme(Theme.PROJECTOR);
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 200, 200));
        stage.show();
    }

    private void shoot(String name) throws Exception {
        for (var locale : List.of(I18n.ENGLISH, I18n.CHINESE)) {
            Platform.runLater(() -> window.setLanguage(locale));
            WaitForAsyncUtils.waitForFxEvents();
            Path file = SweepFx.screenshots().resolve(name + "-" + locale.getLanguage() + ".png");
            var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            FrameSnapshot.writePng(SwingFXUtils.fromFXImage(image, null), file);
            assertTrue(Files.size(file) > 10_000);
        }
        Platform.runLater(() -> window.setLanguage(I18n.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The number of complete outputs just before the strongest one: the next step lands on something to see. */
    private static int strongest(float[] map) {
        int best = 0;
        for (int i = 1; i < map.length; i++) if (Math.abs(map[i]) > Math.abs(map[best])) best = i;
        return best;
    }

    @Test
    void readableAtAProjector() throws Exception {
        var digit = SweepFx.mnist(0);
        var net = org.convscope.engine.Network.create(org.convscope.engine.ModelZoo.lenetModern(), 42);
        Platform.runLater(() -> {
            kernel.viewModel().playback().stepSecondsProperty().set(0);
            ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(net, AppContext.MNIST, "LeNet-5 (untrained)", Double.NaN));
            ctx.currentImageProperty().set(digit);
        });
        FxTestSupport.await("a sweep with the network", 10, () -> kernel.viewModel().sweep() != null && kernel.viewModel().hasNetwork());
        // a preset on the image: the picture for the README
        Platform.runLater(() -> {
            var vm = kernel.viewModel();
            vm.sourceProperty().set(KernelViewModel.Source.PRESET);
            vm.presetProperty().set(KernelPreset.SOBEL_X);
            vm.paddingProperty().set(1);
            vm.strideProperty().set(1);
            vm.playback().seek(strongest(vm.sweep().outputMap()));
            for (int i = 0; i < 5; i++) vm.playback().stepTerm();
        });
        WaitForAsyncUtils.waitForFxEvents();
        shoot("kernel-sobel");
        // conv2: a kernel with six slices over pool1's six maps
        Platform.runLater(() -> {
            var vm = kernel.viewModel();
            vm.showFeatureMap(vm.convLayers().get(1), 3);
            vm.playback().seek(strongest(vm.sweep().outputMap()));
            for (int i = 0; i < 60; i++) vm.playback().stepTerm();
        });
        WaitForAsyncUtils.waitForFxEvents();
        shoot("kernel");
        var layout = WaitForAsyncUtils.asyncFx(kernel::layout).get();
        assertNotNull(layout);
        // 5×5 (or 3×3) kernel numbers at 1920×1080: cells of at least 60 px hold digits of about 20 px or more
        assertTrue(layout.cell() >= 60, "number cells are " + layout.cell() + " px");

        Platform.runLater(() -> window.select(PoolingView.ID));
        FxTestSupport.await("pooling of the traced image", 10, () -> pooling.viewModel().window() != null && pooling.viewModel().trace() != null);
        Platform.runLater(() -> {
            pooling.viewModel().playback().seek(strongest(pooling.viewModel().window().outputMap()));
            pooling.viewModel().playback().stepTerm();
            pooling.viewModel().playback().stepTerm();
            pooling.viewModel().playback().stepTerm();
        });
        WaitForAsyncUtils.waitForFxEvents();
        shoot("pooling");
        assertNotNull(WaitForAsyncUtils.asyncFx(pooling::layout).get());
    }
}
