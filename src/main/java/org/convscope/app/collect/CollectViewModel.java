package org.convscope.app.collect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.convscope.app.draw.Drawing;
import org.convscope.app.draw.DrawViewModel;
import org.convscope.app.draw.GrayImage;
import org.convscope.app.draw.Preprocessing;

/**
 * What the collect view shows, without controls: the pad (a draw-view {@link Drawing} plus the strokes as drawn),
 * the class being collected, the set with its undo, the selected drawing, and saving as it goes. FX thread, except
 * the disk: loading and saving run on io, their results come back through fx. Tested without a window.
 */
public final class CollectViewModel {

    /** A message for the footer: key in the collect bundle, its arguments, and whether it reports a problem. */
    public record Message(String key, Object[] args, boolean problem) {
        public static Message info(String key, Object... args) { return new Message(key, args, false); }
        public static Message problem(String key, Object... args) { return new Message(key, args, true); }
        public static Message of(SetProblem p) { return new Message(p.key(), p.args(), true); }
    }

    private final SetStore store;
    private final Executor fx;
    /** Every file operation: one-off background work, failures logged and said in the message line. */
    private final org.convscope.app.common.OneShot jobs;
    private final CollectedSet set = new CollectedSet();
    private Drawing drawing = new Drawing();
    private final List<Stroke> strokes = new ArrayList<>();
    private float[] current = new float[64];
    private int currentN;
    private float currentWidth;

    private final IntegerProperty selectedClass = new SimpleIntegerProperty(this, "selectedClass", 0);
    private final ObjectProperty<GrayImage> preview = new SimpleObjectProperty<>(this, "preview", GrayImage.blank(28, 28));
    private final BooleanProperty padBlank = new SimpleBooleanProperty(this, "padBlank", true);
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded", false);
    private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo", false);
    private final LongProperty selected = new SimpleLongProperty(this, "selected", 0);
    private final LongProperty version = new SimpleLongProperty(this, "version", 0);
    private final ObjectProperty<Message> message = new SimpleObjectProperty<>(this, "message");
    private final List<Runnable> padListeners = new ArrayList<>();

    /** The newest snapshot not yet written; the writer takes it (several quick changes: one write). */
    private final AtomicReference<SetData> pending = new AtomicReference<>();
    private boolean storeBroken;

    public CollectViewModel(SetStore store, Executor io, Executor fx) {
        this.store = store;
        this.fx = fx;
        this.jobs = new org.convscope.app.common.OneShot(io, fx);
        set.addListener(() -> {
            version.set(set.version());
            canUndo.set(set.canUndo());
            if (set.get(selected.get()) == null) selected.set(0);
            if (selectedClass.get() >= set.classNames().size()) selectedClass.set(0);
            if (loaded.get()) saveSoon();
        });
    }

    /** Reads the saved set (once, at start); the pad works meanwhile, adding waits for it. */
    public void load() {
        record Loaded(SetData data, SetProblem problem) {}
        jobs.run("Reading the handwriting set", () -> {
            try {
                return new Loaded(store.load(), null);
            } catch (SetProblem p) { // a damaged or foreign file: the message says so, the pad starts empty
                return new Loaded(SetData.empty(), p);
            }
        }, r -> {
            set.replace(r.data());
            loaded.set(true);
            if (r.problem() != null) message.set(Message.of(r.problem()));
            else if (r.data().samples().isEmpty()) message.set(Message.info("collect.msg.start"));
            else message.set(Message.info("collect.msg.restored", r.data().samples().size(), store.file().toString()));
        }, e -> {
            loaded.set(true);
            message.set(Message.problem("collect.msg.failed", String.valueOf(e.getMessage())));
        });
    }

    public CollectedSet set() { return set; }
    public Drawing drawing() { return drawing; }
    public SetStore store() { return store; }
    public IntegerProperty selectedClassProperty() { return selectedClass; }
    public ObjectProperty<GrayImage> previewProperty() { return preview; }
    public BooleanProperty padBlankProperty() { return padBlank; }
    public BooleanProperty loadedProperty() { return loaded; }
    public BooleanProperty canUndoProperty() { return canUndo; }
    /** Id of the selected drawing in the grid, 0 = none. */
    public LongProperty selectedProperty() { return selected; }
    /** Grows with every change of the set. */
    public LongProperty versionProperty() { return version; }
    public ObjectProperty<Message> messageProperty() { return message; }
    public void setMessage(Message m) { message.set(m); }
    public void addPadListener(Runnable r) { padListeners.add(r); }

    // ---- the pad ---------------------------------------------------------------------------------------------

