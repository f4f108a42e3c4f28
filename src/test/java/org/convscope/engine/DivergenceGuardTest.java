package org.convscope.engine;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class DivergenceGuardTest {

    @Test
    void nanAndInfinityDivergeAtOnce() {
        assertTrue(new DivergenceGuard().diverged(Float.NaN));
        assertTrue(new DivergenceGuard().diverged(Float.POSITIVE_INFINITY));
        assertTrue(new DivergenceGuard().diverged(1000f), "beyond the absolute bound");
    }

    @Test
    void aLossTenTimesTheMedianAndWorseThanChanceDiverges() {
        DivergenceGuard g = new DivergenceGuard();
        for (int i = 0; i < 20; i++) assertFalse(g.diverged(2.3f - i * 0.05f));
        assertEquals(1.825f, g.median(), 1e-4);
        assertTrue(g.diverged(25f));
        assertFalse(g.diverged(3f), "a bad batch is not divergence");
    }

    @Test
    void aWellTrainedRunDoesNotDivergeOnOneHardBatch() {
        DivergenceGuard g = new DivergenceGuard();
        for (int i = 0; i < 50; i++) assertFalse(g.diverged(0.02f));
        assertFalse(g.diverged(0.9f), "45x the median but better than chance");
        assertTrue(g.diverged(5f));
    }

    @Test
    void theSecondBatchOfAnExplodingRunIsCaught() {
        DivergenceGuard g = new DivergenceGuard();
        assertFalse(g.diverged(2.30f));
        assertTrue(g.diverged(57f));
    }

    @Test
    void divergedLossesDoNotEnterTheMedian() {
        DivergenceGuard g = new DivergenceGuard();
        g.diverged(1f);
        g.diverged(Float.NaN);
        g.diverged(50f);
        assertEquals(1f, g.median());
        g.reset();
        assertTrue(Float.isNaN(g.median()));
    }
}
