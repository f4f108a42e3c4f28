package org.convscope.app.lesson;

import java.util.List;
import java.util.Locale;

/**
 * Predict, then see: a question a step asks before the view shows the answer.
 * <ul>
 * <li>{@link Kind#CHOICE}: {@code choices} and the index of the right one in {@code answer};</li>
 * <li>{@link Kind#NUMBER}: the right number either written in {@code answer} or, better, computed by the app from
 *     its own models with {@code compute} (see {@link LessonFacts}), accepted within {@code tolerance}.</li>
 * </ul>
 * A wrong answer shows {@code hint}; a right one (or "show me") shows {@code explain}, where "{answer}" stands for the
 * right answer and "{computed}" for the value of {@code compute}.
 */
public record Question(Kind kind, Text prompt, List<Text> choices, double answer, String compute, double tolerance,
                       Text hint, Text explain) {
    public enum Kind { CHOICE, NUMBER }

    public Question {
        choices = List.copyOf(choices);
        compute = compute == null || compute.isBlank() ? null : compute.strip();
        hint = hint == null ? Text.EMPTY : hint;
        explain = explain == null ? Text.EMPTY : explain;
    }

    /** The right answer: the computed value when {@code compute} is given, else {@code answer}. */
    public double rightAnswer() { return compute != null ? LessonFacts.number(compute) : answer; }

    /** Whether a given answer (a choice index, or the typed number) is right. */
    public boolean isRight(double given) {
        if (kind == Kind.CHOICE) return (int) given == (int) answer;
        return Math.abs(given - rightAnswer()) <= tolerance + 1e-9 * Math.abs(rightAnswer());
    }

    /** The right answer as shown to a person: the choice's text, or the number without a needless ".0". */
    public String rightAnswerText(Locale l) {
        if (kind == Kind.CHOICE) return choices.get((int) answer).in(l);
        return formatNumber(rightAnswer(), l);
    }

    /** The explanation with "{answer}" and "{computed}" filled in. */
    public String explainText(Locale l) {
        String s = explain.in(l).replace("{answer}", rightAnswerText(l));
        if (compute != null) s = s.replace("{computed}", LessonFacts.text(compute, l));
        return s;
    }

    static String formatNumber(double v, Locale l) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
