package org.convscope.app.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableMap;
import org.convscope.app.AppContext;
import org.convscope.app.AppContext.ActiveModel;
import org.convscope.app.I18n;
import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.Activation;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.Network;
import org.convscope.engine.PoolKind;
import org.convscope.engine.TrainConfig.Optimizer;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.State;

/**
 * The training view's model, on the FX thread: four parts, each readable alone, and what ties them together.
 * <ul>
 * <li>{@link TrainingForm}: dataset, architecture, hyper-parameters and their validation;</li>
 * <li>{@link RunControl}: the data, the session (start / step / pause / resume / stop), its progress
 *     ({@link #pull()} once per frame), where the next run starts;</li>
 * <li>{@link TrainingFiles}: weight files, CSV, the autosave (all file work on the background executor);</li>
 * <li>{@link TrainingMessages}: the message line; {@link TrainingText}: how numbers are written.</li>
 * </ul>
 * This class wires them (a dataset or design change forgets loaded weights that no longer fit), keeps the model the
 * other views use ({@link #useThisModel()}) on the run's network while it learns, and turns a weight file or an
 * autosave into the model on screen. Its accessors are the parts' own, kept here so that the panes bind to one object.
 */
public final class TrainingViewModel {

    /** Subset sizes (0 = all images): tests train on 1,024 images. */
    public record Limits(int train, int test) {
        public static Limits all() { return new Limits(0, 0); }
    }

    public enum MessageKind { INFO, SUCCESS, WARNING, ERROR }

    /** Training-image choices in the form (0 = all). */
    public static final java.util.List<Integer> TRAIN_SIZES = TrainingForm.TRAIN_SIZES;

    private final TrainingForm form = new TrainingForm();
    private final TrainingMessages messages = new TrainingMessages();
    private final TrainingFiles files;
    private final RunControl run;
    private final ObservableMap<String, ActiveModel> models;

    /** The network last published with {@link #useThisModel()} (followed while it learns) and its dataset. */
    private Network usedNetwork;
    private String usedDataset;
    private long lastLiveUpdate;

    public TrainingViewModel(DatasetSource data, ModelStore store, Autosave autosave, Executor background,
                         ObservableMap<String, ActiveModel> models, Limits limits, TrainingSession.Options options) {
        this.models = models;
        files = new TrainingFiles(store, autosave, background, messages);
        run = new RunControl(form, data, files, messages, background, limits, options);
        form.designProperty().addListener((o, old, d) -> {
            var spec = run.startingSpec();
            if (spec != null && (!d.ok() || !d.spec().layers().equals(spec.layers()))) run.clearStartingPoint();
        });
        form.datasetProperty().addListener((o, old, id) -> {
            if (run.hasStartingPoint() && !run.busyProperty().get()) run.clearStartingPoint();
            run.loadData();
        });
        run.loadData();
        files.offerAutosave();
    }

    /** The parts, for code that works with one of them. */
    public TrainingForm form() { return form; }
    public RunControl run() { return run; }
    public TrainingFiles files() { return files; }

    // ------------------------------------------------------------------ the form (TrainingForm)

    public ObjectProperty<String> datasetProperty() { return form.datasetProperty(); }
    public ObjectProperty<Family> familyProperty() { return form.familyProperty(); }
    public StringProperty conv1Property() { return form.conv1Property(); }
    public StringProperty conv2Property() { return form.conv2Property(); }
    public StringProperty kernelProperty() { return form.kernelProperty(); }
    public StringProperty dense1Property() { return form.dense1Property(); }
    public StringProperty dense2Property() { return form.dense2Property(); }
    public StringProperty hiddenProperty() { return form.hiddenProperty(); }
    public ObjectProperty<Activation> activationProperty() { return form.activationProperty(); }
    public ObjectProperty<PoolKind> poolingProperty() { return form.poolingProperty(); }
    public ObjectProperty<Optimizer> optimizerProperty() { return form.optimizerProperty(); }
    public StringProperty learningRateProperty() { return form.learningRateProperty(); }
    public StringProperty batchSizeProperty() { return form.batchSizeProperty(); }
    public StringProperty epochsProperty() { return form.epochsProperty(); }
    public StringProperty threadsProperty() { return form.threadsProperty(); }
    public ObjectProperty<Integer> trainImagesProperty() { return form.trainImagesProperty(); }
    public ObjectBinding<ModelDesign.Result> designProperty() { return form.designProperty(); }
    public ObjectBinding<HyperParameters.Result> hyperProperty() { return form.hyperProperty(); }
    public ReadOnlyStringProperty problemProperty() { return form.problemProperty(); }
    public ReadOnlyStringProperty parameterTextProperty() { return form.parameterTextProperty(); }
    public void setDesign(ModelDesign d) { form.setDesign(d); }
    public void setHyperParameters(HyperParameters h) { form.setHyperParameters(h); }
    public ModelDesign currentDesign() { return form.currentDesign(); }
    public Network previewNetwork() { return form.previewNetwork(); }

