package org.convscope.app.network;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.convscope.app.common.ColorMap;
import org.convscope.app.network.NetworkLayout.Column;
import org.convscope.app.network.NetworkLayout.Kind;
import org.convscope.engine.ModelZoo;
import org.junit.jupiter.api.Test;

class NetworkLayoutTest {

    static List<Kind> kinds(List<Column> cols) { return cols.stream().map(Column::kind).toList(); }

    @Test
    void lenetIsDrawnAsTheLessonSaysLeftToRight() {
        var cols = NetworkLayout.of(ModelZoo.lenetModern());
        // input, conv1, ReLU, pool, conv2, ReLU, pool, flatten, dense 120 (+ReLU), dense 84 (+ReLU), scores, softmax
        assertEquals(List.of(Kind.INPUT, Kind.MAPS, Kind.MAPS, Kind.MAPS, Kind.MAPS, Kind.MAPS, Kind.MAPS, Kind.UNITS,
                Kind.UNITS, Kind.UNITS, Kind.SCORES, Kind.PROBABILITIES), kinds(cols));
        assertEquals("6\u00d728\u00d728", cols.get(1).shape().toString());
        assertEquals("6\u00d714\u00d714", cols.get(3).shape().toString());
        assertEquals("16\u00d710\u00d710", cols.get(4).shape().toString());
        assertEquals("16\u00d75\u00d75", cols.get(6).shape().toString());
        assertEquals("400", cols.get(7).shape().toString());
        assertEquals("120", cols.get(8).shape().toString());
        assertEquals("84", cols.get(9).shape().toString());
        assertEquals("10", cols.get(10).shape().toString());
        // pre-activations signed, activations and pooling gray
        assertEquals(ColorMap.SIGNED, cols.get(1).map());
        assertEquals(ColorMap.GRAY, cols.get(2).map());
        assertEquals(ColorMap.GRAY, cols.get(3).map());
        assertEquals(ColorMap.SIGNED, cols.get(4).map());
        assertEquals(ColorMap.SIGNED, cols.get(10).map());
        // the dense columns show the activated values: the layer index is the activation's
        assertEquals(8, cols.get(8).layer());
        assertEquals(11, cols.get(10).layer());
        assertEquals(NetworkLayout.INPUT, cols.get(0).layer());
        assertEquals(NetworkLayout.SOFTMAX, cols.get(11).layer());
    }

    @Test
    void everyColumnIndexesAnExistingLayerWhoseShapeMatches() {
        for (var spec : ModelZoo.all()) {
            var shapes = spec.shapes();
            for (Column c : NetworkLayout.of(spec)) {
                if (c.layer() >= 0) assertEquals(shapes.get(c.layer()), c.shape(), spec.id() + " column " + c.titleKey());
            }
        }
    }

    @Test
    void modelsWithoutConvolutionsHaveNoFeatureMapColumns() {
        assertEquals(List.of(Kind.INPUT, Kind.UNITS, Kind.SCORES, Kind.PROBABILITIES), kinds(NetworkLayout.of(ModelZoo.softmaxRegression())));
        assertEquals(List.of(Kind.INPUT, Kind.UNITS, Kind.UNITS, Kind.SCORES, Kind.PROBABILITIES), kinds(NetworkLayout.of(ModelZoo.mlp())));
    }

    @Test
    void sigmoidLenetUsesAveragePoolingTitlesAndGrayActivations() {
        var cols = NetworkLayout.of(ModelZoo.lenetClassic());
        assertEquals("network.col.avgpool", cols.get(3).titleKey());
        assertEquals("sigmoid", cols.get(2).titleArgs()[0]);
        assertEquals(ColorMap.GRAY, cols.get(2).map());
        var tanh = NetworkLayout.of(ModelZoo.lenet("t", 6, 16, 5, org.convscope.engine.Activation.TANH,
                org.convscope.engine.PoolKind.MAX, 120, 84));
        assertEquals(ColorMap.SIGNED, tanh.get(2).map(), "tanh outputs can be negative");
        assertEquals(ColorMap.SIGNED, tanh.get(3).map());
    }
}
