package org.convscope.app.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.convscope.app.common.PictureTracer;
import org.convscope.app.common.Playback;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Shape;
import org.convscope.engine.Trace;

/**
 * The state of the kernel-sliding view: which input, which kernel, padding and stride, and where the sweep stands.
 * Only javafx.beans properties (no UI classes), so tests drive it without a toolkit; every number comes from a
 * {@link KernelSweep}, whose values are checked against the engine.
 *
 * <p>Kernel sources: MODEL — output channel o of one of the network's convolution layers, over that layer's real
 * input from the trace (all Ci channels, so conv2's kernel has 6 slices); PRESET — a classic 3×3 kernel; CUSTOM —
 * numbers typed into the grid; TEMPLATE — a patch cut from the input itself ("brighter = more similar"). The last
 * three slide over one map: the image or one channel of any layer's output.
 */
public final class KernelViewModel {

    public enum Source { MODEL, PRESET, CUSTOM, TEMPLATE }

    /** A map that can be the input of a one-slice kernel: the image (layer −1) or a layer's output. */
    public record InputOption(int layer, Shape shape, String kind) {}

    /** A problem to show instead of a sweep: an I18n key and its arguments. */
    public record Problem(String key, Object... args) {}

    /** Largest template side (a bigger one makes the numbers too small to read). */
    public static final int MAX_TEMPLATE = 7, MIN_TEMPLATE = 2;
    public static final int MAX_PADDING = 4, MAX_STRIDE = 4;

    private final Playback playback = new Playback();

    // what the app provides: the image, and when a network is available its trace and weights
    private Trace trace;
    private List<LayerWeights> weights = List.of();
    private float[] image;
    private int imageH, imageW;

