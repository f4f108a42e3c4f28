package org.convscope.app.activation;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;

import org.convscope.engine.Activation;
import org.convscope.engine.ModelZoo;
import org.junit.jupiter.api.Test;

class ActivationStatsTest {

    @Test
    void flatRegionBoundaries() {
        assertEquals(0.25, Saturation.maxDerivative(Activation.SIGMOID), 1e-6);
        assertEquals(1.0, Saturation.maxDerivative(Activation.TANH), 1e-6);
        assertEquals(1.0, Saturation.maxDerivative(Activation.RELU), 1e-6);
        // sigmoid'(x) = 0.05 * 0.25 where |x| = 4.36; tanh'(x) = 0.05 where |x| = 2.18
        assertEquals(4.36, Saturation.flatBeyond(Activation.SIGMOID), 0.01);
        assertEquals(2.18, Saturation.flatBeyond(Activation.TANH), 0.01);
        assertTrue(Saturation.isFlat(Activation.SIGMOID, 5f));
        assertFalse(Saturation.isFlat(Activation.SIGMOID, 4f));
        assertTrue(Saturation.isFlat(Activation.RELU, -0.1f));
        assertFalse(Saturation.isFlat(Activation.RELU, 1000f));
    }

    @Test
    void scalingTheValuesUpPushesThemIntoTheFlatRegion() {
        float[] small = new float[1000];
        for (int i = 0; i < small.length; i++) small[i] = (float) Math.sin(i) * 2f; // within ±2
        float[] big = small.clone();
        for (int i = 0; i < big.length; i++) big[i] *= 255f;
        ActivationStats a = ActivationStats.of(Activation.SIGMOID, small);
        ActivationStats b = ActivationStats.of(Activation.SIGMOID, big);
        assertEquals(0, a.flatShare());
        assertTrue(b.flatShare() > 0.95, "share " + b.flatShare());
        assertTrue(b.meanRelativeGradient() < 0.05, "mean slope " + b.meanRelativeGradient());
        assertTrue(a.meanRelativeGradient() > 0.4);
        assertEquals(ActivationStats.MIN_RANGE, a.axisRange());
        assertTrue(b.axisRange() >= 2 * 255 * 0.99);
    }

    @Test
    void histogramCountsEveryValueOnce() {
        float[] v = {-1000f, -3f, -0.1f, 0f, 0.1f, 2f, 5f, 1000f};
        ActivationStats s = ActivationStats.of(Activation.TANH, v);
        assertEquals(v.length, Arrays.stream(s.activeCounts()).sum() + Arrays.stream(s.flatCounts()).sum());
        assertEquals(8, s.units());
        assertEquals(-1000f, s.min());
        assertEquals(1000f, s.max());
        // tanh is flat beyond 2.18: -1000, -3, 5, 1000
        assertEquals(4.0 / 8, s.flatShare(), 1e-12);
        assertEquals(4, Arrays.stream(s.flatCounts()).sum());
        // the axis follows the 99.5th percentile, so the two outliers land in the end bins
        assertTrue(s.beyondAxis() <= 2);
    }

    @Test
    void niceAxisNumbers() {
        assertEquals(6, ActivationStats.niceCeil(6));
        assertEquals(8, ActivationStats.niceCeil(6.5));
        assertEquals(300, ActivationStats.niceCeil(255));
        assertEquals(1000, ActivationStats.niceCeil(801));
    }

    @Test
    void activationLayersOfLenet() {
        var layers = ActivationViewModel.activationLayers(ModelZoo.lenetClassic());
        assertEquals(4, layers.size());
        assertEquals(1, layers.get(0).index());
        assertEquals("conv", layers.get(0).feeds());
        assertEquals(1, layers.get(0).ordinal());
        assertEquals("6×28×28", layers.get(0).shape().toString());
        assertEquals("conv", layers.get(1).feeds());
        assertEquals(2, layers.get(1).ordinal());
        assertEquals("dense", layers.get(2).feeds());
        assertEquals(Activation.SIGMOID, layers.get(3).fn());
        assertEquals(0, ActivationViewModel.activationLayers(ModelZoo.softmaxRegression()).size());
    }

    @Test
    void viewModelNeedsAnImageOfTheRightSize() {
        var vm = new ActivationViewModel();
        assertEquals(ActivationViewModel.Source.FRESH, vm.source());
        assertFalse(vm.hasImage());
        assertThrows(IllegalStateException.class, vm::request);
        assertThrows(IllegalArgumentException.class, () -> vm.setImage(new float[10]));
        assertThrows(IllegalStateException.class, () -> vm.useSource(ActivationViewModel.Source.TRAINED));
        vm.setLayer(2);
        vm.setCurve(Activation.TANH);
        assertEquals(Activation.TANH, vm.curve());
        vm.setLayer(0); // picking a layer brings back its own function
        assertEquals(Activation.SIGMOID, vm.curve());
    }
}
