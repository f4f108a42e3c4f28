package org.convscope.app.draw;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.MapChangeListener;
import org.convscope.app.AppContext;
import org.convscope.app.AppContext.ActiveModel;
import org.convscope.app.AppContext.InputImage;
import org.convscope.app.I18n;
import org.convscope.app.common.LatestOnly;
import org.convscope.engine.Trace;

/**
 * Everything the draw view shows, without JavaFX controls (properties only, so it is tested without a toolkit).
 *
 * <p>Flow for every pen movement (FX thread): the {@link Drawing} rasterises the new segment, {@link Preprocessing}
 * turns the pad into the 28x28 input (well under a millisecond, see DrawLatencyTest), and the input goes to a
 * {@link LatestOnly} worker that runs the network's trace in the background; the newest probabilities come back to
 * the FX thread before the next frame in the common case. The event's time stamp travels along so that the view
 * can measure the latency from pen movement to updated bars.
 */
public final class DrawViewModel {

    public enum Tool { PEN, ERASER }

    /** A message for the user: a key in the draw bundle and its arguments (translated by the view, so it follows the language). */
    public record Message(String key, Object... args) {
        public boolean isProblem() { return key.contains(".error."); }
    }

    /**
     * One answer of the network.
     * @param eventNanos System.nanoTime() of the input change that led to it
     * @param computeNanos how long the trace took on the worker
     */
    public record Prediction(float[] probabilities, ActiveModel model, InputImage input, Trace trace, long eventNanos,
                             long computeNanos, long seq) {
        public int topClass() { return trace.predictedClass(); }
    }

    private record Request(InputImage input, ActiveModel model, long eventNanos, long seq) {}

    public static final double DEFAULT_WIDTH = 34, MIN_WIDTH = 6, MAX_WIDTH = 90;

