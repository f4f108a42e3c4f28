package org.convscope.app.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;

import org.convscope.engine.LayerSpec;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.convscope.engine.Shape;
import org.convscope.engine.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every number the kernel view shows for a position equals the engine's convolution at that position: the model's
 * own layers from Network.trace, and arbitrary kernels, padding and strides through the engine as a one-layer
 * network. No toolkit: the view model only uses javafx.beans.
 */
class KernelViewModelTest {

    private static float[] image;
    private static Network net;
    private static Trace trace;

    @BeforeAll
    static void network() {
        image = SweepFx.mnist(0).pixels();
        net = Network.create(ModelZoo.lenetModern(), 42);
        trace = net.trace(image);
    }

    private static KernelViewModel withNetwork() {
        KernelViewModel vm = new KernelViewModel();
        vm.setNetwork(trace, net.weights());
        vm.sourceProperty().set(KernelViewModel.Source.MODEL);
        return vm;
    }

    private static void assertClose(float expected, float actual, String what) {
        assertEquals(expected, actual, 1e-5f * (1 + Math.abs(expected)), what);
    }

    @Test
    void everyShownNumberOfEveryModelKernelEqualsTheEngine() {
        KernelViewModel vm = withNetwork();
        assertEquals(List.of(0, 3), vm.convLayers());
        for (int layer : vm.convLayers()) {
            var conv = (LayerSpec.Conv) trace.spec().layers().get(layer);
            LayerWeights lw = net.weights().stream().filter(w -> w.layerIndex() == layer).findFirst().orElseThrow();
            Shape in = trace.spec().inputShapeOf(layer);
            float[] x = trace.inputOf(layer);
            vm.convLayerProperty().set(layer);
            for (int o = 0; o < conv.outChannels(); o++) {
                vm.outChannelProperty().set(o);
                KernelSweep s = vm.sweep();
                assertTrue(vm.matchesModelProperty().get());
                assertEquals(in.c(), s.channels(), "one kernel slice per input channel");
                assertEquals(lw.bias()[o], s.bias());
                var out = trace.layers().get(layer);
                assertEquals(out.shape().h() * out.shape().w(), s.positions());
                for (int p = 0; p < s.positions(); p++) {
                    int oy = s.outY(p), ox = s.outX(p);
                    float engine = out.at(o, oy, ox);
                    assertClose(engine, s.output(p), "output " + layer + "/" + o + " at " + oy + "," + ox);
                    assertEquals(s.output(p), s.runningSum(p, s.terms(), s.bias()), "the running sum ends on the shown value");
                    float slices = s.bias();
                    for (int c = 0; c < s.channels(); c++) {
                        slices += s.sliceSum(p, c, s.terms());
                        for (int ky = 0; ky < s.kernelSize(); ky++) {
                            for (int kx = 0; kx < s.kernelSize(); kx++) {
                                int y = oy * conv.stride() - conv.padding() + ky, xx = ox * conv.stride() - conv.padding() + kx;
                                boolean inside = y >= 0 && y < in.h() && xx >= 0 && xx < in.w();
                                float patch = inside ? x[(c * in.h() + y) * in.w() + xx] : 0f;
                                assertEquals(patch, s.patchAt(p, c, ky, kx));
                                assertEquals(!inside, s.inPadding(p, ky, kx));
                                assertEquals(lw.kernel(o, c, ky, kx), s.kernelAt(c, ky, kx));
                                assertEquals(patch * lw.kernel(o, c, ky, kx), s.productAt(p, c, ky, kx));
                            }
                        }
                    }
                    assertClose(engine, slices, "slice sums + bias");
                }
            }
        }
    }

    /** The engine's convolution for any kernel, padding and stride: a network with just that layer. */
    private static float[] engineConv(float[] x, int h, int w, float[] kernel, int k, float bias, int pad, int stride) {
        ModelSpec spec = new ModelSpec("one-conv", new Shape(1, h, w),
                List.of(new LayerSpec.Conv(1, k, pad, stride), new LayerSpec.Flatten(), new LayerSpec.Dense(1)));
        int flat = spec.shapes().getFirst().size();
        Network one = Network.of(spec, List.of(new LayerWeights(0, "conv1", new int[] {1, 1, k, k}, kernel, new float[] {bias}),
                new LayerWeights(2, "dense1", new int[] {1, flat}, new float[flat], new float[1])));
        return one.trace(x).layers().getFirst().values();
    }

