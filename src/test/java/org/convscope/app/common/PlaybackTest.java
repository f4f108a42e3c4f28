package org.convscope.app.common;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The sweep cursor and the one speed property, without a toolkit. */
class PlaybackTest {

    private static Playback sweep(int positions, int terms) {
        Playback p = new Playback();
        p.reset(positions, terms);
        return p;
    }

    @Test
    void stepsThroughPositionsAndTermsAndBack() {
        Playback p = sweep(4, 3);
        assertTrue(p.cursor().atStart());
        assertEquals(0, p.cursor().filled());

        assertTrue(p.stepTerm());                                 // first multiply-add of position 0
        assertEquals(new Playback.Cursor(4, 3, 0, 1), p.cursor());
        assertTrue(p.stepPosition());                             // finishes position 0
        assertEquals(new Playback.Cursor(4, 3, 0, 3), p.cursor());
        assertEquals(1, p.cursor().filled());
        assertTrue(p.stepTerm());                                 // window moves on and does its first term
        assertEquals(new Playback.Cursor(4, 3, 1, 1), p.cursor());
        assertTrue(p.backTerm());
        assertEquals(new Playback.Cursor(4, 3, 1, 0), p.cursor());
        assertTrue(p.backTerm());                                 // back to the previous, complete position
        assertEquals(new Playback.Cursor(4, 3, 0, 3), p.cursor());
        assertTrue(p.backPosition());
        assertTrue(p.cursor().atStart());
        assertFalse(p.backPosition());
        assertFalse(p.backTerm());

        p.toEnd();
        assertTrue(p.cursor().atEnd());
        assertEquals(4, p.cursor().filled());
        assertFalse(p.stepPosition());
        assertFalse(p.stepTerm());
    }

    @Test
    void seekAndJumpSetCompleteOutputs() {
        Playback p = sweep(10, 25);
        p.seek(7);
        assertEquals(new Playback.Cursor(10, 25, 6, 25), p.cursor());
        p.seek(0);
        assertTrue(p.cursor().atStart());
        p.seek(99);
        assertTrue(p.cursor().atEnd());
        p.jumpTo(3);
        assertEquals(new Playback.Cursor(10, 25, 3, 25), p.cursor());
        assertEquals(4, p.cursor().filled());
    }

    @Test
    void speedZeroMakesPlayFinishAtOnce() {
        Playback p = sweep(784, 25);
        p.stepSecondsProperty().set(0);
        p.play();
        assertTrue(p.cursor().atEnd());
        assertFalse(p.isPlaying());
        p.play(); // from the end: starts over and finishes again
        assertTrue(p.cursor().atEnd());
    }

    @Test
    void tickAdvancesByTheElapsedTime() {
        Playback p = sweep(100, 25);
        p.stepSecondsProperty().set(0.1); // 4 ms per term: too fast to watch, so whole positions
        assertFalse(p.playsTerms());
        p.play();
        assertTrue(p.isPlaying());
        assertEquals(3, p.tick(0.35));
        assertEquals(3, p.cursor().filled());
        assertEquals(1, p.tick(0.06));  // 0.05 left over + 0.06 = 0.11: one more position
        assertEquals(4, p.cursor().filled());
        p.tick(1000);
        assertTrue(p.cursor().atEnd());
        assertFalse(p.isPlaying(), "stops at the end");
    }

    @Test
    void slowPlayShowsEachMultiplyAdd() {
        Playback p = sweep(10, 4);
        p.stepSecondsProperty().set(2.0); // 0.5 s per term
        assertTrue(p.playsTerms());
        p.play();
        p.tick(1.2);
        assertEquals(new Playback.Cursor(10, 4, 0, 2), p.cursor());
        p.tick(1.6);                      // 0.2 + 1.6 = 1.8 s: three more terms, the third on the next position
        assertEquals(new Playback.Cursor(10, 4, 1, 1), p.cursor());
        p.pause();
        assertEquals(0, p.tick(10));
    }

    @Test
    void resizeKeepsCompleteOutputs() {
        Playback p = sweep(784, 25);
        p.seek(100);
        p.resize(784, 9);
        assertEquals(100, p.cursor().filled());
        p.resize(50, 9);
        assertTrue(p.cursor().atEnd());
        assertThrows(IllegalArgumentException.class, () -> p.reset(0, 1));
    }
}
