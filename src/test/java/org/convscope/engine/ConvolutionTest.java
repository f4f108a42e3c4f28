package org.convscope.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The plain-array references the views use ({@link Convolution}, {@link Pooling}) agree with the engine's own layers
 * (vector and scalar kernels): LeNet's layers on a trace, and single convolutions with other kernels, padding and
 * strides run through the engine as one-layer networks.
 */
class ConvolutionTest {

    private static float[] digit(long seed) {
        Random r = new Random(seed);
        float[] x = new float[28 * 28];
        for (int y = 4; y < 24; y++) for (int c = 8 + (int) (r.nextFloat() * 3); c < 20; c++) x[y * 28 + c] = r.nextFloat();
        return x;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            float tol = 1e-5f * (1 + Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, what + " at " + i);
        }
    }

    @Test
    void leNetLayersEqualTheReferences() {
        for (Kernels kernels : List.of(Kernels.vector(), Kernels.scalar())) {
            for (ModelSpec spec : List.of(ModelZoo.lenetModern(), ModelZoo.lenetClassic())) {
                Network net = Network.create(spec, 11, kernels);
                Trace t = net.trace(digit(5));
                for (int i = 0; i < spec.layers().size(); i++) {
                    Shape in = spec.inputShapeOf(i);
                    if (spec.layers().get(i) instanceof LayerSpec.Conv c) {
                        int layer = i;
                        LayerWeights w = net.weights().stream().filter(lw -> lw.layerIndex() == layer).findFirst().orElseThrow();
                        float[] ref = Convolution.forward(t.inputOf(i), in.c(), in.h(), in.w(), w.weights(), w.bias(),
                                c.outChannels(), c.kernel(), c.padding(), c.stride());
                        assertClose(ref, t.layers().get(i).values(), spec.id() + " layer " + i + " (" + kernels.name() + ")");
                    } else if (spec.layers().get(i) instanceof LayerSpec.Pool p) {
                        float[] ref = Pooling.forward(p.pool(), t.inputOf(i), in.c(), in.h(), in.w(), p.window(), p.stride());
                        assertClose(ref, t.layers().get(i).values(), spec.id() + " layer " + i + " (" + kernels.name() + ")");
                    }
                }
            }
        }
    }

    @Test
    void anyKernelPaddingAndStrideEqualsTheEngine() {
        Random r = new Random(2);
        // (input size, channels, kernel, padding, stride): LeNet's awkward sizes and uneven divisions
        int[][] cases = {{28, 1, 5, 2, 1}, {28, 1, 3, 1, 2}, {14, 6, 5, 0, 1}, {10, 16, 3, 0, 3}, {28, 1, 7, 3, 4}, {13, 2, 4, 1, 2}};
        for (int[] c : cases) {
            int h = c[0], ci = c[1], k = c[2], pad = c[3], stride = c[4], co = 2;
            ModelSpec spec = new ModelSpec("one-conv", new Shape(ci, h, h),
                    List.of(new LayerSpec.Conv(co, k, pad, stride), new LayerSpec.Flatten(), new LayerSpec.Dense(1)));
            float[] w = new float[co * ci * k * k], b = {0.3f, -0.7f};
            for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
            int flat = spec.shapes().get(1).size();
            Network net = Network.of(spec, List.of(new LayerWeights(0, "conv", new int[] {co, ci, k, k}, w, b),
                    new LayerWeights(2, "dense", new int[] {1, flat}, new float[flat], new float[1])));
            float[] x = new float[ci * h * h];
            for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
            Trace t = net.trace(x);
            float[] ref = Convolution.forward(x, ci, h, h, w, b, co, k, pad, stride);
            assertEquals(spec.shapes().getFirst().size(), ref.length);
            assertClose(ref, t.layers().getFirst().values(), "conv " + java.util.Arrays.toString(c));
        }
    }

    @Test
    void outputSizeFollowsTheFormula() {
        assertEquals(28, Convolution.outputSize(28, 5, 2, 1));
        assertEquals(10, Convolution.outputSize(14, 5, 0, 1));
        assertEquals(14, Convolution.outputSize(28, 3, 1, 2));   // ⌊27/2⌋ + 1
        var e = assertThrows(IllegalArgumentException.class, () -> Convolution.outputSize(3, 5, 0, 1));
        assertTrue(e.getMessage().contains("larger than its padded input 3\u00d73"), e.getMessage());
        assertEquals(14, Pooling.outputSize(28, 2, 2));
        assertEquals(5, Pooling.outputSize(10, 2, 2));
    }
}
