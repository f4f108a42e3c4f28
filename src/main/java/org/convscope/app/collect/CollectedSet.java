package org.convscope.app.collect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The set being collected, editable, with undo for every change (add, delete, relabel, class names, import, merge).
 * Not thread-safe: one thread (the FX thread in the app) owns it; {@link #data()} hands out an immutable snapshot for
 * saving on another thread. No JavaFX.
 *
 * <p>Held-out part: every fifth drawing of a class (the 5th, 10th, ...) is put into the held-out part when it is
 * added, so each class keeps about 20% for measuring what training has not seen, and a drawing never changes part.
 */
public final class CollectedSet {
    /** One in this many drawings of a class is held out. */
    public static final int HOLD_OUT_EVERY = 5;

    private sealed interface Edit permits Added, Deleted, Relabelled, Renamed {}
    private record Added(List<Long> ids) implements Edit {}
    private record Deleted(Sample sample, int index) implements Edit {}
    private record Relabelled(long id, int oldLabel) implements Edit {}
    private record Renamed(List<String> oldNames) implements Edit {}

    private List<String> classNames;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> provenance = new LinkedHashMap<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final int[] added = new int[SetData.MAX_CLASSES]; // drawings ever added per class (for the hold-out rule)
    private long nextId = 1;
    private long version;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public CollectedSet() { this(SetData.empty()); }

    public CollectedSet(SetData data) { replace(data); }

    /** Replaces everything (a restored or opened set); the undo history starts afresh. */
    public void replace(SetData data) {
        classNames = data.classNames();
        samples.clear();
        java.util.Arrays.fill(added, 0);
        for (Sample s : data.samples()) {
            samples.add(s.withId(nextId++));
            added[s.label()]++;
        }
        provenance.clear();
        provenance.putAll(data.provenance());
        undo.clear();
        changed();
    }

    public SetData data() { return new SetData(classNames, samples, provenance); }
    public List<String> classNames() { return classNames; }
    public List<Sample> samples() { return List.copyOf(samples); }
    public int size() { return samples.size(); }
    public long version() { return version; }
    public int[] counts() { return data().counts(); }
    public void setProvenance(String key, String value) { provenance.put(key, value); changed(); }

    public Sample get(long id) {
        for (Sample s : samples) if (s.id() == id) return s;
        return null;
    }

    /** Runs after every change (on the owning thread). */
    public void addListener(Runnable r) { listeners.add(r); }

    /** Adds a drawing of class label; the hold-out rule decides its part. */
    public Sample add(int label, byte[] pixels, List<Stroke> strokes, String origin) {
        checkLabel(label);
        boolean held = (added[label] + 1) % HOLD_OUT_EVERY == 0;
        Sample s = Sample.of(nextId++, label, pixels, strokes, held, origin);
        samples.add(s);
        added[label]++;
        undo.push(new Added(List.of(s.id())));
        changed();
        return s;
    }

    /**
     * Adds many (an import, a merge) as one undoable step. keepParts: keep each drawing's own part (a saved set
     * says which drawings were held out); otherwise the hold-out rule decides.
     */
    public List<Sample> addAll(List<Sample> in, boolean keepParts) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : in) {
            checkLabel(s.label());
            boolean held = keepParts ? s.heldOut() : (added[s.label()] + 1) % HOLD_OUT_EVERY == 0;
            Sample n = s.withId(nextId++).withHeldOut(held);
            samples.add(n);
            added[s.label()]++;
            out.add(n);
        }
        if (!out.isEmpty()) {
            undo.push(new Added(out.stream().map(Sample::id).toList()));
            changed();
        }
        return out;
    }

    public boolean delete(long id) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).id() == id) {
                undo.push(new Deleted(samples.remove(i), i));
                changed();
                return true;
            }
        }
        return false;
    }

    public boolean relabel(long id, int label) {
        checkLabel(label);
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (s.id() == id && s.label() != label) {
                samples.set(i, s.withLabel(label));
                undo.push(new Relabelled(id, s.label()));
                changed();
                return true;
            }
        }
        return false;
    }

    /** New class names; refused (nothing changes) when they are unusable or fewer than the labels in use need. */
    public void setClassNames(List<String> names) throws SetProblem {
        SetProblem p = SetData.checkNames(names);
        if (p != null) throw p;
        int highest = -1;
        for (Sample s : samples) highest = Math.max(highest, s.label());
        if (highest >= names.size()) throw new SetProblem("collect.classes.inUse", classNames.get(highest), names.size());
        if (names.equals(classNames)) return;
        undo.push(new Renamed(classNames));
        classNames = List.copyOf(names);
        changed();
    }

    public boolean canUndo() { return !undo.isEmpty(); }

    /** Undoes the last change; returns false when there is none. */
    public boolean undo() {
        Edit e = undo.poll();
        if (e == null) return false;
        switch (e) {
            case Added a -> {
                samples.removeIf(s -> a.ids().contains(s.id()));
                for (long id : a.ids()) nextId = Math.max(nextId, id + 1);
                recount();
            }
            case Deleted d -> samples.add(Math.min(d.index(), samples.size()), d.sample());
            case Relabelled r -> {
                for (int i = 0; i < samples.size(); i++)
                    if (samples.get(i).id() == r.id()) samples.set(i, samples.get(i).withLabel(r.oldLabel()));
            }
            case Renamed r -> classNames = r.oldNames();
        }
        changed();
        return true;
    }

    private void recount() {
        java.util.Arrays.fill(added, 0);
        for (Sample s : samples) added[s.label()]++;
    }

    private void checkLabel(int label) {
        if (label < 0 || label >= classNames.size())
            throw new IllegalArgumentException("class " + label + " outside 0.." + (classNames.size() - 1));
    }

    private void changed() {
        version++;
        for (Runnable r : listeners) r.run();
    }
}
