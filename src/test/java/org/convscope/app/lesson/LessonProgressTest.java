package org.convscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;

import org.convscope.app.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A student's place and answers survive a restart; answers are checked against the app's own numbers. */
class LessonProgressTest {
    private final Preferences prefs = Preferences.userRoot().node("convscope-test-lesson-progress");

    @AfterEach
    void clean() throws Exception {
        new Settings(prefs).clear(); // waits for the settings writer, so nothing lands on the removed node
        prefs.removeNode();
    }

    @Test
    void resumesWhereTheStudentLeftOffWithTheAnswersGiven() {
        Lesson l = BuiltInLessons.cnnBasics(null);
        int q = -1;
        for (int i = 0; i < l.size(); i++) {
            if (l.step(i).question() != null && "params lenet5-modern conv2".equals(l.step(i).question().compute())) q = i;
        }
        assertTrue(q > 0, "the lesson asks for conv2's parameters");
        var p = new LessonProgress(l, new Settings(prefs));
        assertEquals(0, p.index());
        assertFalse(p.previous());
        p.goTo(q);
        assertEquals(LessonProgress.Verdict.WRONG, p.answer(2400));
        assertEquals(LessonProgress.Verdict.RIGHT, p.answer(2416));
        assertTrue(p.next());

        // the next day
        var again = new LessonProgress(l, new Settings(prefs));
        assertEquals(q + 1, again.index());
        var a = again.answerAt(q).orElseThrow();
        assertTrue(a.right());
        assertEquals(2416, a.given());
        assertEquals(2, a.tries());
        assertEquals(1, again.rightAnswers());
        again.restart();
        assertEquals(0, new LessonProgress(l, new Settings(prefs)).index());
        assertTrue(new LessonProgress(l, new Settings(prefs)).answers().isEmpty());
    }

    @Test
    void aDamagedSettingStartsAtTheBeginningInsteadOfFailing() {
        Lesson l = BuiltInLessons.cnnBasics(null);
        var settings = new Settings(prefs);
        // damage what is on disk, not what Settings still holds in memory: its writes land on another thread
        settings.flush();
        prefs.put("lesson.cnn-basics.step", "not a number");
        prefs.put("lesson.cnn-basics.answers", "3:x:1:1;garbage;5:12.0:1:1");
        var p = new LessonProgress(l, new Settings(prefs));
        assertEquals(0, p.index());
        assertEquals(1, p.answers().size());
        settings.flush(); // the step 0 just remembered must not overwrite the damage below
        prefs.put("lesson.cnn-basics.step", "9999");
        assertEquals(l.size() - 1, new LessonProgress(l, new Settings(prefs)).index());
    }
}
