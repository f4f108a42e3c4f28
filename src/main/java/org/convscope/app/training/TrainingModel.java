package org.convscope.app.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableMap;
import org.convscope.app.AppContext;
import org.convscope.app.AppContext.ActiveModel;
import org.convscope.app.I18n;
import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.Activation;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Network;
import org.convscope.engine.PoolKind;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainConfig.Optimizer;
import org.convscope.engine.Trainer;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.State;
import org.convscope.engine.TrainingSnapshot.TestPredictions;

/**
 * The training view's state and actions, on the FX thread. The form (dataset, architecture, hyper-parameters) is a
 * set of properties the controls bind to; {@link #designProperty()} and {@link #hyperProperty()} turn them into a
 * model spec and a config or into the message shown inline. The run itself is a {@link TrainingSession} on its own
 * thread; {@link #pull()} (called by the view's AnimationTimer once per frame) takes its latest snapshot and updates
 * the read-only properties and the decimated {@link #lossCurve()} — nothing else crosses threads, so the FX thread
 * is never flooded and never waits.
 */
public final class TrainingModel {

    /** Subset sizes (0 = all images): tests train on 1,024 images. */
    public record Limits(int train, int test) {
        public static Limits all() { return new Limits(0, 0); }
    }

    public enum MessageKind { INFO, SUCCESS, WARNING, ERROR }

    /** Training-image choices in the form (0 = all). */
    public static final List<Integer> TRAIN_SIZES = List.of(0, 30_000, 10_000, 1_024);

    /** Weights a run may start from (a loaded file or an autosave) and, for an autosave, where it stopped. */
    private record StartingPoint(Network network, TrainingSession.Resume resume, String label) {}

    private final DatasetSource data;
    private final ModelStore store;
    private final Autosave autosave;
    private final Executor background;
    private final ObservableMap<String, ActiveModel> models;
    private final Limits limits;
    private final TrainingSession.Options options;

