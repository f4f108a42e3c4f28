package org.convscope.app.collect;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.convscope.data.IdxReader;
import org.convscope.data.IdxSource;
import org.convscope.data.LoadProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetFilesTest {
    @TempDir Path dir;

    static SetData sample(List<String> classes, int perClass, String origin) {
        var set = new CollectedSet();
        try {
            set.setClassNames(classes);
        } catch (SetProblem e) {
            throw new AssertionError(e);
        }
        for (int c = 0; c < classes.size(); c++) set.addAll(Digits.samples(c, perClass, origin), false);
        if (set.data().samples().stream().map(Sample::hash).distinct().count() != set.size()) throw new AssertionError("duplicates in the fixture");
        set.setProvenance("author", origin);
        return set.data();
    }

    @Test
    void idxRoundTripKeepsPixelsLabelsPartsNamesAndStrokes() throws Exception {
        SetData d = sample(List.of("circle", "square", "triangle"), 6, "Ana");
        SetFiles.saveIdx(d, dir);
        for (String f : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz", SetFiles.JSON))
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        // plain MNIST readers see the training part in train-*, the held-out part in t10k-*
        var train = IdxReader.readImages(IdxSource.file(dir.resolve("train-images-idx3-ubyte.gz")), LoadProgress.NONE);
        assertEquals(d.part(false).size(), train.count());
        assertEquals(28, train.rows());
        assertEquals(3, d.part(true).size()); // the 5th of each class
        SetData back = SetFiles.openIdx(dir);
        assertEquals(d.classNames(), back.classNames());
        assertEquals("Ana", back.provenance().get("author"));
        assertEquals(d.samples().size(), back.samples().size());
        Map<String, Sample> byHash = new java.util.HashMap<>();
        for (Sample s : back.samples()) byHash.put(s.hash(), s);
        for (Sample s : d.samples()) {
            Sample b = byHash.get(s.hash());
            assertNotNull(b, "every drawing comes back");
            assertArrayEquals(s.pixels(), b.pixels());
            assertEquals(s.label(), b.label());
            assertEquals(s.heldOut(), b.heldOut());
            assertEquals(s.strokes().size(), b.strokes().size());
            assertArrayEquals(s.pixels(), Digits.pixels(b.strokes()), "the strokes make the same picture");
        }
    }

    @Test
    void plainMnistFilesWithoutJsonOpenAsDigits() throws Exception {
        SetData d = sample(SetData.DIGITS, 2, "x");
        SetFiles.saveIdx(d, dir);
        Files.delete(dir.resolve(SetFiles.JSON));
        SetData back = SetFiles.openIdx(dir);
        assertEquals(SetData.DIGITS, back.classNames());
        assertEquals(20, back.samples().size());
        assertTrue(back.samples().stream().allMatch(s -> s.strokes().isEmpty()));
    }

    @Test
    void badIdxFoldersGetMessages() throws Exception {
        assertEquals("collect.idx.none", assertThrows(SetProblem.class, () -> SetFiles.openIdx(dir)).key());
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});
        assertEquals("collect.idx.pair", assertThrows(SetProblem.class, () -> SetFiles.openIdx(dir)).key());
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
        SetProblem p = assertThrows(SetProblem.class, () -> SetFiles.openIdx(dir));
        assertEquals("collect.idx.bad", p.key());
        assertFalse(p.text().isBlank());
    }

    @Test
    void pngFolderRoundTripInTheImageFolderLayout() throws Exception {
        SetData d = sample(List.of("0", "1", "2"), 5, "Ben");
        Path out = dir.resolve("png");
        assertEquals(15, SetFiles.exportPng(d, out));
        for (String c : d.classNames()) {
            try (var files = Files.list(out.resolve(c))) {
                var pngs = files.toList();
                assertEquals(5, pngs.size());
                BufferedImage img = ImageIO.read(pngs.getFirst().toFile());
                assertEquals(28, img.getWidth());
                assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
            }
        }
        var imp = SetFiles.importPng(out, null);
        assertEquals(SetData.DIGITS, imp.classNames(), "folders 0, 1, 2: the digit classes");
        assertEquals(List.of(), imp.problems().stream().map(SetProblem::key).toList());
        assertEquals(15, imp.samples().size());
        // pixels: through the opened-picture preprocessing again (contrast stretch and a new 20x20 fit), so close, not equal
        for (int i = 0; i < 15; i++) {
            Sample a = d.samples().get(i), b = imp.samples().get(i);
            assertEquals(a.label(), b.label());
            double diff = 0;
            for (int p = 0; p < Sample.PIXELS; p++) diff += Math.abs((a.pixels()[p] & 0xFF) - (b.pixels()[p] & 0xFF)) / 255.0;
            assertTrue(diff / Sample.PIXELS < 0.06, "mean difference " + diff / Sample.PIXELS);
        }
        assertEquals("collect.png.notEmpty", assertThrows(SetProblem.class, () -> SetFiles.exportPng(d, out)).key());
    }

    @Test
    void badPictureFoldersLoseNothingAndSayWhatWasLeftOut() throws Exception {
        SetData d = sample(List.of("a", "b"), 3, "C");
        Path out = dir.resolve("png");
        SetFiles.exportPng(d, out);
        Files.createDirectories(out.resolve("zebra"));
        Files.copy(out.resolve("a").resolve(Files.list(out.resolve("a")).toList().getFirst().getFileName()), out.resolve("zebra").resolve("z.png"));
        Files.writeString(out.resolve("a").resolve("notes.png"), "not a picture");
        var blank = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(blank, "png", out.resolve("b").resolve("blank.png").toFile());
        Files.createDirectories(out.resolve("c"));
        var imp = SetFiles.importPng(out, List.of("a", "b", "c"));
        assertEquals(6, imp.samples().size(), "the good pictures are all there");
        List<String> keys = new ArrayList<>();
        for (SetProblem p : imp.problems()) keys.add(p.key());
        assertEquals(List.of("collect.png.picture", "collect.png.picture", "collect.png.emptyClass", "collect.png.unknownClass"), keys);
        assertTrue(imp.problems().get(3).text().contains("zebra"));
        assertTrue(imp.problems().get(0).text().contains("notes.png") || imp.problems().get(1).text().contains("notes.png"));
        // a folder with nothing usable: refused as a whole
        Path empty = dir.resolve("nothing");
        Files.createDirectories(empty.resolve("a"));
        Files.writeString(empty.resolve("a").resolve("x.txt"), "hello");
        assertEquals("collect.png.nothing", assertThrows(SetProblem.class, () -> SetFiles.importPng(empty, List.of("a"))).key());
        var shapes = SetFiles.importPng(out, null);
        assertEquals(List.of("a", "b", "c", "zebra"), shapes.classNames(), "into an empty set the folders name the classes");
        assertEquals(6, shapes.samples().size(), "zebra/z.png is a copy of a picture in a/");
        assertTrue(shapes.problems().stream().anyMatch(p -> p.key().equals("collect.png.duplicate") && p.text().contains("zebra/z.png")));
        assertEquals("collect.png.noClasses", assertThrows(SetProblem.class, () -> SetFiles.importPng(dir.resolve("nothing/a"), null)).key());
    }

    @Test
    void mergeSkipsDuplicatesAndRefusesOtherClassNames() throws Exception {
        SetData ana = sample(SetData.DIGITS, 3, "Ana");
        var ben = new CollectedSet(ana); // Ben copied Ana's set and drew two more
        ben.add(2, Digits.pixels(Digits.seven(0)), Digits.seven(0), "Ben");
        ben.add(7, Digits.pixels(Digits.bar(200)), Digits.bar(200), "Ben");
        var m = SetFiles.merge(ana, ben.data(), "ben");
        assertEquals(2, m.added().size());
        assertEquals(30, m.duplicates());
        SetData shapes = sample(List.of("circle", "square"), 2, "Dee");
        SetProblem p = assertThrows(SetProblem.class, () -> SetFiles.merge(ana, shapes, "dee"));
        assertEquals("collect.merge.classes", p.key());
        assertTrue(p.text().contains("circle, square") && p.text().contains("dee"), p.text());
    }

    @Test
    void modelOpensIntoAnEmptySetAndMergesIntoAFullOne() throws Exception {
        SetData ana = sample(SetData.DIGITS, 3, "Ana");
        SetData shapes = sample(List.of("circle", "square"), 2, "Dee");
        SetFiles.saveIdx(ana, dir.resolve("ana"));
        SetFiles.saveIdx(shapes, dir.resolve("dee"));
        var m = new CollectViewModel(new SetStore(dir.resolve("home")), Runnable::run, Runnable::run);
        m.load();
        m.openSet(dir.resolve("ana"));
        assertEquals(30, m.set().size());
        m.openSet(dir.resolve("ana"));
        assertEquals(30, m.set().size(), "the same set twice adds nothing");
        assertEquals("collect.msg.merged", m.messageProperty().get().key());
        m.openSet(dir.resolve("dee"));
        assertEquals("collect.merge.classes", m.messageProperty().get().key());
        assertEquals(30, m.set().size());
        m.newSet();
        assertEquals(0, m.set().size());
        try (var kept = Files.list(dir.resolve("home/handwriting-sets"))) {
            Path old = kept.toList().getFirst();
            m.openSet(old);
        }
        assertEquals(30, m.set().size(), "a new set keeps the old one as a saved set");
    }
}
