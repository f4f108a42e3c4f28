package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.stage.Stage;
import org.convscope.app.AppContext.InputImage;
import org.convscope.app.activation.ActivationView;
import org.convscope.app.backprop.BackpropView;
import org.convscope.app.classifier.ClassifierView;
import org.convscope.app.draw.DrawView;
import org.convscope.app.kernel.KernelView;
import org.convscope.app.network.NetworkView;
import org.convscope.app.pooling.PoolingView;
import org.convscope.app.saliency.SaliencyView;
import org.convscope.app.training.TrainingView;
import org.convscope.engine.ModelFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Hidden views do no work (issue 12): in the real window with every view, a view that was shown and then left
 * traces nothing while another view is on screen, however often the picture or the model changes (a model in
 * training is re-announced every second), and traces exactly once, for the newest picture, when it is shown again.
 * Kernel, pooling, activation, network, draw, classifier, backprop and saliency are checked this way.
 * The training view's frame timer stops while it is hidden (nothing trains here, so it does nothing at all).
 */
@ExtendWith(ApplicationExtension.class)
class HiddenViewsIdleTest {
    static { ShellFx.headlessRobot(); }

    private Services services;
    private AppContext ctx;
    private MainWindow window;
    private AppContext.ActiveModel mnist;

    @Start
    void start(Stage stage) throws Exception {
        FxTestSupport.theme();
        I18n.setLocale(I18n.ENGLISH);
        Settings settings = Settings.load();
        settings.clear();
        services = new Services();
        ctx = new AppContext(services);
        mnist = ModelLibrary.toActiveModel(ModelFile.loadBundled("lenet5-mnist.safetensors"), AppContext.MNIST);
        ctx.models().put(AppContext.MNIST, mnist);
        ctx.currentImageProperty().set(picture(100));
        window = new MainWindow(ctx, settings, Views.create(ctx));
        // a scene, not attach(): TestFX's stage is shared with the test classes after this one, so no minimum or
        // explicit stage size may stay behind
        stage.setScene(window.createScene(1400, 900));
        stage.show();
    }

    @AfterEach
    void stop() { services.close(); }

    /** A 28 × 28 picture with one bright square at a position of its own. */
    private static InputImage picture(int at) {
        float[] px = new float[784];
        for (int y = 0; y < 6; y++) for (int x = 0; x < 6; x++) px[at + y * 28 + x] = 1f;
        return new InputImage(px, AppContext.MNIST, -1, "test picture " + at);
    }

