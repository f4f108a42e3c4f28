package org.convscope.app;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One room of the app: an entry in the navigation and the pane it shows.
 * Views are created once by the shell ({@link Views}); {@link #node()} is built lazily on first show.
 */
public interface ConceptView {
    /** Stable id, e.g. "browser"; used for remembering the last view and in tests (#nav-browser). */
    String id();

    /** I18n key of the navigation label. */
    String titleKey();

    /** Navigation icon. */
    Ikon icon();

    /** The view's root pane (built on first call, on the FX thread). */
    Node node();

    /** Called when the view becomes visible / hidden (start or stop animations here). */
    default void onShow() {}
    default void onHide() {}
}
