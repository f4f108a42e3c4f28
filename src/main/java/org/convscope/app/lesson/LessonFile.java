package org.convscope.app.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.jr.ob.JSON;

/**
 * Reads and writes lesson files: JSON, {@code "format": "convscope-lesson"}, {@code "version": 1} (docs/lessons.md,
 * schema docs/lesson.schema.json). Reading checks everything before returning: a file is either a whole lesson or a
 * {@link LessonFormatException} whose message names the step and the field ("Step 3, field question.answer: ...");
 * nothing half-loads. Writing goes to a temporary file that then replaces the target (atomic where the file system
 * allows), so a crash never leaves half a lesson.
 */
public final class LessonFile {
    public static final String FORMAT = "convscope-lesson";
    public static final int VERSION = 1;
    /** Lessons are small; anything larger is not one (and is not read into memory). */
    public static final long MAX_BYTES = 8L << 20;
    public static final int MAX_STEPS = 500;

    private LessonFile() {}

    public static Lesson read(Path file, Map<String, Set<String>> viewKeys) throws LessonFormatException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) throw new LessonFormatException(file.getFileName() + " is " + size / (1 << 20)
                    + " MB; a lesson file is at most 8 MB. Is this the right file?");
            return parse(Files.readString(file, StandardCharsets.UTF_8), viewKeys);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new LessonFormatException(file.getFileName() + " is not UTF-8 text; lesson files are JSON in UTF-8.");
        } catch (IOException e) {
            throw new LessonFormatException("Could not read " + file + ": " + e.getMessage());
        }
    }

    /**
     * The lesson in this JSON text.
     * @param viewKeys the views the app has and the state keys each accepts; null: do not check them
     */
    public static Lesson parse(String json, Map<String, Set<String>> viewKeys) throws LessonFormatException {
        Object root;
        try {
            root = JSON.std.anyFrom(json);
        } catch (IOException | RuntimeException e) {
            throw new LessonFormatException("This is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> map)) throw new LessonFormatException("A lesson file is one JSON object {...}.");
        Fields top = new Fields("The lesson", map);
        String format = top.string("format", true);
        if (!FORMAT.equals(format)) throw new LessonFormatException("Field \"format\" must be \"" + FORMAT
                + "\" (this file says \"" + format + "\"): is it a ConvScope lesson?");
        Object v = map.get("version");
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()))
            throw new LessonFormatException("Field \"version\" must be a whole number (this app reads version " + VERSION + ").");
        if (n.intValue() > VERSION) throw new LessonFormatException("This lesson is version " + n.intValue()
                + " of the format; this ConvScope reads version " + VERSION + ". Update ConvScope to open it.");
        if (n.intValue() < 1) throw new LessonFormatException("Field \"version\" must be 1 or more.");
        top.only(Set.of("format", "version", "id", "title", "steps"));
        String id = top.string("id", true);
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) throw new LessonFormatException("Field \"id\" must be 1-64 letters, digits, '.', '_' or '-' (it names the saved progress), not \"" + id + "\".");
        Text title = top.text("title", true);
        Object stepsObj = map.get("steps");
        if (!(stepsObj instanceof List<?> list) || list.isEmpty())
            throw new LessonFormatException("Field \"steps\" must be a list with at least one step.");
        if (list.size() > MAX_STEPS) throw new LessonFormatException("A lesson has at most " + MAX_STEPS + " steps; this one has " + list.size() + ".");
        List<LessonStep> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) steps.add(step(i + 1, list.get(i), viewKeys));
        return new Lesson(id, title, steps);
    }

    private static LessonStep step(int number, Object o, Map<String, Set<String>> viewKeys) throws LessonFormatException {
        String where = "Step " + number;
        if (!(o instanceof Map<?, ?> m)) throw new LessonFormatException(where + " must be an object {...}.");
        Fields f = new Fields(where, m);
        f.only(Set.of("section", "title", "view", "state", "image", "narration", "try", "question"));
        String view = f.string("view", true);
        if (viewKeys != null && !viewKeys.containsKey(view))
            throw new LessonFormatException(where + ", field \"view\": there is no view \"" + view + "\" (views: "
                    + String.join(", ", viewKeys.keySet()) + ").");
        Map<String, String> state = new LinkedHashMap<>();
        Object st = m.get("state");
        if (st != null) {
            if (!(st instanceof Map<?, ?> sm)) throw new LessonFormatException(where + ", field \"state\" must be an object of names and values.");
            for (var e : sm.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object val = e.getValue();
                if (!(val instanceof String || val instanceof Number || val instanceof Boolean))
                    throw new LessonFormatException(where + ", field \"state." + key + "\" must be a text, a number or true/false.");
                if (viewKeys != null && !viewKeys.get(view).contains(key))
                    throw new LessonFormatException(where + ", field \"state." + key + "\": the " + view + " view has no setting \""
                            + key + "\"" + (viewKeys.get(view).isEmpty() ? " (it has none)." : " (it has: " + String.join(", ", sorted(viewKeys.get(view))) + ")."));
                state.put(key, val instanceof Number num ? numberText(num) : String.valueOf(val));
            }
        }
        ImageRef image = image(where, m.get("image"));
        Text narration = f.text("narration", true);
        return new LessonStep(f.text("section", false), f.text("title", true), view, state, image, narration,
                f.text("try", false), question(where, m.get("question")));
    }

    private static ImageRef image(String where, Object o) throws LessonFormatException {
        if (o == null) return null;
        if (!(o instanceof Map<?, ?> m)) throw new LessonFormatException(where + ", field \"image\" must be an object, e.g. {\"dataset\": \"mnist\", \"index\": 0}.");
        Fields f = new Fields(where + ", field \"image\"", m);
        f.only(Set.of("dataset", "index", "pixels"));
        String dataset = f.string("dataset", true);
        if (!dataset.equals("mnist") && !dataset.equals("fashion-mnist"))
            throw new LessonFormatException(where + ", field \"image.dataset\" must be \"mnist\" or \"fashion-mnist\", not \"" + dataset + "\".");
        boolean hasIndex = m.containsKey("index"), hasPixels = m.containsKey("pixels");
        if (hasIndex == hasPixels) throw new LessonFormatException(where + ", field \"image\" needs exactly one of \"index\" (an image of the test set) and \"pixels\" (784 grey values, base64).");
        if (hasIndex) {
            Object idx = m.get("index");
            if (!(idx instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 0 || n.doubleValue() > 9_999)
                throw new LessonFormatException(where + ", field \"image.index\" must be a whole number 0..9999 (the test set has 10,000 images).");
            return ImageRef.test(dataset, n.intValue());
        }
        String b64 = f.string("pixels", true);
        byte[] px;
        try {
            px = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new LessonFormatException(where + ", field \"image.pixels\" is not base64: " + e.getMessage());
        }
        if (px.length != ImageRef.PIXELS) throw new LessonFormatException(where + ", field \"image.pixels\" holds " + px.length + " bytes; a picture is 28 × 28 = 784.");
        return ImageRef.drawn(dataset, px);
    }

    private static Question question(String where, Object o) throws LessonFormatException {
        if (o == null) return null;
        if (!(o instanceof Map<?, ?> m)) throw new LessonFormatException(where + ", field \"question\" must be an object.");
        String w = where + ", field \"question";
        Fields f = new Fields(where + ", field \"question\"", m);
        f.only(Set.of("kind", "prompt", "choices", "answer", "compute", "tolerance", "hint", "explain"));
        String kind = f.string("kind", true);
        Text prompt = f.text("prompt", true);
        Text hint = f.text("hint", false), explain = f.text("explain", false);
        String compute = m.containsKey("compute") ? f.string("compute", true) : null;
        if (compute != null) {
            try {
                LessonFacts.check(compute);
            } catch (IllegalArgumentException e) {
                throw new LessonFormatException(w + ".compute\": " + e.getMessage());
            }
        }
        Object ans = m.get("answer");
        switch (kind) {
            case "choice" -> {
                Object cs = m.get("choices");
                if (!(cs instanceof List<?> cl) || cl.size() < 2 || cl.size() > 8)
                    throw new LessonFormatException(w + ".choices\" must be a list of 2 to 8 answers.");
                List<Text> choices = new ArrayList<>();
                for (int i = 0; i < cl.size(); i++) choices.add(Fields.textOf(w + ".choices[" + (i + 1) + "]\"", cl.get(i)));
                if (!(ans instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 0 || n.intValue() >= choices.size())
                    throw new LessonFormatException(w + ".answer\" must be the number of the right choice, counting from 0 (0.." + (choices.size() - 1) + ").");
                return new Question(Question.Kind.CHOICE, prompt, choices, n.intValue(), compute, 0, hint, explain);
            }
            case "number" -> {
                if (m.containsKey("choices")) throw new LessonFormatException(w + ".choices\" belongs to \"kind\": \"choice\" questions.");
                if (ans == null && compute == null)
                    throw new LessonFormatException(w + "\" needs \"answer\" (a number) or \"compute\" (the app works it out, e.g. \"params lenet5-modern conv2\").");
                if (ans != null && !(ans instanceof Number))
                    throw new LessonFormatException(w + ".answer\" must be a number.");
                double tol = 0;
                if (m.containsKey("tolerance")) {
                    if (!(m.get("tolerance") instanceof Number t) || !(t.doubleValue() >= 0) || Double.isInfinite(t.doubleValue()))
                        throw new LessonFormatException(w + ".tolerance\" must be a number 0 or more.");
                    tol = t.doubleValue();
                }
                double a = ans == null ? Double.NaN : ((Number) ans).doubleValue();
                if (ans != null && compute != null && Math.abs(a - LessonFacts.number(compute)) > tol)
                    throw new LessonFormatException(w + ".answer\" says " + numberText((Number) ans) + " but \"compute\" (" + compute
                            + ") gives " + numberText(LessonFacts.number(compute)) + ": leave out \"answer\" and let the app work it out.");
                return new Question(Question.Kind.NUMBER, prompt, List.of(), a, compute, tol, hint, explain);
            }
            default -> throw new LessonFormatException(w + ".kind\" must be \"choice\" or \"number\", not \"" + kind + "\".");
        }
    }

    /** The lesson as JSON text (the same fields {@link #parse} reads, in a fixed order). */
    public static String toJson(Lesson lesson) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("id", lesson.id());
        root.put("title", text(lesson.title()));
        List<Object> steps = new ArrayList<>();
        for (LessonStep s : lesson.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (!s.section().isEmpty()) m.put("section", text(s.section()));
            m.put("title", text(s.title()));
            m.put("view", s.view());
            if (!s.state().isEmpty()) m.put("state", new LinkedHashMap<>(s.state()));
            if (s.image() != null) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("dataset", s.image().dataset());
                if (s.image().pixels() == null) im.put("index", s.image().index());
                else im.put("pixels", Base64.getEncoder().encodeToString(s.image().pixels()));
                m.put("image", im);
            }
            m.put("narration", text(s.narration()));
            if (!s.tryThis().isEmpty()) m.put("try", text(s.tryThis()));
            Question q = s.question();
            if (q != null) {
                Map<String, Object> qm = new LinkedHashMap<>();
                qm.put("kind", q.kind() == Question.Kind.CHOICE ? "choice" : "number");
                qm.put("prompt", text(q.prompt()));
                if (q.kind() == Question.Kind.CHOICE) {
                    List<Object> cs = new ArrayList<>();
                    for (Text c : q.choices()) cs.add(text(c));
                    qm.put("choices", cs);
                    qm.put("answer", (int) q.answer());
                } else if (!Double.isNaN(q.answer())) {
                    qm.put("answer", q.answer() == Math.rint(q.answer()) ? (Object) (long) q.answer() : (Object) q.answer());
                }
                if (q.compute() != null) qm.put("compute", q.compute());
                if (q.tolerance() != 0) qm.put("tolerance", q.tolerance());
                if (!q.hint().isEmpty()) qm.put("hint", text(q.hint()));
                if (!q.explain().isEmpty()) qm.put("explain", text(q.explain()));
                m.put("question", qm);
            }
            steps.add(m);
        }
        root.put("steps", steps);
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("JSON of plain maps and lists cannot fail", e);
        }
    }

    /** Writes the lesson next to the target and moves it into place, so the target is always a whole lesson. */
    public static void save(Lesson lesson, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, toJson(lesson), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, Object> text(Text t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("en", t.en());
        m.put("zh", t.zh());
        return m;
    }

    private static String numberText(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static List<String> sorted(Set<String> s) { return s.stream().sorted().toList(); }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Field access with messages that say where. */
    private record Fields(String where, Map<?, ?> map) {
        void only(Set<String> allowed) throws LessonFormatException {
            for (Object k : map.keySet()) {
                if (!allowed.contains(String.valueOf(k))) throw new LessonFormatException(where + ": unknown field \"" + k
                        + "\" (allowed: " + String.join(", ", sorted(allowed)) + "). Check its spelling.");
            }
        }

        String string(String name, boolean required) throws LessonFormatException {
            Object o = map.get(name);
            if (o == null) {
                if (required) throw new LessonFormatException(where + ": field \"" + name + "\" is missing.");
                return null;
            }
            if (!(o instanceof String s) || s.isBlank()) throw new LessonFormatException(where + ", field \"" + name + "\" must be a non-empty text.");
            return s.strip();
        }

        Text text(String name, boolean required) throws LessonFormatException {
            Object o = map.get(name);
            if (o == null) {
                if (required) throw new LessonFormatException(where + ": field \"" + name + "\" is missing.");
                return Text.EMPTY;
            }
            return textOf(where + ", field \"" + name + "\"", o);
        }

        static Text textOf(String where, Object o) throws LessonFormatException {
            if (o instanceof String s) {
                if (s.isBlank()) throw new LessonFormatException(where + " is empty.");
                return Text.of(s);
            }
            if (o instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    if (!"en".equals(k) && !"zh".equals(k)) throw new LessonFormatException(where + ": unknown language \"" + k + "\" (use \"en\" and \"zh\").");
                }
                Object en = m.get("en"), zh = m.get("zh");
                if ((en != null && !(en instanceof String)) || (zh != null && !(zh instanceof String)))
                    throw new LessonFormatException(where + ": \"en\" and \"zh\" must be texts.");
                Text t = new Text((String) en, (String) zh);
                if (t.isEmpty()) throw new LessonFormatException(where + " is empty in both languages.");
                return t;
            }
            throw new LessonFormatException(where + " must be a text, or {\"en\": \"...\", \"zh\": \"...\"}.");
        }
    }
}
