package org.convscope.app.collect;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;

class HandwritingTrainingTest {

    static SetData shapes() {
        var set = new CollectedSet();
        try {
            set.setClassNames(List.of("a", "b", "c"));
        } catch (SetProblem e) {
            throw new AssertionError(e);
        }
        for (int c = 0; c < 3; c++) set.addAll(Digits.samples(c, 10, "t"), false);
        return set.data();
    }

    @Test
    void fromScratchTheTrainingPartIsLearntAndEveryEpochIsReported() {
        SetData d = shapes();
        assertNull(HandwritingTraining.problem(d));
        assertEquals(24, d.part(false).size());
        assertEquals(6, d.part(true).size());
        List<HandwritingTraining.Point> points = new ArrayList<>();
        var last = HandwritingTraining.train(Network.create(ModelZoo.lenetModern(), 7), d, 25, 7, 1, points::add, () -> false);
        assertEquals(26, points.size());
        assertEquals(0, points.getFirst().epoch());
        assertEquals(25, last.epoch());
        assertTrue(last.train() >= 0.95, "the 24 training drawings are learnt: " + last.train());
        assertTrue(last.loss() < points.get(1).loss(), "the loss falls");
    }

    @Test
    void fromTheMnistModelTheAppsModelIsNotChangedAndCancelStops() throws Exception {
        Network mnist = ModelFile.loadBundled("lenet5-mnist.safetensors").network();
        float[] before = mnist.parameters();
        SetData d = shapes();
        double baseline = HandwritingTraining.accuracy(mnist, d.part(true));
        assertTrue(baseline >= 0 && baseline <= 1);
        List<HandwritingTraining.Point> points = new ArrayList<>();
        HandwritingTraining.train(mnist.copy(), d, 50, 1, 1, points::add, () -> points.size() >= 4);
        assertEquals(4, points.size(), "cancelled after three epochs");
        assertArrayEquals(before, mnist.parameters());
        var tooFew = new CollectedSet();
        tooFew.add(1, Digits.pixels(Digits.bar(200)), List.of(), "x");
        assertEquals("collect.train.tooFew", HandwritingTraining.problem(tooFew.data()).key());
    }
}