    @Test
    void presetsCustomNumbersPaddingAndStrideEqualTheEngine() {
        KernelViewModel vm = withNetwork();
        vm.sourceProperty().set(KernelViewModel.Source.PRESET);
        for (KernelPreset preset : KernelPreset.values()) {
            vm.presetProperty().set(preset);
            for (int pad = 0; pad <= 2; pad++) {
                for (int stride = 1; stride <= 3; stride++) {
                    vm.paddingProperty().set(pad);
                    vm.strideProperty().set(stride);
                    KernelSweep s = vm.sweep();
                    assertEquals((28 + 2 * pad - 3) / stride + 1, s.outputHeight());
                    float[] engine = engineConv(image, 28, 28, preset.weights(), 3, 0f, pad, stride);
                    assertEquals(engine.length, s.positions());
                    for (int p = 0; p < s.positions(); p++) assertClose(engine[p], s.output(p), preset + " p" + pad + " s" + stride);
                }
            }
        }
        // a typed number turns the preset into a custom kernel and is used at once
        vm.paddingProperty().set(1);
        vm.strideProperty().set(1);
        vm.presetProperty().set(KernelPreset.IDENTITY);
        vm.playback().seek(200);
        vm.setKernelValue(0, 0, 0.5f);
        vm.setBias(-0.25f);
        assertEquals(KernelViewModel.Source.CUSTOM, vm.sourceProperty().get());
        assertEquals(200, vm.playback().cursor().filled(), "editing a number keeps the place");
        float[] expected = KernelPreset.IDENTITY.weights();
        expected[0] = 0.5f;
        assertArrayEquals(expected, vm.sweep().kernel());
        float[] engine = engineConv(image, 28, 28, expected, 3, -0.25f, 1, 1);
        for (int p = 0; p < engine.length; p++) assertClose(engine[p], vm.sweep().output(p), "custom at " + p);
    }

    @Test
    void slidingOverAFeatureMapOfTheTrace() {
        KernelViewModel vm = withNetwork();
        vm.sourceProperty().set(KernelViewModel.Source.PRESET);
        vm.presetProperty().set(KernelPreset.BLUR);
        vm.paddingProperty().set(0);         // (the model kernel left conv1's padding 2 behind)
        vm.inputLayerProperty().set(2);   // pool1 output, 6×14×14
        vm.inputChannelProperty().set(4);
        KernelSweep s = vm.sweep();
        float[] map = Arrays.copyOfRange(trace.layers().get(2).values(), 4 * 196, 5 * 196);
        assertArrayEquals(map, s.input());
        float[] engine = engineConv(map, 14, 14, KernelPreset.BLUR.weights(), 3, 0f, 0, 1);
        for (int p = 0; p < engine.length; p++) assertClose(engine[p], s.output(p), "blur of pool1 channel 5");
    }

    @Test
    void paddingAndStrideChangeTheOutputSizeAndTheFormula() {
        KernelViewModel vm = withNetwork();
        vm.convLayerProperty().set(0);
        assertEquals(2, vm.paddingProperty().get(), "the layer's own padding");
        assertEquals("(28 + 2\u00b72 \u2212 5) / 1 + 1 = 28", vm.sweep().rowsFormula().filledIn());
        vm.paddingProperty().set(0);
        assertFalse(vm.matchesModelProperty().get());
        assertEquals(24, vm.sweep().outputHeight());
        vm.strideProperty().set(2);
        assertEquals("\u230a(28 + 2\u00b70 \u2212 5) / 2\u230b + 1 = 12", vm.sweep().rowsFormula().filledIn());
        assertEquals(144, vm.playback().cursor().positions());
        vm.convLayerProperty().set(3);        // conv2 brings its own geometry back
        assertEquals(0, vm.paddingProperty().get());
        assertEquals(1, vm.strideProperty().get());
        assertEquals(10, vm.sweep().outputHeight());
        assertTrue(vm.matchesModelProperty().get());
    }

