package org.convscope.app.pooling;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Network;
import org.convscope.engine.Shape;
import org.convscope.engine.PoolKind;
import org.junit.jupiter.api.Test;

class ShiftSensitivityTest {

    @Test
    void theMeasuresByHand() {
        assertEquals(0, ShiftSensitivity.change(new float[] {1, 2}, new float[] {1, 2}));
        assertEquals(0.5, ShiftSensitivity.change(new float[] {3, 4}, new float[] {3, 6.5f}), 1e-9); // 2.5 / 5
        assertEquals(0.5, ShiftSensitivity.unchanged(new float[] {1, 2, 3, 4}, new float[] {1, 0, 3, 0}));
        // a 2 x 3 image moved one pixel right: the first column becomes 0
        assertArrayEquals(new float[] {0, 1, 2, 0, 4, 5}, org.convscope.app.network.InputShift.shift(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, 1, 0));
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 3}, org.convscope.app.network.InputShift.shift(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, 0, 1));
    }

    /** A single bright pixel moved inside a 2x2 window: max pooling does not see the move at all, the map does. */
    @Test
    void aMoveInsideThePoolingWindowIsInvisibleAfterMaxPooling() {
        ModelSpec spec = new ModelSpec("pool-only", new Shape(1, 4, 4), List.of(
                new LayerSpec.Pool(PoolKind.MAX, 2, 2), new LayerSpec.Flatten(), new LayerSpec.Dense(2)));
        Network net = Network.create(spec, 1);
        float[] img = new float[16];
        img[1 * 4 + 0] = 1f; // x 0, y 1: moved right it stays in the window x 0..1
        var s = ShiftSensitivity.measure(net, img, 4, 4, 1, 0);
        assertEquals(1, s.rows().size());
        assertTrue(s.rows().getFirst().pooling());
        assertEquals(0, s.rows().getFirst().change(), "the maximum of the window is the same");
        assertEquals(1.0, s.rows().getFirst().unchanged());
        assertEquals(s.before(), s.after(), 1e-7f);
    }

    /** The concept, measured with the bundled LeNet-5 on 100 MNIST test digits: each max pool changes less than its input. */
    @Test
    void withTheTrainedLeNetEveryPoolingLayerChangesLessThanItsInput() throws Exception {
        Network net = ModelFile.loadBundled("lenet5-mnist.safetensors").network();
        var test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
        int n = 100;
        double[] sum = new double[net.spec().layers().size()];
        for (int i = 0; i < n; i++) {
            var s = ShiftSensitivity.measure(net, test.image(i), 28, 28, 1, 0);
            for (var r : s.rows()) sum[r.layer()] += r.change() / n;
        }
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 6; i++) all.append(net.spec().layers().get(i).kind()).append(String.format(" %.3f  ", sum[i]));
        // layers: 0 conv1, 1 relu, 2 pool1, 3 conv2, 4 relu, 5 pool2
        assertTrue(sum[2] < sum[1], "pool1 changes less than relu1: " + all);
        assertTrue(sum[5] < sum[4], "pool2 changes less than relu2: " + all);
        System.out.println("mean relative change for a 1-pixel shift right, 100 MNIST test digits: " + all);
    }
}