    // what the user chooses
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.PRESET);
    private final IntegerProperty convLayer = new SimpleIntegerProperty(this, "convLayer", -1);
    private final IntegerProperty outChannel = new SimpleIntegerProperty(this, "outChannel", 0);
    private final ObjectProperty<KernelPreset> preset = new SimpleObjectProperty<>(this, "preset", KernelPreset.VERTICAL_EDGE);
    private final IntegerProperty inputLayer = new SimpleIntegerProperty(this, "inputLayer", -1);
    private final IntegerProperty inputChannel = new SimpleIntegerProperty(this, "inputChannel", 0);
    private final IntegerProperty padding = new SimpleIntegerProperty(this, "padding", 0);
    private final IntegerProperty stride = new SimpleIntegerProperty(this, "stride", 1);
    private final BooleanProperty zeroMeanTemplate = new SimpleBooleanProperty(this, "zeroMeanTemplate", true);
    private final BooleanProperty signedColours = new SimpleBooleanProperty(this, "signedColours", true);
    private float[] custom = KernelPreset.VERTICAL_EDGE.weights();
    private int customSize = 3;
    private float customBias = 0f;
    private int templateY = -1, templateX = -1, templateK = 5;

    // what follows from it
    private final ReadOnlyObjectWrapper<KernelSweep> sweep = new ReadOnlyObjectWrapper<>(this, "sweep");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final IntegerProperty slice = new SimpleIntegerProperty(this, "slice", 0);
    private final BooleanProperty receptiveField = new SimpleBooleanProperty(this, "receptiveField", false);
    private final ReadOnlyBooleanWrapper matchesModel = new ReadOnlyBooleanWrapper(this, "matchesModel", false);
    /** Incremented on every rebuild, so a view can repaint once for a new sweep. */
    private final ReadOnlyObjectWrapper<Long> revision = new ReadOnlyObjectWrapper<>(this, "revision", 0L);
    private boolean rebuilding, jumping;

    // ---- the network's trace of the app's picture: in the background, newest only, idle while hidden
    private PictureTracer tracer;

    /**
     * Traces run on {@code background} (the app's executor) and arrive on {@code fx}; the view calls this once when
     * it builds its pane, and then only {@link #trace} and {@link #setShowing}.
     */
    public void runTraces(java.util.concurrent.Executor background, java.util.concurrent.Executor fx,
                          java.util.function.Consumer<PictureTracer.Traced> arrived) {
        tracer = new PictureTracer(background, fx, arrived);
    }

    /** Asks for the trace of a picture (network null: no model, the picture alone). */
    public void trace(long generation, float[] pixels, org.convscope.engine.Network network) {
        tracer.submit(new PictureTracer.Request(generation, pixels, network, true));
    }

    /** Hidden: traces wait (newest only); shown: the newest waiting one runs. */
    public void setShowing(boolean showing) { if (tracer != null) tracer.setShowing(showing); }

    /** The tracer (null before the view built its pane): counts traces for tests. */
    public PictureTracer tracer() { return tracer; }

    public KernelViewModel() {
        Runnable r = this::rebuild;
        source.addListener((o, a, b) -> { if (b == Source.TEMPLATE && templateY < 0) placeDefaultTemplate(); r.run(); });
        convLayer.addListener((o, a, b) -> { adoptLayerGeometry(); r.run(); });
        outChannel.addListener((o, a, b) -> r.run());
        preset.addListener((o, a, b) -> r.run());
        inputLayer.addListener((o, a, b) -> { clampInputChannel(); r.run(); });
        inputChannel.addListener((o, a, b) -> r.run());
        padding.addListener((o, a, b) -> r.run());
        stride.addListener((o, a, b) -> r.run());
        zeroMeanTemplate.addListener((o, a, b) -> r.run());
        playback.cursorProperty().addListener((o, a, b) -> {
            followSlice(b);
            if (!jumping) receptiveField.set(false);
        });
        rebuild();
    }

    // ---- inputs from the app ------------------------------------------------------------------------------

    /** A network's view of the current image: its trace and weights. Keeps the user's choices where they still fit. */
    public void setNetwork(Trace trace, List<LayerWeights> weights) {
        this.trace = trace;
        this.weights = List.copyOf(weights);
        Shape in = trace.spec().input();
        this.image = trace.input().clone();
        this.imageH = in.h();
        this.imageW = in.w();
        List<Integer> convs = convLayers();
        rebuilding = true;
        try {
            if (!convs.contains(convLayer.get())) convLayer.set(convs.isEmpty() ? -1 : convs.getFirst());
            if (inputLayer.get() >= trace.layers().size() || inputLayer.get() >= 0 && !isMap(inputLayer.get())) inputLayer.set(-1);
            clampInputChannel();
            clampOutChannel();
            if (source.get() == Source.MODEL && convs.isEmpty()) source.set(Source.PRESET);
        } finally {
            rebuilding = false;
        }
        rebuild();
    }

    /** Only an image (no network, or it failed): the model kernels are unavailable. image is (1, h, w). */
    public void setImage(float[] image, int h, int w) {
        this.trace = null;
        this.weights = List.of();
        this.image = image.clone();
        this.imageH = h;
        this.imageW = w;
        rebuilding = true;
        try {
            inputLayer.set(-1);
            inputChannel.set(0);
            convLayer.set(-1);
            if (source.get() == Source.MODEL) source.set(Source.PRESET);
        } finally {
            rebuilding = false;
        }
        rebuild();
    }

    /**
     * "Show me how this map was made" (a click on a feature map in the network view): the convolution that produced
     * layer's channel — the layer itself if it is a convolution, else the nearest convolution before it (activation
     * and pooling keep the channel) — with the model's kernel. Layer −1 (the input) shows the image.
     */
    public void showFeatureMap(int layer, int channel) {
        if (trace == null) return;
        if (layer < 0) { inputLayer.set(-1); return; }
        int conv = -1;
        for (int i = Math.min(layer, trace.layers().size() - 1); i >= 0; i--) {
            if (trace.spec().layers().get(i) instanceof LayerSpec.Conv) { conv = i; break; }
        }
        if (conv < 0) { // a map before any convolution: slide a kernel over it instead
            if (isMap(layer)) { inputLayer.set(layer); inputChannel.set(channel); }
            return;
        }
        rebuilding = true;
        try {
            source.set(Source.MODEL);
            convLayer.set(conv);
            adoptLayerGeometry();
            outChannel.set(Math.clamp(channel, 0, outChannels(conv) - 1));
        } finally {
            rebuilding = false;
        }
        rebuild();
    }

    /** A click on output pixel (oy, ox): the sweep jumps there (value complete) and its receptive field lights up. */
    public void jumpTo(int oy, int ox) {
        KernelSweep s = sweep.get();
        if (s == null || oy < 0 || ox < 0 || oy >= s.outputHeight() || ox >= s.outputWidth()) return;
        playback.pause();
        jumping = true;
        try {
            playback.jumpTo(s.positionAt(oy, ox));
        } finally {
            jumping = false;
        }
        receptiveField.set(true);
    }

    // ---- properties ---------------------------------------------------------------------------------------

    public Playback playback() { return playback; }
    public ObjectProperty<Source> sourceProperty() { return source; }
    public IntegerProperty convLayerProperty() { return convLayer; }
    public IntegerProperty outChannelProperty() { return outChannel; }
    public ObjectProperty<KernelPreset> presetProperty() { return preset; }
    public IntegerProperty inputLayerProperty() { return inputLayer; }
    public IntegerProperty inputChannelProperty() { return inputChannel; }
    public IntegerProperty paddingProperty() { return padding; }
    public IntegerProperty strideProperty() { return stride; }
    public BooleanProperty zeroMeanTemplateProperty() { return zeroMeanTemplate; }
    public BooleanProperty signedColoursProperty() { return signedColours; }
    public ReadOnlyObjectProperty<KernelSweep> sweepProperty() { return sweep.getReadOnlyProperty(); }
    public KernelSweep sweep() { return sweep.get(); }
    public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }
    /** The kernel slice whose numbers are shown (multi-channel kernels); follows the multiply-adds while stepping. */
    public IntegerProperty sliceProperty() { return slice; }
    /** Whether the receptive field of the current output pixel is highlighted (after a click on it). */
    public BooleanProperty receptiveFieldProperty() { return receptiveField; }
    /** True when the sweep is exactly the network's own computation of a feature map (model kernel, its padding and stride). */
    public ReadOnlyBooleanProperty matchesModelProperty() { return matchesModel.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Long> revisionProperty() { return revision.getReadOnlyProperty(); }
    public boolean hasNetwork() { return trace != null; }
    public Trace trace() { return trace; }

    /** Indexes of the network's convolution layers (empty without a network, or for an MLP). */
    public List<Integer> convLayers() {
        List<Integer> out = new ArrayList<>();
        if (trace == null) return out;
        var layers = trace.spec().layers();
        for (int i = 0; i < layers.size(); i++) if (layers.get(i) instanceof LayerSpec.Conv) out.add(i);
        return out;
    }

    /** 1-based number of a convolution among the network's convolutions ("conv2"), for labels. */
    public int convNumber(int layer) { return convLayers().indexOf(layer) + 1; }

    public int outChannels(int convLayer) {
        return trace == null || convLayer < 0 ? 1 : ((LayerSpec.Conv) trace.spec().layers().get(convLayer)).outChannels();
    }

    /** The maps a one-slice kernel can slide over: the image, then every layer output that is still a picture. */
    public List<InputOption> inputOptions() {
        List<InputOption> out = new ArrayList<>();
        out.add(new InputOption(-1, new Shape(1, Math.max(imageH, 1), Math.max(imageW, 1)), "image"));
        if (trace == null) return out;
        List<Shape> shapes = trace.spec().shapes();
        for (int i = 0; i < shapes.size(); i++) if (isMap(i)) out.add(new InputOption(i, shapes.get(i), trace.spec().layers().get(i).kind()));
        return out;
    }

    /** Channels of the selected one-slice input (1 for the image). */
    public int inputChannels() {
        return inputLayer.get() < 0 || trace == null ? 1 : trace.spec().shapes().get(inputLayer.get()).c();
    }

    // ---- custom kernel and template -----------------------------------------------------------------------

    /**
     * Sets one number of the one-slice kernel (typed into the grid). When the kernel was not custom yet, the current
     * one-slice kernel becomes the custom one first, so typing edits what is on screen.
     */
    public void setKernelValue(int ky, int kx, float value) {
        KernelSweep s = sweep.get();
        if (source.get() != Source.CUSTOM) {
            if (s == null || s.channels() != 1) return; // multi-slice model kernels are read-only
            custom = s.kernel();
            customSize = s.kernelSize();
            customBias = s.bias();
            if (source.get() == Source.MODEL) inputLayer.set(-1); // conv1's input is the image
            rebuilding = true;
            try { source.set(Source.CUSTOM); } finally { rebuilding = false; }
        }
        if (ky < 0 || ky >= customSize || kx < 0 || kx >= customSize) throw new IllegalArgumentException("no kernel cell " + ky + "," + kx);
        custom[ky * customSize + kx] = value;
        rebuildKeepingCursor();
    }

    public void setBias(float bias) {
        KernelSweep s = sweep.get();
        if (source.get() != Source.CUSTOM) {
            if (s == null || s.channels() != 1) return;
            custom = s.kernel();
            customSize = s.kernelSize();
            if (source.get() == Source.MODEL) inputLayer.set(-1);
            rebuilding = true;
            try { source.set(Source.CUSTOM); } finally { rebuilding = false; }
        }
        customBias = bias;
        rebuildKeepingCursor();
    }

    /** Custom kernel side (odd or even, 1..7); the old numbers stay centred, new cells are 0. */
    public void setCustomSize(int size) {
        if (size < 1 || size > MAX_TEMPLATE) throw new IllegalArgumentException("kernel size must be 1.." + MAX_TEMPLATE);
        float[] next = new float[size * size];
        int off = (size - customSize) / 2;
        for (int y = 0; y < customSize; y++) for (int x = 0; x < customSize; x++) {
            int ny = y + off, nx = x + off;
            if (ny >= 0 && ny < size && nx >= 0 && nx < size) next[ny * size + nx] = custom[y * customSize + x];
        }
        custom = next;
        customSize = size;
        if (source.get() == Source.CUSTOM) rebuild(); else source.set(Source.CUSTOM);
    }

    public int customSize() { return customSize; }

    /** Cuts the template kernel from the input map: a k×k square with top-left (y0, x0) (dragged on the input). */
    public void setTemplate(int y0, int x0, int k) {
        templateK = Math.clamp(k, MIN_TEMPLATE, MAX_TEMPLATE);
        int[] hw = singleInputSize();
        templateY = Math.clamp(y0, 0, Math.max(0, hw[0] - templateK));
        templateX = Math.clamp(x0, 0, Math.max(0, hw[1] - templateK));
        if (source.get() == Source.TEMPLATE) rebuild(); else source.set(Source.TEMPLATE);
    }

    /** Template square in input coordinates: {y0, x0, k}, or null when none is set. */
    public int[] template() { return templateY < 0 ? null : new int[] {templateY, templateX, templateK}; }

    /** The padding and stride of the selected model layer, as the network uses them. */
    private void adoptLayerGeometry() {
        if (trace == null || convLayer.get() < 0) return;
        var c = (LayerSpec.Conv) trace.spec().layers().get(convLayer.get());
        boolean was = rebuilding;
        rebuilding = true;
        try {
            padding.set(c.padding());
            stride.set(c.stride());
            clampOutChannel();
        } finally {
            rebuilding = was;
        }
    }

    /**
     * The first template: the 5×5 patch of the input with the most contrast (largest variance), so that it holds a
     * piece of the stroke; the centre of brightness of a 7 lies in the empty space between its strokes.
     */
    private void placeDefaultTemplate() {
        float[] map = singleInput();
        int[] hw = singleInputSize();
        if (map == null) return;
        int k = Math.min(5, Math.min(hw[0], hw[1]));
        double best = -1;
        for (int y0 = 0; y0 + k <= hw[0]; y0++) {
            for (int x0 = 0; x0 + k <= hw[1]; x0++) {
                double s = 0, ss = 0;
                for (int dy = 0; dy < k; dy++) for (int dx = 0; dx < k; dx++) {
                    double v = map[(y0 + dy) * hw[1] + x0 + dx];
                    s += v;
                    ss += v * v;
                }
                double var = ss / (k * k) - (s / (k * k)) * (s / (k * k));
                if (var > best + 1e-9) { best = var; templateY = y0; templateX = x0; }
            }
        }
        templateK = k;
    }

    // ---- building the sweep -------------------------------------------------------------------------------

    private void rebuild() { rebuild(false); }

    private void rebuildKeepingCursor() { rebuild(true); }

    private void rebuild(boolean keepCursor) {
        if (rebuilding) return;
        KernelSweep next = null;
        Problem why = null;
        boolean model = false;
        try {
            if (image == null) {
                why = new Problem("kernel.problem.noImage");
            } else if (source.get() == Source.MODEL) {
                int L = convLayer.get();
                if (trace == null || L < 0) {
                    why = new Problem("kernel.problem.noModel");
                } else {
                    var conv = (LayerSpec.Conv) trace.spec().layers().get(L);
                    Shape in = trace.spec().inputShapeOf(L);
                    LayerWeights lw = weightsOf(L);
                    int o = Math.clamp(outChannel.get(), 0, conv.outChannels() - 1);
                    int k = conv.kernel(), ci = in.c();
                    float[] kernel = Arrays.copyOfRange(lw.weights(), o * ci * k * k, (o + 1) * ci * k * k);
                    why = fits(in.h(), in.w(), k);
                    if (why == null) {
                        next = new KernelSweep(trace.inputOf(L), ci, in.h(), in.w(), kernel, k, lw.bias()[o], padding.get(), stride.get());
                        model = padding.get() == conv.padding() && stride.get() == conv.stride();
                    }
                }
            } else {
                float[] map = singleInput();
                int[] hw = singleInputSize();
                float[] kernel;
                int k;
                float bias = 0f;
                switch (source.get()) {
                    case PRESET -> { kernel = preset.get().weights(); k = preset.get().size(); }
                    case CUSTOM -> { kernel = custom.clone(); k = customSize; bias = customBias; }
                    default -> {
                        if (templateY < 0) placeDefaultTemplate();
                        k = Math.min(templateK, Math.min(hw[0], hw[1]));
                        kernel = KernelSweep.template(map, 0, hw[0], hw[1], templateY, templateX, k, zeroMeanTemplate.get());
                    }
                }
                why = fits(hw[0], hw[1], k);
                if (why == null) next = new KernelSweep(map, 1, hw[0], hw[1], kernel, k, bias, padding.get(), stride.get());
            }
        } catch (IllegalArgumentException e) { // a shape the checks above did not foresee: say so, keep the choices
            why = new Problem("kernel.problem.other", e.getMessage());
            next = null;
        }
        KernelSweep old = sweep.get();
        sweep.set(next);
        problem.set(why);
        matchesModel.set(model);
        if (next != null) {
            slice.set(Math.clamp(slice.get(), 0, next.channels() - 1));
            boolean sameSize = old != null && old.positions() == next.positions() && old.terms() == next.terms();
            if (keepCursor || sameSize && old.channels() == next.channels()) playback.resize(next.positions(), next.terms());
            else { playback.reset(next.positions(), next.terms()); receptiveField.set(false); }
        } else {
            playback.pause();
        }
        revision.set(revision.get() + 1);
    }

    private Problem fits(int h, int w, int k) {
        int p = padding.get(), s = stride.get();
        if (s < 1 || p < 0) return new Problem("kernel.problem.geometry");
        if (k > h + 2 * p || k > w + 2 * p) return new Problem("kernel.problem.tooLarge", k, h, w, p, h + 2 * p, w + 2 * p);
        return null;
    }

    private LayerWeights weightsOf(int layer) {
        for (LayerWeights w : weights) if (w.layerIndex() == layer) return w;
        throw new IllegalArgumentException("the network has no weights for layer " + layer);
    }

    private boolean isMap(int layer) {
        Shape s = trace.spec().shapes().get(layer);
        return !s.isVector() && s.h() > 1 && s.w() > 1;
    }

    /** The one map a one-slice kernel slides over: (H, W) of the image or one channel of a layer output. */
    private float[] singleInput() {
        if (image == null) return null;
        int L = inputLayer.get();
        if (L < 0 || trace == null) return image;
        Shape s = trace.spec().shapes().get(L);
        int c = Math.clamp(inputChannel.get(), 0, s.c() - 1);
        float[] v = trace.layers().get(L).values();
        return Arrays.copyOfRange(v, c * s.h() * s.w(), (c + 1) * s.h() * s.w());
    }

    private int[] singleInputSize() {
        int L = inputLayer.get();
        if (L < 0 || trace == null) return new int[] {imageH, imageW};
        Shape s = trace.spec().shapes().get(L);
        return new int[] {s.h(), s.w()};
    }

    private void clampInputChannel() {
        int max = inputChannels() - 1;
        if (inputChannel.get() > max) inputChannel.set(max);
        if (inputChannel.get() < 0) inputChannel.set(0);
    }

    private void clampOutChannel() {
        int max = outChannels(convLayer.get()) - 1;
        if (outChannel.get() > max) outChannel.set(max);
        if (outChannel.get() < 0) outChannel.set(0);
    }

    private void followSlice(Playback.Cursor c) {
        KernelSweep s = sweep.get();
        if (s == null || s.channels() == 1) return;
        if (!c.complete()) slice.set(s.termChannel(Math.max(0, c.done() - 1)));
    }

    /** The spec of the network in use (null without one). */
    public ModelSpec spec() { return trace == null ? null : trace.spec(); }
}
