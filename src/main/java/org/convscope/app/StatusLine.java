package org.convscope.app;

import java.util.function.Supplier;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The message in the shell's status bar. Any view may post one; the newest wins. Posted by key ({@link #show}) it
 * follows the language switch; posted as text (info, success, error) it stays as written. FX thread only.
 * Progress of long loads is shown next to it (see {@link DatasetCache#progressProperty()}).
 */
public final class StatusLine {
    public enum Kind { INFO, SUCCESS, ERROR }

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.INFO);

    private Supplier<String> text = () -> "";
    /** Kept in a field: the locale property only holds it weakly, so a discarded status line is not kept alive. */
    private final InvalidationListener relocalise = o -> message.set(text.get());

    public StatusLine() {
        I18n.localeProperty().addListener(new WeakInvalidationListener(relocalise));
    }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Kind> kindProperty() { return kind.getReadOnlyProperty(); }

    public void info(String text) { post(Kind.INFO, text); }

    public void success(String text) { post(Kind.SUCCESS, text); }

    public void error(String text) { post(Kind.ERROR, text); }

    /** A message from the bundles (I18n.get(key, args)), shown again in the new language when the language changes. */
    public void show(Kind k, String key, Object... args) { post(k, () -> I18n.get(key, args)); }

    private void post(Kind k, String fixed) {
        post(k, () -> fixed == null ? "" : fixed);
    }

    private void post(Kind k, Supplier<String> t) {
        text = t;
        kind.set(k);
        message.set(t.get());
    }
}
