package org.convscope.app.classifier;

import static org.junit.jupiter.api.Assertions.*;

import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.convscope.engine.Activation;
import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;

/** Every number of the classifier view against the engine's forward pass. */
class ClassificationTest {

    @Test
    void weightedSumsAndSoftmaxEqualTheEngine() throws Exception {
        Network net = ModelFile.loadBundled("lenet5-mnist.safetensors").network();
        var test = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
        float[] image = test.image(0);
        int label = test.label(0);
        Classification c = new Classification(net, image, label);

        assertEquals(3, c.layers().size());
        assertEquals(400, c.layers().get(0).inputs());
        assertEquals(120, c.layers().get(0).outputs());
        assertEquals(84, c.layers().get(1).outputs());
        assertEquals(10, c.layers().get(2).outputs());
        assertEquals(Activation.RELU, c.layers().get(0).activation());
        assertNull(c.layers().get(2).activation());
        assertSame(c.layers().get(1), c.layer("dense2"));
        // the first dense layer reads the flattened pooled features
        assertArrayEquals(net.trace(image).layers().get(6).values(), c.inputs(c.layers().getFirst()));

        for (Classification.DenseLayer l : c.layers()) {
            for (int u = 0; u < l.outputs(); u++) {
                Classification.UnitSum s = c.unitSum(l, u);
                assertEquals(s.engineZ(), s.total(), 1e-4 * (1 + Math.abs(s.total())), l.name() + " unit " + u);
                double parts = s.restSum() + s.bias();
                for (Classification.Term t : s.top()) parts += t.product();
                assertEquals(s.total(), parts, 1e-9);
                assertEquals(Classification.TOP_TERMS, s.top().size());
                assertEquals(l.inputs() - Classification.TOP_TERMS, s.restCount());
                for (int i = 1; i < s.top().size(); i++)
                    assertTrue(Math.abs(s.top().get(i - 1).product()) >= Math.abs(s.top().get(i).product()));
                float expected = l.activation() == Activation.RELU ? Math.max(0, s.engineZ()) : s.engineZ();
                assertEquals(expected, s.activated(), 1e-6);
            }
        }
        Classification.Softmax sm = c.softmax();
        double sum = 0;
        for (int k = 0; k < 10; k++) {
            assertEquals(sm.engine()[k], sm.computed()[k], 1e-6);
            sum += sm.computed()[k];
            assertTrue(sm.exps()[k] <= 1.0 && sm.exps()[k] > 0);
        }
        assertEquals(1, sum, 1e-9);
        assertEquals(label, c.trace().predictedClass(), "the bundled model reads test image 0");
        assertEquals(label, c.strongestUnit(c.layers().getLast()));
        assertEquals(-Math.log(c.trace().probabilities()[label]), c.loss(), 1e-9);
        assertTrue(c.loss() < 0.1, "a confident right answer costs little: " + c.loss());
    }

    @Test
    void unknownLabelAndBadUnit() {
        Network net = Network.create(ModelZoo.lenetClassic(), 4);
        Classification c = new Classification(net, new float[784], -1);
        assertTrue(Double.isNaN(c.loss()));
        assertEquals(Activation.SIGMOID, c.layers().getFirst().activation());
        var e = assertThrows(IllegalArgumentException.class, () -> c.unitSum(c.layers().get(1), 84));
        assertTrue(e.getMessage().contains("0..83"), e.getMessage());
        // softmax regression: one dense layer reading the 784 pixels
        Classification soft = new Classification(Network.create(ModelZoo.softmaxRegression(), 1), new float[784], 3);
        assertEquals(1, soft.layers().size());
        assertEquals(784, soft.layers().getFirst().inputs());
        assertEquals(Math.log(10), soft.loss(), 1e-6, "all-zero input, zero biases: every class 1/10");
    }
}
