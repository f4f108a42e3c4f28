package org.convscope.app.activation;

import static org.junit.jupiter.api.Assertions.*;

import org.convscope.data.BundledDatasets;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.Activation;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The activation view's numbers on a real network and real MNIST digits. */
class ActivationViewModelTest {

    static Dataset test;

    @BeforeAll
    static void load() throws Exception { test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE); }

    @Test
    void unnormalisedInputPushesTheFirstLayerIntoTheFlatRegion() {
        var vm = new ActivationViewModel();
        vm.setImage(test.image(0));
        var normal = vm.compute();
        vm.setUnnormalised(true);
        var raw = vm.compute();
        System.out.printf("fresh LeNet-5, conv1, MNIST test #0: flat %.3f -> %.3f, mean slope %.3f -> %.3f%n",
                normal.stats().flatShare(), raw.stats().flatShare(), normal.stats().meanRelativeGradient(), raw.stats().meanRelativeGradient());
        assertEquals(4_704, normal.stats().units());
        assertTrue(normal.stats().flatShare() < 0.05, "normalised: " + normal.stats().flatShare());
        assertTrue(raw.stats().flatShare() > normal.stats().flatShare() + 0.15, "unnormalised: " + raw.stats().flatShare());
        assertTrue(raw.stats().meanRelativeGradient() < normal.stats().meanRelativeGradient() - 0.1);
        assertTrue(raw.stats().axisRange() > normal.stats().axisRange());
        // the toggle really multiplies the input by 255: conv1 is linear with zero biases at initialisation
        float[] a = normal.preActivations(), b = raw.preActivations();
        for (int i = 0; i < a.length; i++) assertEquals(255f * a[i], b[i], 1e-3f * Math.max(1f, Math.abs(b[i])), "unit " + i);
    }

    @Test
    void preActivationsAreThePreviousLayersOutput() {
        var vm = new ActivationViewModel();
        vm.setImage(test.image(1));
        vm.setLayer(2); // sigmoid after the first dense layer: 120 values
        var r = vm.compute();
        assertEquals(120, r.stats().units());
        var trace = vm.network().trace(test.image(1));
        assertArrayEquals(trace.layers().get(r.request().layer().index() - 1).values(), r.preActivations());
        assertEquals(trace.predictedClass(), r.predictedClass());
    }

    @Test
    void trainedReluNetworkAndTheFreshSigmoidOne() {
        var vm = new ActivationViewModel();
        Network modern = Network.create(ModelZoo.lenetModern(), 7);
        vm.setTrained(modern, "LeNet-5 modern");
        assertEquals(ActivationViewModel.Source.TRAINED, vm.source());
        assertEquals(Activation.RELU, vm.curve());
        vm.setImage(test.image(2));
        var relu = vm.compute();
        // ReLU's flat region is x <= 0: exactly the non-positive pre-activations
        long nonPositive = 0;
        for (float v : relu.preActivations()) if (v <= 0) nonPositive++;
        assertEquals((double) nonPositive / relu.preActivations().length, relu.stats().flatShare(), 1e-12);
        vm.useSource(ActivationViewModel.Source.FRESH);
        assertEquals(Activation.SIGMOID, vm.curve());
        assertNotSame(modern, vm.network());
        vm.setTrained(null, null);
        assertFalse(vm.hasTrained());
        // a model without activation layers cannot be looked at: the fresh one is used
        vm.setTrained(Network.create(ModelZoo.softmaxRegression(), 1), "softmax");
        assertFalse(vm.hasTrained());
        assertEquals(ActivationViewModel.Source.FRESH, vm.source());
    }
}
