package org.convscope.app.sharing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.junit.jupiter.api.Test;

class LayerWiringTest {

    private static long distinctWeights(List<LayerWiring.Connection> c) {
        return c.stream().mapToInt(LayerWiring.Connection::weight).distinct().count();
    }

    @Test
    void toyOfTheNotesNeeds12WeightsUnsharedAnd2Shared() {
        LayerWiring toy = LayerWiring.toy();
        assertEquals(36, toy.weights(Wiring.FULL));
        assertEquals(12, toy.weights(Wiring.LOCAL));   // 2 x 6
        assertEquals(2, toy.weights(Wiring.SHARED));   // w1, w2
        assertEquals(6, toy.biases(Wiring.LOCAL));
        assertEquals(1, toy.biases(Wiring.SHARED));
        assertEquals(1, toy.padRight());
    }

    @Test
    void toyConnectionsRepeatOnlyTheSharedWeights() {
        LayerWiring toy = LayerWiring.toy();
        var full = toy.connections(Wiring.FULL);
        var local = toy.connections(Wiring.LOCAL);
        var shared = toy.connections(Wiring.SHARED);
        assertEquals(36, full.size());
        assertEquals(36, distinctWeights(full));
        assertEquals(12, local.size());
        assertEquals(12, distinctWeights(local));
        assertEquals(12, shared.size());
        assertEquals(2, distinctWeights(shared));
        // every output's left connection is w1 (index 0), its right one w2 (index 1)
        for (var c : shared) assertEquals(c.input() - c.output(), c.weight());
        // the last output reaches into the padding, the others do not
        assertTrue(shared.stream().filter(LayerWiring.Connection::padding).allMatch(c -> c.output() == 5 && c.input() == 6));
        assertEquals(1, shared.stream().filter(LayerWiring.Connection::padding).count());
        // the local and shared layers wire the same pairs; only the weight numbering differs
        for (int i = 0; i < local.size(); i++) {
            assertEquals(local.get(i).input(), shared.get(i).input());
            assertEquals(local.get(i).output(), shared.get(i).output());
        }
        // the counts agree with the drawn connections
        assertEquals(toy.weights(Wiring.LOCAL), distinctWeights(local));
        assertEquals(toy.weights(Wiring.SHARED), distinctWeights(shared));
        assertEquals(toy.weights(Wiring.FULL), distinctWeights(full));
    }

    @Test
    void lenetFirstLayerCountsFromItsShapes() {
        ModelSpec lenet = ModelZoo.lenetClassic();
        LayerWiring w = LayerWiring.of((LayerSpec.Conv) lenet.layers().get(0), lenet.input());
        assertEquals(4_704, w.output().size());                  // 6 x 28 x 28
        assertEquals(3_687_936, w.weights(Wiring.FULL));         // 784 x 4,704
        assertEquals(4_704, w.biases(Wiring.FULL));
        assertEquals(117_600, w.weights(Wiring.LOCAL));          // 4,704 x 25
        assertEquals(4_704, w.biases(Wiring.LOCAL));
        assertEquals(122_304, w.parameters(Wiring.LOCAL));
        assertEquals(150, w.weights(Wiring.SHARED));             // 6 x 1 x 5 x 5
        assertEquals(6, w.biases(Wiring.SHARED));
        assertEquals(156, w.parameters(Wiring.SHARED));
        assertEquals("784 × 4,704", w.weightProduct(Wiring.FULL));
        assertEquals("4,704 × 25", w.weightProduct(Wiring.LOCAL));
        assertEquals("6 × 1 × 5 × 5", w.weightProduct(Wiring.SHARED));
        // a shared layer is exactly the engine's convolution
        assertEquals(lenet.layers().get(0).parameterCount(lenet.input()), w.parameters(Wiring.SHARED));
    }

    @Test
    void viewModelOffersBothLenetConvolutionsAndTheirRatios() {
        var vm = new WeightSharingViewModel();
        assertEquals(List.of("conv1", "conv2"), vm.realLayers().stream().map(WeightSharingViewModel.RealLayer::name).toList());
        assertEquals(784.0, vm.ratio(Wiring.LOCAL, Wiring.SHARED), 1e-9); // one kernel re-used at 28 x 28 positions
        vm.select(1);
        LayerWiring conv2 = vm.selectedLayer().wiring();
        assertEquals(1_881_600, conv2.weights(Wiring.FULL));  // 1,176 x 1,600
        assertEquals(240_000, conv2.weights(Wiring.LOCAL));   // 1,600 x 150
        assertEquals(2_416, conv2.parameters(Wiring.SHARED));
        assertThrows(IllegalArgumentException.class, () -> vm.select(2));
        assertThrows(IllegalArgumentException.class, () -> new WeightSharingViewModel(ModelZoo.mlp()));
    }
}
