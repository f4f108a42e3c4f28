package org.convscope.app.activation;

import java.util.ArrayList;
import java.util.List;

import org.convscope.engine.Activation;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.convscope.engine.Shape;
import org.convscope.engine.Trace;

/**
 * The activation view without JavaFX. It runs the current image through a network, takes the pre-activations that
 * enter one activation layer (the previous layer's outputs), and measures where they fall on a chosen curve.
 * Two networks can be looked at: the trained one of the current dataset, and a freshly initialised sigmoid LeNet-5
 * (so that the saturation lesson works even when the trained model uses ReLU).
 * State changes happen on one thread (the FX thread); {@link #request()} snapshots the state and
 * {@link Request#compute()} does the work anywhere.
 */
public final class ActivationViewModel {

    /** Pixels arrive as bytes 0..255 and the engine expects them divided by 255; "unnormalised" skips the division. */
    public static final float UNNORMALISED_SCALE = 255f;

    /** Seed of the freshly initialised network, fixed so that a class sees the same numbers every time. */
    public static final long FRESH_SEED = 1;

    public enum Source { TRAINED, FRESH }

    /**
     * An activation layer to look at.
     * @param index     layer index in the model; its pre-activations are the output of layer index-1
     * @param fn        the layer's own function
     * @param feeds     kind of the layer before it ("conv" or "dense")
     * @param ordinal   1-based number of that layer among its kind ("conv2")
     * @param shape     shape of the pre-activations
     */
    public record Layer(int index, Activation fn, String feeds, int ordinal, Shape shape) {}

    /** Everything {@link #compute()} needs, immutable; safe to hand to a background thread. */
    public record Request(Network network, Layer layer, Activation curve, boolean unnormalised, float[] image) {
        public Result compute() {
            float[] input = image.clone();
            if (unnormalised) for (int i = 0; i < input.length; i++) input[i] *= UNNORMALISED_SCALE;
            Trace trace = network.trace(input);
            float[] pre = trace.inputOf(layer.index());
            return new Result(this, ActivationStats.of(curve, pre), pre.clone(), trace.predictedClass(),
                    trace.probabilities()[trace.predictedClass()]);
        }
    }

    /**
     * What one request produced.
     * @param preActivations the values entering the activation layer (a copy, C x H x W row-major)
     */
    public record Result(Request request, ActivationStats stats, float[] preActivations, int predictedClass, float confidence) {}

    private Network trained;
    private String trainedDescription = "";
    private Network fresh;
    private Source source = Source.FRESH;
    private List<Layer> layers = List.of();
    private int layer;
    private Activation curve;
    private boolean unnormalised;
    private float[] image;

    // ---- the computation: in the background, newest request only, idle while the view is hidden
    private org.convscope.app.common.LatestOnly<Request, Result> runner;

    /** Requests run on {@code background} and their results arrive on {@code fx} (the view calls this once). */
    public void runIn(java.util.concurrent.Executor background, java.util.concurrent.Executor fx,
                      java.util.function.Consumer<Result> done, java.util.function.Consumer<Throwable> failed) {
        runner = new org.convscope.app.common.LatestOnly<>(background, fx, Request::compute, done, failed);
    }

    /** Asks for a computation (replaces one that has not started; waits while the view is hidden). */
    public void submit(Request r) { runner.submit(r); }

    /** Hidden: nothing is computed, requests wait (newest only); shown: the newest waiting one runs. */
    public void setShowing(boolean showing) { if (runner != null) runner.setActive(showing); }

    /** How many requests (each a trace of the picture) were computed so far. */
    public long traces() { return runner == null ? 0 : runner.computations(); }

    public ActivationViewModel() { useSource(Source.FRESH); }

    /** The layers of a model where an activation function is applied. */
    public static List<Layer> activationLayers(ModelSpec spec) {
        List<Layer> out = new ArrayList<>();
        int conv = 0, dense = 0;
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            if (l instanceof LayerSpec.Conv) conv++;
            if (l instanceof LayerSpec.Dense) dense++;
            if (l instanceof LayerSpec.Act a && i > 0) {
                LayerSpec before = spec.layers().get(i - 1);
                out.add(new Layer(i, a.fn(), before.kind(), before instanceof LayerSpec.Conv ? conv : dense, spec.inputShapeOf(i)));
            }
        }
        return List.copyOf(out);
    }

    /** Sets (or clears, with null) the trained network; falls back to the fresh one when it has no activation layer. */
    public void setTrained(Network network, String description) {
        trained = network != null && !activationLayers(network.spec()).isEmpty() ? network : null;
        trainedDescription = description == null ? "" : description;
        useSource(trained != null ? Source.TRAINED : Source.FRESH);
    }

    public boolean hasTrained() { return trained != null; }
    /** The trained network in use, or null. */
    public Network trainedNetwork() { return trained; }
    public String trainedDescription() { return trainedDescription; }

    public void useSource(Source s) {
        if (s == Source.TRAINED && trained == null) throw new IllegalStateException("there is no trained network with an activation layer yet");
        source = s;
        int keep = layer;
        layers = activationLayers(spec());
        setLayer(Math.min(keep, layers.size() - 1));
    }

    public Source source() { return source; }

    /** The architecture of the network in use (known without building the fresh network). */
    public ModelSpec spec() { return source == Source.TRAINED ? trained.spec() : ModelZoo.lenetClassic(); }

    public Network network() {
        if (source == Source.TRAINED) return trained;
        if (fresh == null) fresh = Network.create(ModelZoo.lenetClassic(), FRESH_SEED);
        return fresh;
    }

    public List<Layer> layers() { return layers; }
    public int layerChoice() { return layer; }
    public Layer layer() { return layers.get(layer); }

    /** Picks the i-th activation layer; the curve follows the layer's own function until changed. */
    public void setLayer(int i) {
        if (i < 0 || i >= layers.size()) throw new IllegalArgumentException("activation layer " + i + " does not exist; choose 0.." + (layers.size() - 1));
        layer = i;
        curve = layers.get(i).fn();
    }

    public Activation curve() { return curve; }
    public void setCurve(Activation a) { curve = java.util.Objects.requireNonNull(a); }

    public boolean unnormalised() { return unnormalised; }
    public void setUnnormalised(boolean u) { unnormalised = u; }

    /** The 28x28 image in 0..1 (copied). */
    public void setImage(float[] pixels) {
        int n = spec().input().size();
        if (pixels.length != n) throw new IllegalArgumentException("the image has " + pixels.length + " pixels; the network needs " + n);
        image = pixels.clone();
    }

    public boolean hasImage() { return image != null; }

    public Request request() {
        if (image == null) throw new IllegalStateException("no image yet: pick one in the dataset browser or draw one");
        return new Request(network(), layer(), curve, unnormalised, image);
    }

    /** Convenience for tests and small callers: {@code request().compute()} on the calling thread. */
    public Result compute() { return request().compute(); }
}
