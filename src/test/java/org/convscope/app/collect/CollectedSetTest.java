package org.convscope.app.collect;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.convscope.app.draw.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectedSetTest {
    @TempDir Path dir;

    @Test
    void addDeleteRelabelAndUndoEachStep() {
        var set = new CollectedSet();
        var changes = new AtomicInteger();
        set.addListener(changes::incrementAndGet);
        Sample a = set.add(3, Digits.pixels(Digits.bar(200)), Digits.bar(200), "drawn");
        Sample b = set.add(3, Digits.pixels(Digits.bar(260)), Digits.bar(260), "drawn");
        assertEquals(2, set.counts()[3]);
        assertTrue(set.delete(a.id()));
        assertTrue(set.relabel(b.id(), 7));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0}, set.counts());
        assertTrue(set.undo()); // relabel
        assertEquals(3, set.get(b.id()).label());
        assertTrue(set.undo()); // delete: back in its place
        assertEquals(List.of(a.id(), b.id()), set.samples().stream().map(Sample::id).toList());
        assertTrue(set.undo()); // second add
        assertEquals(1, set.size());
        assertTrue(set.undo());
        assertFalse(set.undo());
        assertEquals(0, set.size());
        assertEquals(8, changes.get());
    }

    @Test
    void everyFifthDrawingOfAClassIsHeldOut() {
        var set = new CollectedSet();
        for (int i = 0; i < 10; i++) set.add(1, Digits.pixels(Digits.bar(150 + 10 * i)), List.of(), "drawn");
        for (int i = 0; i < 4; i++) set.add(2, Digits.pixels(Digits.seven(i * 5)), List.of(), "drawn");
        var held = set.data().part(true);
        assertEquals(2, held.size());
        assertTrue(held.stream().allMatch(s -> s.label() == 1));
        assertEquals(12, set.data().part(false).size());
    }

    @Test
    void storedImageIsTheDrawViewsMnistPreprocessing() {
        var strokes = Digits.bar(224);
        byte[] px = Digits.pixels(strokes);
        var pad = Stroke.replay(strokes);
        var centred = Preprocessing.mnist(pad.view()).centred();
        for (int i = 0; i < px.length; i++) assertEquals(centred.pixels()[i] * 255f, px[i] & 0xFF, 0.51f);
        // a vertical bar: 20 rows tall, centred
        float[] com = Preprocessing.centreOfMass(centred);
        assertEquals(14f, com[1], 0.5f);
    }

    @Test
    void classNamesAreCheckedAndRenamingIsUndoable() throws Exception {
        var set = new CollectedSet();
        set.add(4, Digits.pixels(Digits.bar(200)), List.of(), "drawn");
        assertEquals("collect.classes.inUse", assertThrows(SetProblem.class, () -> set.setClassNames(List.of("a", "b"))).key());
        assertEquals("collect.classes.twice", assertThrows(SetProblem.class, () -> set.setClassNames(List.of("a", "a"))).key());
        assertEquals("collect.classes.chars", assertThrows(SetProblem.class, () -> set.setClassNames(List.of("a/b"))).key());
        assertEquals("collect.classes.count", assertThrows(SetProblem.class,
                () -> set.setClassNames(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"))).key());
        assertEquals(SetData.DIGITS, set.classNames());
        set.setClassNames(List.of("circle", "square", "triangle", "star", "heart"));
        assertEquals("heart", set.classNames().get(set.samples().getFirst().label()));
        set.undo();
        assertEquals(SetData.DIGITS, set.classNames());
        assertEquals(List.of("circle", "square"), SetData.splitNames(" circle ,square"));
    }

    @Test
    void storeRoundTripsStrokesPixelsPartsAndNames() throws Exception {
        var set = new CollectedSet();
        set.setClassNames(List.of("one", "seven"));
        for (int i = 0; i < 6; i++) set.add(0, Digits.pixels(Digits.bar(150 + 20 * i)), Digits.bar(150 + 20 * i), "drawn");
        set.add(1, Digits.pixels(Digits.seven(0)), Digits.seven(0), "drawn");
        set.setProvenance("author", "Li Wei");
        var store = new SetStore(dir);
        store.save(set.data());
        SetData back = store.load();
        assertEquals(List.of("one", "seven"), back.classNames());
        assertEquals("Li Wei", back.provenance().get("author"));
        assertEquals(7, back.samples().size());
        for (int i = 0; i < 7; i++) {
            Sample a = set.samples().get(i), b = back.samples().get(i);
            assertEquals(a.hash(), b.hash());
            assertArrayEquals(a.pixels(), b.pixels());
            assertEquals(a.label(), b.label());
            assertEquals(a.heldOut(), b.heldOut());
            assertEquals(a.strokes().size(), b.strokes().size());
            // the stored strokes (rounded to 0.1 pad pixel) make the same picture again
            assertArrayEquals(a.pixels(), Digits.pixels(b.strokes()));
        }
        assertFalse(Files.exists(dir.resolve(SetStore.FILE + ".tmp")));
    }

    @Test
    void anUnreadableStoreIsMovedAsideNotOverwritten() throws Exception {
        Files.writeString(dir.resolve(SetStore.FILE), "{\"format\": \"something else\"}");
        var store = new SetStore(dir);
        SetProblem p = assertThrows(SetProblem.class, store::load);
        assertEquals("collect.store.movedAside", p.key());
        assertFalse(Files.exists(dir.resolve(SetStore.FILE)));
        try (var files = Files.list(dir)) {
            var kept = files.filter(f -> f.getFileName().toString().startsWith(SetStore.FILE + ".unreadable")).toList();
            assertEquals(1, kept.size());
            assertEquals("{\"format\": \"something else\"}", Files.readString(kept.getFirst()));
        }
        assertEquals(0, store.load().samples().size()); // nothing there any more: a fresh set
    }
}
