package org.convscope.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ArchitectureJsonTest {

    @Test
    void everyZooModelSurvivesTheRoundTrip() {
        for (ModelSpec spec : ModelZoo.all()) assertEquals(spec, ArchitectureJson.read(ArchitectureJson.write(spec)));
        ModelSpec odd = new ModelSpec("odd", new Shape(3, 32, 32), List.of(new LayerSpec.Conv(8, 3, 1, 2), new LayerSpec.Act(Activation.TANH),
                new LayerSpec.Pool(PoolKind.AVERAGE, 3, 1), new LayerSpec.Flatten(), new LayerSpec.Dense(5)));
        assertEquals(odd, ArchitectureJson.read(ArchitectureJson.write(odd)));
    }

    @Test
    void lenetIsWrittenWithPyTorchArgumentNames() {
        String json = ArchitectureJson.write(ModelZoo.lenetClassic());
        assertTrue(json.startsWith("{\"id\":\"lenet5-classic\",\"input\":[1,28,28],\"layers\":[{\"type\":\"conv\",\"out_channels\":6,"
                + "\"kernel\":5,\"padding\":2,\"stride\":1},{\"type\":\"act\",\"activation\":\"sigmoid\"},{\"type\":\"pool\",\"pool\":\"average\","
                + "\"window\":2,\"stride\":2}"), json);
        assertTrue(json.contains("{\"type\":\"flatten\"},{\"type\":\"dense\",\"out_features\":120}"), json);
    }

    private static String problem(String json) {
        return assertThrows(IllegalArgumentException.class, () -> ArchitectureJson.read(json)).getMessage();
    }

    @Test
    void saysWhatIsWrongAndWhere() {
        assertTrue(problem("{nope").contains("not valid JSON"));
        assertTrue(problem("{\"input\":[1,2,2],\"layers\":[]}").contains("\"id\""));
        assertTrue(problem("{\"id\":\"m\",\"input\":[1,2],\"layers\":[]}").contains("[channels, height, width]"));
        assertTrue(problem("{\"id\":\"m\",\"input\":[1,2,2]}").contains("no \"layers\""));
        assertTrue(problem("{\"id\":\"m\",\"input\":[1,2,2],\"layers\":[{\"type\":\"flatten\"},{\"type\":\"lstm\"}]}")
                .contains("layer 1 has unknown type \"lstm\""));
        assertTrue(problem("{\"id\":\"m\",\"input\":[1,2,2],\"layers\":[{\"type\":\"flatten\"},{\"type\":\"dense\"}]}")
                .contains("layer 1 needs a whole-number field \"out_features\""));
        assertTrue(problem("{\"id\":\"m\",\"input\":[1,2,2],\"layers\":[{\"type\":\"flatten\"},{\"type\":\"dense\",\"out_features\":2.5}]}")
                .contains("whole number"));
        assertTrue(problem("{\"id\":\"m\",\"input\":[1,2,2],\"layers\":[{\"type\":\"act\",\"activation\":\"gelu\"},{\"type\":\"flatten\"}]}")
                .contains("layer 0 has unknown activation \"gelu\""));
        assertTrue(problem("{\"id\":\"m\",\"input\":[1,2,2],\"layers\":[{\"type\":\"conv\",\"out_channels\":0,\"kernel\":3,\"padding\":0,\"stride\":1}]}")
                .startsWith("layer 0: a convolution needs at least one output channel"));
        assertTrue(problem("{\"id\":\"m\",\"input\":[1,2,2],\"layers\":[{\"type\":\"conv\",\"out_channels\":2,\"kernel\":5,\"padding\":0,\"stride\":1}]}")
                .contains("impossible: kernel 5"));
    }
}
