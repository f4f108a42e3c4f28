package org.convscope.app.lesson;

import java.util.List;

/**
 * A guided lesson: a titled list of steps (see {@link LessonStep}), stored as a versioned JSON file
 * ({@link LessonFile}; format in docs/lessons.md, schema in docs/lesson.schema.json).
 * @param id a stable name; a student's progress is remembered under it
 */
public record Lesson(String id, Text title, List<LessonStep> steps) {
    public Lesson {
        steps = List.copyOf(steps);
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a lesson needs an id");
    }

    public int size() { return steps.size(); }

    public LessonStep step(int i) { return steps.get(i); }
}
