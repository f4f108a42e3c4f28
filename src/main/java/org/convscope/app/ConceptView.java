package org.convscope.app;

import java.util.Map;
import java.util.Set;

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

    /**
     * The keys of the state a lesson step can prepare in this view (e.g. "layer", "channel", "position"), each a
     * small string. A lesson file that names another key for this view is refused when it is opened.
     */
    default Set<String> stateKeys() { return Set.of(); }

    /**
     * What this view shows now, as key/value strings that {@link #applyState} turns back into the same screen
     * ("Add this view as a step" stores it in a lesson). Only keys from {@link #stateKeys()}. FX thread.
     */
    default Map<String, String> captureState() { return Map.of(); }

    /**
     * Prepares the view as a lesson step asks: keys missing from the map keep their current value. A value that
     * cannot be used throws {@link IllegalArgumentException} whose message names the key and says what is allowed;
     * the view then keeps the state it had. Called on the FX thread after {@link #node()}, before or after
     * {@link #onShow()}.
     */
    default void applyState(Map<String, String> state) {}
}
