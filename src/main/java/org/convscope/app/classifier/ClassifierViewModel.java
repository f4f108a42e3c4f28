package org.convscope.app.classifier;

import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.convscope.app.AppContext;
import org.convscope.app.common.LatestOnly;
import org.convscope.engine.Network;

/**
 * The classifier view's state and its background work: one forward pass per picture and model ({@link Classification}),
 * through one newest-request-only runner ({@link LatestOnly}) on the app's bounded executor, inactive while the view is
 * hidden. Tested without JavaFX's scene graph.
 */
public final class ClassifierViewModel {
    /** One computation: the network, a copy of the picture, its true class (-1: none), the dataset it belongs to. */
    public record Request(Network network, float[] image, int label, String dataset) {}

    /** What is missing for a computation: a message key, or null when a request can be made. */
    public static String problem(AppContext.InputImage img, AppContext.ActiveModel m) {
        if (img == null) return "classifier.noImage";
        if (m == null) return "classifier.noModel";
        return img.pixels().length != m.network().spec().input().size() ? "classifier.wrongSize" : null;
    }

    private final ReadOnlyObjectWrapper<Classification> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final LatestOnly<Request, Classification> runner;
    private volatile Request lastComputed;

    /** @param fx where results are published: Platform::runLater in the app, Runnable::run in tests */
    public ClassifierViewModel(Executor background, Executor fx) {
        runner = new LatestOnly<>(background, fx, r -> {
            lastComputed = r;
            return new Classification(r.network(), r.image(), r.label());
        }, c -> {
            busy.set(false);
            failure.set(null);
            result.set(c);
        }, e -> {
            busy.set(false);
            failure.set(String.valueOf(e.getMessage()));
        });
    }

    /** Asks for the classification of img by m (the picture is copied); FX thread. */
    public void submit(AppContext.InputImage img, AppContext.ActiveModel m, String dataset) {
        busy.set(true);
        failure.set(null); // the same failure again is heard again
        runner.submit(new Request(m.network(), img.pixels().clone(), img.label(), dataset));
    }

    /** The view is shown (true) or hidden (false): hidden, requests wait, newest only, and run once on show. */
    public void setActive(boolean on) { runner.setActive(on); }

    /** The latest finished classification (null until the first). */
    public ReadOnlyObjectProperty<Classification> resultProperty() { return result.getReadOnlyProperty(); }
    /** A computation was asked for and has not come back. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The last computation's failure message (null after a success). */
    public ReadOnlyObjectProperty<String> failureProperty() { return failure.getReadOnlyProperty(); }
    /** How many computations ran so far (tests: none while hidden). */
    public long computations() { return runner.computations(); }
    /** The request computed last (tests: which picture was computed). */
    public Request lastComputed() { return lastComputed; }
}