    @Test
    void aKernelLargerThanThePaddedInputIsExplainedNotComputed() {
        KernelViewModel vm = withNetwork();
        vm.sourceProperty().set(KernelViewModel.Source.CUSTOM);
        vm.setCustomSize(7);
        vm.paddingProperty().set(0);
        vm.inputLayerProperty().set(5);     // pool2 output: 16×5×5
        assertNull(vm.sweep());
        assertEquals("kernel.problem.tooLarge", vm.problemProperty().get().key());
        vm.paddingProperty().set(1);         // 5 + 2 = 7: fits exactly, one position
        assertNotNull(vm.sweep());
        assertNull(vm.problemProperty().get());
        assertEquals(1, vm.sweep().positions());
    }

    @Test
    void aClickedFeatureMapOpensTheConvolutionThatMadeIt() {
        KernelViewModel vm = new KernelViewModel();
        vm.setNetwork(trace, net.weights());
        vm.showFeatureMap(2, 4);             // pool1 channel 5 comes from conv1 channel 5
        assertEquals(KernelViewModel.Source.MODEL, vm.sourceProperty().get());
        assertEquals(0, vm.convLayerProperty().get());
        assertEquals(4, vm.outChannelProperty().get());
        vm.showFeatureMap(3, 11);            // conv2 channel 12
        assertEquals(3, vm.convLayerProperty().get());
        assertEquals(11, vm.outChannelProperty().get());
        assertEquals(6, vm.sweep().channels());
        assertTrue(vm.matchesModelProperty().get());
    }

    @Test
    void templateFeatureMapPeaksWhereThePatchMatches() {
        KernelViewModel vm = withNetwork();
        vm.paddingProperty().set(0);
        vm.setTemplate(6, 12, 5);            // on the top bar of the 7
        assertEquals(KernelViewModel.Source.TEMPLATE, vm.sourceProperty().get());
        KernelSweep s = vm.sweep();
        float[] t = s.kernel();
        float self = s.output(s.positionAt(6, 12));
        double tt = 0;
        for (float v : t) tt += v * v;
        assertEquals(tt, self, 1e-4 * tt, "at its own place the zero-mean patch scores |t|²");
        float[] map = s.outputMap();
        float max = Float.NEGATIVE_INFINITY;
        for (float v : map) max = Math.max(max, v);
        long higher = 0;
        for (float v : map) if (v > self) higher++;
        assertTrue(higher <= map.length / 50, higher + " of " + map.length + " positions score higher than the patch's own");
        assertTrue(self > 0.6 * max, "own " + self + " vs max " + max);
    }

    @Test
    void theFirstTemplateHoldsAPieceOfTheStroke() {
        KernelViewModel vm = withNetwork();
        vm.sourceProperty().set(KernelViewModel.Source.TEMPLATE);
        int[] t = vm.template();
        float[] patch = KernelSweep.template(image, 0, 28, 28, t[0], t[1], t[2], false);
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : patch) { min = Math.min(min, v); max = Math.max(max, v); }
        assertTrue(max > 0.9f && min < 0.1f, "ink and background in the patch: " + min + ".." + max);
    }

    @Test
    void jumpingLightsTheReceptiveFieldUntilTheNextStep() {
        KernelViewModel vm = withNetwork();
        vm.jumpTo(10, 20);
        assertEquals(10 * 28 + 20, vm.playback().cursor().position());
        assertTrue(vm.playback().cursor().complete());
        assertTrue(vm.receptiveFieldProperty().get());
        vm.playback().stepTerm();
        assertFalse(vm.receptiveFieldProperty().get());
    }

    @Test
    void withoutANetworkOnlyTheImageAndOneSliceKernels() {
        KernelViewModel vm = new KernelViewModel();
        assertEquals("kernel.problem.noImage", vm.problemProperty().get().key());
        vm.setImage(image, 28, 28);
        assertTrue(vm.convLayers().isEmpty());
        assertEquals(1, vm.inputOptions().size());
        vm.sourceProperty().set(KernelViewModel.Source.MODEL);
        assertEquals("kernel.problem.noModel", vm.problemProperty().get().key());
        vm.sourceProperty().set(KernelViewModel.Source.PRESET);
        assertEquals(26 * 26, vm.sweep().positions());
        vm.playback().stepSecondsProperty().set(0);
        vm.playback().play();
        assertTrue(vm.playback().cursor().atEnd());
    }
}
