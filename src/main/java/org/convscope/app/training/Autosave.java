package org.convscope.app.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.jr.ob.JSON;
import org.convscope.engine.Activation;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.PoolKind;
import org.convscope.engine.TrainConfig.Optimizer;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.SavePoint;
import org.convscope.engine.TrainingSnapshot.AccuracyPoint;
import org.convscope.engine.TrainingSnapshot.LossLog;

/**
 * Keeps the latest model of a training run on disk, so that closing the app (or a crash) loses nothing and the
 * next start can offer to resume. Two files in the user's ConvScope folder (~/.convscope by default):
 * autosave.safetensors (the weights, through {@link ModelStore}) and autosave.json (what the form needs to resume:
 * dataset, architecture, hyper-parameters, epochs done, the curves so far). Each is written to a temporary file and
 * moved into place, the JSON last: a JSON next to weights means both are complete. No JavaFX; thread-safe.
 * <p>
 * What is written is a snapshot's {@link SavePoint}: the weights and the position they belong to (epochs done and
 * batches done in the next epoch, with the curves up to there) were taken together, so a resume continues at that
 * batch and repeats nothing (format 1 saved the live weights beside the last complete epoch, and a resume trained a
 * partial epoch twice). The optimizer's state is not kept (see {@link SavePoint}). Writers on several threads (epoch
 * end, the periodic save, closing) can never replace a newer save point with an older one: save points are ordered
 * by run and sequence ({@link #writeIfNewer}), which divergence recovery, replacing the network, does not reset.
 */
public final class Autosave {
    public static final String WEIGHTS = "autosave.safetensors", STATE = "autosave.json", FORMAT = "convscope-autosave/2";
    /** The first format: epochs done only (read as a resume at the start of the next epoch). */
    static final String FORMAT_1 = "convscope-autosave/1";