    private final AppContext ctx;
    private final Executor fx;
    /** Picture decoding (one-off background work). */
    private final org.convscope.app.common.OneShot files;
    private final Drawing drawing = new Drawing();
    private final LatestOnly<Request, Prediction> predictor;
    private final List<Consumer<Drawing.Dirty>> padListeners = new ArrayList<>();

    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.PEN);
    private final DoubleProperty strokeWidth = new SimpleDoubleProperty(this, "strokeWidth", DEFAULT_WIDTH);
    private final StringProperty dataset = new SimpleStringProperty(this, "dataset", AppContext.MNIST);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyBooleanWrapper blank = new ReadOnlyBooleanWrapper(this, "blank", true);
    private final ReadOnlyObjectWrapper<Preprocessing.Steps> steps = new ReadOnlyObjectWrapper<>(this, "steps");
    private final ReadOnlyObjectWrapper<InputImage> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>(this, "prediction");
    private final ReadOnlyObjectWrapper<ActiveModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    /** The dataset image on the pad while nothing has been drawn over it (it is then used exactly, not preprocessed). */
    private final ReadOnlyObjectWrapper<InputImage> datasetImage = new ReadOnlyObjectWrapper<>(this, "datasetImage");
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    /** The model changed while the view was hidden: predict again when it is shown. */
    private boolean refreshWhenShown;

    private long datasetImageVersion = -1;
    private InputImage published;
    private InputImage pendingFromContext;
    private long openGeneration, seq, cancelledUpTo;
    /** Stops the picture decode in flight (a newer file or Esc), and the name of that file. */
    private PictureImport.Cancel openCancel;
    private String openName = "";
    /** Where the pad's picture came from, in the language of the moment ("your drawing", a file name, "MNIST test #3"). */
    private java.util.function.Supplier<String> source = () -> I18n.get("draw.source.drawn");

    /** Everything on one background executor (tests pass Runnable::run for both). */
    public DrawViewModel(AppContext ctx, Executor background, Executor fx) {
        this(ctx, background, background, fx);
    }

    /**
     * @param background picture decoding
     * @param predictions where the network runs (the app: its bounded background pool, whose threads live long, so no
     *                    thread is started per pen event and a decoding picture on another pool thread does not delay
     *                    the answer)
     * @param fx          the FX thread (Platform::runLater)
     */
    public DrawViewModel(AppContext ctx, Executor background, Executor predictions, Executor fx) {
        this.ctx = ctx;
        this.fx = fx;
        this.files = new org.convscope.app.common.OneShot(background, fx);
        this.predictor = new LatestOnly<>(predictions, fx, DrawViewModel::predict, p -> {
                    if (p.seq() > cancelledUpTo) prediction.set(p); // else: the pad was cleared after it was asked for
                },
                e -> message.set(new Message("draw.error.predict", String.valueOf(e.getMessage()))));
        dataset.addListener((obs, o, d) -> {
            model.set(ctx.models().get(d));
            InputImage shown = datasetImage.get();
            if (shown != null && !d.equals(shown.dataset())) {
                // a sneaker is not a digit: the other dataset's picture leaves the pad rather than being read as "2"
                clear();
                return;
            }
            refresh(System.nanoTime());
        });
        model.set(ctx.models().get(dataset.get()));
        ctx.models().addListener((MapChangeListener<String, ActiveModel>) ch -> {
            if (ch.getKey().equals(dataset.get())) {
                model.set(ctx.models().get(dataset.get()));
                // while hidden (a model in training is re-announced every second) the prediction waits for the view
                if (showing.get()) refresh(System.nanoTime()); else refreshWhenShown = true;
            }
        });
        ctx.currentImageProperty().addListener((obs, o, img) -> {
            if (img == null || img == published) return; // our own drawing coming back
            if (showing.get()) show(img);
            else pendingFromContext = img;
        });
        // made after another view chose a picture (views are made when first needed): that picture is shown first
        if (ctx.currentImageProperty().get() != null) pendingFromContext = ctx.currentImageProperty().get();
        refresh(System.nanoTime());
    }

    private static Prediction predict(Request r) {
        long t0 = System.nanoTime();
        Trace t = r.model().network().trace(r.input().pixels());
        return new Prediction(t.probabilities(), r.model(), r.input(), t, r.eventNanos(), System.nanoTime() - t0, r.seq());
    }

    // ---- pen -------------------------------------------------------------------------------------------------

    /** Pen down at (x, y) in pad pixels. */
    public void press(double x, double y, long eventNanos) { press(x, y, tool.get(), eventNanos); }

    /** Pen down with a given tool (the view erases with the secondary mouse button whatever the tool). */
    public void press(double x, double y, Tool with, long eventNanos) {
        changed(drawing.begin((float) x, (float) y, (float) strokeWidth.get(), with == Tool.ERASER), eventNanos);
    }

    /** Pen moved (button held) to (x, y): the prediction follows while the stroke is drawn. */
    public void drag(double x, double y, long eventNanos) {
        if (!drawing.drawing()) return;
        var dirty = drawing.extend((float) x, (float) y);
        if (!dirty.isEmpty()) changed(dirty, eventNanos);
    }

    /** Pen up where the last movement left it: the stroke joins the history and the input is shared with the other views. */
    public void release() {
        if (!drawing.drawing()) return;
        drawing.end();
        updateHistory();
        publish();
    }

    /**
     * Pen up at (x, y): the stroke is finished at the release point first. On a busy machine the button can be
     * released before the last movements were delivered; the release event still says where the pen was, so the end
     * of the stroke (a 2's bottom bar) is never lost.
     */
    public void release(double x, double y, long eventNanos) {
        if (!drawing.drawing()) return;
        var dirty = drawing.extend((float) x, (float) y);
        if (!dirty.isEmpty()) changed(dirty, eventNanos);
        drawing.end();
        updateHistory();
        publish();
    }

    public void undo() { afterEdit(drawing.undo()); }
    public void redo() { afterEdit(drawing.redo()); }
    public void clear() { afterEdit(drawing.clear()); }

    private void afterEdit(Drawing.Dirty dirty) {
        if (dirty.isEmpty()) return;
        changed(dirty, System.nanoTime());
        updateHistory();
        publish();
    }

    private void changed(Drawing.Dirty dirty, long eventNanos) {
        for (var l : padListeners) l.accept(dirty);
        updateHistory();
        refresh(eventNanos);
    }

    private void updateHistory() {
        canUndo.set(drawing.canUndo());
        canRedo.set(drawing.canRedo());
    }

    // ---- pictures and dataset images ---------------------------------------------------------------------------

    /** Puts a dataset image on the pad (undoable) and switches to its dataset's model; it is used exactly as it is. */
    public void show(InputImage img) {
        pendingFromContext = null;
        if (img.pixels().length != Preprocessing.SIDE * Preprocessing.SIDE) {
            message.set(new Message("draw.error.imageSize", img.pixels().length));
            return;
        }
        var dirty = drawing.place(Drawing.fitToPad(new GrayImage(28, 28, img.pixels().clone()), img.source()));
        datasetImage.set(img);
        datasetImageVersion = drawing.version();
        source = img::source;
        published = img;          // it came from the context (or is about to go there): no echo
        if (!AppContext.MNIST.equals(img.dataset()) && !AppContext.FASHION_MNIST.equals(img.dataset())) return;
        if (!img.dataset().equals(dataset.get())) dataset.set(img.dataset()); // refreshes
        message.set(null);
        changed(dirty, System.nanoTime());
        if (ctx.currentImageProperty().get() != img) ctx.currentImageProperty().set(img);
    }

    /** Reads a picture file in the background; the pad shows it when done, or the message says what is wrong. */
    public void openPicture(Path file) {
        long generation = ++openGeneration;
        if (openCancel != null) openCancel.cancel(); // a new file stops the decode of the old one
        PictureImport.Cancel cancel = new PictureImport.Cancel();
        openCancel = cancel;
        openName = String.valueOf(file.getFileName());
        opening.set(true);
        message.set(new Message("picture.opening", String.valueOf(file.getFileName())));
        files.run("Opening the picture " + file, () -> PictureImport.read(file, cancel), out -> {
            if (generation != openGeneration) return; // a newer file was opened meanwhile
            opening.set(false);
            switch (out) {
                case PictureImport.Problem p -> message.set(new Message(p.key(), p.args()));
                case PictureImport.Loaded l -> placePicture(l);
            }
        }, e -> {
            if (generation != openGeneration) return;
            opening.set(false);
            message.set(new Message("picture.error.unreadable", String.valueOf(file.getFileName()), String.valueOf(e.getMessage())));
        });
    }

    /** Stops the picture being opened, if any (Esc); the pad keeps what it shows. Returns whether one was stopped. */
    public boolean cancelOpening() {
        if (!opening.get() || openCancel == null) return false;
        openCancel.cancel();
        openGeneration++; // its result, if it still comes, is not placed
        opening.set(false);
        message.set(new Message("picture.error.cancelled", openName));
        return true;
    }

    private void placePicture(PictureImport.Loaded l) {
        var dirty = drawing.place(Drawing.fitToPad(l.image(), l.name()));
        datasetImage.set(null);
        String name = l.name();
        source = () -> name;
        message.set(new Message(l.inverted() ? "picture.loadedInverted" : "picture.loaded", l.name(), l.originalWidth(), l.originalHeight()));
        changed(dirty, System.nanoTime());
        publish();
    }

    // ---- prediction ----------------------------------------------------------------------------------------

    /** Recomputes the input from the pad and asks for a prediction. */
    private void refresh(long eventNanos) {
        refreshWhenShown = false;
        if (datasetImage.get() != null && drawing.version() != datasetImageVersion) {
            datasetImage.set(null); // drawn over: from now on it is a picture like any other
            source = () -> I18n.get("draw.source.drawn");
        }
        InputImage in;
        boolean isBlank = drawing.isBlank();
        if (datasetImage.get() != null) {
            in = datasetImage.get();
            steps.set(null);
        } else {
            var style = AppContext.FASHION_MNIST.equals(dataset.get()) ? Preprocessing.Style.FASHION : Preprocessing.Style.MNIST;
            var s = Preprocessing.apply(drawing.view(), style);
            steps.set(s);
            in = s.empty() ? null : InputImage.localized(s.centred().pixels(), dataset.get(), -1, source);
        }
        blank.set(isBlank);
        input.set(in);
        ActiveModel m = model.get();
        if (in == null || m == null) {
            cancelledUpTo = seq;
            prediction.set(null);
            return;
        }
        predictor.submit(new Request(new InputImage(in.pixels(), dataset.get(), in.label(), in.fixedSource(), in.sourceText(), in.ref()), m, eventNanos, ++seq));
    }

    /** Shares the current input with the other views (the network view follows it). */
    private void publish() {
        InputImage in = input.get();
        if (in == null || datasetImage.get() != null) return;
        published = in;
        ctx.currentImageProperty().set(in);
    }

    /** Called by the view when it becomes visible / hidden: a dataset image picked meanwhile is shown now. */
    public void setShowing(boolean s) {
        showing.set(s);
        predictor.setActive(s);
        if (s && pendingFromContext != null) show(pendingFromContext);
        if (s && refreshWhenShown) refresh(System.nanoTime());
    }

    // ---- accessors -----------------------------------------------------------------------------------------

    public Drawing drawing() { return drawing; }
    /** How many predictions (each a trace) ran so far (tests: none while the view is hidden). */
    public long traces() { return predictor.computations(); }
    public void addPadListener(Consumer<Drawing.Dirty> l) { padListeners.add(l); }

    public ObjectProperty<Tool> toolProperty() { return tool; }
    public DoubleProperty strokeWidthProperty() { return strokeWidth; }
    /** MNIST or FASHION_MNIST: which model looks at the input and how a drawing is preprocessed. */
    public StringProperty datasetProperty() { return dataset; }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty openingProperty() { return opening.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty blankProperty() { return blank.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Preprocessing.Steps> stepsProperty() { return steps.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<InputImage> inputProperty() { return input.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Prediction> predictionProperty() { return prediction.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ActiveModel> modelProperty() { return model.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<InputImage> datasetImageProperty() { return datasetImage.getReadOnlyProperty(); }
    public void setMessage(Message m) { message.set(m); }
}