    public void penDown(float x, float y) {
        currentWidth = (float) DrawViewModel.DEFAULT_WIDTH;
        currentN = 0;
        point(x, y);
        drawing.begin(x, y, currentWidth, false);
        padChanged(false);
    }

    public void penMove(float x, float y) {
        if (!drawing.drawing()) return;
        point(x, y);
        drawing.extend(x, y);
        padChanged(false);
    }

    /** Pen up at (x, y): the stroke is finished at the release point first (see {@link DrawViewModel#release(double, double, long)}). */
    public void penUp(float x, float y) {
        if (!drawing.drawing()) return;
        boolean moved = currentN == 0 || current[2 * currentN - 2] != x || current[2 * currentN - 1] != y;
        if (moved) penMove(x, y);
        penUp();
    }

    public void penUp() {
        if (!drawing.drawing()) return;
        drawing.end();
        strokes.add(new Stroke(currentWidth, false, java.util.Arrays.copyOf(current, 2 * currentN)));
        padChanged(true);
    }

    private void point(float x, float y) {
        if (2 * currentN + 2 > current.length) current = java.util.Arrays.copyOf(current, current.length * 2);
        current[2 * currentN] = x;
        current[2 * currentN + 1] = y;
        currentN++;
    }

    public void clearPad() {
        drawing = new Drawing();
        strokes.clear();
        padChanged(true);
    }

    public List<Stroke> strokes() { return List.copyOf(strokes); }

    private void padChanged(boolean strokeDone) {
        padBlank.set(drawing.isBlank());
        if (strokeDone) preview.set(Preprocessing.mnist(drawing.view()).centred());
        for (Runnable r : padListeners) r.run();
    }

    // ---- collecting ------------------------------------------------------------------------------------------

    /** Adds what is on the pad to the selected class and clears the pad (Enter). False when there is nothing to add. */
    public boolean add() {
        if (drawing.drawing()) penUp();
        if (!loaded.get()) { message.set(Message.problem("collect.msg.loading")); return false; }
        if (drawing.isBlank()) { message.set(Message.problem("collect.msg.blank")); return false; }
        byte[] px = Stroke.mnistBytes(drawing.view());
        int label = selectedClass.get();
        Sample s = set.add(label, px, strokes, "drawn");
        clearPad();
        message.set(Message.info(s.heldOut() ? "collect.msg.addedHeldOut" : "collect.msg.added",
                set.classNames().get(label), set.counts()[label]));
        return true;
    }

    public boolean deleteSelected() {
        long id = selected.get();
        if (id == 0 || !set.delete(id)) { message.set(Message.problem("collect.msg.selectFirst")); return false; }
        message.set(Message.info("collect.msg.deleted"));
        return true;
    }

    public boolean relabelSelected(int label) {
        Sample s = set.get(selected.get());
        if (s == null) { message.set(Message.problem("collect.msg.selectFirst")); return false; }
        if (!set.relabel(s.id(), label)) return false;
        message.set(Message.info("collect.msg.relabelled", set.classNames().get(s.label()), set.classNames().get(label)));
        return true;
    }

    public void undo() {
        if (set.undo()) message.set(Message.info("collect.msg.undone"));
    }

    /** New class names from the text field ("0, 1, 2" or "circle, square"); a problem message when refused. */
    public boolean setClassNames(String text) {
        try {
            set.setClassNames(SetData.splitNames(text));
            message.set(Message.info("collect.msg.classes", set.classNames().size()));
            return true;
        } catch (SetProblem p) {
            message.set(Message.of(p));
            return false;
        }
    }

    // ---- saving as it goes -----------------------------------------------------------------------------------

    private void saveSoon() {
        if (pending.getAndSet(set.data()) != null) return; // a write is queued: it will take the newest snapshot
        jobs.run("Saving the handwriting set", () -> {
            SetData d = pending.getAndSet(null);
            if (d != null) store.save(d);
        }, () -> {
            if (storeBroken) { storeBroken = false; message.set(Message.info("collect.msg.savedAgain")); }
        }, e -> {
            storeBroken = true;
            message.set(Message.problem("collect.msg.saveFailed", store.file().toString(), String.valueOf(e.getMessage())));
        });
    }

    // ---- files -------------------------------------------------------------------------------------------------

    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    /** A file operation is running (the file buttons wait). */
    public BooleanProperty busyProperty() { return busy; }

    /** The set with who saved it and when, for the files. */
    private SetData forFiles() {
        SetData d = set.data();
        if (!d.provenance().containsKey("author")) d = d.withProvenance("author", System.getProperty("user.name", ""));
        return d.withProvenance("app", "ConvScope");
    }

