package org.convscope.app.training;

import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.convscope.app.I18n;
import org.convscope.app.training.TrainingViewModel.Limits;
import org.convscope.app.training.TrainingViewModel.MessageKind;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Network;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainConfig.Optimizer;
import org.convscope.engine.Trainer;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.State;
import org.convscope.engine.TrainingSnapshot.TestPredictions;

/**
 * A training run and what it shows: the data it trains on, where it starts (fresh weights, a weight file or an
 * autosave), Start / Step / Pause / Resume / Stop, and its progress. The run is a {@link TrainingSession} on its own
 * threads; {@link #pull()} (once per frame, from the view's timer) takes its latest snapshot into the read-only
 * properties and the decimated {@link #lossCurve()}: nothing else crosses threads, so the FX thread is never flooded
 * and never waits. Reads the {@link TrainingForm}; writes the autosave through {@link TrainingFiles}.
 */
public final class RunControl {

    /** Weights a run may start from (a loaded file or an autosave) and, for an autosave, where it stopped. */
    record StartingPoint(Network network, TrainingSession.Resume resume, String label) {}

    private final TrainingForm form;
    private final DatasetSource data;
    private final TrainingFiles files;
    private final TrainingMessages messages;
    private final Executor background;
    private final Limits limits;
    private final TrainingSession.Options options;

    // ---- data
    private LabeledImages train, test;
    private String loadedDataset;
    private final ReadOnlyBooleanWrapper dataReady = new ReadOnlyBooleanWrapper(this, "dataReady");
    private boolean startWhenDataReady;

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
    private long lastAutosave;
    private final ReadOnlyObjectWrapper<ConfusionMatrix> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    /** The images behind the confusion matrix (the run's test set, or the loaded model's). */
    private LabeledImages confusionImages;
    private String confusionDataset;
    private final ReadOnlyObjectWrapper<StartingPoint> startingPoint = new ReadOnlyObjectWrapper<>(this, "startingPoint");
    private final ReadOnlyStringWrapper startingPointText = new ReadOnlyStringWrapper(this, "startingPointText");

    private final BooleanBinding canStart, canStep, canPause, canResume, canStop, hasModel;
    /** Another run (the comparison) uses the engine: this one may not start meanwhile. */
    private final BooleanProperty engineTaken = new SimpleBooleanProperty(this, "engineTaken");

    public RunControl(TrainingForm form, DatasetSource data, TrainingFiles files, TrainingMessages messages,
                      Executor background, Limits limits, TrainingSession.Options options) {
        this.form = form;
        this.data = data;
        this.files = files;
        this.messages = messages;
        this.background = background;
        this.limits = limits;
        this.options = options;
        BooleanBinding formOk = form.problemProperty().isNull().and(dataReady).and(engineTaken.not());
        canStart = busy.not().and(live.idleProperty()).and(formOk);
        canStep = formOk.and(busy.not().and(live.idleProperty()).or(state.isEqualTo(State.PAUSED)));
        canPause = state.isEqualTo(State.RUNNING).or(state.isEqualTo(State.READY));
        canResume = state.isEqualTo(State.PAUSED).and(Bindings.createBooleanBinding(() -> form.hyperProperty().get().ok(),
                form.hyperProperty()));
        canStop = Bindings.createBooleanBinding(busy::get, busy);
        hasModel = snapshot.isNotNull().or(startingPoint.isNotNull());
    }

