package org.convscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson file format: what it accepts, what it refuses (and how it says so), and that it round-trips. */
class LessonFileTest {
    static final Map<String, Set<String>> VIEWS = Map.of("kernel", Set.of("layer", "position"), "params", Set.of(),
            "pooling", Set.of("kind"));

    static String lesson(String steps) {
        return "{\"format\": \"convscope-lesson\", \"version\": 1, \"id\": \"t\", \"title\": \"T\", \"steps\": [" + steps + "]}";
    }

    static final String GOOD_STEP = "{\"title\": \"One\", \"view\": \"kernel\", \"narration\": {\"en\": \"Look.\", \"zh\": \"看。\"}}";

    @Test
    void theBuiltInLessonWalksTheCurriculumAndItsComputedAnswersAreTheEnginesNumbers() {
        Lesson l = BuiltInLessons.cnnBasics(null);
        assertTrue(l.size() >= 20 && l.size() <= 36, "roughly 20-30 steps, plus the handwriting section: " + l.size());
        // every section of concepts.md, in order
        int last = 0;
        for (LessonStep s : l.steps()) {
            int sec = Integer.parseInt(s.section().en().substring(0, s.section().en().indexOf('.')));
            assertTrue(sec >= last, "sections in lesson order at " + s.title().en());
            last = sec;
            assertFalse(s.narration().en().isEmpty() || s.narration().zh().isEmpty(), "narration in both languages: " + s.title().en());
            assertFalse(s.title().zh().isEmpty(), s.title().en());
        }
        // concepts.md 1-12, then 13: overfitting and generalisation on the class's own handwriting (after "Training you can watch")
        assertEquals(13, last);
        assertEquals(13, l.steps().stream().map(LessonStep::section).distinct().count(), "all thirteen sections");
        long questions = l.steps().stream().filter(s -> s.question() != null).count();
        assertTrue(questions >= 10, "predict-then-reveal questions: " + questions);
        // the note's own examples, answered by the app's computation
        assertEquals(2416, LessonFacts.number("params lenet5-modern conv2"));
        assertEquals(61706, LessonFacts.number("params lenet5-modern total"));
        assertEquals(156, LessonFacts.number("conv-params 6 1 5"));
        assertEquals(48120, LessonFacts.number("dense-params 400 120"));
        assertEquals("112 \u00d7 112 \u00d7 64", LessonFacts.text("pool 224 224 64", Locale.ENGLISH));
        assertEquals(12, LessonFacts.number("unshared 6 2"));
        assertEquals(2, LessonFacts.number("shared 6 2"));
        assertEquals(28, LessonFacts.number("column-distance 28"));
        assertEquals("6 \u00d7 14 \u00d7 14", LessonFacts.text("size lenet5-classic pool1", Locale.ENGLISH));
        assertEquals(400, LessonFacts.number("size lenet5-modern flatten"));
        assertEquals(0, LessonFacts.number("params lenet5-modern pool1"));
        // a choice question whose explanation quotes a computation shows the computed text, and it is the right choice
        for (LessonStep s : l.steps()) {
            Question q = s.question();
            if (q != null && q.kind() == Question.Kind.CHOICE && q.compute() != null) {
                assertEquals(LessonFacts.text(q.compute(), Locale.ENGLISH), q.rightAnswerText(Locale.ENGLISH), s.title().en());
                assertTrue(q.explainText(Locale.ENGLISH).contains(LessonFacts.text(q.compute(), Locale.ENGLISH)));
            }
        }
    }

