package org.convscope.app;

import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The message in the shell's status bar. Any view may post one; the newest wins. Posted by key ({@link #show}) it
 * follows the language switch; posted as text (info, success, error) it stays as written. FX thread only.
 * Progress of long loads is shown next to it (see {@link DatasetCache#progressProperty()}).
 * <p>
 * A message does not outstay its moment: information and success go after {@link #INFO_SECONDS}, errors after
 * {@link #ERROR_SECONDS} (a later message replaces it at once), so the bar never speaks of a screen left long ago.
 */
public final class StatusLine {
    public enum Kind { INFO, SUCCESS, ERROR }

    /** How long an information or success message stays; errors stay longer (they may need reading twice). */
    public static final double INFO_SECONDS = 10, ERROR_SECONDS = 45;

    /** Runs an action after a delay on the FX thread; the returned Runnable cancels it. */
    @FunctionalInterface
    public interface Timer {
        Runnable after(double seconds, Runnable action);
    }

    /** The FX timer (a PauseTransition): for the app. Off the FX thread (tests without a toolkit) nothing times out. */
    public static final Timer FX_TIMER = (seconds, action) -> {
        if (!javafx.application.Platform.isFxApplicationThread()) return () -> {};
        var pause = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(seconds));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    };

    /** Messages stay until replaced (tests without the FX toolkit). */
    public static final Timer NEVER = (seconds, action) -> () -> {};

    private final Timer timer;
    private Runnable cancelTimeout = () -> {};

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.INFO);

    private Supplier<String> text = () -> "";
    /** Kept in a field: the locale property only holds it weakly, so a discarded status line is not kept alive. */
    private final Object relocalise = I18n.listen(() -> message.set(text.get()));

    public StatusLine() { this(FX_TIMER); }

    public StatusLine(Timer timer) {
        this.timer = timer;
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
        cancelTimeout.run();
        Supplier<String> posted = t;
        cancelTimeout = message.get().isEmpty() ? () -> {} : timer.after(k == Kind.ERROR ? ERROR_SECONDS : INFO_SECONDS, () -> {
            if (text == posted) clear();
        });
    }

    /** Empties the bar (also what a timed-out message does). */
    public void clear() {
        cancelTimeout.run();
        cancelTimeout = () -> {};
        text = () -> "";
        kind.set(Kind.INFO);
        message.set("");
    }
}
