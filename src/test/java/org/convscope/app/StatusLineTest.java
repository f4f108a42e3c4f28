package org.convscope.app;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    @AfterEach
    void english() { I18n.setLocale(I18n.ENGLISH); }

    @Test
    void aMessagePostedByKeyFollowsTheLanguageSwitch() {
        I18n.setLocale(I18n.ENGLISH);
        StatusLine status = new StatusLine(StatusLine.NEVER);
        status.show(StatusLine.Kind.SUCCESS, "shell.loaded", 140_000, 0.5);
        String english = status.messageProperty().get();
        assertEquals(I18n.get(I18n.ENGLISH, "shell.loaded", 140_000, 0.5), english);
        I18n.setLocale(I18n.CHINESE);
        assertEquals(I18n.get(I18n.CHINESE, "shell.loaded", 140_000, 0.5), status.messageProperty().get());
        assertNotEquals(english, status.messageProperty().get());
        assertEquals(StatusLine.Kind.SUCCESS, status.kindProperty().get());
    }

    @Test
    void aMessagePostedAsTextStaysAsWritten() {
        StatusLine status = new StatusLine(StatusLine.NEVER);
        status.error("/tmp/x.idx: not an IDX file");
        I18n.setLocale(I18n.CHINESE);
        assertEquals("/tmp/x.idx: not an IDX file", status.messageProperty().get());
        assertEquals(StatusLine.Kind.ERROR, status.kindProperty().get());
    }

    /** A timer the test fires by hand. */
    static final class ManualTimer implements StatusLine.Timer {
        final java.util.List<Runnable> pending = new java.util.ArrayList<>();
        final java.util.List<Double> delays = new java.util.ArrayList<>();

        @Override public Runnable after(double seconds, Runnable action) {
            pending.add(action);
            delays.add(seconds);
            return () -> pending.remove(action);
        }

        void fireAll() { for (Runnable r : java.util.List.copyOf(pending)) r.run(); pending.clear(); }
    }

    @Test
    void aMessageGoesAfterItsTimeSoTheBarNeverShowsAStaleOne() {
        var timer = new ManualTimer();
        StatusLine status = new StatusLine(timer);
        status.info("Pooling: window 2x2");
        assertEquals(java.util.List.of(StatusLine.INFO_SECONDS), timer.delays);
        timer.fireAll();
        assertEquals("", status.messageProperty().get(), "an information message times out");

        status.error("Could not read x.png");
        assertEquals(StatusLine.ERROR_SECONDS, timer.delays.get(1), "errors stay longer");
        assertTrue(StatusLine.ERROR_SECONDS > StatusLine.INFO_SECONDS);
        timer.fireAll();
        assertEquals("", status.messageProperty().get());
        assertEquals(StatusLine.Kind.INFO, status.kindProperty().get(), "the error colour goes with the error");
    }

    @Test
    void aNewerMessageIsNotClearedByTheOlderOnesTimeout() {
        var timer = new ManualTimer();
        StatusLine status = new StatusLine(timer);
        status.info("first");
        Runnable firstTimeout = timer.pending.get(0);
        status.success("second");
        assertEquals(1, timer.pending.size(), "the first message's time-out is cancelled");
        firstTimeout.run(); // even if it fired anyway
        assertEquals("second", status.messageProperty().get());
    }
}
