package org.convscope.app.collect;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;

class HandwritingEvalTest {

    @Test
    void theBundledMnistModelOnDrawnDigitsAndOneMislabelled() throws Exception {
        Network net = ModelFile.loadBundled("lenet5-mnist.safetensors").network();
        var set = new CollectedSet();
        for (int d : new int[] {0, 1, 4, 7}) set.add(d, Digits.pixels(Digits.digit(d)), Digits.digit(d), "drawn");
        Sample wrong = set.add(7, Digits.pixels(Digits.digit(1)), Digits.digit(1), "drawn"); // a "1" filed as 7
        assertNull(HandwritingEval.mismatch(net, set.classNames()));
        var r = HandwritingEval.evaluate(net, set.samples(), 10);
        assertEquals(5, r.total());
        for (HandwritingEval.Answer a : r.answers().subList(0, 4))
            assertEquals(a.sample().label(), a.predicted(), "the model reads a clearly drawn " + a.sample().label());
        assertEquals(0.8, r.accuracy(), 1e-9);
        assertEquals(1, r.matrix().count(7, 1));
        assertEquals(List.of(wrong.id()), r.worst().stream().map(a -> a.sample().id()).toList());
        assertTrue(r.worst().getFirst().trueProbability() < 0.5f);
    }

    @Test
    void aTenOutputModelReadsASetOfThreeClassesWithAMatrixOfItsOutputs() {
        Network net = Network.create(ModelZoo.byId("softmax-regression"), 1);
        assertNull(HandwritingEval.mismatch(net, List.of("a", "b", "c")));
        var r = HandwritingEval.evaluate(net, Digits.samples(2, 4, "t"), net.spec().classes());
        assertEquals(10, r.matrix().classes());
        assertEquals(4, r.matrix().rowTotal(2));
        assertEquals(r.answers().stream().filter(HandwritingEval.Answer::right).count(), r.matrix().correct());
    }
}
