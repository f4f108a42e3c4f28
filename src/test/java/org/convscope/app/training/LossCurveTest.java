package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LossCurveTest {

    @Test
    void keepsEveryPointWhileUnderBudget() {
        LossCurve c = new LossCurve(8, 1.0);
        for (int i = 0; i < 8; i++) c.add(i, 10 - i);
        assertEquals(8, c.size());
        assertEquals(1, c.stride());
        for (int i = 0; i < 8; i++) {
            assertEquals(i, c.x(i));
            assertEquals(10 - i, c.mean(i));
            assertEquals(10 - i, c.smoothed(i), "alpha 1 means no smoothing");
        }
    }

    @Test
    void neverExceedsTheBudgetAndCoversTheWholeRun() {
        LossCurve c = new LossCurve(600, 0.05);
        int n = 1_000_003;
        for (int i = 0; i < n; i++) c.add((i + 1) / 235.0, 2.3);
        assertTrue(c.size() <= 601, "points drawn: " + c.size());
        assertTrue(c.size() >= 300, "still detailed: " + c.size());
        assertEquals(n, c.total());
        assertEquals(n / 235.0, c.x(c.size() - 1), 1e-9, "the last point is the latest batch");
        assertTrue(c.x(0) <= 2 * c.stride() / 235.0, "the first point stays at the start");
        for (int i = 1; i < c.size(); i++) assertTrue(c.x(i) > c.x(i - 1), "x increases at " + i);
        for (int i = 0; i < c.size(); i++) assertEquals(2.3, c.mean(i), 1e-9);
    }

    @Test
    void bucketMeansAreExactMeansOfTheirBatches() {
        LossCurve c = new LossCurve(4, 1.0);
        for (int i = 1; i <= 16; i++) c.add(i, i);   // 16 points into 4 buckets of 4
        assertEquals(4, c.size());
        assertEquals(4, c.stride());
        assertArrayEquals(new double[]{2.5, 6.5, 10.5, 14.5}, new double[]{c.mean(0), c.mean(1), c.mean(2), c.mean(3)}, 1e-12);
        assertArrayEquals(new double[]{4, 8, 12, 16}, new double[]{c.x(0), c.x(1), c.x(2), c.x(3)}, 1e-12);
        c.add(17, 17);                                // an open, partial bucket is drawn too
        assertEquals(5, c.size());
        assertEquals(17, c.mean(4));
        assertEquals(17, c.maxMean());
    }

    @Test
    void weightedMeanOfAllPointsIsPreservedOnARamp() {
        LossCurve c = new LossCurve(16, 0.1);
        int n = 4096;
        double sum = 0;
        for (int i = 0; i < n; i++) { c.add(i, i); sum += i; }
        double drawn = 0;
        for (int i = 0; i < c.size(); i++) drawn += c.mean(i) * c.stride();
        assertEquals(sum, drawn, 1e-6);
        for (int i = 1; i < c.size(); i++) assertTrue(c.mean(i) > c.mean(i - 1), "a rising loss stays rising");
    }

    @Test
    void smoothingFollowsAStepSlowly() {
        LossCurve c = new LossCurve(100, 0.1);
        for (int i = 0; i < 10; i++) c.add(i, 2.0);
        c.add(10, 0.0);
        assertEquals(1.8, c.smoothed(10), 1e-12);       // 0.1 * 0 + 0.9 * 2
        assertEquals(0.0, c.mean(10));
        for (int i = 11; i < 60; i++) c.add(i, 0.0);
        assertTrue(c.latestSmoothed() < 0.02, "converges: " + c.latestSmoothed());
    }

    @Test
    void clearStartsOver() {
        LossCurve c = new LossCurve(4, 0.5);
        for (int i = 0; i < 100; i++) c.add(i, 1);
        c.clear();
        assertEquals(0, c.size());
        assertEquals(1, c.stride());
        assertTrue(Double.isNaN(c.maxMean()));
        c.add(0, 3);
        assertEquals(3, c.smoothed(0));
    }

    @Test
    void rejectsAnOddOrTinyBudget() {
        assertThrows(IllegalArgumentException.class, () -> new LossCurve(5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new LossCurve(2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new LossCurve(8, 0));
    }
}
