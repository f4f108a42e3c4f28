package org.convscope.app.network;

import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.MapChangeListener;
import org.convscope.app.AppContext;
import org.convscope.app.AppContext.ActiveModel;
import org.convscope.app.AppContext.InputImage;
import org.convscope.app.common.LatestOnly;
import org.convscope.engine.Trace;

/**
 * What the network view shows, without controls: the current image (from {@link AppContext#currentImageProperty()}),
 * moved by the {@link InputShift} of the translation-invariance experiment, traced through the model for its dataset
 * (every layer's values), and the invariance curve around the current shift. Both computations run in the background,
 * newest request only ({@link LatestOnly}); nothing is computed while the view is hidden.
 */
public final class NetworkViewModel {

    /** A trace together with what produced it. */
    public record Result(InputImage image, InputShift shift, ActiveModel model, Trace trace) {}

    private record Request(InputImage image, InputShift shift, ActiveModel model) {}

    private final AppContext ctx;
    private final ObjectProperty<InputShift> shift = new SimpleObjectProperty<>(this, "shift", InputShift.NONE);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<InvarianceCurve> curve = new ReadOnlyObjectWrapper<>(this, "curve");
    private final ReadOnlyObjectWrapper<ActiveModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<String> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final LatestOnly<Request, Result> tracer;
    private final LatestOnly<Request, InvarianceCurve> curver;
    private boolean showing, stale = true;
    private InputImage lastCurveImage;
    private ActiveModel lastCurveModel;
    private InputShift lastCurveShift;

    public NetworkViewModel(AppContext ctx, Executor background, Executor fx) {
        this.ctx = ctx;
        tracer = new LatestOnly<>(background, fx,
                r -> new Result(r.image(), r.shift(), r.model(), r.model().network().trace(r.shift().apply(r.image().pixels(), 28, 28))),
                r -> { if (r.model() == model.get()) { problem.set(null); result.set(r); } },
                e -> problem.set(String.valueOf(e.getMessage())));
        curver = new LatestOnly<>(background, fx,
                r -> InvarianceCurve.compute(r.image().pixels(), 28, 28, r.shift(), InputShift.MAX_SHIFT, r.model().network()::predict),
                curve::set, e -> problem.set(String.valueOf(e.getMessage())));
        ctx.currentImageProperty().addListener((o, a, img) -> {
            if (a == null || img == null || !a.dataset().equals(img.dataset())) model.set(modelFor(img));
            changed();
        });
        ctx.models().addListener((MapChangeListener<String, ActiveModel>) ch -> {
            model.set(modelFor(ctx.currentImageProperty().get()));
            changed();
        });
        shift.addListener((o, a, b) -> changed());
        model.set(modelFor(ctx.currentImageProperty().get()));
    }

    private ActiveModel modelFor(InputImage img) {
        return ctx.models().get(img == null ? AppContext.MNIST : img.dataset());
    }

    /** The view calls this when shown / hidden; work that was skipped while hidden is done on show. */
    public void setShowing(boolean s) {
        showing = s;
        if (s && stale) changed();
    }

    private void changed() {
        if (!showing) { stale = true; return; }
        stale = false;
        InputImage img = ctx.currentImageProperty().get();
        ActiveModel m = model.get();
        if (img == null || m == null) {
            result.set(null);
            curve.set(null);
            return;
        }
        if (img.pixels().length != m.network().spec().input().size()) {
            problem.set("input " + img.pixels().length + " values, model expects " + m.network().spec().input());
            return;
        }
        var req = new Request(img, shift.get(), m);
        tracer.submit(req);
        if (img != lastCurveImage || m != lastCurveModel || !shift.get().equals(lastCurveShift)) {
            lastCurveImage = img;
            lastCurveModel = m;
            lastCurveShift = shift.get();
            curver.submit(req);
        }
    }

    // ---- the experiment's controls ------------------------------------------------------------------------

    public void moveBy(int dx, int dy) {
        var s = shift.get();
        shift.set(new InputShift(s.dx() + dx, s.dy() + dy, s.degrees()));
    }

    public void turnBy(double degrees) {
        var s = shift.get();
        shift.set(s.withDegrees(s.degrees() + degrees));
    }

    public void reset() { shift.set(InputShift.NONE); }

    public ObjectProperty<InputShift> shiftProperty() { return shift; }
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<InvarianceCurve> curveProperty() { return curve.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ActiveModel> modelProperty() { return model.getReadOnlyProperty(); }
    /** An engine failure's message (null when all is well). */
    public ReadOnlyObjectProperty<String> problemProperty() { return problem.getReadOnlyProperty(); }
    public AppContext context() { return ctx; }
    /** How many traces ran so far (tests: none while the view is hidden). */
    public long traces() { return tracer.computations(); }
}
