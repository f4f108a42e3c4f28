package org.convscope.app.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.convscope.app.I18n;
import org.convscope.app.training.TrainingViewModel.MessageKind;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Network;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.State;

/**
 * What the training view reads and writes: weight files (save, open), the curves as CSV, and the autosave (written
 * at each epoch end and every minute while a run trains, and on exit; offered for resuming at start). Every file
 * operation runs on the view's background executor and reports in {@link TrainingMessages} on the FX thread; this
 * class knows no session, only the snapshots and networks it is handed.
 */
public final class TrainingFiles {

    /** What {@link #load} hands back on the FX thread: the file's network and what it says about itself. */
    public interface Loaded { void accept(Network network, ModelStore.Saved saved, String label); }

    private final ModelStore store;
    private final Autosave autosave;
    /** Every file operation here: one-off background work, failures logged and said in the messages. */
    private final org.convscope.app.common.OneShot jobs;
    private final TrainingMessages messages;
    private final ReadOnlyObjectWrapper<Autosave.Found> resumeOffer = new ReadOnlyObjectWrapper<>(this, "resumeOffer");
    private volatile String autosaveProblem;

    /** @param autosave null: no autosaving (tests) */
    public TrainingFiles(ModelStore store, Autosave autosave, Executor background, TrainingMessages messages) {
        this.store = store;
        this.autosave = autosave;
        this.jobs = new org.convscope.app.common.OneShot(background, Platform::runLater);
        this.messages = messages;
    }

    public boolean autosaving() { return autosave != null; }

    // ------------------------------------------------------------------ weight files and curves

    /** Saves weights (background); the message says where or what went wrong. */
    public void save(Path file, ModelSpec spec, Network n, Map<String, String> info) {
        jobs.run("Saving weights to " + file, () -> store.save(file, spec, n.weights(), info),
                () -> messages.say(MessageKind.SUCCESS, I18n.get("training.saved", file.toString())),
                e -> messages.say(MessageKind.ERROR, I18n.get("training.saveFailed", e.getMessage())));
    }

    /** Reads a weight file (background) and hands its network to {@code loaded} on the FX thread. */
    public void load(Path file, Loaded loaded) {
        record Read(ModelStore.Saved saved, Network network) {}
        jobs.run("Opening weights from " + file, () -> {
            ModelStore.Saved saved = store.load(file);
            return new Read(saved, Network.of(saved.spec(), saved.weights()));
        }, r -> loaded.accept(r.network(), r.saved(), file.getFileName().toString()),
                e -> messages.say(MessageKind.ERROR, I18n.get("training.loadFailed", e.getMessage())));
    }

    /** The curves of a run as CSV (see {@link CurvesCsv}). */
    public void exportCsv(Path file, TrainingSnapshot s, Consumer<Path> done) {
        String model = s.spec().id();
        jobs.run("Exporting the curves to " + file, () -> {
            try (var w = Files.newBufferedWriter(file)) {
                CurvesCsv.writeHeader(w);
                CurvesCsv.writeRun(w, model, s);
            }
        }, () -> { messages.say(MessageKind.SUCCESS, I18n.get("training.exported", file.toString())); done.accept(file); },
                e -> messages.say(MessageKind.ERROR, I18n.get("training.exportFailed", e.getMessage())));
    }

    // ------------------------------------------------------------------ the autosave: offering it

    /** The autosaved run found at start, until it is taken, discarded or a new run replaces it. */
    public ReadOnlyObjectProperty<Autosave.Found> resumeOfferProperty() { return resumeOffer.getReadOnlyProperty(); }

    /** Looks for an autosave (background); found, it becomes {@link #resumeOfferProperty()}. */
    public void offerAutosave() {
        if (autosave == null) return;
        jobs.run("Reading the autosave", () -> autosave.exists() ? autosave.read() : null,
                f -> { if (f != null) resumeOffer.set(f); },
                e -> messages.say(MessageKind.WARNING, I18n.get("training.autosaveUnreadable", e.getMessage())));
    }

