package org.convscope.app.network;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.convscope.app.network.ReceptiveField.Part;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.convscope.engine.Trace;
import org.junit.jupiter.api.Test;

class ReceptiveFieldTest {

    static final int ALL = ReceptiveField.ALL_CHANNELS, INPUT = NetworkLayout.INPUT;

    /** LeNet-5 layers: 0 conv1 (5x5, pad 2), 1 act, 2 pool1, 3 conv2 (5x5, pad 0), 4 act, 5 pool2, 6 flatten, 7.. dense. */
    @Test
    void aConv2UnitOfLeNetSeesFourteenByFourteenInputPixels() {
        // by hand, for conv2 unit (x 5, y 7) of channel 3:
        //   pool1: x 5..9, y 7..11 (its 5x5 kernel, no padding)
        //   conv1 / its activation: x 10..19, y 14..23 (2x2 windows, stride 2)
        //   input: x 8..21, y 12..25 (5x5 kernel, padding 2: 10 - 2 .. 19 - 2 + 4): 14 x 14
        List<Part> f = ReceptiveField.ofMapUnit(ModelZoo.lenetModern(), 3, 3, 5, 7);
        assertEquals(List.of(
                new Part(3, 3, 5, 7, 5, 7),
                new Part(2, ALL, 5, 7, 9, 11),
                new Part(1, ALL, 10, 14, 19, 23),
                new Part(0, ALL, 10, 14, 19, 23),
                new Part(INPUT, ALL, 8, 12, 21, 25)), f);
        assertEquals(14, f.getLast().width());
        assertEquals(14, f.getLast().height());
    }

    @Test
    void theBorderCutsTheFieldWherePaddingWas() {
        // conv2 (0, 0): input x -2..11 becomes 0..11 (the two columns of padding depend on nothing)
        Part in = ReceptiveField.ofMapUnit(ModelZoo.lenetModern(), 3, 0, 0, 0).getLast();
        assertEquals(new Part(INPUT, ALL, 0, 0, 11, 11), in);
        // conv1 (27, 27): input 25..29 becomes 25..27
        assertEquals(new Part(INPUT, ALL, 25, 25, 27, 27), ReceptiveField.ofMapUnit(ModelZoo.lenetModern(), 0, 2, 27, 27).getLast());
    }

    @Test
    void poolingAndActivationStayInTheirChannelUntilTheFirstConvolution() {
        // pool2 unit (x 2, y 1) of channel 9: conv2 x 4..5, y 2..3 in channel 9 only; then every channel
        List<Part> f = ReceptiveField.ofMapUnit(ModelZoo.lenetModern(), 5, 9, 2, 1);
        assertEquals(new Part(4, 9, 4, 2, 5, 3), f.get(1));
        assertEquals(new Part(3, 9, 4, 2, 5, 3), f.get(2));
        assertEquals(new Part(2, ALL, 4, 2, 9, 7), f.get(3));
        // input: conv1 8..19 / 4..15, minus the padding: 6..21 / 2..17 = 16 x 16
        assertEquals(new Part(INPUT, ALL, 6, 2, 21, 17), f.getLast());
        assertEquals(16, f.getLast().width());
    }

    @Test
    void aFlattenedValueIsTheUnitItCameFromAndADenseUnitSeesEverything() {
        ModelSpec lenet = ModelZoo.lenetModern();
        // flatten index (c 9, y 1, x 2) of 16 x 5 x 5 = 9 * 25 + 1 * 5 + 2
        assertEquals(ReceptiveField.ofMapUnit(lenet, 5, 9, 2, 1), ReceptiveField.ofVectorUnit(lenet, 6, 9 * 25 + 5 + 2));
        List<Part> dense = ReceptiveField.ofVectorUnit(lenet, 8, 17);
        assertEquals(7, dense.size(), "six feature-map layers and the input");
        assertEquals(new Part(INPUT, ALL, 0, 0, 27, 27), dense.getLast());
        assertEquals(new Part(2, ALL, 0, 0, 13, 13), dense.get(3));
        // the MLP flattens the input itself: a flattened value is one pixel
        assertEquals(List.of(new Part(INPUT, 0, 12, 3, 12, 3)), ReceptiveField.ofVectorUnit(ModelZoo.mlp(), 0, 3 * 28 + 12));
    }

    @Test
    void badUnitsAreRefusedWithTheirShape() {
        var e = assertThrows(IllegalArgumentException.class, () -> ReceptiveField.ofMapUnit(ModelZoo.lenetModern(), 3, 0, 10, 0));
        assertTrue(e.getMessage().contains("16\u00d710\u00d710"), e.getMessage());
    }

    /**
     * The arithmetic against the engine: with sigmoid and average pooling (every input of a window matters), changing
     * one input pixel changes the unit exactly when the pixel is inside the computed field.
     */
    @Test
    void exactlyThePixelsInsideTheFieldChangeTheUnit() {
        Network net = Network.create(ModelZoo.lenetClassic(), 3);
        float[] img = new float[784];
        var rnd = new java.util.Random(5);
        for (int i = 0; i < img.length; i++) img[i] = rnd.nextFloat();
        Trace base = net.trace(img);
        int[][] units = {{3, 3, 5, 7}, {3, 0, 0, 0}, {5, 9, 2, 1}, {0, 2, 27, 27}, {2, 1, 6, 13}};
        for (int[] u : units) {
            Part field = ReceptiveField.ofMapUnit(net.spec(), u[0], u[1], u[2], u[3]).getLast();
            float before = base.layers().get(u[0]).at(u[1], u[3], u[2]);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float[] moved = img.clone();
                    moved[y * 28 + x] += 0.5f;
                    float after = net.trace(moved).layers().get(u[0]).at(u[1], u[3], u[2]);
                    assertEquals(field.contains(0, x, y), after != before,
                            "unit " + java.util.Arrays.toString(u) + ", pixel x " + x + ", y " + y + ", field " + field);
                }
            }
        }
    }
}
