package org.convscope.app.pooling;

import static org.junit.jupiter.api.Assertions.*;

import org.convscope.app.kernel.SweepFx;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.convscope.engine.PoolKind;
import org.convscope.engine.Shape;
import org.convscope.engine.Trace;
import org.junit.jupiter.api.Test;

/** Every number the pooling view shows equals the engine's pooling layer output at that position. */
class PoolingViewModelTest {

    private static final float[] IMAGE = SweepFx.mnist(1).pixels();

    @Test
    void everyWindowOfEveryChannelEqualsTheEngine() {
        for (ModelSpec spec : new ModelSpec[] {ModelZoo.lenetModern(), ModelZoo.lenetClassic()}) {
            Trace trace = Network.create(spec, 9).trace(IMAGE);
            PoolingViewModel vm = new PoolingViewModel();
            vm.setNetwork(trace);
            assertEquals(java.util.List.of(2, 5), vm.poolLayers());
            for (int layer : vm.poolLayers()) {
                vm.layerProperty().set(layer);
                var pool = (LayerSpec.Pool) spec.layers().get(layer);
                assertEquals(pool.pool(), vm.kindProperty().get(), "the layer's own kind");
                assertTrue(vm.matchesModelProperty().get());
                Shape in = spec.inputShapeOf(layer), out = spec.shapes().get(layer);
                assertEquals(in, vm.inputShape());
                assertEquals(out, vm.outputShape());
                for (int c = 0; c < in.c(); c++) {
                    vm.channelProperty().set(c);
                    PoolingWindow w = vm.window();
                    for (int p = 0; p < w.positions(); p++) {
                        float engine = trace.layers().get(layer).at(c, w.outY(p), w.outX(p));
                        assertEquals(engine, w.output(p), 1e-6f * (1 + Math.abs(engine)), spec.id() + " " + layer + "/" + c + " at " + p);
                        for (int t = 0; t < w.terms(); t++) {
                            int y = w.outY(p) * 2 + t / 2, x = w.outX(p) * 2 + t % 2;
                            assertEquals(trace.inputOf(layer)[(c * in.h() + y) * in.w() + x], w.valueAt(p, t));
                        }
                        if (pool.pool() == PoolKind.MAX) {
                            assertEquals(w.output(p), w.runningMax(p, w.terms()));
                            assertEquals(w.output(p), w.valueAt(p, w.winner(p, w.terms())));
                        } else {
                            assertEquals(w.output(p), w.runningSum(p, w.terms()) * (1f / w.terms()));
                        }
                    }
                }
            }
        }
    }

    @Test
    void theOtherKindIsMarkedAndComputedFromTheSameValues() {
        Trace trace = Network.create(ModelZoo.lenetModern(), 9).trace(IMAGE);
        PoolingViewModel vm = new PoolingViewModel();
        vm.setNetwork(trace);
        vm.channelProperty().set(3);
        vm.kindProperty().set(PoolKind.AVERAGE);
        assertFalse(vm.matchesModelProperty().get());
        PoolingWindow w = vm.window();
        for (int p = 0; p < w.positions(); p++) {
            float sum = 0;
            for (int t = 0; t < 4; t++) sum += w.valueAt(p, t);
            assertEquals(sum * 0.25f, w.output(p));
        }
        assertEquals(new Shape(6, 28, 28), vm.inputShape());
        assertEquals(new Shape(6, 14, 14), vm.outputShape());
    }

    @Test
    void runningMaxPicksTheFirstLargest() {
        float[] map = {1, 3, 0, 0, 3, 2, 0, 0, 5, 5, 1, 1, 5, 5, 1, 1};
        PoolingWindow w = new PoolingWindow(PoolKind.MAX, map, 4, 4, 2, 2);
        assertEquals(4, w.positions());
        assertEquals(-1, w.winner(0, 0));
        assertTrue(Float.isNaN(w.runningMax(0, 0)));
        assertEquals(0, w.winner(0, 1));
        assertEquals(1, w.winner(0, 4), "3 at t=1 beats 3 at t=2 (first of the ties), as the engine's backward pass");
        assertEquals(3f, w.output(0));
        assertEquals(5f, w.output(2));
        assertEquals(4.0, w.shrink());
    }

    @Test
    void withoutANetworkTheImageIsPooled() {
        PoolingViewModel vm = new PoolingViewModel();
        assertNull(vm.window());
        vm.setImage(IMAGE, 28, 28);
        assertEquals(PoolingViewModel.IMAGE, vm.layerProperty().get());
        assertEquals(196, vm.window().positions());
        assertFalse(vm.matchesModelProperty().get());
        vm.jumpTo(7, 7);
        assertTrue(vm.receptiveFieldProperty().get());
        assertEquals(7 * 14 + 7, vm.playback().cursor().position());
    }
}