    public ReadOnlyBooleanProperty dataReadyProperty() { return dataReady.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** A run is under way (running or paused): the form is locked except the learning rate. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return confusion.getReadOnlyProperty(); }
    public ReadOnlyStringProperty startingPointTextProperty() { return startingPointText.getReadOnlyProperty(); }
    public BooleanBinding canStartProperty() { return canStart; }
    public BooleanBinding canStepProperty() { return canStep; }
    public BooleanBinding canPauseProperty() { return canPause; }
    public BooleanBinding canResumeProperty() { return canResume; }
    public BooleanBinding canStopProperty() { return canStop; }
    /** There is a model to save, use or evaluate (a run, or loaded weights). */
    public BooleanBinding hasModelProperty() { return hasModel; }
    /** Set while the comparison trains (one engine run at a time on a classroom laptop). */
    public BooleanProperty engineTakenProperty() { return engineTaken; }
    public LossCurve lossCurve() { return lossCurve; }
    public TrainingSession session() { return session; }
    public TrainingSession.Options sessionOptions() { return options; }
    /** The test images behind {@link #confusionProperty()} (for the gallery of misclassified images). */
    public LabeledImages confusionImages() { return confusionImages; }
    /** Dataset id of the confusion matrix (for class names). */
    public String confusionDataset() { return confusionDataset; }
    /** The dataset the current run trains on (the form may already show another). */
    public String runDataset() { return runDataset != null ? runDataset : form.datasetProperty().get(); }
    /** The design of the current run or loaded model (null before either). */
    public ModelDesign runDesign() { return runDesign; }
    boolean hasStartingPoint() { return startingPoint.get() != null; }
    /** The loaded weights' architecture, null when a run starts from fresh weights. */
    ModelSpec startingSpec() { return startingPoint.get() == null ? null : startingPoint.get().network().spec(); }

    /** The network the buttons act on: the run's (live) or the loaded one. */
    public Network currentNetwork() {
        if (session != null) return session.snapshot().network();
        StartingPoint sp = startingPoint.get();
        return sp == null ? null : sp.network();
    }

    // ------------------------------------------------------------------ data

    /** The training images a run would use now (the form's subset size), null until loaded. */
    public LabeledImages trainingImages() {
        if (train == null) return null;
        int limit = form.trainLimit();
        return train.first(limit > 0 ? limit : limits.train());
    }

    /** The test images a run would use, null until loaded. */
    public LabeledImages testImages() { return test == null ? null : test.first(limits.test()); }

    /** Loads the form's dataset unless it is there already (the shared cache calls back on the FX thread). */
    void loadData() {
        String id = form.datasetProperty().get();
        if (id.equals(loadedDataset) && train != null) return;
        dataReady.set(false);
        data.load(id, (tr, te) -> {
            if (!id.equals(form.datasetProperty().get())) return; // the choice changed while loading
            train = tr;
            test = te;
            loadedDataset = id;
            dataReady.set(true);
            if (startWhenDataReady) {
                startWhenDataReady = false;
                if (canStart.get()) start();
            }
        }, e -> messages.say(MessageKind.ERROR, I18n.get("training.dataFailed", e.getMessage())));
    }

    // ------------------------------------------------------------------ where the next run starts

    private void setStartingPoint(StartingPoint sp) {
        startingPoint.set(sp);
        startingPointText.set(sp.label());
    }

    /** Forgets loaded or autosaved weights: the next run starts from fresh random weights. */
    public void clearStartingPoint() {
        startingPoint.set(null);
        startingPointText.set(null);
    }

    /**
     * Takes weights from a file or an autosave as the model on screen: an ended run leaves, the next run starts from
     * them ({@code resume} non-null: continues an unfinished autosaved run where it stopped).
     */
    void adopt(Network n, TrainingSession.Resume resume, String label, String ds, ModelDesign d) {
        if (session != null) { live.stop(session); session = null; }
        snapshot.set(null);
        state.set(null);
        busy.set(false);
        lossCurve.clear();
        consumedLosses = 0;
        runDataset = ds;
        runDesign = d;
        setStartingPoint(new StartingPoint(n, resume, label));
    }

    /** Starts now if the data is there, else as soon as it is (an autosaved run resumed at app start). */
    void startWhenReady() {
        if (canStart.get()) start(); else startWhenDataReady = true;
    }