    /** The offer is taken or a new run takes the autosave's place: it leaves the screen (the file stays). */
    public void withdrawResumeOffer() { resumeOffer.set(null); }

    public void discardResume() {
        resumeOffer.set(null);
        jobs.run("Discarding the autosave", autosave::discard, null, e -> messages.say(MessageKind.WARNING, e.getMessage()));
    }

    // ------------------------------------------------------------------ the autosave: writing it

    /** Saves the run at each epoch end and when it ends (on the training thread; a problem shows up in pull()). */
    public TrainingSession.Listener autosaveListener(String ds, ModelDesign d, HyperParameters hp, int limit) {
        if (autosave == null) return null;
        return new TrainingSession.Listener() {
            @Override public void epochEnded(TrainingSnapshot s) { write(s); }
            @Override public void ended(TrainingSnapshot s) { if (s.state() != State.FAILED) write(s); }
            private void write(TrainingSnapshot s) {
                try {
                    save(s, Autosave.runOf(s, ds, d, hp, limit));
                    autosaveProblem = null;
                } catch (IOException | RuntimeException e) {
                    org.convscope.app.ErrorLog.log("Autosave failed", e); // pull() shows the message
                    autosaveProblem = e.getMessage();
                }
            }
        };
    }

    /** The periodic save while a run trains (background). */
    public void autosaveInBackground(TrainingSnapshot s, String ds, ModelDesign d, int limit) {
        if (autosave == null) return;
        HyperParameters hp = hyperOf(s.config());
        // the failure is logged by jobs; pull() shows the message
        jobs.run("Autosave", () -> save(s, Autosave.runOf(s, ds, d, hp, limit)), null, e -> autosaveProblem = e.getMessage());
    }

    /** The last autosave failure since the previous call (any thread wrote it), or null. */
    public String takeAutosaveProblem() {
        String p = autosaveProblem;
        if (p != null) autosaveProblem = null;
        return p;
    }

    /** Called when the app closes, on a background thread once the run has ended: keeps its latest weights. */
    public void saveOnExit(TrainingSnapshot s, String ds, ModelDesign d, int limit) {
        if (autosave == null) return;
        try {
            save(s, Autosave.runOf(s, ds, d, hyperOf(s.config()), limit));
        } catch (IOException | RuntimeException e) {
            org.convscope.app.ErrorLog.log("Autosave on exit failed", e);
        }
    }

    /** The form's text for a run's configuration (what the autosave keeps to fill the form again). */
    static HyperParameters hyperOf(TrainConfig c) {
        return new HyperParameters(c.optimizer(), TrainingText.number(c.learningRate()), Integer.toString(c.batchSize()),
                Integer.toString(c.epochs()), Integer.toString(c.threads()));
    }

    /**
     * Writes a snapshot to the autosave unless a newer one of the same run is there already (the three writers, epoch
     * end, the periodic save and closing, run on different threads). A session's network is the run's identity.
     */
    private void save(TrainingSnapshot s, Autosave.Run run) throws IOException {
        // a diverged snapshot (weights beyond what a weight file holds) is not worth keeping: the last good autosave
        // stays, and the divergence guard tells the person what happened (an autosave warning would hide that)
        if (!savable(s.savePoint().weights())) return;
        autosave.writeIfNewer(s.savePoint(), run, s.spec()); // the save point's weights, not the live network's
    }

    /** Whether every weight is finite and within what a weight file accepts ({@link ModelFile#MAX_ABS_WEIGHT}). */
    static boolean savable(List<LayerWeights> layers) {
        for (var l : layers) {
            for (float v : l.weights()) if (!(Math.abs(v) <= ModelFile.MAX_ABS_WEIGHT)) return false;
            for (float v : l.bias()) if (!(Math.abs(v) <= ModelFile.MAX_ABS_WEIGHT)) return false;
        }
        return true;
    }
}
