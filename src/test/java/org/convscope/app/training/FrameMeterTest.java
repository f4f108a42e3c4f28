package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class FrameMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void steadySixtyHertz() {
        FrameMeter m = new FrameMeter();
        long t = 0;
        for (int i = 0; i < 180; i++) { m.frame(t); t += 16_667_000L; }
        assertEquals(60, m.fps(), 0.5);
        assertEquals(16.7, m.worstGapMillis(), 0.1);
        assertEquals(60, m.meanFps(), 0.5);
        assertTrue(m.summary().contains("0.0% slower than 20 ms"), m.summary());
    }

    @Test
    void aStallShowsAsTheWorstGapAndLowerFps() {
        FrameMeter m = new FrameMeter();
        long t = 0;
        for (int i = 0; i < 60; i++) { m.frame(t); t += 16 * MS; }
        t += 200 * MS;                       // one 216 ms frame
        for (int i = 0; i < 30; i++) { m.frame(t); t += 16 * MS; }
        assertEquals(216, m.worstGapMillis(), 0.5);
        assertTrue(m.fps() < 55, "fps " + m.fps());
    }

    @Test
    void noFramesNoNumbers() {
        FrameMeter m = new FrameMeter();
        assertEquals(0, m.fps());
        m.frame(5);
        assertEquals(0, m.worstGapMillis());
    }
}