    @Test
    void aLessonRoundTripsThroughItsFileExactly(@TempDir Path dir) throws Exception {
        Lesson l = BuiltInLessons.cnnBasics(null);
        byte[] px = new byte[784];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 7);
        var drawn = new LessonStep(Text.EMPTY, Text.of("Mine"), "pooling", Map.of("kind", "average"),
                ImageRef.drawn("mnist", px), new Text("Narr.", ""), Text.EMPTY, null);
        Lesson withDrawing = new Lesson(l.id(), l.title(), concat(l.steps(), drawn));
        Path file = dir.resolve("sub/lesson.json");
        LessonFile.save(withDrawing, file);
        Lesson back = LessonFile.read(file, null);
        assertEquals(withDrawing, back);
        assertEquals(LessonFile.toJson(withDrawing), Files.readString(file));
        // saving again over it leaves exactly one file, no temporary ones
        LessonFile.save(back, file);
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void badFilesAreRefusedWithTheStepAndFieldNamed() {
        assertRefused("{", "not valid JSON");
        assertRefused("[1]", "one JSON object");
        assertRefused("{\"format\": \"x\", \"version\": 1}", "\"format\" must be \"convscope-lesson\"");
        assertRefused(lesson(GOOD_STEP).replace("\"version\": 1", "\"version\": 9"), "version 9");
        assertRefused(lesson(""), "at least one step");
        assertRefused(lesson(GOOD_STEP + ", {\"title\": \"x\", \"narration\": \"y\"}"), "Step 2: field \"view\" is missing");
        assertRefused(lesson(GOOD_STEP + ", {\"title\": \"x\", \"view\": \"nowhere\", \"narration\": \"y\"}"), "Step 2, field \"view\": there is no view \"nowhere\"");
        assertRefused(lesson("{\"title\": \"x\", \"view\": \"kernel\", \"narration\": \"y\", \"state\": {\"colour\": \"red\"}}"),
                "Step 1, field \"state.colour\": the kernel view has no setting \"colour\" (it has: layer, position)");
        assertRefused(lesson("{\"title\": \"x\", \"view\": \"params\"}"), "Step 1: field \"narration\" is missing");
        assertRefused(lesson("{\"title\": \"x\", \"view\": \"params\", \"narration\": \"y\", \"naration\": \"z\"}"), "unknown field \"naration\"");
        assertRefused(lesson("{\"title\": \"x\", \"view\": \"params\", \"narration\": \"y\", \"question\": {\"kind\": \"choice\", \"prompt\": \"p\", \"choices\": [\"a\", \"b\"], \"answer\": 2}}"),
                "Step 1, field \"question.answer\" must be the number of the right choice");
        assertRefused(lesson("{\"title\": \"x\", \"view\": \"params\", \"narration\": \"y\", \"question\": {\"kind\": \"number\", \"prompt\": \"p\", \"compute\": \"params lenet5-modern conv9\"}}"),
                "Step 1, field \"question.compute\": model lenet5-modern has no layer 'conv9'");
        assertRefused(lesson("{\"title\": \"x\", \"view\": \"params\", \"narration\": \"y\", \"question\": {\"kind\": \"number\", \"prompt\": \"p\", \"answer\": 2400, \"compute\": \"params lenet5-modern conv2\"}}"),
                "says 2400 but \"compute\" (params lenet5-modern conv2) gives 2416");
        assertRefused(lesson("{\"title\": \"x\", \"view\": \"params\", \"narration\": \"y\", \"image\": {\"dataset\": \"mnist\", \"index\": 10000}}"),
                "Step 1, field \"image.index\" must be a whole number 0..9999");
        assertRefused(lesson("{\"title\": \"x\", \"view\": \"params\", \"narration\": \"y\", \"image\": {\"dataset\": \"mnist\", \"pixels\": \"AAAA\"}}"),
                "holds 3 bytes; a picture is 28 \u00d7 28 = 784");
        assertRefused(lesson("{\"title\": \"x\", \"view\": \"params\", \"narration\": {\"en\": \"\", \"zh\": \"\"}}"), "empty in both languages");
    }

    @Test
    void aGoodMinimalLessonOpensAndATextInOneLanguageServesBoth() throws Exception {
        Lesson l = LessonFile.parse(lesson(GOOD_STEP + ", {\"title\": \"Two\", \"view\": \"pooling\", \"state\": {\"kind\": \"max\"}, \"narration\": \"Only English.\"}"), VIEWS);
        assertEquals(2, l.size());
        assertEquals("看。", l.step(0).narration().in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Only English.", l.step(1).narration().in(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Map.of("kind", "max"), l.step(1).state());
    }

    @Test
    void aFileThatIsNotALessonIsRefusedWithoutReadingItAll(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        try (var ch = Files.newByteChannel(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.position(LessonFile.MAX_BYTES + 1);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}));
        }
        var e = assertThrows(LessonFormatException.class, () -> LessonFile.read(big, null));
        assertTrue(e.getMessage().contains("at most 8 MB"), e.getMessage());
        Path binary = dir.resolve("bin.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertNotNull(assertThrows(LessonFormatException.class, () -> LessonFile.read(binary, null)).getMessage());
    }

    static void assertRefused(String json, String expected) {
        var e = assertThrows(LessonFormatException.class, () -> LessonFile.parse(json, VIEWS), json);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    static <T> List<T> concat(List<T> a, T b) {
        var l = new java.util.ArrayList<>(a);
        l.add(b);
        return l;
    }
}
