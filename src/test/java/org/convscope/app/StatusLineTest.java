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
        StatusLine status = new StatusLine();
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
        StatusLine status = new StatusLine();
        status.error("/tmp/x.idx: not an IDX file");
        I18n.setLocale(I18n.CHINESE);
        assertEquals("/tmp/x.idx: not an IDX file", status.messageProperty().get());
        assertEquals(StatusLine.Kind.ERROR, status.kindProperty().get());
    }
}