    // ---- the form
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(this, "dataset", AppContext.FASHION_MNIST);
    private final ObjectProperty<Family> family = new SimpleObjectProperty<>(this, "family", Family.LENET_CLASSIC);
    private final StringProperty conv1 = new SimpleStringProperty("6"), conv2 = new SimpleStringProperty("16"),
            kernel = new SimpleStringProperty("5"), dense1 = new SimpleStringProperty("120"),
            dense2 = new SimpleStringProperty("84"), hidden = new SimpleStringProperty("256");
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.SIGMOID);
    private final ObjectProperty<PoolKind> pooling = new SimpleObjectProperty<>(PoolKind.AVERAGE);
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(Optimizer.SGD);
    private final StringProperty learningRate = new SimpleStringProperty("0.9"), batchSize = new SimpleStringProperty("256"),
            epochs = new SimpleStringProperty("10"), threads = new SimpleStringProperty(Integer.toString(TrainConfig.defaultThreads()));
    private final ObjectProperty<Integer> trainImages = new SimpleObjectProperty<>(0);

    private final ObjectBinding<ModelDesign.Result> design;
    private final ObjectBinding<HyperParameters.Result> hyper;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper parameterText = new ReadOnlyStringWrapper(this, "parameterText", "");

    // ---- data
    private LabeledImages train, test;
    private String loadedDataset;
    private final ReadOnlyBooleanWrapper dataReady = new ReadOnlyBooleanWrapper(this, "dataReady");

    // ---- the run
    private TrainingSession session;
    /** Sessions whose threads have not ended: stopping one never waits on the FX thread. */
    private final LiveSessions live = new LiveSessions(Platform::runLater);
    private String runDataset;
    private ModelDesign runDesign;
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final LossCurve lossCurve = new LossCurve(600, 0.05);
    private int consumedLosses;
    private TestPredictions shownPredictions;
    private TrainingSnapshot.Event shownEvent;
    private boolean endReported;
    private int loggedEpochs;
    private final ReadOnlyObjectWrapper<ConfusionMatrix> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    /** The images behind the confusion matrix (the run's test set, or the loaded model's). */
    private LabeledImages confusionImages;
    private String confusionDataset;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(this, "messageKind", MessageKind.INFO);
    private final ReadOnlyObjectWrapper<StartingPoint> startingPoint = new ReadOnlyObjectWrapper<>(this, "startingPoint");
    private final ReadOnlyStringWrapper startingPointText = new ReadOnlyStringWrapper(this, "startingPointText");
    private final ReadOnlyObjectWrapper<Autosave.Found> resumeOffer = new ReadOnlyObjectWrapper<>(this, "resumeOffer");
    private boolean startWhenDataReady;
    private volatile String autosaveProblem;
    private long lastAutosave;
    private Network usedNetwork;
    private long lastLiveUpdate;
    private String usedDataset;

    private final BooleanBinding canStart, canStep, canPause, canResume, canStop, hasModel;
    /** Another run (the comparison) uses the engine: this one may not start meanwhile. */
    private final javafx.beans.property.BooleanProperty engineTaken = new javafx.beans.property.SimpleBooleanProperty(this, "engineTaken");

    public TrainingModel(DatasetSource data, ModelStore store, Autosave autosave, Executor background,
                         ObservableMap<String, ActiveModel> models, Limits limits, TrainingSession.Options options) {
        this.data = data;
        this.store = store;
        this.autosave = autosave;
        this.background = background;
        this.models = models;
        this.limits = limits;
        this.options = options;

        design = Bindings.createObjectBinding(this::buildDesign, family, conv1, conv2, kernel, dense1, dense2, hidden,
                activation, pooling, I18n.localeProperty());
        hyper = Bindings.createObjectBinding(() -> new HyperParameters(optimizer.get(), learningRate.get(), batchSize.get(),
                epochs.get(), threads.get()).parse(), optimizer, learningRate, batchSize, epochs, threads, I18n.localeProperty());
        problem.bind(Bindings.createStringBinding(() -> design.get().ok() ? hyper.get().problem() : design.get().problem(), design, hyper));
        parameterText.bind(Bindings.createStringBinding(() -> design.get().ok()
                ? I18n.get("training.parameters", design.get().spec().parameterCount()) : "", design, I18n.localeProperty()));

        family.addListener((o, old, f) -> {
            // Classic and modern LeNet differ exactly in activation and pooling: switching the family sets them.
            ModelDesign d = ModelDesign.of(f);
            if (f != Family.MLP || old != Family.MLP) activation.set(d.activation());
            pooling.set(d.pooling());
        });
        design.addListener((o, old, d) -> {
            StartingPoint sp = startingPoint.get();
            if (sp != null && (!d.ok() || !d.spec().layers().equals(sp.network().spec().layers()))) clearStartingPoint();
        });
        dataset.addListener((o, old, id) -> {
            if (startingPoint.get() != null && !busy.get()) clearStartingPoint();
            loadData();
        });

        BooleanBinding formOk = problem.isNull().and(dataReady).and(engineTaken.not());
        canStart = busy.not().and(live.idleProperty()).and(formOk);
        canStep = formOk.and(busy.not().and(live.idleProperty()).or(state.isEqualTo(State.PAUSED)));
        canPause = state.isEqualTo(State.RUNNING).or(state.isEqualTo(State.READY));
        canResume = state.isEqualTo(State.PAUSED).and(Bindings.createBooleanBinding(() -> hyper.get().ok(), hyper));
        canStop = Bindings.createBooleanBinding(busy::get, busy);
        hasModel = snapshot.isNotNull().or(startingPoint.isNotNull());

        loadData();
        offerAutosave();
    }

    // ------------------------------------------------------------------ form properties

    public ObjectProperty<String> datasetProperty() { return dataset; }
    public ObjectProperty<Family> familyProperty() { return family; }
    public StringProperty conv1Property() { return conv1; }
    public StringProperty conv2Property() { return conv2; }
    public StringProperty kernelProperty() { return kernel; }
    public StringProperty dense1Property() { return dense1; }
    public StringProperty dense2Property() { return dense2; }
    public StringProperty hiddenProperty() { return hidden; }
    public ObjectProperty<Activation> activationProperty() { return activation; }
    public ObjectProperty<PoolKind> poolingProperty() { return pooling; }
    public ObjectProperty<Optimizer> optimizerProperty() { return optimizer; }
    public StringProperty learningRateProperty() { return learningRate; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public StringProperty epochsProperty() { return epochs; }
    public StringProperty threadsProperty() { return threads; }
    public ObjectProperty<Integer> trainImagesProperty() { return trainImages; }

    public ObjectBinding<ModelDesign.Result> designProperty() { return design; }
    public ObjectBinding<HyperParameters.Result> hyperProperty() { return hyper; }
    /** The first thing wrong with the form (translated), null when it is fine. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** "61,706 parameters" for the current architecture. */
    public ReadOnlyStringProperty parameterTextProperty() { return parameterText.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty dataReadyProperty() { return dataReady.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** A run is under way (running or paused): the form is locked except the learning rate. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return confusion.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() { return messageKind.getReadOnlyProperty(); }
    public ReadOnlyStringProperty startingPointTextProperty() { return startingPointText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Autosave.Found> resumeOfferProperty() { return resumeOffer.getReadOnlyProperty(); }

    public BooleanBinding canStartProperty() { return canStart; }
    public BooleanBinding canStepProperty() { return canStep; }
    public BooleanBinding canPauseProperty() { return canPause; }
    public BooleanBinding canResumeProperty() { return canResume; }
    public BooleanBinding canStopProperty() { return canStop; }
    /** There is a model to save, use or evaluate (a run, or loaded weights). */
    public BooleanBinding hasModelProperty() { return hasModel; }

    public LossCurve lossCurve() { return lossCurve; }
    /** Set while the comparison trains (one engine run at a time on a classroom laptop). */
    public javafx.beans.property.BooleanProperty engineTakenProperty() { return engineTaken; }
    /** The training images a run would use now (the form's subset size), null until loaded. */
    public LabeledImages trainingImages() {
        if (train == null) return null;
        int limit = trainLimit();
        return train.first(limit > 0 ? limit : limits.train());
    }
    /** The test images a run would use, null until loaded. */
    public LabeledImages testImages() { return test == null ? null : test.first(limits.test()); }
    public TrainingSession.Options sessionOptions() { return options; }
    /** The test images behind {@link #confusionProperty()} (for the gallery of misclassified images). */
    public LabeledImages confusionImages() { return confusionImages; }
    /** Dataset id of the confusion matrix (for class names). */
    public String confusionDataset() { return confusionDataset; }
    /** The dataset the current run trains on (the form may already show another). */
    public String runDataset() { return runDataset != null ? runDataset : dataset.get(); }
    public TrainingSession session() { return session; }

    /** Sets every architecture field from a design. */
    public void setDesign(ModelDesign d) {
        family.set(d.family());
        activation.set(d.activation());
        pooling.set(d.pooling());
        conv1.set(Integer.toString(d.conv1()));
        conv2.set(Integer.toString(d.conv2()));
        kernel.set(Integer.toString(d.kernel()));
        dense1.set(Integer.toString(d.dense1()));
        dense2.set(Integer.toString(d.dense2()));
        hidden.set(Integer.toString(d.hidden()));
    }

    /** D2L's LeNet experiment: LeNet-5 classic, SGD lr 0.9, batch 256, 10 epochs (threads as set). */
    public void applyD2lPreset() {
        forgetEndedRun();
        setDesign(ModelDesign.of(Family.LENET_CLASSIC));
        int t;
        try { t = Integer.parseInt(threads.get().strip()); } catch (NumberFormatException e) { t = TrainConfig.defaultThreads(); }
        setHyperParameters(HyperParameters.d2l(t));
    }

    /**
     * Modern LeNet with Adam (lr 0.001, batch 64, 10 epochs): 99.2 % on MNIST and 90.0 % on Fashion-MNIST in our runs
     * (README); plain SGD lr 0.1 with batch 256 stays near 98.7 % on MNIST in ten epochs.
     */
    public void applyModernPreset() {
        forgetEndedRun();
        setDesign(ModelDesign.of(Family.LENET_MODERN));
        setHyperParameters(new HyperParameters(Optimizer.ADAM, "0.001", "64", "10", threads.get()));
    }

    /**
     * A recipe starts a new story: the ended run's curves, numbers and kernels leave the screen (the new model's
     * untrained kernels show instead) until Start. Nothing happens while a run is under way (the recipes are
     * disabled then anyway).
     */
    private void forgetEndedRun() {
        if (busy.get()) return;
        if (session != null) { live.stop(session); session = null; }
        snapshot.set(null);
        state.set(null);
        lossCurve.clear();
        consumedLosses = 0;
        confusion.set(null);
        clearStartingPoint();
    }

    public void setHyperParameters(HyperParameters h) {
        optimizer.set(h.optimizer());
        learningRate.set(h.learningRate());
        batchSize.set(h.batchSize());
        epochs.set(h.epochs());
        threads.set(h.threads());
    }

    /** The design as typed, if every number parses (for labels and compare). */
    public ModelDesign currentDesign() {
        try {
            return new ModelDesign(family.get(), parse(conv1), parse(conv2), parse(kernel), activation.get(), pooling.get(),
                    parse(dense1), parse(dense2), parse(hidden));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ModelDesign.Result buildDesign() {
        String[][] fields = {{"training.arch.conv1", conv1.get()}, {"training.arch.conv2", conv2.get()},
                {"training.arch.kernel", kernel.get()}, {"training.arch.dense1", dense1.get()},
                {"training.arch.dense2", dense2.get()}, {"training.arch.hidden", hidden.get()}};
        boolean lenet = family.get().convolutional();
        for (String[] f : fields) {
            boolean used = lenet ? !f[0].endsWith("hidden") : family.get() == Family.MLP && f[0].endsWith("hidden");
            if (!used) continue;
            try { Integer.parseInt(f[1].strip()); }
            catch (NumberFormatException e) { return new ModelDesign.Result(null, I18n.get("training.problem.notInteger", I18n.get(f[0]), f[1].strip())); }
        }
        ModelDesign d = currentDesign();
        return d == null ? new ModelDesign.Result(null, I18n.get("training.problem.other", "?")) : d.build();
    }

    private static int parse(StringProperty p) {
        try { return Integer.parseInt(p.get().strip()); }
        catch (NumberFormatException e) { return 1; } // unused field of another family; buildDesign reports used ones
    }

    // ------------------------------------------------------------------ data

    private void loadData() {
        String id = dataset.get();
        if (id.equals(loadedDataset) && train != null) return;
        dataReady.set(false);
        data.load(id, (tr, te) -> {
            if (!id.equals(dataset.get())) return; // the choice changed while loading
            train = tr;
            test = te;
            loadedDataset = id;
            dataReady.set(true);
            if (startWhenDataReady) {
                startWhenDataReady = false;
                if (canStart.get()) start();
            }
        }, e -> say(MessageKind.ERROR, I18n.get("training.dataFailed", e.getMessage())));
    }

    // ------------------------------------------------------------------ controls

    /** Starts a new run with the form's settings (from the loaded / autosaved weights if there are any). */
    public void start() {
        if (!canStart.get()) return;
        createSession();
        session.start();
    }

    /** One batch: starts a paused run if none is under way. */
    public void step() {
        if (!canStep.get()) return;
        if (!busy.get()) {
            createSession();
            session.startOneStep();
        } else {
            applyLearningRate();
            session.step();
        }
    }

    public void pause() { if (session != null) session.pause(); }

    /** Continues a paused run; a learning rate changed meanwhile (e.g. after a divergence) applies from now on. */
    public void resume() {
        if (session == null || !canResume.get()) return;
        applyLearningRate();
        clearMessage();
        session.resume();
    }

    /** Asks the run to stop after its current batch; "stopping…" until its thread has ended (Start waits for that). */
    public void stop() {
        if (session == null || !busy.get()) return;
        live.stop(session);
        say(MessageKind.INFO, I18n.get("training.stopping"));
    }

    /** A run was asked to stop and its thread has not ended yet. */
    public ReadOnlyBooleanProperty stoppingProperty() { return live.stoppingProperty(); }

    private void applyLearningRate() {
        HyperParameters.Result h = hyper.get();
        if (h.ok() && h.config().learningRate() != session.snapshot().config().learningRate())
            session.setLearningRate(h.config().learningRate());
    }

    private void createSession() {
        if (session != null) live.stop(session);
        ModelSpec spec = design.get().spec();
        TrainConfig config = hyper.get().config();
        int limit = trainLimit();
        LabeledImages tr = train.first(limit > 0 ? limit : limits.train());
        LabeledImages te = test.first(limits.test());
        runDataset = dataset.get();
        runDesign = currentDesign();
        HyperParameters hp = new HyperParameters(optimizer.get(), learningRate.get(), batchSize.get(), epochs.get(), threads.get());
        TrainingSession.Listener listener = autosaveListener(runDataset, runDesign, hp, limit);
        StartingPoint sp = startingPoint.get();
        session = sp != null
                ? new TrainingSession(sp.network().copy(), config, tr, te, options, listener, sp.resume())
                : new TrainingSession(spec, config, tr, te, options, listener);
        live.track(session);
        resumeOffer.set(null); // a new run takes the autosave's place
        lossCurve.clear();
        consumedLosses = 0;
        shownPredictions = null;
        shownEvent = null;
        endReported = false;
        loggedEpochs = (int) session.snapshot().testAccuracy().stream().filter(p -> !p.sample()).count();
        confusion.set(null);
        confusionImages = te;
        confusionDataset = runDataset;
        clearMessage();
        busy.set(true);
        snapshot.set(session.snapshot());
        state.set(State.READY);
    }

    /** Saves the run at each epoch end and when it ends (on the training thread; a problem shows up in pull()). */
    private TrainingSession.Listener autosaveListener(String ds, ModelDesign d, HyperParameters hp, int limit) {
        if (autosave == null) return null;
        return new TrainingSession.Listener() {
            @Override public void epochEnded(TrainingSnapshot s) { write(s); }
            @Override public void ended(TrainingSnapshot s) { if (s.state() != State.FAILED) write(s); }
            private void write(TrainingSnapshot s) {
                try {
                    save(s, Autosave.runOf(s, ds, d, hp, limit));
                    autosaveProblem = null;
                } catch (IOException | RuntimeException e) {
                    autosaveProblem = e.getMessage();
                }
            }
        };
    }

    /**
     * Takes the session's latest snapshot into the properties. Called once per frame by the view; costs one
     * volatile read when nothing changed. Returns true if something changed (the view then redraws, throttled).
     */
    public boolean pull() {
        if (session == null) return false;
        TrainingSnapshot s = session.snapshot();
        if (s == snapshot.get() && consumedLosses == s.losses().count()) return false;
        snapshot.set(s);
        state.set(s.state());
        busy.set(!s.state().ended());
        int bpe = Math.max(1, s.batchesPerEpoch());
        for (int i = consumedLosses; i < s.losses().count(); i++) lossCurve.add((i + 1.0) / bpe, s.losses().get(i));
        consumedLosses = s.losses().count();
        if (s.predictions() != null && s.predictions() != shownPredictions) {
            shownPredictions = s.predictions();
            confusion.set(ConfusionMatrix.of(session.testSet().labels(), s.predictions(), s.spec().classes()));
        }
        if (s.event() != null && s.event() != shownEvent) {
            shownEvent = s.event();
            if (s.event().kind() == TrainingSnapshot.Event.Kind.DIVERGED) {
                float lr = s.event().learningRate();
                say(MessageKind.WARNING, I18n.get("training.diverged", lossText(s.event().loss()), s.event().epoch() + 1,
                        s.event().batch(), number(lr), number(lr / 10)));
            }
        }
        long full = s.testAccuracy().stream().filter(p -> !p.sample()).count();
        if (full > loggedEpochs) {
            loggedEpochs = (int) full;
            int n = s.losses().count(), bpe2 = Math.max(1, s.batchesPerEpoch());
            double mean = 0;
            for (int i = Math.max(0, n - bpe2); i < n; i++) mean += s.losses().get(i);
            mean /= Math.max(1, Math.min(n, bpe2));
            System.getLogger("convscope.training").log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                    "epoch %d: loss %.3f (mean of its batches), train accuracy %.4f, test accuracy %.4f, %.1f s so far",
                    s.epoch(), mean, s.finalTrainAccuracy(), s.finalTestAccuracy(), s.runningSeconds()));
        }
        if (s.state().ended() && !endReported) {
            endReported = true;
            System.getLogger("convscope.training").log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                    "Training %s: %s on %s (%d training images), %s lr %s batch %d, %d threads: epoch %d of %d, "
                            + "test accuracy %.4f, train accuracy %.4f, %.1f s running, %.0f images/s in optimizer steps",
                    s.state(), s.spec().id(), runDataset, session.trainSet().count(), s.config().optimizer(),
                    number(s.config().learningRate()), s.config().batchSize(), s.config().threads(), s.epoch(),
                    s.config().epochs(), s.finalTestAccuracy(), s.finalTrainAccuracy(), s.runningSeconds(),
                    session.meanStepImagesPerSecond()));
            switch (s.state()) {
                case FINISHED -> say(MessageKind.SUCCESS, I18n.get("training.finished", s.config().epochs(),
                        percent(s.finalTestAccuracy()), duration(s.runningSeconds())));
                case STOPPED -> say(MessageKind.INFO, I18n.get("training.stopped", s.epoch() + 1, s.batch()));
                case FAILED -> say(MessageKind.ERROR, I18n.get("training.failed",
                        s.event() == null ? "?" : s.event().detail()));
                default -> { }
            }
        }
        ActiveModel used = usedDataset == null ? null : models.get(usedDataset);
        if (used != null && used.network() == usedNetwork && usedDataset.equals(runDataset)) {
            // The other views show this run's network: keep them on it when divergence recovery replaced it, and
            // re-announce it about once a second while training so that the network view's feature maps follow
            // the weights as they learn (a trace costs microseconds).
            boolean replaced = s.network() != usedNetwork;
            if (replaced || (s.state() == State.RUNNING && System.nanoTime() - lastLiveUpdate > 1_000_000_000L)) {
                lastLiveUpdate = System.nanoTime();
                publishModel(false);
            }
        }
        String ap = autosaveProblem;
        if (ap != null) {
            autosaveProblem = null;
            say(MessageKind.WARNING, I18n.get("training.autosaveFailed", ap));
        }
        if (autosave != null && s.state() == State.RUNNING && System.nanoTime() - lastAutosave > 60_000_000_000L) {
            lastAutosave = System.nanoTime();
            autosaveInBackground(s);
        }
        return true;
    }

    private void autosaveInBackground(TrainingSnapshot s) {
        String ds = runDataset;
        ModelDesign d = runDesign;
        HyperParameters hp = hyperOf(s.config());
        int limit = trainLimit();
        background.execute(() -> {
            try {
                save(s, Autosave.runOf(s, ds, d, hp, limit));
            } catch (IOException | RuntimeException e) {
                autosaveProblem = e.getMessage();
            }
        });
    }

    /** Training images the form asks for (0 = all). */
    private int trainLimit() {
        Integer n = trainImages.get();
        return n == null ? 0 : n;
    }

    /** The form's text for a run's configuration (what the autosave keeps to fill the form again). */
    private static HyperParameters hyperOf(TrainConfig c) {
        return new HyperParameters(c.optimizer(), number(c.learningRate()), Integer.toString(c.batchSize()),
                Integer.toString(c.epochs()), Integer.toString(c.threads()));
    }

    /**
     * Writes a snapshot to the autosave unless a newer one of the same run is there already (the three writers, epoch
     * end, the periodic save and closing, run on different threads). A session's network is the run's identity.
     */
    private void save(TrainingSnapshot s, Autosave.Run run) throws IOException {
        // a diverged snapshot (weights beyond what a weight file holds) is not worth keeping: the last good autosave
        // stays, and the divergence guard tells the person what happened (an autosave warning would hide that)
        if (!savable(s.network().weights())) return;
        autosave.writeIfNewer(s.network(), s.version(), run, s.spec(), s.network().weights());
    }

    /** Whether every weight is finite and within what a weight file accepts ({@link org.convscope.engine.ModelFile#MAX_ABS_WEIGHT}). */
    static boolean savable(java.util.List<org.convscope.engine.LayerWeights> layers) {
        for (var l : layers) {
            for (float v : l.weights()) if (!(Math.abs(v) <= org.convscope.engine.ModelFile.MAX_ABS_WEIGHT)) return false;
            for (float v : l.bias()) if (!(Math.abs(v) <= org.convscope.engine.ModelFile.MAX_ABS_WEIGHT)) return false;
        }
        return true;
    }

    /**
     * Called when the app closes: stops the run and keeps its latest weights (autosave) without waiting on the FX
     * thread. The future completes when the training thread has ended (at most 5 s) and the file is written, on a
     * background thread; the app's exit waits for it ({@code Services.finishBeforeExit}).
     */
    public java.util.concurrent.CompletableFuture<Void> saveOnExit() {
        if (session == null) return java.util.concurrent.CompletableFuture.completedFuture(null);
        TrainingSession ses = session;
        String ds = runDataset;
        ModelDesign d = runDesign;
        int limit = trainLimit();
        return live.stop(ses).orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                .handle((last, timedOut) -> last != null ? last : ses.snapshot())
                .thenAcceptAsync(s -> {
                    if (autosave == null || s.losses().count() == 0 && s.epoch() == 0) return; // nothing learned yet
                    try {
                        save(s, Autosave.runOf(s, ds, d, hyperOf(s.config()), limit));
                    } catch (IOException | RuntimeException e) {
                        System.getLogger("convscope.training").log(System.Logger.Level.WARNING, "autosave on exit failed", e);
                    }
                }, background);
    }

    // ------------------------------------------------------------------ keep the work

    /** The network the buttons act on: the run's (live) or the loaded one. */
    public Network currentNetwork() {
        if (session != null) return session.snapshot().network();
        StartingPoint sp = startingPoint.get();
        return sp == null ? null : sp.network();
    }

    private Network preview;

    /**
     * The network a run of the current design would start with (same seed, so exactly these weights): its kernels
     * are shown before training so that the change from random noise is visible. Null when the design is impossible.
     */
    public Network previewNetwork() {
        ModelDesign.Result d = design.get();
        HyperParameters.Result h = hyper.get();
        if (!d.ok()) return null;
        long seed = h.ok() ? h.config().seed() : HyperParameters.SEED;
        if (preview == null || !preview.spec().equals(d.spec())) preview = Network.create(d.spec(), seed);
        return preview;
    }

    private String currentDescription() {
        ModelDesign d = session != null ? runDesign : currentDesign();
        String name = d == null ? "?" : I18n.get(d.family().titleKey());
        TrainingSnapshot s = session == null ? null : session.snapshot();
        return s == null ? I18n.get("training.active.loaded", name, startingPointText.get())
                : I18n.get("training.active.trained", name, s.epoch());
    }

    /** Makes the current model the one the draw and network views use for its dataset. */
    public void useThisModel() { publishModel(true); }

    private void publishModel(boolean announce) {
        Network n = currentNetwork();
        if (n == null) return;
        String ds = runDataset();
        TrainingSnapshot s = session == null ? null : session.snapshot();
        double acc = s == null ? (confusion.get() == null ? Double.NaN : confusion.get().accuracy()) : s.finalTestAccuracy();
        models.put(ds, new ActiveModel(n, ds, currentDescription(), acc));
        usedNetwork = n;
        usedDataset = ds;
        if (announce) say(MessageKind.SUCCESS, I18n.get("training.used", currentDescription(), I18n.get(datasetKey(ds))));
    }

    /** Saves the current weights (background); the message says where or what went wrong. */
    public void save(Path file) {
        Network n = currentNetwork();
        if (n == null) return;
        TrainingSnapshot s = session == null ? null : session.snapshot();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("dataset", runDataset());
        if (s != null) {
            info.put("epochs", Integer.toString(s.epoch()));
            if (!Double.isNaN(s.finalTestAccuracy())) info.put("test_accuracy", String.format(Locale.ROOT, "%.4f", s.finalTestAccuracy()));
        }
        info.put("description", currentDescription());
        ModelSpec spec = n.spec();
        background.execute(() -> {
            try {
                store.save(file, spec, n.weights(), info);
                Platform.runLater(() -> say(MessageKind.SUCCESS, I18n.get("training.saved", file.toString())));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> say(MessageKind.ERROR, I18n.get("training.saveFailed", e.getMessage())));
            }
        });
    }

    /**
     * Loads a weight file: the form shows its architecture and dataset, the next run starts from its weights, and
     * it is evaluated on the test set (confusion matrix).
     */
    public void load(Path file) {
        if (busy.get()) return;
        background.execute(() -> {
            try {
                ModelStore.Saved saved = store.load(file);
                Network n = Network.of(saved.spec(), saved.weights());
                Platform.runLater(() -> adoptLoaded(n, saved, file.getFileName().toString()));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> say(MessageKind.ERROR, I18n.get("training.loadFailed", e.getMessage())));
            }
        });
    }

    private void adoptLoaded(Network n, ModelStore.Saved saved, String label) {
        ModelDesign d = ModelDesign.from(saved.spec());
        if (d == null) {
            say(MessageKind.ERROR, I18n.get("training.loadUnknownArchitecture", label, saved.spec().id()));
            return;
        }
        String ds = saved.info().get("dataset");
        if (AppContext.MNIST.equals(ds) || AppContext.FASHION_MNIST.equals(ds)) dataset.set(ds);
        setDesign(d);
        if (session != null) { live.stop(session); session = null; }
        snapshot.set(null);
        state.set(null);
        busy.set(false);
        lossCurve.clear();
        consumedLosses = 0;
        runDataset = dataset.get();
        runDesign = d;
        setStartingPoint(new StartingPoint(n, null, label));
        say(MessageKind.SUCCESS, I18n.get("training.loaded", label));
        evaluate(n, dataset.get());
    }

    /** Classifies the whole test set with n (background) and shows the confusion matrix. */
    private void evaluate(Network n, String ds) {
        data.load(ds, (tr, te) -> {
            LabeledImages t = te.first(limits.test());
            int threads = hyper.get().ok() ? hyper.get().config().threads() : TrainConfig.defaultThreads();
            TrainConfig cfg = new TrainConfig(Optimizer.SGD, 0.1f, 0f, 0f, 256, 1, threads, HyperParameters.SEED);
            Network copy = n.copy(); // a trainer attaches to its network; the loaded one stays free for other views
            background.execute(() -> {
                int[] pred = new int[t.count()];
                try (Trainer trainer = new Trainer(copy, cfg)) {
                    trainer.predict(t.images(), 0, t.count(), pred);
                } catch (RuntimeException e) {
                    Platform.runLater(() -> say(MessageKind.ERROR, I18n.get("training.failed", e.getMessage())));
                    return;
                }
                int[] idx = new int[pred.length];
                for (int i = 0; i < idx.length; i++) idx[i] = i;
                ConfusionMatrix m = ConfusionMatrix.of(t.labels(), new TestPredictions(idx, pred, true, 0), n.spec().classes());
                Platform.runLater(() -> {
                    if (session != null) return; // a run started meanwhile; its matrix wins
                    confusionImages = t;
                    confusionDataset = ds;
                    confusion.set(m);
                    say(MessageKind.SUCCESS, I18n.get("training.evaluated", startingPointText.get(), percent(m.accuracy())));
                });
            });
        }, e -> say(MessageKind.ERROR, I18n.get("training.dataFailed", e.getMessage())));
    }

    private void setStartingPoint(StartingPoint sp) {
        startingPoint.set(sp);
        startingPointText.set(sp.label());
    }

    /** Forgets loaded or autosaved weights: the next run starts from fresh random weights. */
    public void clearStartingPoint() {
        startingPoint.set(null);
        startingPointText.set(null);
    }

    private void offerAutosave() {
        if (autosave == null) return;
        background.execute(() -> {
            try {
                if (!autosave.exists()) return;
                Autosave.Found f = autosave.read();
                Platform.runLater(() -> resumeOffer.set(f));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> say(MessageKind.WARNING, I18n.get("training.autosaveUnreadable", e.getMessage())));
            }
        });
    }

    /** Takes the autosaved run: the form as it was, its weights and curves; an unfinished run continues at once. */
    public void acceptResume() {
        Autosave.Found f = resumeOffer.get();
        if (f == null || busy.get()) return;
        resumeOffer.set(null);
        Autosave.Run r = f.run();
        dataset.set(r.dataset());
        setDesign(r.design());
        setHyperParameters(r.hyper());
        trainImages.set(TRAIN_SIZES.contains(r.trainLimit()) ? r.trainLimit() : 0);
        Network n = Network.of(f.model().spec(), f.model().weights());
        runDataset = r.dataset();
        runDesign = r.design();
        if (r.finished()) {
            setStartingPoint(new StartingPoint(n, null, I18n.get("training.autosaveLabel")));
            say(MessageKind.SUCCESS, I18n.get("training.loaded", I18n.get("training.autosaveLabel")));
            evaluate(n, r.dataset());
            return;
        }
        setStartingPoint(new StartingPoint(n, new TrainingSession.Resume(r.epochsDone(), r.losses(), r.trainAccuracy(),
                r.testAccuracy()), I18n.get("training.autosaveLabel")));
        if (canStart.get()) start(); else startWhenDataReady = true;
    }

    public void discardResume() {
        resumeOffer.set(null);
        background.execute(() -> {
            try { autosave.discard(); }
            catch (IOException e) { Platform.runLater(() -> say(MessageKind.WARNING, e.getMessage())); }
        });
    }

    /** The curves of the current run as CSV (see {@link CurvesCsv}). */
    public void exportCsv(Path file, Consumer<Path> done) {
        TrainingSnapshot s = snapshot.get();
        if (s == null) return;
        String model = s.spec().id();
        background.execute(() -> {
            try (var w = java.nio.file.Files.newBufferedWriter(file)) {
                CurvesCsv.writeHeader(w);
                CurvesCsv.writeRun(w, model, s);
                Platform.runLater(() -> { say(MessageKind.SUCCESS, I18n.get("training.exported", file.toString())); done.accept(file); });
            } catch (IOException | UncheckedIOException e) {
                Platform.runLater(() -> say(MessageKind.ERROR, I18n.get("training.exportFailed", e.getMessage())));
            }
        });
    }

    public void say(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }

    public void clearMessage() { message.set(null); }

    /** Stops the run (view closed for good / app exit) without waiting for it. */
    public void close() { if (session != null) live.stop(session); }

    // ------------------------------------------------------------------ formatting shared with the view

    public static String datasetKey(String id) {
        return AppContext.MNIST.equals(id) ? "training.dataset.mnist" : "training.dataset.fashion";
    }

    /** Class name in the current language (the data layer's keys). */
    public static String className(String datasetId, int c) {
        return I18n.get((AppContext.MNIST.equals(datasetId) ? "class.mnist." : "class.fashion.") + c);
    }

    public static String percent(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String number(float v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    static String lossText(float loss) {
        return Float.isNaN(loss) ? "NaN" : Float.isInfinite(loss) ? "∞" : String.format(Locale.ROOT, "%.3g", loss);
    }

    /** The time-left estimate is shown from this share of the run on (5 %)... */
    public static final double TIME_LEFT_MIN_FRACTION = 0.05;
    /** ...and after this many seconds of training (3 s): before that it is mostly start-up cost, not speed. */
    public static final double TIME_LEFT_MIN_SECONDS = 3;

    /**
     * Whether an estimate of the time left means something yet: the first seconds of a run (data, JIT, the first
     * batches) are much slower than the rest, and an estimate from them said 57 minutes for a 44-second run.
     */
    public static boolean timeLeftMeaningful(double fraction, double runningSeconds) {
        return fraction >= TIME_LEFT_MIN_FRACTION && runningSeconds >= TIME_LEFT_MIN_SECONDS;
    }

    public static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) return "—";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
