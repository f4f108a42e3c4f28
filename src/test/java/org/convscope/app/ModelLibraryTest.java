package org.convscope.app;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelZoo;
import org.junit.jupiter.api.Test;

class ModelLibraryTest {

    @Test
    void describesEveryZooModelInTheCurrentLanguageAndOtherModelsFromTheirLayers() {
        try {
            I18n.setLocale(I18n.ENGLISH);
            assertEquals("LeNet-5 (ReLU, max pooling)", ModelLibrary.describe(ModelZoo.lenetModern()));
            assertEquals("LeNet-5 (sigmoid, average pooling)", ModelLibrary.describe(ModelZoo.lenetClassic()));
            assertEquals("MLP 784-256-10", ModelLibrary.describe(ModelZoo.mlp()));
            assertEquals("Softmax regression", ModelLibrary.describe(ModelZoo.softmaxRegression()));
            var wider = ModelZoo.lenet("custom", 8, 16, 5, org.convscope.engine.Activation.RELU, org.convscope.engine.PoolKind.MAX, 120, 84);
            assertEquals("LeNet-5 (ReLU, max pooling)", ModelLibrary.describe(wider), "not the zoo's, named from its layers");
            I18n.setLocale(I18n.CHINESE);
            assertEquals("LeNet-5（ReLU，最大池化）", ModelLibrary.describe(ModelZoo.lenetModern()));
            assertEquals("多层感知机 784-256-10", ModelLibrary.describe(ModelZoo.mlp()));
        } finally {
            I18n.setLocale(I18n.ENGLISH);
        }
    }

    @Test
    void testAccuracyIsReadAsAFractionOrPercent() {
        assertEquals(0.991, ModelLibrary.testAccuracy(Map.of(ModelFile.TEST_ACCURACY, "0.991")), 1e-9);
        assertEquals(0.912, ModelLibrary.testAccuracy(Map.of(ModelFile.TEST_ACCURACY, "91.2")), 1e-9);
        assertTrue(Double.isNaN(ModelLibrary.testAccuracy(Map.of())));
        assertTrue(Double.isNaN(ModelLibrary.testAccuracy(Map.of(ModelFile.TEST_ACCURACY, "high"))));
        assertTrue(Double.isNaN(ModelLibrary.testAccuracy(Map.of(ModelFile.TEST_ACCURACY, "-3"))));
    }

    @Test
    void bundledModelsLoadWithTheirAccuracyAndAFileForTheWrongDatasetIsRefused() throws Exception {
        var spec = ModelZoo.lenetModern();
        var weights = org.convscope.engine.Network.create(spec, 3).weights();
        try (var services = new Services()) {
            var ctx = new AppContext(services);
            List<String> problems = new ArrayList<>();
            ModelLibrary.loadBundled(ctx, Runnable::run, Runnable::run, name -> new ModelFile.Contents(spec, weights,
                    Map.of(ModelFile.DATASET, "mnist", ModelFile.TEST_ACCURACY, "0.9924")), problems::add).get();
            var mnist = ctx.models().get(AppContext.MNIST);
            assertEquals(0.9924, mnist.testAccuracy(), 1e-9);
            assertEquals("LeNet-5 (ReLU, max pooling)", mnist.description());
            assertEquals(10, mnist.network().predict(new float[784]).length);
            assertNull(ctx.models().get(AppContext.FASHION_MNIST), "an MNIST file is not used for Fashion-MNIST");
            assertEquals(1, problems.size());
            assertTrue(problems.getFirst().contains("lenet5-fashion-mnist.safetensors"), problems.getFirst());
        }
    }

    @Test
    void aModelAlreadyChosenIsNotReplacedByTheBundledOne() throws Exception {
        var spec = ModelZoo.lenetModern();
        var weights = org.convscope.engine.Network.create(spec, 3).weights();
        try (var services = new Services()) {
            var ctx = new AppContext(services);
            var mine = new AppContext.ActiveModel(org.convscope.engine.Network.create(ModelZoo.mlp(), 1), AppContext.MNIST, "mine", 0.5);
            ctx.models().put(AppContext.MNIST, mine);
            ModelLibrary.loadBundled(ctx, Runnable::run, Runnable::run, name -> new ModelFile.Contents(spec, weights,
                    Map.of(ModelFile.TEST_ACCURACY, "0.9")), p -> { }).get();
            assertSame(mine, ctx.models().get(AppContext.MNIST));
            assertEquals(0.9, ctx.models().get(AppContext.FASHION_MNIST).testAccuracy(), 1e-9);
        }
    }

    @Test
    void aMissingFileIsReportedAndLeavesNoModel() throws Exception {
        try (var services = new Services()) {
            var ctx = new AppContext(services);
            List<String> problems = new ArrayList<>();
            ModelLibrary.loadBundled(ctx, Runnable::run, Runnable::run, name -> {
                throw new ModelFile.ModelFileException(name, "no such bundled resource");
            }, problems::add).get();
            assertTrue(ctx.models().isEmpty());
            assertEquals(2, problems.size());
            assertTrue(problems.getFirst().contains("lenet5-mnist.safetensors"), problems.getFirst());
        }
    }
}
