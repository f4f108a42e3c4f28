package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.convscope.app.backprop.Backprop;
import org.convscope.app.backprop.BackpropViewModel;
import org.convscope.app.classifier.ClassifierViewModel;
import org.convscope.app.saliency.SaliencyViewModel;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;

/**
 * The classifier, backpropagation and saliency views' background work lives in their view models (issue 12), each a
 * newest-request-only runner that does nothing while its view is hidden: tested here without a window, the background
 * being a queue the test runs by hand.
 */
class LearningViewModelsTest {
    static final class Queue implements Executor {
        final List<Runnable> tasks = new ArrayList<>();
        @Override public void execute(Runnable r) { tasks.add(r); }
        void runAll() { while (!tasks.isEmpty()) tasks.removeFirst().run(); }
    }

    private static float[] picture(int at) {
        float[] px = new float[784];
        for (int i = 0; i < 5; i++) px[at + i] = 1f;
        return px;
    }

    private static AppContext.InputImage image(int at) {
        return new AppContext.InputImage(picture(at), AppContext.MNIST, 3, "test " + at);
    }

    private final Network net = Network.create(ModelZoo.softmaxRegression(), 1);
    private final AppContext.ActiveModel model = new AppContext.ActiveModel(net, AppContext.MNIST, "test", Double.NaN);

    @Test
    void theClassifierComputesNothingWhileHiddenAndTheNewestOnceWhenShown() {
        Queue bg = new Queue();
        var vm = new ClassifierViewModel(bg, Runnable::run);
        vm.submit(image(100), model, AppContext.MNIST);
        bg.runAll();
        assertEquals(1, vm.computations());
        assertNotNull(vm.resultProperty().get());
        vm.setActive(false);
        vm.submit(image(200), model, AppContext.MNIST);
        vm.submit(image(300), model, AppContext.MNIST);
        bg.runAll();
        assertEquals(1, vm.computations(), "hidden: nothing computed");
        assertEquals(true, vm.busyProperty().get(), "a request waits");
        vm.setActive(true);
        bg.runAll();
        assertEquals(2, vm.computations(), "shown: once");
        assertArrayEquals(picture(300), vm.lastComputed().image(), "for the newest picture");
        assertEquals(false, vm.busyProperty().get());
        assertEquals("classifier.noImage", ClassifierViewModel.problem(null, model));
        assertEquals("classifier.noModel", ClassifierViewModel.problem(image(1), null));
        assertNull(ClassifierViewModel.problem(image(1), model));
    }

    @Test
    void backpropKeepsItsRunAndIsIdleWhileHidden() {
        Queue bg = new Queue();
        var vm = new BackpropViewModel(bg, Runnable::run);
        Network net = Network.create(ModelZoo.lenetClassic(), 4); // a kernel to update: a CNN
        float[] px = picture(150);
        vm.submit(new BackpropViewModel.Request(Backprop.Source.TRAINED, net, px, 3, 0, 0));
        bg.runAll();
        var first = vm.resultProperty().get();
        assertNull(vm.failureProperty().get());
        assertNotNull(first);
        assertEquals(3, first.label());
        vm.setActive(false);
        vm.submit(new BackpropViewModel.Request(Backprop.Source.TRAINED, net, px, 3, 1, 0));
        vm.submit(new BackpropViewModel.Request(Backprop.Source.TRAINED, net, px, 3, 2, 0));
        bg.runAll();
        assertEquals(1, vm.computations(), "hidden: nothing computed");
        vm.setActive(true);
        bg.runAll();
        assertEquals(2, vm.computations());
        assertEquals(2, vm.resultProperty().get().step(), "the newest step");
        assertNull(vm.failureProperty().get());
    }

    @Test
    void saliencyComputesBothMapsOnceForTheNewestPicture() {
        Queue bg = new Queue();
        var vm = new SaliencyViewModel(bg, Runnable::run);
        vm.setActive(false);
        vm.submit(net, picture(100), -1, -1);
        vm.submit(net, picture(400), -1, -1);
        bg.runAll();
        assertEquals(0, vm.computations(), "hidden: nothing computed");
        vm.setActive(true);
        bg.runAll();
        assertEquals(2, vm.computations(), "one saliency map and one occlusion map");
        assertArrayEquals(picture(400), vm.saliencyProperty().get().request().image());
        assertNotNull(vm.occlusionProperty().get());
        assertEquals(true, vm.occlusionCurrent());
        vm.submit(net, picture(500), -1, -1);
        assertEquals(false, vm.occlusionCurrent(), "a newer request makes the shown occlusion map stale");
    }

    /** A failure that happens again (the same message) is heard again, so the view shows it again. */
    @Test
    void theSameFailureTwiceIsReportedTwice() {
        var vm = new ClassifierViewModel(Runnable::run, Runnable::run);
        var heard = new java.util.concurrent.atomic.AtomicInteger();
        vm.failureProperty().addListener((o, a, f) -> { if (f != null) heard.incrementAndGet(); });
        var bad = new AppContext.InputImage(new float[5], AppContext.MNIST, -1, "too small");
        vm.submit(bad, model, AppContext.MNIST);
        vm.submit(bad, model, AppContext.MNIST);
        assertEquals(2, heard.get());
        assertEquals(false, vm.busyProperty().get());
    }
}
