package org.convscope.app.lesson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;

/**
 * One step of a lesson: which view to open, prepared how ({@code state}: the view's own keys, see
 * {@link org.convscope.app.ConceptView#stateKeys()}), on which picture ({@code image}, optional), what to say
 * ({@code narration}, 2-4 sentences), what to try ({@code tryThis}, optional) and what to ask ({@code question},
 * optional). {@code section} groups steps in the table of contents (the curriculum's concept).
 */
public record LessonStep(Text section, Text title, String view, Map<String, String> state, ImageRef image,
                         Text narration, Text tryThis, Question question) {
    public LessonStep {
        section = section == null ? Text.EMPTY : section;
        title = title == null ? Text.EMPTY : title;
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state == null ? Map.of() : state));
        narration = narration == null ? Text.EMPTY : narration;
        tryThis = tryThis == null ? Text.EMPTY : tryThis;
    }

    public LessonStep withTexts(Text newTitle, Text newNarration, Text newTry) {
        return new LessonStep(section, newTitle, view, state, image, newNarration, newTry, question);
    }
}