    /**
     * A recipe starts a new story: the ended run's curves, numbers and kernels leave the screen (the new model's
     * untrained kernels show instead) until Start. Nothing happens while a run is under way (the recipes are
     * disabled then anyway).
     */
    void forgetEndedRun() {
        if (busy.get()) return;
        if (session != null) { live.stop(session); session = null; }
        snapshot.set(null);
        state.set(null);
        lossCurve.clear();
        consumedLosses = 0;
        confusion.set(null);
        clearStartingPoint();
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
        messages.clear();
        session.resume();
    }

    /** Asks the run to stop after its current batch; "stopping…" until its thread has ended (Start waits for that). */
    public void stop() {
        if (session == null || !busy.get()) return;
        live.stop(session);
        messages.say(MessageKind.INFO, I18n.get("training.stopping"));
    }

    /** A run was asked to stop and its thread has not ended yet. */
    public ReadOnlyBooleanProperty stoppingProperty() { return live.stoppingProperty(); }

    /** Stops the run (view closed for good / app exit) without waiting for it. */
    public void close() { if (session != null) live.stop(session); }

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
        int limit = form.trainLimit();
        return live.stop(ses).orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                .handle((last, timedOut) -> last != null ? last : ses.snapshot())
                .thenAcceptAsync(s -> {
                    if (!files.autosaving() || s.losses().count() == 0 && s.epoch() == 0) return; // nothing learned yet
                    files.saveOnExit(s, ds, d, limit);
                }, background);
    }

    private void applyLearningRate() {
        HyperParameters.Result h = form.hyperProperty().get();
        if (h.ok() && h.config().learningRate() != session.snapshot().config().learningRate())
            session.setLearningRate(h.config().learningRate());
    }

    private void createSession() {
        if (session != null) live.stop(session);
        ModelSpec spec = form.designProperty().get().spec();
        TrainConfig config = form.hyperProperty().get().config();
        int limit = form.trainLimit();
        LabeledImages tr = train.first(limit > 0 ? limit : limits.train());
        LabeledImages te = test.first(limits.test());
        runDataset = form.datasetProperty().get();
        runDesign = form.currentDesign();
        TrainingSession.Listener listener = files.autosaveListener(runDataset, runDesign, form.hyperText(), limit);
        StartingPoint sp = startingPoint.get();
        session = sp != null
                ? new TrainingSession(sp.network().copy(), config, tr, te, options, listener, sp.resume())
                : new TrainingSession(spec, config, tr, te, options, listener);
        live.track(session);
        files.withdrawResumeOffer(); // a new run takes the autosave's place
        lossCurve.clear();
        consumedLosses = 0;
        shownPredictions = null;
        shownEvent = null;
        endReported = false;
        loggedEpochs = (int) session.snapshot().testAccuracy().stream().filter(p -> !p.sample()).count();
        confusion.set(null);
        confusionImages = te;
        confusionDataset = runDataset;
        messages.clear();
        busy.set(true);
        snapshot.set(session.snapshot());
        state.set(State.READY);
    }

    // ------------------------------------------------------------------ progress

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
                messages.say(MessageKind.WARNING, I18n.get("training.diverged", TrainingText.lossText(s.event().loss()),
                        s.event().epoch() + 1, s.event().batch(), TrainingText.number(lr), TrainingText.number(lr / 10)));
            }
        }
        logEpochs(s);
        if (s.state().ended() && !endReported) {
            endReported = true;
            logEnd(s);
            switch (s.state()) {
                case FINISHED -> messages.say(MessageKind.SUCCESS, I18n.get("training.finished", s.config().epochs(),
                        TrainingText.percent(s.finalTestAccuracy()), TrainingText.duration(s.runningSeconds())));
                case STOPPED -> messages.say(MessageKind.INFO, I18n.get("training.stopped", s.epoch() + 1, s.batch()));
                case FAILED -> {
                    org.convscope.app.ErrorLog.log("Training failed", session.failure());
                    messages.say(MessageKind.ERROR, I18n.get("training.failed", s.event() == null ? "?" : s.event().detail()));
                }
                default -> { }
            }
        }
        String ap = files.takeAutosaveProblem();
        if (ap != null) messages.say(MessageKind.WARNING, I18n.get("training.autosaveFailed", ap));
        if (files.autosaving() && s.state() == State.RUNNING && System.nanoTime() - lastAutosave > 60_000_000_000L) {
            lastAutosave = System.nanoTime();
            files.autosaveInBackground(s, runDataset, runDesign, form.trainLimit());
        }
        return true;
    }

    private void logEpochs(TrainingSnapshot s) {
        long full = s.testAccuracy().stream().filter(p -> !p.sample()).count();
        if (full <= loggedEpochs) return;
        loggedEpochs = (int) full;
        int n = s.losses().count(), bpe = Math.max(1, s.batchesPerEpoch());
        double mean = 0;
        for (int i = Math.max(0, n - bpe); i < n; i++) mean += s.losses().get(i);
        mean /= Math.max(1, Math.min(n, bpe));
        System.getLogger("convscope.training").log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                "epoch %d: loss %.3f (mean of its batches), train accuracy %.4f, test accuracy %.4f, %.1f s so far",
                s.epoch(), mean, s.finalTrainAccuracy(), s.finalTestAccuracy(), s.runningSeconds()));
    }

    private void logEnd(TrainingSnapshot s) {
        System.getLogger("convscope.training").log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                "Training %s: %s on %s (%d training images), %s lr %s batch %d, %d threads: epoch %d of %d, "
                        + "test accuracy %.4f, train accuracy %.4f, %.1f s running, %.0f images/s in optimizer steps",
                s.state(), s.spec().id(), runDataset, session.trainSet().count(), s.config().optimizer(),
                TrainingText.number(s.config().learningRate()), s.config().batchSize(), s.config().threads(), s.epoch(),
                s.config().epochs(), s.finalTestAccuracy(), s.finalTrainAccuracy(), s.runningSeconds(),
                session.meanStepImagesPerSecond()));
    }

    // ------------------------------------------------------------------ evaluating loaded weights

    /** Classifies the whole test set with n (background) and shows the confusion matrix. */
    void evaluate(Network n, String ds) {
        data.load(ds, (tr, te) -> {
            LabeledImages t = te.first(limits.test());
            HyperParameters.Result h = form.hyperProperty().get();
            int threads = h.ok() ? h.config().threads() : TrainConfig.defaultThreads();
            TrainConfig cfg = new TrainConfig(Optimizer.SGD, 0.1f, 0f, 0f, 256, 1, threads, HyperParameters.SEED);
            Network copy = n.copy(); // a trainer attaches to its network; the loaded one stays free for other views
            new org.convscope.app.common.OneShot(background, Platform::runLater).run("Evaluating the model", () -> {
                int[] pred = new int[t.count()];
                try (Trainer trainer = new Trainer(copy, cfg)) {
                    trainer.predict(t.images(), 0, t.count(), pred);
                }
                int[] idx = new int[pred.length];
                for (int i = 0; i < idx.length; i++) idx[i] = i;
                return ConfusionMatrix.of(t.labels(), new TestPredictions(idx, pred, true, 0), n.spec().classes());
            }, m -> {
                if (session != null) return; // a run started meanwhile; its matrix wins
                confusionImages = t;
                confusionDataset = ds;
                confusion.set(m);
                messages.say(MessageKind.SUCCESS, I18n.get("training.evaluated", startingPointText.get(),
                        TrainingText.percent(m.accuracy())));
            }, e -> messages.say(MessageKind.ERROR, I18n.get("training.failed", e.getMessage())));
        }, e -> messages.say(MessageKind.ERROR, I18n.get("training.dataFailed", e.getMessage())));
    }
}
