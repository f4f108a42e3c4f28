package org.convscope.app;

import java.util.ArrayList;
import java.util.List;

/** The navigation, in lesson order (concepts.md). Each feature adds its one line here. */
public final class Views {
    private Views() {}

    public static List<ConceptView> create(AppContext ctx) {
        List<ConceptView> views = new ArrayList<>();
        // views.add(new org.convscope.app.browser.DatasetBrowserView(ctx));
        return views;
    }
}