    private <V extends ConceptView> V view(String id, Class<V> type) {
        // views are made when first needed, on the FX thread
        var v = window.views().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        try {
            return type.cast(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> LazyView.unwrap(v)).get());
        } catch (Exception e) {
            throw new AssertionError("making the " + id + " view failed", e);
        }
    }

    private static long onFx(FxRobot robot, Supplier<Long> s) {
        var r = new AtomicLong();
        robot.interact(() -> r.set(s.get()));
        return r.get();
    }

    /**
     * Shows the view, waits for its first trace, leaves it, changes the picture twice and re-announces the model
     * over more than a second, checks that nothing was traced, shows it again and checks that exactly one trace ran,
     * for the newest picture.
     */
    private void idleWhileHidden(FxRobot robot, String id, Supplier<Long> traces, Supplier<float[]> tracedPixels,
                                 int nth) throws Exception {
        idleWhileHidden(robot, id, traces, tracedPixels, nth, 1, null);
    }

    /** The same for a view that makes perRequest computations for one picture (saliency: two maps). */
    private void idleWhileHidden(FxRobot robot, String id, Supplier<Long> traces, Supplier<float[]> tracedPixels,
                                 int nth, int perRequest, String sourceLabel) throws Exception {
        robot.interact(() -> window.select(id));
        ShellFx.await(id + ": first trace", 30, () -> traces.get() > 0);
        Thread.sleep(300); // let a second request (the view's own start-up) finish
        robot.interact(() -> window.select("overview"));
        long before = onFx(robot, traces);
        String sourceBefore = sourceLabel == null ? null : labelText(robot, id, sourceLabel);
        InputImage newest = picture(200 + 2 * nth);
        robot.interact(() -> ctx.currentImageProperty().set(picture(300 + nth)));
        Thread.sleep(600);
        robot.interact(() -> {
            ctx.currentImageProperty().set(newest);
            ctx.models().put(AppContext.MNIST, new AppContext.ActiveModel(mnist.network(), AppContext.MNIST, "again " + nth, 0.9));
        });
        Thread.sleep(700);
        assertEquals(before, onFx(robot, traces), id + " traced while hidden");
        if (sourceLabel != null) // nor updated its texts: a hidden view does no work at all
            assertEquals(sourceBefore, labelText(robot, id, sourceLabel), id + " updated its picture's caption while hidden");
        robot.interact(() -> window.select(id));
        ShellFx.await(id + ": the trace on show", 30, () -> traces.get() >= before + perRequest);
        Thread.sleep(400);
        assertEquals(before + perRequest, onFx(robot, traces), id + ": once on show, for the newest picture only");
        var pixels = new AtomicReference<float[]>();
        robot.interact(() -> pixels.set(tracedPixels.get()));
        assertArrayEquals(newest.pixels(), pixels.get(), id + " traced the newest picture");
        if (sourceLabel != null)
            assertTrue(labelText(robot, id, sourceLabel).contains(newest.source()), id + " names the newest picture when shown");
    }

    /** The text of a label of the view, looked up in the view's own node (a hidden view is not in the scene). */
    private String labelText(FxRobot robot, String id, String query) {
        var text = new AtomicReference<String>();
        robot.interact(() -> text.set(((javafx.scene.control.Labeled)
                LazyView.unwrap(window.view(id).orElseThrow()).node().lookup(query)).getText()));
        return text.get();
    }

    /** One window for everything (a window with every view is large; the suite runs in one JVM). */
    @Test
    void hiddenViewsDoNoWorkAndCatchUpOnceWhenShown(FxRobot robot) throws Exception {
        KernelView kernel = view("kernel", KernelView.class);
        idleWhileHidden(robot, "kernel", () -> kernel.viewModel().tracer().traces(),
                () -> kernel.viewModel().tracer().lastTraced().pixels(), 0);
        PoolingView pooling = view("pooling", PoolingView.class);
        idleWhileHidden(robot, "pooling", () -> pooling.viewModel().tracer().traces(),
                () -> pooling.viewModel().tracer().lastTraced().pixels(), 1);
        ActivationView activation = view("activation", ActivationView.class);
        idleWhileHidden(robot, "activation", () -> activation.model().traces(),
                () -> activation.resultProperty().get().request().image(), 2);
        NetworkView network = view("network", NetworkView.class);
        idleWhileHidden(robot, "network", () -> network.model().traces(),
                () -> network.model().resultProperty().get().image().pixels(), 3);
        DrawView draw = view("draw", DrawView.class);
        // the draw view shows a dataset picture as it is: it predicts on the picture itself
        idleWhileHidden(robot, "draw", () -> draw.model().traces(),
                () -> draw.model().predictionProperty().get().input().pixels(), 4);
        ClassifierView classifier = view("classifier", ClassifierView.class);
        idleWhileHidden(robot, "classifier", () -> classifier.viewModel().computations(),
                () -> classifier.viewModel().lastComputed().image(), 5, 1, "#classifier-source");
        BackpropView backprop = view("backprop", BackpropView.class);
        idleWhileHidden(robot, "backprop", () -> backprop.viewModel().computations(),
                () -> backprop.viewModel().lastComputed().image(), 6, 1, "#backprop-source");
        SaliencyView saliency = view("saliency", SaliencyView.class);
        idleWhileHidden(robot, "saliency", () -> saliency.viewModel().computations(),
                () -> saliency.viewModel().lastComputed().image(), 7, 2, "#saliency-source");
        trainingTimerStopsWhileHidden(robot);
    }

    /** The training view's frame timer stops while hidden (nothing trains here, so the hidden view does nothing). */
    private void trainingTimerStopsWhileHidden(FxRobot robot) throws Exception {
        TrainingView training = view("training", TrainingView.class);
        robot.interact(() -> window.select("training"));
        ShellFx.await("the training view's timer runs", 10, () -> training.pulls() > 5 && training.redraws() > 0);
        robot.interact(() -> window.select("overview"));
        long pulls = onFx(robot, training::pulls), redraws = onFx(robot, training::redraws);
        Thread.sleep(1500);
        assertEquals(pulls, onFx(robot, training::pulls), "hidden with nothing training: no pulls");
        assertEquals(redraws, onFx(robot, training::redraws), "hidden: no drawing");
        robot.interact(() -> window.select("training"));
        ShellFx.await("the timer runs again", 10, () -> training.pulls() > pulls + 5);
        Thread.sleep(500);
        assertEquals(redraws + 1, onFx(robot, training::redraws), "shown again: one redraw (nothing changed meanwhile)");
    }
}
