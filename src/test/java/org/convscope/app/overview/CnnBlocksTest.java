package org.convscope.app.overview;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.convscope.engine.ModelZoo;
import org.junit.jupiter.api.Test;

class CnnBlocksTest {

    @Test
    void lenetIsInputTwoConvBlocksFlattenAndDenseLayers() {
        CnnBlocks b = CnnBlocks.of(ModelZoo.lenetClassic());
        assertEquals(List.of(CnnBlocks.BlockKind.INPUT, CnnBlocks.BlockKind.CONV_BLOCK, CnnBlocks.BlockKind.CONV_BLOCK,
                CnnBlocks.BlockKind.FLATTEN, CnnBlocks.BlockKind.DENSE), b.blocks().stream().map(CnnBlocks.Block::kind).toList());
        assertEquals(List.of("conv", "act", "pool"), b.blocks().get(1).parts().stream().map(CnnBlocks.Part::kind).toList());
        assertEquals("6×14×14", b.blocks().get(1).last().output().toString());
        assertEquals("16×5×5", b.blocks().get(2).last().output().toString());
        assertEquals(5, b.blocks().get(4).parts().size()); // dense, act, dense, act, dense
        assertEquals("classifier", b.blocks().get(4).parts().getFirst().view()); // the fully connected layers' own view
        assertEquals("10", b.blocks().get(4).last().output().toString());
        assertEquals(61_706, b.parameters());
        assertEquals(List.of("kernel", "activation", "pooling"), b.blocks().get(1).parts().stream().map(CnnBlocks.Part::view).toList());
        assertEquals("flatten", b.blocks().get(3).parts().getFirst().view());
    }

    @Test
    void softmaxRegressionHasNoConvBlock() {
        CnnBlocks b = CnnBlocks.of(ModelZoo.softmaxRegression());
        assertEquals(List.of(CnnBlocks.BlockKind.INPUT, CnnBlocks.BlockKind.FLATTEN, CnnBlocks.BlockKind.DENSE),
                b.blocks().stream().map(CnnBlocks.Block::kind).toList());
        assertEquals(7_850, b.parameters());
    }
}
