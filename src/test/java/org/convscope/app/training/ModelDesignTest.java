package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import org.convscope.app.I18n;
import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.Activation;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.PoolKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelDesignTest {

    @AfterEach
    void english() { I18n.setLocale(I18n.ENGLISH); }

    @Test
    void textbookDesignsAreTheZooModels() {
        assertEquals(ModelZoo.softmaxRegression().layers(), ModelDesign.of(Family.SOFTMAX).build().spec().layers());
        assertEquals(ModelZoo.mlp().layers(), ModelDesign.of(Family.MLP).build().spec().layers());
        assertEquals(ModelZoo.lenetClassic().layers(), ModelDesign.of(Family.LENET_CLASSIC).build().spec().layers());
        assertEquals(ModelZoo.lenetModern().layers(), ModelDesign.of(Family.LENET_MODERN).build().spec().layers());
        assertEquals(7_850, ModelDesign.of(Family.SOFTMAX).build().spec().parameterCount());
        assertEquals(203_530, ModelDesign.of(Family.MLP).build().spec().parameterCount());
        assertEquals(61_706, ModelDesign.of(Family.LENET_CLASSIC).build().spec().parameterCount());
        assertEquals("lenet5-classic", ModelDesign.of(Family.LENET_CLASSIC).id());
    }

    @Test
    void editedLenetCountsItsParameters() {
        ModelDesign d = new ModelDesign(Family.LENET_MODERN, 8, 16, 3, Activation.RELU, PoolKind.MAX, 120, 84, 256);
        var r = d.build();
        assertTrue(r.ok(), r.problem());
        // conv1 8*1*3*3+8 = 80; 28 -> pool 14; conv2 16*8*9+16 = 1168; 12 -> pool 6; 16*6*6 = 576
        // dense 576*120+120 = 69240; 120*84+84 = 10164; 84*10+10 = 850
        assertEquals(80 + 1168 + 69240 + 10164 + 850, r.spec().parameterCount());
        assertEquals("lenet5-custom", d.id());
    }

    @Test
    void kernelLargerThanItsInputIsAMessageNotAnException() {
        // conv1 keeps 28x28 (padding 7), pooling makes 14x14, and conv2's 15x15 kernel does not fit.
        ModelDesign d = new ModelDesign(Family.LENET_CLASSIC, 6, 16, 15, Activation.SIGMOID, PoolKind.AVERAGE, 120, 84, 256);
        var r = d.build();
        assertFalse(r.ok());
        assertEquals("The 15×15 kernel of conv2 is larger than its input (14×14, padding included). Choose a smaller kernel.", r.problem());
        I18n.setLocale(I18n.CHINESE);
        assertTrue(d.build().problem().contains("conv2 的 15×15 卷积核"), d.build().problem());
    }

    @Test
    void poolingThatNoLongerFitsIsNamed() {
        // kernel 14: conv2 output 1x1, then 2x2 pooling does not fit.
        var r = new ModelDesign(Family.LENET_MODERN, 6, 16, 14, Activation.RELU, PoolKind.MAX, 120, 84, 256).build();
        assertFalse(r.ok());
        assertTrue(r.problem().startsWith("The 2×2 pooling window after conv2 is larger than its input (1×1)"), r.problem());
    }

    @Test
    void outOfRangeNumbersSayWhichField() {
        assertEquals("conv1 channels must be between 1 and 128.",
                new ModelDesign(Family.LENET_MODERN, 0, 16, 5, Activation.RELU, PoolKind.MAX, 120, 84, 256).build().problem());
        assertEquals("Hidden units must be between 1 and 4,096.",
                new ModelDesign(Family.MLP, 6, 16, 5, Activation.RELU, PoolKind.MAX, 120, 84, 100_000).build().problem());
        assertEquals("The kernel size must be between 1 and 28.",
                new ModelDesign(Family.LENET_MODERN, 6, 16, 0, Activation.RELU, PoolKind.MAX, 120, 84, 256).build().problem());
        assertTrue(new ModelDesign(Family.SOFTMAX, 0, 0, 0, Activation.RELU, PoolKind.MAX, 0, 0, 0).build().ok(),
                "softmax regression ignores the fields it does not have");
    }

    @Test
    void aSpecIsReadBackIntoItsDesign() {
        for (Family f : Family.values()) {
            ModelDesign d = ModelDesign.of(f);
            assertEquals(d.build().spec().layers(), ModelDesign.from(d.build().spec()).build().spec().layers(), f.name());
            assertEquals(f, ModelDesign.from(d.build().spec()).family());
        }
        ModelDesign edited = new ModelDesign(Family.LENET_MODERN, 4, 12, 3, Activation.TANH, PoolKind.MAX, 64, 32, 256);
        assertEquals(edited, ModelDesign.from(edited.build().spec()));
        ModelDesign mlp = new ModelDesign(Family.MLP, 6, 16, 5, Activation.SIGMOID, PoolKind.MAX, 120, 84, 64);
        assertEquals(64, ModelDesign.from(mlp.build().spec()).hidden());
        assertEquals(Activation.SIGMOID, ModelDesign.from(mlp.build().spec()).activation());
    }
}
