package org.convscope.app.common;

import java.util.function.Consumer;

/**
 * What a view computes only while it is on screen (issue #12: hidden views do no work). A change while the view is
 * hidden only marks it stale; showing it computes once, for the newest state. Also switches the view model's runner
 * ({@link LatestOnly#setActive}) so that requests made meanwhile wait, newest only. FX thread.
 */
public final class ShowGate {
    private final Consumer<Boolean> activate;
    private final Runnable compute;
    private boolean showing = true, stale; // on screen until the window first hides it

    /** {@code activate} switches the runner on and off; {@code compute} is what a shown stale view runs once. */
    public ShowGate(Consumer<Boolean> activate, Runnable compute) {
        this.activate = activate;
        this.compute = compute;
    }

    /** The view is on screen: a change that came while hidden is computed now. */
    public void show() {
        showing = true;
        activate.accept(true);
        if (stale) {
            stale = false;
            compute.run();
        }
    }

    /** The view is hidden: nothing is computed until it is shown again. */
    public void hide() {
        showing = false;
        activate.accept(false);
    }

    /** True when the caller may compute now; false (and the view marked stale) while it is hidden. */
    public boolean admit() {
        if (!showing) stale = true;
        return showing;
    }
}
