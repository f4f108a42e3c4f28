package org.convscope.app.pooling;

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
import org.convscope.app.common.LatestOnly;
import org.convscope.app.common.PictureTracer;
import org.convscope.app.common.Playback;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.PoolKind;
import org.convscope.engine.Shape;
import org.convscope.engine.Trace;

/**
 * The state of the pooling view: which pooling layer's input (or the image itself), which channel, max or average,
 * and where the window stands. Only javafx.beans properties, so tests drive it without a toolkit; every number comes
 * from a {@link PoolingWindow}, checked against the engine.
 */
public final class PoolingViewModel {

    /** The image itself as the input (no network, or chosen). */
    public static final int IMAGE = -1;
    /** Window and stride when pooling the image (LeNet's pooling). */
    public static final int DEFAULT_WINDOW = 2, DEFAULT_STRIDE = 2;

    private final Playback playback = new Playback();
    private Trace trace;
    private float[] image;
    private int imageH, imageW;

    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", IMAGE);
    private final IntegerProperty channel = new SimpleIntegerProperty(this, "channel", 0);
    private final ObjectProperty<PoolKind> kind = new SimpleObjectProperty<>(this, "kind", PoolKind.MAX);
    private final ReadOnlyObjectWrapper<PoolingWindow> window = new ReadOnlyObjectWrapper<>(this, "window");
    private final ReadOnlyBooleanWrapper matchesModel = new ReadOnlyBooleanWrapper(this, "matchesModel");
    private final BooleanProperty receptiveField = new SimpleBooleanProperty(this, "receptiveField");
    private final ReadOnlyObjectWrapper<Long> revision = new ReadOnlyObjectWrapper<>(this, "revision", 0L);
    private boolean rebuilding, jumping;

    // ---- background work: the network's trace of the app's picture and the one-pixel shift measurement, each a
    // newest-only runner on the app's executor, idle while the view is hidden
    private PictureTracer tracer;
    private LatestOnly<ShiftRequest, ShiftDone> shifts;

    /** Two forward passes of a picture, unmoved and moved by (dx, dy). */
    public record ShiftRequest(long generation, org.convscope.engine.Network network, float[] pixels, int h, int w, int dx, int dy) {}
    /** The measurement (null when the network failed on it). */
    public record ShiftDone(ShiftRequest request, ShiftSensitivity sensitivity) {}

    /** The view calls this once when it builds its pane: where the work runs and where results go (fx). */
    public void runInBackground(java.util.concurrent.Executor background, java.util.concurrent.Executor fx,
                                java.util.function.Consumer<PictureTracer.Traced> traced,
                                java.util.function.Consumer<ShiftDone> measured) {
        tracer = new PictureTracer(background, fx, traced);
        shifts = new LatestOnly<>(background, fx, r -> {
            ShiftSensitivity s;
            try {
                s = ShiftSensitivity.measure(r.network(), r.pixels(), r.h(), r.w(), r.dx(), r.dy());
            } catch (RuntimeException e) {
                s = null;
            }
            return new ShiftDone(r, s);
        }, measured, e -> { });
    }

    /** Asks for the trace of a picture (network null: no model, the picture alone). */
    public void trace(long generation, float[] pixels, org.convscope.engine.Network network) {
        tracer.submit(new PictureTracer.Request(generation, pixels, network, false));
    }

    public void measureShift(ShiftRequest r) { shifts.submit(r); }

    /** Hidden: nothing runs, requests wait (newest only); shown: the newest waiting ones run. */
    public void setShowing(boolean showing) {
        if (tracer == null) return;
        tracer.setShowing(showing);
        shifts.setActive(showing);
    }

    /** The tracer (null before the view built its pane): counts traces for tests. */
    public PictureTracer tracer() { return tracer; }
    /** Shift measurements computed so far. */
    public long shiftMeasurements() { return shifts == null ? 0 : shifts.computations(); }

    public PoolingViewModel() {
        layer.addListener((o, a, b) -> { adoptLayerKind(); clampChannel(); rebuild(); });
        channel.addListener((o, a, b) -> rebuild());
        kind.addListener((o, a, b) -> rebuild());
        playback.cursorProperty().addListener((o, a, b) -> { if (!jumping) receptiveField.set(false); });
    }

    /** The network's view of the current image; the first pooling layer unless the chosen one still exists. */
    public void setNetwork(Trace trace) {
        this.trace = trace;
        Shape in = trace.spec().input();
        image = trace.input().clone();
        imageH = in.h();
        imageW = in.w();
        List<Integer> pools = poolLayers();
        rebuilding = true;
        try {
            if (!pools.contains(layer.get())) layer.set(pools.isEmpty() ? IMAGE : pools.getFirst());
            adoptLayerKind();
            clampChannel();
        } finally {
            rebuilding = false;
        }
        rebuild();
    }

