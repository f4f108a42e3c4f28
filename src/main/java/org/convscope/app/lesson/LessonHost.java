package org.convscope.app.lesson;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.convscope.app.ConceptView;

/** What a lesson needs from the window: its views, and showing one. Implemented by MainWindow. */
public interface LessonHost {
    Optional<ConceptView> view(String id);

    /** Shows the view (FX thread). */
    void select(String id);

    /** The view on screen now. */
    ConceptView current();

    /** Every view's id and the state keys it accepts (for checking lesson files). */
    Map<String, Set<String>> viewKeys();
}
