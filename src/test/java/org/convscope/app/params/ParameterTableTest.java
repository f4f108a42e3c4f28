package org.convscope.app.params;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.junit.jupiter.api.Test;

class ParameterTableTest {

    @Test
    void lenetFiveAddsUpTo61706() {
        ParameterTable t = ParameterTable.of(ModelZoo.lenetClassic());
        assertEquals(61_706, t.total());
        assertEquals(List.of(156L, 2_416L, 48_120L, 10_164L, 850L), t.parametricRows().stream().map(ParameterTable.Row::count).toList());
        assertEquals(List.of("6 × 1 × 5 × 5 + 6", "16 × 6 × 5 × 5 + 16", "400 × 120 + 120", "120 × 84 + 84", "84 × 10 + 10"),
                t.parametricRows().stream().map(ParameterTable.Row::formula).toList());
        assertEquals("156 + 2,416 + 48,120 + 10,164 + 850 = 61,706", t.sum());
        assertEquals(12, t.rows().size());
        assertEquals("6×28×28", t.rows().get(0).output().toString());
        assertEquals("16×5×5", t.rows().get(5).output().toString());
        assertEquals("400", t.rows().get(6).output().toString());
    }

    @Test
    void layersWithoutParametersShowZero() {
        ParameterTable t = ParameterTable.of(ModelZoo.lenetModern());
        for (var r : t.rows()) {
            if (!(r.layer().kind().equals("conv") || r.layer().kind().equals("dense"))) {
                assertEquals(0, r.count(), r.layer().toString());
                assertEquals("0", r.formula());
            }
        }
        assertEquals(61_706, t.total());
    }

    @Test
    void softmaxRegressionAndMlp() {
        ParameterTable softmax = ParameterTable.of(ModelZoo.softmaxRegression());
        assertEquals(7_850, softmax.total());
        assertEquals("784 × 10 + 10", softmax.parametricRows().getFirst().formula());
        assertEquals("7,850", softmax.sum());
        ParameterTable mlp = ParameterTable.of(ModelZoo.mlp());
        assertEquals(203_530, mlp.total());
        assertEquals("784 × 256 + 256", mlp.parametricRows().get(0).formula());
        assertEquals("200,960 + 2,570 = 203,530", mlp.sum());
    }

    @Test
    void everyRowAgreesWithTheEngineCount() {
        for (ModelSpec m : ModelZoo.all()) {
            ParameterTable t = ParameterTable.of(m);
            assertEquals(m.parameterCount(), t.total(), m.id());
            for (var r : t.rows()) {
                assertEquals(r.layer().parameterCount(r.input()), r.count(), m.id() + " layer " + r.index());
                assertEquals(m.shapes().get(r.index()), r.output());
            }
        }
    }

    @Test
    void viewModelCoversTheWholeZooAndOpensOnLenet() {
        var vm = new ParameterCountViewModel();
        assertEquals(ModelZoo.all().size(), vm.tables().size());
        assertEquals("lenet5-classic", vm.selected().model().id());
        assertEquals(203_530, vm.largestTotal());
        vm.select(0);
        assertEquals(7_850, vm.selected().total());
        assertThrows(IllegalArgumentException.class, () -> vm.select(-1));
    }
}
