package org.convscope.app.saliency;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.convscope.app.AppContext;
import org.convscope.app.common.LatestOnly;
import org.convscope.engine.Network;

/**
 * The saliency view's background work: the saliency map and the occlusion map of the current picture, each through
 * its own newest-request-only runner ({@link LatestOnly}) on the app's bounded executor, both inactive while the view
 * is hidden. An occlusion sweep that a newer request has replaced stops early. Tested without JavaFX's scene graph.
 */
public final class SaliencyViewModel {
    /** One computation: the network, a copy of the picture, the class (-1: the predicted one), the class against. */
    public record Request(Network network, float[] image, int cls, int versus, long generation) {}

    /** @param cls the class the maps are for (the predicted one resolved) */
    public record SaliencyResult(Request request, int cls, float[] probabilities, float[] map) {}

    public record OcclusionResult(Request request, int cls, Attribution.Occlusion occlusion) {}

    /** What is missing for a computation: a message key, or null when a request can be made. */
    public static String problem(AppContext.InputImage img, AppContext.ActiveModel m) {
        if (img == null) return "saliency.noImage";
        if (m == null) return "saliency.noModel";
        return img.pixels().length != m.network().spec().input().size() ? "saliency.wrongSize" : null;
    }

    private final ReadOnlyObjectWrapper<SaliencyResult> saliency = new ReadOnlyObjectWrapper<>(this, "saliency");
    private final ReadOnlyObjectWrapper<OcclusionResult> occlusion = new ReadOnlyObjectWrapper<>(this, "occlusion");
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final LatestOnly<Request, SaliencyResult> saliencyRunner;
    private final LatestOnly<Request, OcclusionResult> occlusionRunner;
    private final AtomicLong generation = new AtomicLong();
    private volatile Request lastComputed;

    /** @param fx where results are published: Platform::runLater in the app, Runnable::run in tests */
    public SaliencyViewModel(Executor background, Executor fx) {
        saliencyRunner = new LatestOnly<>(background, fx, this::computeSaliency, r -> { failure.set(null); saliency.set(r); },
                e -> failure.set(String.valueOf(e.getMessage())));
        occlusionRunner = new LatestOnly<>(background, fx, this::computeOcclusion, r -> { if (r != null) occlusion.set(r); },
                e -> failure.set(String.valueOf(e.getMessage())));
    }

    /** Asks for both maps of image (already copied) by network; FX thread. */
    public void submit(Network network, float[] image, int cls, int versus) {
        Request r = new Request(network, image, cls, versus, generation.incrementAndGet());
        failure.set(null); // the same failure again is heard again
        saliencyRunner.submit(r);
        occlusionRunner.submit(r);
    }

    /** Whether the occlusion map shown belongs to the newest request. */
    public boolean occlusionCurrent() {
        OcclusionResult o = occlusion.get();
        return o != null && o.request().generation() == generation.get();
    }

    /** The view is shown (true) or hidden (false): hidden, requests wait, newest only, and run once on show. */
    public void setActive(boolean on) {
        saliencyRunner.setActive(on);
        occlusionRunner.setActive(on);
    }

    public ReadOnlyObjectProperty<SaliencyResult> saliencyProperty() { return saliency.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<OcclusionResult> occlusionProperty() { return occlusion.getReadOnlyProperty(); }
    /** The last computation's failure message (null after a saliency map came). */
    public ReadOnlyObjectProperty<String> failureProperty() { return failure.getReadOnlyProperty(); }
    /** How many computations ran so far, both maps (tests: none while hidden). */
    public long computations() { return saliencyRunner.computations() + occlusionRunner.computations(); }
    /** The request computed last (tests: which picture was computed). */
    public Request lastComputed() { return lastComputed; }

    private static int resolve(Network net, float[] image, int cls) {
        if (cls >= 0) return cls;
        float[] p = net.predict(image);
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    private SaliencyResult computeSaliency(Request r) {
        lastComputed = r;
        float[] p = r.network().predict(r.image());
        int c = resolve(r.network(), r.image(), r.cls());
        int v = r.versus() == c ? -1 : r.versus();
        return new SaliencyResult(r, c, p, Attribution.saliency(r.network(), r.image(), c, v));
    }

    private OcclusionResult computeOcclusion(Request r) {
        lastComputed = r;
        int c = resolve(r.network(), r.image(), r.cls());
        int v = r.versus() == c ? -1 : r.versus();
        Attribution.Occlusion o = Attribution.occlusion(r.network(), r.image(), c, v, () -> generation.get() != r.generation());
        return o == null ? null : new OcclusionResult(r, c, o);
    }
}