    /** Saves the set as MNIST IDX files and convscope-set.json in dir. */
    public void saveIdx(Path dir) {
        SetData d = forFiles();
        background(() -> {
            SetFiles.saveIdx(d, dir);
            return Message.info("collect.msg.savedIdx", d.samples().size(), d.part(false).size(), d.part(true).size(), dir.toString());
        }, null);
    }

    /** Exports a folder of PNGs per class (torchvision ImageFolder). */
    public void exportPng(Path dir) {
        SetData d = set.data();
        background(() -> Message.info("collect.msg.exported", SetFiles.exportPng(d, dir), d.classNames().size(), dir.toString()), null);
    }

    /**
     * Opens a saved set: into an empty set it becomes the set (with its class names); otherwise it is merged (one
     * undoable step): drawings already there are skipped, a set with other class names is refused.
     */
    public void openSet(Path dir) {
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        background(() -> SetFiles.openIdx(dir), opened -> {
            if (set.size() == 0) {
                if (opened.samples().isEmpty()) { message.set(Message.problem("collect.msg.openedEmpty", dir.toString())); return; }
                set.replace(opened);
                selectedClass.set(0);
                message.set(Message.info("collect.msg.opened", opened.samples().size(), opened.classNames().size(), dir.toString()));
                return;
            }
            try {
                SetFiles.Merged m = SetFiles.merge(set.data(), opened, name);
                set.addAll(m.added(), true);
                String merged = set.data().provenance().getOrDefault("merged", "");
                String author = opened.provenance().getOrDefault("author", name);
                set.setProvenance("merged", merged.isEmpty() ? author : merged + ", " + author);
                message.set(Message.info("collect.msg.merged", m.added().size(), m.duplicates(), name));
            } catch (SetProblem p) {
                message.set(Message.of(p));
            }
        });
    }

    /**
     * Imports a folder of pictures per class: into an empty set the folders name the classes, otherwise they must be
     * its classes. One undoable step; what was left out is listed in the message.
     */
    public void importPng(Path dir) {
        List<String> classes = set.size() == 0 ? null : set.classNames();
        background(() -> SetFiles.importPng(dir, classes), imp -> {
            if (set.size() == 0 && !imp.classNames().equals(set.classNames())) {
                try {
                    set.setClassNames(imp.classNames());
                } catch (SetProblem p) {
                    message.set(Message.of(p));
                    return;
                }
            } else if (!imp.classNames().equals(set.classNames())) {
                message.set(Message.problem("collect.msg.changedMeanwhile"));
                return;
            }
            set.addAll(imp.samples(), false);
            if (imp.problems().isEmpty()) {
                message.set(Message.info("collect.msg.imported", imp.samples().size(), dir.toString()));
            } else {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < Math.min(3, imp.problems().size()); i++) sb.append(i == 0 ? "" : "; ").append(imp.problems().get(i).text());
                if (imp.problems().size() > 3) sb.append(" …");
                message.set(Message.problem("collect.msg.importedLeftOut", imp.samples().size(), dir.toString(), imp.problems().size(), sb.toString()));
            }
        });
    }

    /** Starts an empty set; the current one is kept as a saved set (IDX folder) in the ConvScope folder. */
    public void newSet() {
        SetData old = forFiles();
        if (old.samples().isEmpty()) { set.replace(SetData.empty()); return; }
        background(() -> {
            Path kept = store.file().resolveSibling("handwriting-sets").resolve(java.time.Instant.now().toString().replace(':', '-'));
            SetFiles.saveIdx(old, kept);
            return kept;
        }, kept -> {
            set.replace(SetData.empty());
            selectedClass.set(0);
            message.set(Message.info("collect.msg.newSet", old.samples().size(), kept.toString()));
        });
    }

    @FunctionalInterface
    interface Work<T> { T run() throws Exception; }

    /** Runs work on io; its result goes to then on fx (a Message result is shown); a problem is shown, nothing changes. */
    @SuppressWarnings("unchecked")
    private <T> void background(Work<T> work, java.util.function.Consumer<T> then) {
        if (busy.get()) { message.set(Message.problem("collect.msg.busy")); return; }
        busy.set(true);
        jobs.run("Working on the handwriting set", () -> {
            try {
                return (Object) work.run();
            } catch (SetProblem p) { // a file that is not what it should be: the message says what and what to do
                return Message.of(p);
            }
        }, r -> {
            busy.set(false);
            if (r instanceof Message m && (then == null || m.problem())) message.set(m);
            else if (then != null) then.accept((T) r);
        }, e -> { // logged with its stack trace by jobs
            busy.set(false);
            message.set(Message.problem("collect.msg.failed", String.valueOf(e.getMessage())));
        });
    }

}
