package org.convscope.app.saliency;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;

class AttributionTest {

    static final int PIXEL = 14 * 28 + 9; // row 14, column 9

    /** Softmax regression whose class-3 score is 2·x at one pixel and every other score is 0: the known answer. */
    static Network onePixelModel() {
        float[] w = new float[10 * 784];
        w[3 * 784 + PIXEL] = 2f;
        return Network.of(ModelZoo.softmaxRegression(), List.of(new LayerWeights(1, "dense1", new int[]{10, 784}, w, new float[10])));
    }

    @Test
    void saliencyOfAModelThatLooksAtOnePixel() {
        Network net = onePixelModel();
        float[] image = new float[784];
        java.util.Arrays.fill(image, 0.5f);
        float[] s = Attribution.saliency(net, image, 3, -1);
        for (int i = 0; i < 784; i++) assertEquals(i == PIXEL ? 2f : 0f, s[i], 1e-6, "pixel " + i);
        // another class does not look at it at all; "3 and not 5" is the difference of the two gradients
        for (float v : Attribution.saliency(net, image, 5, -1)) assertEquals(0f, v, 1e-6);
        float[] versus = Attribution.saliency(net, image, 5, 3);
        assertEquals(-2f, versus[PIXEL], 1e-6);
    }

    @Test
    void occlusionOfAModelThatLooksAtOnePixel() {
        Network net = onePixelModel();
        float[] image = new float[784];
        image[PIXEL] = 1f;
        Attribution.Occlusion o = Attribution.occlusion(net, image, 3, -1, () -> false);
        double p3 = Math.exp(2) / (Math.exp(2) + 9);
        assertEquals(2f, o.baseScore(), 1e-6);
        assertEquals(p3, o.baseProbability(), 1e-6);
        assertEquals(12 * 12, o.positions());
        // covering the pixel takes z(3) from 2 to 0 and p(3) from e²/(e²+9) to 1/10; patches that miss it change nothing
        assertEquals(2f, o.largest(), 1e-6);
        assertEquals(0.1, o.probabilityThere(), 1e-6);
        assertTrue(o.largestY() <= 14 && 14 < o.largestY() + Attribution.PATCH);
        assertTrue(o.largestX() <= 9 && 9 < o.largestX() + Attribution.PATCH);
        assertEquals(2f, o.map()[PIXEL], 1e-6, "every patch over the pixel drops z(3) by the same");
        for (int y = 0; y < 28; y++)
            for (int x = 0; x < 28; x++)
                if (Math.abs(y - 14) >= Attribution.PATCH || Math.abs(x - 9) >= Attribution.PATCH)
                    assertEquals(0f, o.map()[y * 28 + x], 1e-7, "(" + y + ", " + x + ") is never covered together with the pixel");
        assertNull(Attribution.occlusion(net, image, 3, -1, () -> true), "a cancelled run stops");
        assertThrows(IllegalArgumentException.class, () -> Attribution.saliency(net, image, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Attribution.occlusion(net, image, 10, -1, () -> false));
    }

    @Test
    void theTrainedLeNetLooksAtTheStrokes() throws Exception {
        Network net = ModelFile.loadBundled("lenet5-mnist.safetensors").network();
        var test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
        float[] image = test.image(0); // a 7
        float[] s = Attribution.saliency(net, image, 7, -1);
        // the gradient's mass sits on and around the digit, not in the empty corners
        double corners = 0, centre = 0;
        for (int y = 0; y < 28; y++)
            for (int x = 0; x < 28; x++) {
                double a = Math.abs(s[y * 28 + x]);
                if ((y < 4 || y > 23) && (x < 4 || x > 23)) corners += a;
                if (y >= 7 && y < 21 && x >= 7 && x < 21) centre += a;
            }
        assertTrue(centre > 10 * corners, "centre " + centre + " corners " + corners);
        Attribution.Occlusion o = Attribution.occlusion(net, image, 7, -1, () -> false);
        assertTrue(o.largest() > 1, "covering part of the 7 lowers its score: " + o.largest());
        assertTrue(o.probabilityThere() <= o.baseProbability());
    }
}