    /** Only an image (1, h, w): it is pooled itself. */
    public void setImage(float[] image, int h, int w) {
        this.trace = null;
        this.image = image.clone();
        imageH = h;
        imageW = w;
        rebuilding = true;
        try {
            layer.set(IMAGE);
            channel.set(0);
        } finally {
            rebuilding = false;
        }
        rebuild();
    }

    /** A click on an output pixel: the window jumps there and its 2×2 source lights up. */
    public void jumpTo(int oy, int ox) {
        PoolingWindow w = window.get();
        if (w == null || oy < 0 || ox < 0 || oy >= w.outputHeight() || ox >= w.outputWidth()) return;
        playback.pause();
        jumping = true;
        try {
            playback.jumpTo(w.positionAt(oy, ox));
        } finally {
            jumping = false;
        }
        receptiveField.set(true);
    }

    public Playback playback() { return playback; }
    /** A pooling layer index, or {@link #IMAGE}. */
    public IntegerProperty layerProperty() { return layer; }
    public IntegerProperty channelProperty() { return channel; }
    public ObjectProperty<PoolKind> kindProperty() { return kind; }
    public ReadOnlyObjectProperty<PoolingWindow> windowProperty() { return window.getReadOnlyProperty(); }
    public PoolingWindow window() { return window.get(); }
    /** True when the shown output is exactly the network's pooling layer output (same kind as the layer). */
    public ReadOnlyBooleanProperty matchesModelProperty() { return matchesModel.getReadOnlyProperty(); }
    public BooleanProperty receptiveFieldProperty() { return receptiveField; }
    public ReadOnlyObjectProperty<Long> revisionProperty() { return revision.getReadOnlyProperty(); }
    public ModelSpec spec() { return trace == null ? null : trace.spec(); }
    public Trace trace() { return trace; }

    /** Indexes of the network's pooling layers. */
    public List<Integer> poolLayers() {
        List<Integer> out = new ArrayList<>();
        if (trace == null) return out;
        var layers = trace.spec().layers();
        for (int i = 0; i < layers.size(); i++) if (layers.get(i) instanceof LayerSpec.Pool) out.add(i);
        return out;
    }

    /** The whole input of the chosen pooling (all channels): (C, H, W); null before there is an image. */
    public Shape inputShape() {
        if (image == null) return null;
        return layer.get() == IMAGE || trace == null ? new Shape(1, imageH, imageW) : trace.spec().inputShapeOf(layer.get());
    }

    /** The whole output: (C, Ho, Wo) — pooling keeps the channels and shrinks each map. */
    public Shape outputShape() {
        PoolingWindow w = window.get();
        Shape in = inputShape();
        return w == null || in == null ? in : new Shape(in.c(), w.outputHeight(), w.outputWidth());
    }

    /** The kind the network's layer uses (null for the image). */
    public PoolKind modelKind() {
        return layer.get() == IMAGE || trace == null ? null : ((LayerSpec.Pool) trace.spec().layers().get(layer.get())).pool();
    }

    private void adoptLayerKind() {
        PoolKind k = modelKind();
        if (k != null) {
            boolean was = rebuilding;
            rebuilding = true;
            try { kind.set(k); } finally { rebuilding = was; }
        }
    }

    private void clampChannel() {
        int max = inputShape() == null ? 0 : inputShape().c() - 1;
        if (channel.get() > max) channel.set(max);
        if (channel.get() < 0) channel.set(0);
    }

    private void rebuild() {
        if (rebuilding) return;
        PoolingWindow next = null;
        if (image != null) {
            Shape in = inputShape();
            int c = Math.clamp(channel.get(), 0, in.c() - 1);
            float[] map;
            int win = DEFAULT_WINDOW, stride = DEFAULT_STRIDE;
            if (layer.get() == IMAGE || trace == null) {
                map = image;
            } else {
                var pool = (LayerSpec.Pool) trace.spec().layers().get(layer.get());
                win = pool.window();
                stride = pool.stride();
                float[] all = trace.inputOf(layer.get());
                map = Arrays.copyOfRange(all, c * in.h() * in.w(), (c + 1) * in.h() * in.w());
            }
            next = new PoolingWindow(kind.get(), map, in.h(), in.w(), win, stride);
        }
        PoolingWindow old = window.get();
        window.set(next);
        matchesModel.set(next != null && modelKind() == kind.get());
        if (next != null) {
            if (old != null && old.positions() == next.positions() && old.terms() == next.terms()) playback.resize(next.positions(), next.terms());
            else { playback.reset(next.positions(), next.terms()); receptiveField.set(false); }
        } else {
            playback.pause();
        }
        revision.set(revision.get() + 1);
    }
}
