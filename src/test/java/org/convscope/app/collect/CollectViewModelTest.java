package org.convscope.app.collect;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without a window: executors run at once. */
class CollectViewModelTest {
    @TempDir Path dir;

    CollectViewModel model() {
        var m = new CollectViewModel(new SetStore(dir), Runnable::run, Runnable::run);
        m.load();
        return m;
    }

    void draw(CollectViewModel m, float x) {
        m.penDown(x, 80);
        m.penMove(x, 200);
        m.penMove(x + 10, 370);
        m.penUp();
    }

    @Test
    void enterAddsThePadToTheSelectedClassClearsItAndSaves() throws Exception {
        var m = model();
        assertFalse(m.add(), "an empty pad adds nothing");
        assertEquals("collect.msg.blank", m.messageProperty().get().key());
        m.selectedClassProperty().set(4);
        draw(m, 200);
        assertFalse(m.padBlankProperty().get());
        assertTrue(m.previewProperty().get().max() > 0.9f, "the preview shows the preprocessed drawing");
        assertTrue(m.add());
        assertTrue(m.padBlankProperty().get());
        assertEquals(1, m.set().counts()[4]);
        Sample s = m.set().samples().getFirst();
        assertEquals(1, s.strokes().size());
        assertEquals(3, s.strokes().getFirst().points());
        // saved as it goes: a new model on the same folder has it
        var again = model();
        assertEquals(1, again.set().counts()[4]);
        assertArrayEquals(s.pixels(), again.set().samples().getFirst().pixels());
        assertEquals("collect.msg.restored", again.messageProperty().get().key());
    }

    @Test
    void deleteRelabelAndUndoAreSavedToo() {
        var m = model();
        draw(m, 200);
        m.add();
        draw(m, 260);
        m.add();
        long first = m.set().samples().getFirst().id();
        assertFalse(m.deleteSelected());
        m.selectedProperty().set(first);
        assertTrue(m.relabelSelected(9));
        assertEquals(1, model().set().counts()[9]);
        m.selectedProperty().set(first);
        assertTrue(m.deleteSelected());
        assertEquals(0, m.selectedProperty().get());
        assertEquals(1, model().set().size());
        m.undo();
        assertEquals(2, model().set().size());
    }

    /** Issue 12: a failed background save is logged with its stack trace, not only shown (it was not logged before). */
    @Test
    void aFailedSaveIsShownAndLogged() throws Exception {
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("file-" + java.util.UUID.randomUUID()), "x");
        var io = new java.util.ArrayList<Runnable>();
        var m = new CollectViewModel(new SetStore(notAFolder), io::add, Runnable::run);
        m.load();
        io.removeFirst().run();
        draw(m, 200);
        assertTrue(m.add());
        assertEquals(1, io.size(), "the save waits for the background");
        io.removeFirst().run();
        assertEquals("collect.msg.saveFailed", m.messageProperty().get().key());
        var log = org.convscope.app.ErrorLog.file();
        String text = java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log) : "";
        assertTrue(text.contains("Saving the handwriting set failed"), "logged");
        assertTrue(text.contains(notAFolder.getFileName().toString()), "with the exception naming the file");
    }
}
