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
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.AccuracyPoint;
import org.convscope.engine.TrainingSnapshot.LossLog;

/**
 * Keeps the latest model of a training run on disk, so that closing the app (or a crash) loses nothing and the
 * next start can offer to resume. Two files in the user's ConvScope folder (~/.convscope by default):
 * autosave.safetensors (the weights, through {@link ModelStore}) and autosave.json (what the form needs to resume:
 * dataset, architecture, hyper-parameters, epochs done, the curves so far). Each is written to a temporary file and
 * moved into place, the JSON last: a JSON next to weights means both are complete. No JavaFX; thread-safe.
 */
public final class Autosave {
    public static final String WEIGHTS = "autosave.safetensors", STATE = "autosave.json", FORMAT = "convscope-autosave/1";

    /** The user's ConvScope folder: -Dconvscope.home, else ~/.convscope. */
    public static Path defaultFolder() {
        String home = System.getProperty("convscope.home");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".convscope");
    }

    /**
     * What was saved about a run.
     * @param epochsDone   complete epochs (resuming starts the next one)
     * @param finished     all epochs done: nothing to resume, the model is kept to load
     * @param trainLimit   training images used (0 = all)
     */
    public record Run(String dataset, ModelDesign design, HyperParameters hyper, int trainLimit, int epochsDone,
                      boolean finished, int batchesPerEpoch, LossLog losses, List<AccuracyPoint> trainAccuracy,
                      List<AccuracyPoint> testAccuracy, double testAccuracyNow, String savedAt) {}

    /** A saved run and its weights. */
    public record Found(Run run, ModelStore.Saved model) {}

    private final Path folder;
    private final ModelStore store;
    private Object lastRun;
    private long lastVersion = Long.MIN_VALUE;

    public Autosave(Path folder, ModelStore store) {
        this.folder = folder;
        this.store = store;
    }

    public Path folder() { return folder; }

    /** The run as it stands in a snapshot: losses and curves up to the last complete epoch. */
    public static Run runOf(TrainingSnapshot s, String dataset, ModelDesign design, HyperParameters hyper, int trainLimit) {
        int done = Math.min(s.epoch(), s.config().epochs());
        int keep = Math.min(s.losses().count(), done * s.batchesPerEpoch());
        List<AccuracyPoint> train = s.trainAccuracy().stream().filter(p -> p.epochs() <= done).toList();
        List<AccuracyPoint> test = s.testAccuracy().stream().filter(p -> p.epochs() <= done).toList();
        return new Run(dataset, design, hyper, trainLimit, done, done >= s.config().epochs(), s.batchesPerEpoch(),
                new LossLog(java.util.Arrays.copyOf(s.losses().values(), keep), keep), train, test,
                s.finalTestAccuracy(), Instant.now().toString());
    }

    public synchronized void write(Run run, ModelSpec spec, List<LayerWeights> weights) throws IOException {
        Files.createDirectories(folder);
        store.save(folder.resolve(WEIGHTS), spec, weights, Map.of(
                "dataset", run.dataset(), "epochs", Integer.toString(run.epochsDone()), "source", "autosave"));
        Path tmp = folder.resolve(STATE + ".tmp");
        Files.writeString(tmp, JSON.std.asString(toJson(run)), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, folder.resolve(STATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, folder.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes a snapshot of a run unless a newer snapshot of the same run is already on disk: the periodic save runs
     * on a background thread and may come after the epoch-end or final save of the training thread, and must not
     * replace a finished run with an older, unfinished one. {@code run} identifies the run (any object, compared by
     * identity), {@code version} orders its snapshots. Returns whether it wrote.
     */
    public synchronized boolean writeIfNewer(Object run, long version, Run r, ModelSpec spec, List<LayerWeights> weights)
            throws IOException {
        if (run == lastRun && version <= lastVersion) return false;
        write(r, spec, weights);
        lastRun = run;
        lastVersion = version;
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
        if (!FORMAT.equals(m.get("format"))) throw new IllegalArgumentException("format is " + m.get("format"));
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
        return new Run((String) m.get("dataset"), design, hyper, i(m, "trainLimit"), i(m, "epochsDone"),
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
