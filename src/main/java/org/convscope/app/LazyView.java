package org.convscope.app;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * A view that is made when it is first needed. The navigation needs only a view's id, title and icon, and a lesson
 * only its setting names, so {@link Views#create} registers these and makes the view itself (its view model,
 * listeners, classes) the first time it is shown or asked for its state: at startup only the first view is made,
 * which took most of the window's time to the first frame when all fifteen were made (issue #12, startup).
 * {@code ViewsTest} checks that what is declared here is what each view says of itself.
 */
public final class LazyView implements ConceptView {
    private final String id, titleKey;
    private final Ikon icon;
    private final Set<String> stateKeys;
    private final Supplier<? extends ConceptView> factory;
    private ConceptView view;

    LazyView(String id, String titleKey, Ikon icon, Set<String> stateKeys, Supplier<? extends ConceptView> factory) {
        this.id = Objects.requireNonNull(id);
        this.titleKey = Objects.requireNonNull(titleKey);
        this.icon = Objects.requireNonNull(icon);
        this.stateKeys = Set.copyOf(stateKeys);
        this.factory = Objects.requireNonNull(factory);
    }

    /** The view itself, made now if it was not yet (FX thread). */
    public ConceptView view() {
        if (view == null) {
            view = factory.get();
            if (!view.id().equals(id)) throw new IllegalStateException("view " + view.id() + " registered as " + id);
        }
        return view;
    }

    /** Whether the view has been made (tests). */
    public boolean made() { return view != null; }

    /** The view behind a navigation entry (itself when it is not a lazy one). */
    public static ConceptView unwrap(ConceptView v) { return v instanceof LazyView l ? l.view() : v; }

    @Override public String id() { return id; }
    @Override public String titleKey() { return titleKey; }
    @Override public Ikon icon() { return icon; }
    @Override public Node node() { return view().node(); }
    @Override public void onShow() { view().onShow(); }
    @Override public void onHide() { if (view != null) view.onHide(); }
    @Override public Set<String> stateKeys() { return view != null ? view.stateKeys() : stateKeys; }
    @Override public Map<String, String> captureState() { return view().captureState(); }
    @Override public void applyState(Map<String, String> state) { view().applyState(state); }

    @Override public String toString() { return "LazyView[" + id + (view == null ? "" : ", made") + "]"; }
}
