package org.convscope.app.backprop;

import static org.junit.jupiter.api.Assertions.*;

import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.Gradients;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;

class BackpropTest {

    private static final float[] IMAGE;
    private static final int LABEL;
    static {
        try {
            var test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
            IMAGE = test.image(0);
            LABEL = test.label(0);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void stepsMoveACopyDownTheGradient() {
        Network start = Backprop.initial(Backprop.Source.MODERN);
        float[] before = start.parameters();
        Backprop run = new Backprop(start, IMAGE, LABEL, 0.1f);
        Backprop.Step s0 = run.step(0), s1 = run.step(1);
        assertSame(start, s0.network());
        // the run's gradients are the engine's own for this image
        Gradients g = start.lossGradients(IMAGE, LABEL);
        assertArrayEquals(g.parameterGradient(), s0.gradients().parameterGradient());
        float[] after = s1.network().parameters();
        for (int i = 0; i < before.length; i++) assertEquals(before[i] - 0.1f * g.parameterGradient()[i], after[i], 0f);
        assertArrayEquals(before, start.parameters(), "the network the run started from is never changed");
        assertTrue(s1.loss() < s0.loss(), s0.loss() + " -> " + s1.loss());
        assertTrue(run.step(Backprop.MAX_STEPS).loss() < 0.05, "fifty steps on one image learn it");

        Backprop.KernelUpdate k = run.kernelUpdate(0, 2);
        assertEquals(5, k.size());
        assertEquals(25, k.before().length);
        for (int i = 0; i < 25; i++) {
            assertEquals(before[2 * 25 + i], k.before()[i]);
            assertEquals(g.parameterGradient()[2 * 25 + i], k.gradient()[i]);
            assertEquals(k.before()[i] - 0.1f * k.gradient()[i], k.after()[i], 0f);
        }
        assertEquals(s0.loss(), k.lossBefore());
        assertEquals(s1.loss(), k.lossAfter());
        int t = k.largestTap();
        for (float v : k.gradient()) assertTrue(Math.abs(v) <= Math.abs(k.gradient()[t]));
        assertThrows(IllegalArgumentException.class, () -> run.kernelUpdate(0, 6));
    }

    /** Why D2L's sigmoid LeNet sits at loss 2.3 at first: its conv1 gets a gradient orders of magnitude smaller. */
    @Test
    void sigmoidLeNetHasAVanishingGradientAtConv1() {
        Network modern = Backprop.initial(Backprop.Source.MODERN), d2l = Backprop.initial(Backprop.Source.D2L);
        Gradients gm = modern.lossGradients(IMAGE, LABEL), gd = d2l.lossGradients(IMAGE, LABEL);
        assertTrue(gd.loss() > 2 && gm.loss() > 2, "neither knows the image at initialisation");
        double wm = Backprop.firstWeightsRms(modern, gm), wd = Backprop.firstWeightsRms(d2l, gd);
        // measured: 4.3e-4 against 0.23 for MNIST test image 0 (seed 1), about 500 times smaller
        assertTrue(wd * 100 < wm, "conv1 weight gradient: D2L " + wd + " vs modern " + wm);
        assertTrue(gd.rms(0) * 100 < gm.rms(0), "conv1 output gradient: D2L " + gd.rms(0) + " vs modern " + gm.rms(0));
        // the gradient shrinks on its way back through the sigmoid network: conv1 gets much less than the scores
        int last = gd.outputGradients().size() - 1;
        assertTrue(gd.rms(0) * 100 < gd.rms(last), "D2L scores " + gd.rms(last) + " conv1 " + gd.rms(0));
        assertEquals(java.util.List.of("conv1", "sigmoid", "pool1", "conv2", "sigmoid", "pool2", "flatten", "dense1", "sigmoid",
                "dense2", "sigmoid", "dense3"), Backprop.layerNames(d2l.spec()));
        assertThrows(IllegalArgumentException.class, () -> new Backprop(modern, IMAGE, -1, 0.1f));
        assertEquals(Backprop.Source.D2L, Backprop.Source.of("d2l"));
        assertThrows(IllegalArgumentException.class, () -> Backprop.Source.of("vgg"));
    }
}