    /** The user's ConvScope folder: -Dconvscope.home, else ~/.convscope. */
    public static Path defaultFolder() {
        String home = System.getProperty("convscope.home");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".convscope");
    }

    /**
     * What was saved about a run.
     * @param epochsDone   complete epochs
     * @param batchesDone  batches done in the next epoch (resuming continues after them; 0: at the epoch's start)
     * @param finished     all epochs done: nothing to resume, the model is kept to load
     * @param trainLimit   training images used (0 = all)
     */
    public record Run(String dataset, ModelDesign design, HyperParameters hyper, int trainLimit, int epochsDone,
                      int batchesDone, boolean finished, int batchesPerEpoch, LossLog losses, List<AccuracyPoint> trainAccuracy,
                      List<AccuracyPoint> testAccuracy, double testAccuracyNow, String savedAt) {}

    /** A saved run and its weights. */
    public record Found(Run run, ModelStore.Saved model) {}

    private final Path folder;
    private final ModelStore store;
    private long lastRun = Long.MIN_VALUE, lastSequence = Long.MIN_VALUE;

    public Autosave(Path folder, ModelStore store) {
        this.folder = folder;
        this.store = store;
    }

    public Path folder() { return folder; }

    /** The run as it stands at a snapshot's save point (to be written with the save point's weights). */
    public static Run runOf(TrainingSnapshot s, String dataset, ModelDesign design, HyperParameters hyper, int trainLimit) {
        SavePoint p = s.savePoint();
        int done = Math.min(p.epoch(), s.config().epochs());
        boolean finished = done >= s.config().epochs();
        int keep = p.losses().count();
        return new Run(dataset, design, hyper, trainLimit, done, finished ? 0 : p.batch(), finished, s.batchesPerEpoch(),
                new LossLog(java.util.Arrays.copyOf(p.losses().values(), keep), keep), p.trainAccuracy(), p.testAccuracy(),
                lastFull(p.testAccuracy()), Instant.now().toString());
    }

    private static double lastFull(List<AccuracyPoint> points) {
        for (int i = points.size() - 1; i >= 0; i--) if (!points.get(i).sample()) return points.get(i).accuracy();
        return Double.NaN;
    }

    /** Where a resumed session starts: exactly after the saved batch, with the saved curves. */
    public static TrainingSession.Resume resumeOf(Run r) {
        return new TrainingSession.Resume(r.epochsDone(), r.batchesDone(), r.losses(), r.trainAccuracy(), r.testAccuracy());
    }

    public synchronized void write(Run run, ModelSpec spec, List<LayerWeights> weights) throws IOException {
        Files.createDirectories(folder);
        store.save(folder.resolve(WEIGHTS), spec, weights, Map.of("dataset", run.dataset(), "epochs",
                Integer.toString(run.epochsDone()), "batches", Integer.toString(run.batchesDone()), "source", "autosave"));
        Path tmp = folder.resolve(STATE + ".tmp");
        Files.writeString(tmp, JSON.std.asString(toJson(run)), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, folder.resolve(STATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, folder.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes a save point unless a newer one was written already: the periodic save runs on a background thread and
     * may come after the epoch-end or final save of the training thread, and must not replace a finished run with an
     * older, unfinished one; nor may a late save from before a divergence recovery (whose network is gone) replace
     * one made after it, nor a save of an earlier session one of a later session. Checked and written under one lock.
     * Returns whether it wrote.
     */
    public synchronized boolean writeIfNewer(SavePoint p, Run r, ModelSpec spec) throws IOException {
        if (!p.newerThan(lastRun, lastSequence)) return false;
        write(r, spec, p.weights());
        lastRun = p.run();
        lastSequence = p.sequence();
        return true;
    }

    /** True when both files are there (they may still be unreadable: {@link #read()} says why). */
    public boolean exists() { return Files.isRegularFile(folder.resolve(STATE)) && Files.isRegularFile(folder.resolve(WEIGHTS)); }

    /** Reads both files; the message of the exception says which file is wrong and how. */
    public synchronized Found read() throws IOException {
        Path state = folder.resolve(STATE);
        Map<String, Object> m;
        try {
            m = JSON.std.mapFrom(Files.readString(state, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(state + ": " + e.getMessage(), e);
        }
        Run run;
        try {
            run = fromJson(m);
        } catch (RuntimeException e) {
            throw new IOException(state + ": not a ConvScope autosave (" + e.getMessage() + ")", e);
        }
        ModelStore.Saved saved = store.load(folder.resolve(WEIGHTS));
        var built = run.design().build();
        if (!built.ok() || !built.spec().layers().equals(saved.spec().layers()))
            throw new IOException(folder.resolve(WEIGHTS) + ": the weights do not match the architecture in " + STATE);
        return new Found(run, saved);
    }

    public synchronized void discard() throws IOException {
        Files.deleteIfExists(folder.resolve(STATE));
        Files.deleteIfExists(folder.resolve(WEIGHTS));
    }

    private static Map<String, Object> toJson(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("dataset", r.dataset());
        ModelDesign d = r.design();
        m.put("design", Map.of("family", d.family().name(), "conv1", d.conv1(), "conv2", d.conv2(), "kernel", d.kernel(),
                "activation", d.activation().name(), "pooling", d.pooling().name(), "dense1", d.dense1(),
                "dense2", d.dense2(), "hidden", d.hidden()));
        HyperParameters h = r.hyper();
        m.put("hyper", Map.of("optimizer", h.optimizer().name(), "learningRate", h.learningRate(),
                "batchSize", h.batchSize(), "epochs", h.epochs(), "threads", h.threads()));
        m.put("trainLimit", r.trainLimit());
        m.put("epochsDone", r.epochsDone());
        m.put("batchesDone", r.batchesDone());
        m.put("finished", r.finished());
        m.put("batchesPerEpoch", r.batchesPerEpoch());
        List<Double> losses = new ArrayList<>(r.losses().count());
        for (int i = 0; i < r.losses().count(); i++) losses.add((double) r.losses().get(i));
        m.put("losses", losses);
        m.put("trainAccuracy", points(r.trainAccuracy()));
        m.put("testAccuracy", points(r.testAccuracy()));
        m.put("testAccuracyNow", Double.isNaN(r.testAccuracyNow()) ? -1.0 : r.testAccuracyNow());
        m.put("savedAt", r.savedAt());
        return m;
    }

    private static List<List<Object>> points(List<AccuracyPoint> ps) {
        List<List<Object>> out = new ArrayList<>();
        for (AccuracyPoint p : ps) out.add(List.of(p.epochs(), p.accuracy(), p.sample(), p.images()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Run fromJson(Map<String, Object> m) {
        boolean first = FORMAT_1.equals(m.get("format"));
        if (!first && !FORMAT.equals(m.get("format"))) throw new IllegalArgumentException("format is " + m.get("format"));
        Map<String, Object> d = (Map<String, Object>) m.get("design");
        ModelDesign design = new ModelDesign(ModelDesign.Family.valueOf((String) d.get("family")), i(d, "conv1"), i(d, "conv2"),
                i(d, "kernel"), Activation.valueOf((String) d.get("activation")), PoolKind.valueOf((String) d.get("pooling")),
                i(d, "dense1"), i(d, "dense2"), i(d, "hidden"));
        Map<String, Object> h = (Map<String, Object>) m.get("hyper");
        HyperParameters hyper = new HyperParameters(Optimizer.valueOf((String) h.get("optimizer")), (String) h.get("learningRate"),
                (String) h.get("batchSize"), (String) h.get("epochs"), (String) h.get("threads"));
        List<Object> ls = (List<Object>) m.get("losses");
        float[] losses = new float[ls.size()];
        for (int i = 0; i < losses.length; i++) losses[i] = ((Number) ls.get(i)).floatValue();
        double now = ((Number) m.get("testAccuracyNow")).doubleValue();
        int batches = first ? 0 : i(m, "batchesDone");
        if (batches < 0 || batches >= Math.max(1, i(m, "batchesPerEpoch")))
            throw new IllegalArgumentException("batchesDone " + batches + " is not within an epoch");
        return new Run((String) m.get("dataset"), design, hyper, i(m, "trainLimit"), i(m, "epochsDone"), batches,
                (Boolean) m.get("finished"), i(m, "batchesPerEpoch"), new LossLog(losses, losses.length),
                readPoints((List<Object>) m.get("trainAccuracy")), readPoints((List<Object>) m.get("testAccuracy")),
                now < 0 ? Double.NaN : now, (String) m.get("savedAt"));
    }

    @SuppressWarnings("unchecked")
    private static List<AccuracyPoint> readPoints(List<Object> raw) {
        List<AccuracyPoint> out = new ArrayList<>();
        for (Object o : raw) {
            List<Object> p = (List<Object>) o;
            out.add(new AccuracyPoint(((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue(),
                    (Boolean) p.get(2), ((Number) p.get(3)).intValue()));
        }
        return out;
    }

    private static int i(Map<String, Object> m, String k) { return ((Number) m.get(k)).intValue(); }
}
