package org.convscope.app.common;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A lesson step's settings for a view whose content arrives in the background (the network's trace of the current
 * picture): applied at once when the content for the newest request is there, otherwise when it arrives, so that
 * the arriving content does not overwrite them. A setting that cannot be applied then is reported, not thrown.
 * FX thread only.
 */
public final class PendingState {
    private final Consumer<Map<String, String>> apply;
    private final Consumer<String> onProblem;
    private Map<String, String> pending;
    private long arrived = -1;

    /**
     * @param apply     applies the settings (may throw {@link IllegalArgumentException} with a message for a person)
     * @param onProblem where that message goes (e.g. the status bar)
     */
    public PendingState(Consumer<Map<String, String>> apply, Consumer<String> onProblem) {
        this.apply = apply;
        this.onProblem = onProblem;
    }

    /** Settings for the view; current is the generation of the newest request for content. */
    public void offer(Map<String, String> state, long current) {
        pending = state;
        if (arrived == current) flush();
    }

    /** The content of this generation has arrived (call after the view took it in). */
    public void arrived(long generation) {
        arrived = generation;
        flush();
    }

    private void flush() {
        Map<String, String> s = pending;
        if (s == null) return;
        pending = null;
        try {
            apply.accept(s);
        } catch (IllegalArgumentException e) {
            onProblem.accept(e.getMessage());
        }
    }
}