    /** D2L's recipe (see {@link TrainingForm}); an ended run leaves the screen first. */
    public void applyD2lPreset() {
        run.forgetEndedRun();
        form.applyD2lPreset();
    }

    /** The modern recipe (see {@link TrainingForm}); an ended run leaves the screen first. */
    public void applyModernPreset() {
        run.forgetEndedRun();
        form.applyModernPreset();
    }

    // ------------------------------------------------------------------ the run (RunControl)

    public ReadOnlyBooleanProperty dataReadyProperty() { return run.dataReadyProperty(); }
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() { return run.snapshotProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return run.stateProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return run.busyProperty(); }
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return run.confusionProperty(); }
    public ReadOnlyStringProperty startingPointTextProperty() { return run.startingPointTextProperty(); }
    public BooleanBinding canStartProperty() { return run.canStartProperty(); }
    public BooleanBinding canStepProperty() { return run.canStepProperty(); }
    public BooleanBinding canPauseProperty() { return run.canPauseProperty(); }
    public BooleanBinding canResumeProperty() { return run.canResumeProperty(); }
    public BooleanBinding canStopProperty() { return run.canStopProperty(); }
    public BooleanBinding hasModelProperty() { return run.hasModelProperty(); }
    public BooleanProperty engineTakenProperty() { return run.engineTakenProperty(); }
    public LossCurve lossCurve() { return run.lossCurve(); }
    public LabeledImages trainingImages() { return run.trainingImages(); }
    public LabeledImages testImages() { return run.testImages(); }
    public TrainingSession.Options sessionOptions() { return run.sessionOptions(); }
    public LabeledImages confusionImages() { return run.confusionImages(); }
    public String confusionDataset() { return run.confusionDataset(); }
    public String runDataset() { return run.runDataset(); }
    public TrainingSession session() { return run.session(); }
    public Network currentNetwork() { return run.currentNetwork(); }
    public void clearStartingPoint() { run.clearStartingPoint(); }
    public void start() { run.start(); }
    public void step() { run.step(); }
    public void pause() { run.pause(); }
    public void resume() { run.resume(); }
    public void stop() { run.stop(); }
    /** Stops the run (view closed for good / app exit). */
    public void close() { run.close(); }
    /** Called when the app closes: keeps the latest weights of a run (synchronously; it takes milliseconds). */
    public java.util.concurrent.CompletableFuture<Void> saveOnExit() { return run.saveOnExit(); }

    /** A run was asked to stop and its thread has not ended yet. */
    public javafx.beans.property.ReadOnlyBooleanProperty stoppingProperty() { return run.stoppingProperty(); }

    /**
     * The run's latest snapshot into the properties ({@link RunControl#pull()}), and the other views kept on the
     * run's network. Returns true if something changed.
     */
    public boolean pull() {
        if (!run.pull()) return false;
        followUsedModel(run.snapshotProperty().get());
        return true;
    }

    // ------------------------------------------------------------------ messages (TrainingMessages)

    public ReadOnlyStringProperty messageProperty() { return messages.messageProperty(); }
    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() { return messages.kindProperty(); }
    public void say(MessageKind kind, String text) { messages.say(kind, text); }
    public void clearMessage() { messages.clear(); }

    // ------------------------------------------------------------------ the model the other views use

    /** Makes the current model the one the draw and network views use for its dataset. */
    public void useThisModel() { publishModel(true); }

    private void publishModel(boolean announce) {
        Network n = run.currentNetwork();
        if (n == null) return;
        String ds = run.runDataset();
        TrainingSnapshot s = run.session() == null ? null : run.session().snapshot();
        ConfusionMatrix cm = run.confusionProperty().get();
        double acc = s == null ? (cm == null ? Double.NaN : cm.accuracy()) : s.finalTestAccuracy();
        models.put(ds, new ActiveModel(n, ds, currentDescription(), acc));
        usedNetwork = n;
        usedDataset = ds;
        if (announce) say(MessageKind.SUCCESS, I18n.get("training.used", currentDescription(), I18n.get(TrainingText.datasetKey(ds))));
    }

    /**
     * The other views show this run's network: keep them on it when divergence recovery replaced it, and re-announce
     * it about once a second while training so that the network view's feature maps follow the weights as they learn
     * (a trace costs microseconds).
     */
    private void followUsedModel(TrainingSnapshot s) {
        ActiveModel used = usedDataset == null ? null : models.get(usedDataset);
        if (used == null || used.network() != usedNetwork || !usedDataset.equals(run.runDataset())) return;
        boolean replaced = s.network() != usedNetwork;
        if (replaced || (s.state() == State.RUNNING && System.nanoTime() - lastLiveUpdate > 1_000_000_000L)) {
            lastLiveUpdate = System.nanoTime();
            publishModel(false);
        }
    }

    private String currentDescription() {
        ModelDesign d = run.session() != null ? run.runDesign() : form.currentDesign();
        String name = d == null ? "?" : I18n.get(d.family().titleKey());
        TrainingSnapshot s = run.session() == null ? null : run.session().snapshot();
        return s == null ? I18n.get("training.active.loaded", name, run.startingPointTextProperty().get())
                : I18n.get("training.active.trained", name, s.epoch());
    }

    // ------------------------------------------------------------------ files (TrainingFiles)

    public ReadOnlyObjectProperty<Autosave.Found> resumeOfferProperty() { return files.resumeOfferProperty(); }
    public void discardResume() { files.discardResume(); }

    /** Saves the current weights (background); the message says where or what went wrong. */
    public void save(Path file) {
        Network n = run.currentNetwork();
        if (n == null) return;
        TrainingSnapshot s = run.session() == null ? null : run.session().snapshot();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("dataset", run.runDataset());
        if (s != null) {
            info.put("epochs", Integer.toString(s.epoch()));
            if (!Double.isNaN(s.finalTestAccuracy())) info.put("test_accuracy", String.format(Locale.ROOT, "%.4f", s.finalTestAccuracy()));
        }
        info.put("description", currentDescription());
        files.save(file, n.spec(), n, info);
    }

    /**
     * Loads a weight file: the form shows its architecture and dataset, the next run starts from its weights, and
     * it is evaluated on the test set (confusion matrix).
     */
    public void load(Path file) {
        if (run.busyProperty().get()) return;
        files.load(file, this::adoptLoaded);
    }

    private void adoptLoaded(Network n, ModelStore.Saved saved, String label) {
        ModelDesign d = ModelDesign.from(saved.spec());
        if (d == null) {
            say(MessageKind.ERROR, I18n.get("training.loadUnknownArchitecture", label, saved.spec().id()));
            return;
        }
        String ds = saved.info().get("dataset");
        if (AppContext.MNIST.equals(ds) || AppContext.FASHION_MNIST.equals(ds)) form.datasetProperty().set(ds);
        form.setDesign(d);
        run.adopt(n, null, label, form.datasetProperty().get(), d);
        say(MessageKind.SUCCESS, I18n.get("training.loaded", label));
        run.evaluate(n, form.datasetProperty().get());
    }

    /** Takes the autosaved run: the form as it was, its weights and curves; an unfinished run continues at once. */
    public void acceptResume() {
        Autosave.Found f = files.resumeOfferProperty().get();
        if (f == null || run.busyProperty().get()) return;
        files.withdrawResumeOffer();
        Autosave.Run r = f.run();
        form.datasetProperty().set(r.dataset());
        form.setDesign(r.design());
        form.setHyperParameters(r.hyper());
        form.trainImagesProperty().set(TRAIN_SIZES.contains(r.trainLimit()) ? r.trainLimit() : 0);
        Network n = Network.of(f.model().spec(), f.model().weights());
        String label = I18n.get("training.autosaveLabel");
        if (r.finished()) {
            run.adopt(n, null, label, r.dataset(), r.design());
            say(MessageKind.SUCCESS, I18n.get("training.loaded", label));
            run.evaluate(n, r.dataset());
            return;
        }
        run.adopt(n, Autosave.resumeOf(r), label,
                r.dataset(), r.design());
        run.startWhenReady();
    }

    /** The curves of the current run as CSV (see {@link CurvesCsv}). */
    public void exportCsv(Path file, Consumer<Path> done) {
        TrainingSnapshot s = run.snapshotProperty().get();
        if (s != null) files.exportCsv(file, s, done);
    }
}
