package org.convscope.engine;

import org.convscope.data.BundledDatasets;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pretrained models in assets/models/ (packaged under /convscope-assets/models/) load from the module's resources,
 * are LeNet-5 modern, and really recognise test images (a damaged or untrained file would not).
 */
class BundledModelsTest {

    private static void check(String file, DatasetKind kind, double recordedAtLeast, double measuredAtLeast) throws Exception {
        ModelFile.Contents c = ModelFile.loadBundled(file);
        assertEquals(ModelZoo.lenetModern(), c.spec());
        assertEquals(kind.id(), c.info().get(ModelFile.DATASET));
        assertTrue(Double.parseDouble(c.info().get(ModelFile.TEST_ACCURACY)) >= recordedAtLeast, c.info().toString());
        String command = c.info().get(ModelFile.COMMAND);
        assertTrue(command.startsWith("convscope train ") && command.contains("--dataset " + kind.id()), command);

        Dataset test = BundledDatasets.get(kind, Split.TEST, LoadProgress.NONE);
        int n = 2000;
        try (Trainer t = new Trainer(c.network(), new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, 256, 1, 2, 0))) {
            double acc = t.evaluate(test.images(), test.labels(), 0, n).accuracy();
            assertTrue(acc >= measuredAtLeast, file + " recognises " + acc + " of the first " + n + " test images");
        }
    }

    @Test
    void lenetMnist() throws Exception { check("lenet5-mnist.safetensors", DatasetKind.MNIST, 0.99, 0.98); }

    @Test
    void lenetFashionMnist() throws Exception { check("lenet5-fashion-mnist.safetensors", DatasetKind.FASHION_MNIST, 0.90, 0.88); }
}
