package org.convscope.app.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** The lesson that ships with ConvScope: the curriculum (concepts.md) from section 1 to 12. */
public final class BuiltInLessons {
    public static final String CNN_BASICS = "cnn-basics.json";

    private BuiltInLessons() {}

    /** The built-in lesson, checked against the app's views (a broken one fails the tests, not a class). */
    public static Lesson cnnBasics(Map<String, Set<String>> viewKeys) {
        try (InputStream in = BuiltInLessons.class.getResourceAsStream(CNN_BASICS)) {
            if (in == null) throw new IllegalStateException("The built-in lesson is missing from the build: " + CNN_BASICS);
            return LessonFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), viewKeys);
        } catch (IOException | LessonFormatException e) {
            throw new IllegalStateException("The built-in lesson is broken: " + e.getMessage(), e);
        }
    }
}
