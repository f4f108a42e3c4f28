package org.convscope.app.common;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.convscope.engine.LayerWeights;
import org.convscope.engine.Network;
import org.convscope.engine.Trace;

/**
 * A view model's trace of the app's picture through the model of its dataset: a {@link LatestOnly} runner (newest
 * request only, on the app's background executor) that is idle while its view is hidden ({@link #setShowing}) and
 * catches up once, with the newest request, when the view is shown again. Used by the kernel and pooling views.
 */
public final class PictureTracer {

    /**
     * A picture to trace. {@code network} null: there is no model for its dataset (the result carries the picture
     * only); {@code generation}: the view's request number, to recognise a result that a newer request overtook.
     */
    public record Request(long generation, float[] pixels, Network network, boolean withWeights) {}

    /** The trace (null without a network or when it failed), the weights if asked for, or the failure. */
    public record Traced(Request request, Trace trace, List<LayerWeights> weights, RuntimeException failure) {}

    private final LatestOnly<Request, Traced> runner;
    private final AtomicLong traces = new AtomicLong();
    private volatile Request lastTraced;

    /** @param arrived called on the fx executor with each newest result */
    public PictureTracer(Executor background, Executor fx, Consumer<Traced> arrived) {
        runner = new LatestOnly<>(background, fx, this::trace, arrived, e -> { });
    }

    private Traced trace(Request r) {
        if (r.network() == null) return new Traced(r, null, null, null);
        try {
            traces.incrementAndGet();
            lastTraced = r;
            Trace t = r.network().trace(r.pixels());
            return new Traced(r, t, r.withWeights() ? r.network().weights() : null, null);
        } catch (RuntimeException e) {
            return new Traced(r, null, null, e);
        }
    }

    /** Asks for a trace; replaces a request that has not started (or waits while the view is hidden). */
    public void submit(Request r) { runner.submit(r); }

    /** The view is shown (the newest waiting request runs now) or hidden (requests wait, nothing runs). */
    public void setShowing(boolean showing) { runner.setActive(showing); }

    /** How many network traces ran so far (tests: a hidden view traces nothing). */
    public long traces() { return traces.get(); }

    /** The request of the latest trace that ran (null before the first). */
    public Request lastTraced() { return lastTraced; }
}
