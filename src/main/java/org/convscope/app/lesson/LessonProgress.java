package org.convscope.app.lesson;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.convscope.app.Settings;

/**
 * Where a person is in a lesson and what they answered, remembered between starts under the lesson's id
 * ({@link Settings}: "lesson.&lt;id&gt;.step", "lesson.&lt;id&gt;.answers"), so a student resumes the next day
 * where they left off. No JavaFX scene: tested alone.
 */
public final class LessonProgress {
    /** What was answered at a step: the given answer (choice index or number) and whether it was right. */
    public record Answer(double given, boolean right, int tries) {}

    public enum Verdict { RIGHT, WRONG }

    private final Lesson lesson;
    private final Settings settings;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index");
    private final ReadOnlyObjectWrapper<LessonStep> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ObservableMap<Integer, Answer> answers = FXCollections.observableMap(new TreeMap<>());

    public LessonProgress(Lesson lesson, Settings settings) {
        this.lesson = lesson;
        this.settings = settings;
        int saved = 0;
        try {
            saved = Integer.parseInt(settings.get(key("step"), "0"));
        } catch (NumberFormatException ignored) {
            // a damaged setting: start at the beginning
        }
        answers.putAll(decode(settings.get(key("answers"), "")));
        answers.keySet().removeIf(k -> k < 0 || k >= lesson.size());
        goTo(Math.clamp(saved, 0, lesson.size() - 1));
    }

    public Lesson lesson() { return lesson; }
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    public int index() { return index.get(); }
    public ReadOnlyObjectProperty<LessonStep> stepProperty() { return step.getReadOnlyProperty(); }
    public LessonStep step() { return step.get(); }
    /** Answers by step index (read-only for callers: use {@link #answer}). */
    public ObservableMap<Integer, Answer> answers() { return FXCollections.unmodifiableObservableMap(answers); }
    public Optional<Answer> answerAt(int i) { return Optional.ofNullable(answers.get(i)); }

    public boolean hasNext() { return index() < lesson.size() - 1; }
    public boolean hasPrevious() { return index() > 0; }

    /** Moves to step i (clamped to the lesson) and remembers it. */
    public void goTo(int i) {
        int k = Math.clamp(i, 0, lesson.size() - 1);
        step.set(lesson.step(k)); // before the index: listeners of the index read the step
        index.set(k);
        settings.put(key("step"), Integer.toString(k));
    }

    public boolean next() {
        if (!hasNext()) return false;
        goTo(index() + 1);
        return true;
    }

    public boolean previous() {
        if (!hasPrevious()) return false;
        goTo(index() - 1);
        return true;
    }

    /** Checks an answer to the current step's question and remembers it. */
    public Verdict answer(double given) {
        Question q = step().question();
        if (q == null) throw new IllegalStateException("step " + (index() + 1) + " asks no question");
        boolean right = q.isRight(given);
        Answer before = answers.get(index());
        int tries = before == null ? 1 : before.tries() + 1;
        // once right, it stays right (a student who looks again should not lose the tick)
        answers.put(index(), new Answer(given, right || (before != null && before.right()), tries));
        settings.put(key("answers"), encode(answers));
        return right ? Verdict.RIGHT : Verdict.WRONG;
    }

    /** Forgets the answers and goes back to the first step. */
    public void restart() {
        answers.clear();
        settings.put(key("answers"), "");
        goTo(0);
    }

    /** Steps whose question has been answered right, and all steps with a question. */
    public int rightAnswers() { return (int) answers.values().stream().filter(Answer::right).count(); }

    public int questions() { return (int) lesson.steps().stream().filter(s -> s.question() != null).count(); }

    private String key(String what) { return "lesson." + lesson.id() + "." + what; }

    static String encode(Map<Integer, Answer> answers) {
        StringBuilder b = new StringBuilder();
        for (var e : answers.entrySet()) {
            if (!b.isEmpty()) b.append(';');
            b.append(e.getKey()).append(':').append(e.getValue().given()).append(':')
                    .append(e.getValue().right() ? 1 : 0).append(':').append(e.getValue().tries());
        }
        return b.toString();
    }

    static Map<Integer, Answer> decode(String s) {
        Map<Integer, Answer> m = new TreeMap<>();
        if (s == null || s.isBlank()) return m;
        for (String part : s.split(";")) {
            String[] f = part.split(":");
            if (f.length != 4) continue; // a damaged entry costs only that answer
            try {
                m.put(Integer.parseInt(f[0]), new Answer(Double.parseDouble(f[1]), f[2].equals("1"), Integer.parseInt(f[3])));
            } catch (NumberFormatException ignored) {
                // skip it
            }
        }
        return m;
    }
}
