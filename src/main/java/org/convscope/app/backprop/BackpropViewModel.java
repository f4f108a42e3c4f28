package org.convscope.app.backprop;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.convscope.app.common.LatestOnly;
import org.convscope.engine.Gradients;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Network;

/**
 * The backpropagation view's background work: the gradients of the step asked for, the kernel's update and the two
 * LeNets at initialisation to compare with, through one newest-request-only runner ({@link LatestOnly}) on the app's
 * bounded executor, inactive while the view is hidden. The run of gradient-descent steps is kept between requests
 * while the network, picture and label stay. Tested without JavaFX's scene graph.
 */
public final class BackpropViewModel {
    /** @param label the true class; for an image without one, the class the user chose, or -1: what the network predicts */
    public record Request(Backprop.Source source, Network network, float[] image, int label, int step, int kernel) {}

    /**
     * What the view shows, computed in the background.
     * @param comparison the other LeNet at initialisation for the same image (null when that is the shown network)
     */
    public record Result(Request request, ModelSpec spec, List<String> names, Gradients gradients, double firstWeightsRms,
                         Backprop.KernelUpdate update, Backprop.Source comparisonSource, Gradients comparison,
                         double comparisonFirstWeightsRms, float learningRate, double modernInitRms, double d2lInitRms,
                         double d2lInitLoss, int label) {
        public int step() { return request.step(); }
        public Backprop.Source source() { return request.source(); }
    }

    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final LatestOnly<Request, Result> runner;
    private volatile Request lastComputed;
    /** The run the background thread keeps for the current source, network, image and label (background thread only). */
    private Backprop run;
    private Request runKey;
    /** Both LeNets at initialisation and their gradients for the image of initFor (background thread only). */
    private Request initFor;
    private final Map<Backprop.Source, Network> initNets = new java.util.EnumMap<>(Backprop.Source.class);
    private final Map<Backprop.Source, Gradients> initGrads = new java.util.EnumMap<>(Backprop.Source.class);

    /** @param fx where results are published: Platform::runLater in the app, Runnable::run in tests */
    public BackpropViewModel(Executor background, Executor fx) {
        runner = new LatestOnly<>(background, fx, this::compute, r -> { failure.set(null); result.set(r); },
                e -> failure.set(String.valueOf(e.getMessage())));
    }

    /** Asks for a step (the request holds its own copy of the picture); FX thread. */
    public void submit(Request r) {
        failure.set(null); // the same failure again is heard again
        runner.submit(r);
    }

    /** The view is shown (true) or hidden (false): hidden, requests wait, newest only, and run once on show. */
    public void setActive(boolean on) { runner.setActive(on); }

    /** The latest finished computation (null until the first). */
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }
    /** The last computation's failure message (null after a success). */
    public ReadOnlyObjectProperty<String> failureProperty() { return failure.getReadOnlyProperty(); }
    /** How many computations ran so far (tests: none while hidden). */
    public long computations() { return runner.computations(); }
    /** The request computed last (tests: which picture was computed). */
    public Request lastComputed() { return lastComputed; }

    /** Background thread: the step asked for (the run is kept while the network, image and label stay). */
    private Result compute(Request asked) {
        lastComputed = asked;
        Request r = asked;
        if (r.label() < 0) { // no label: learn the class the network predicts now
            float[] p = r.network().predict(r.image());
            int best = 0;
            for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
            r = new Request(r.source(), r.network(), r.image(), best, r.step(), r.kernel());
        }
        if (run == null || runKey.network() != r.network() || runKey.label() != r.label()
                || !java.util.Arrays.equals(runKey.image(), r.image())) {
            run = new Backprop(r.network(), r.image(), r.label(), r.source().learningRate());
            runKey = r;
        }
        Backprop.Step s = run.step(r.step());
        Backprop.KernelUpdate update = run.kernelUpdate(r.step(), r.kernel());
        Backprop.Source other = r.source() == Backprop.Source.D2L ? Backprop.Source.MODERN : Backprop.Source.D2L;
        if (r.source() == Backprop.Source.TRAINED) other = Backprop.Source.D2L;
        if (initFor == null || !java.util.Arrays.equals(initFor.image(), r.image()) || initFor.label() != r.label()) {
            initNets.clear();
            initGrads.clear();
            for (Backprop.Source s0 : List.of(Backprop.Source.MODERN, Backprop.Source.D2L)) {
                Network n = Backprop.initial(s0);
                initNets.put(s0, n);
                initGrads.put(s0, n.lossGradients(r.image(), r.label()));
            }
            initFor = r;
        }
        Network otherNet = initNets.get(other), modern = initNets.get(Backprop.Source.MODERN), d2l = initNets.get(Backprop.Source.D2L);
        Gradients og = initGrads.get(other), gm = initGrads.get(Backprop.Source.MODERN), gd = initGrads.get(Backprop.Source.D2L);
        ModelSpec spec = s.network().spec();
        return new Result(asked, spec, Backprop.layerNames(spec), s.gradients(), Backprop.firstWeightsRms(s.network(), s.gradients()),
                update, other, og, Backprop.firstWeightsRms(otherNet, og), run.learningRate(),
                Backprop.firstWeightsRms(modern, gm), Backprop.firstWeightsRms(d2l, gd), gd.loss(), r.label());
    }
}
