package org.convscope.app;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The message in the shell's status bar. Any view may post one (already translated: I18n.get(...)); the newest wins.
 * FX thread only. Progress of long loads is shown next to it (see {@link DatasetCache#progressProperty()}).
 */
public final class StatusLine {
    public enum Kind { INFO, SUCCESS, ERROR }

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.INFO);

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Kind> kindProperty() { return kind.getReadOnlyProperty(); }

    public void info(String text) { post(Kind.INFO, text); }

    public void success(String text) { post(Kind.SUCCESS, text); }

    public void error(String text) { post(Kind.ERROR, text); }

    private void post(Kind k, String text) {
        kind.set(k);
        message.set(text == null ? "" : text);
    }
}
