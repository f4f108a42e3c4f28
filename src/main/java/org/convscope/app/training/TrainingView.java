package org.convscope.app.training;

import java.util.Objects;

import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Training you can watch" (concepts.md section 12): train a model live, see its curves, its kernels learn and its
 * mistakes, compare it with softmax regression and an MLP, keep the result. Three tabs: Train ({@link TrainPane}),
 * Results ({@link ResultsPane}), Compare ({@link ComparePane}).
 * <p>
 * One AnimationTimer drives everything on the FX thread: each frame it pulls the latest training snapshot (one
 * volatile read when nothing changed) and redraws the charts at most four times a second (kernels twice), so the UI stays at
 * the display rate while the engine trains on the other cores. It also measures the frame times ({@link FrameMeter}),
 * shown in the small label next to the progress bar and logged every ten seconds while training runs. The timer
 * runs only while the view is shown; hidden, a run's progress is taken once a second without drawing (and not at
 * all when nothing trains).
 */
public final class TrainingView implements ConceptView {
    private static final System.Logger LOG = System.getLogger("convscope.training");
    private static final long REDRAW_NANOS = 250_000_000L, LOG_NANOS = 10_000_000_000L;

    private final AppContext ctx;
    private final DatasetSource data;
    private final ModelStore store;
    private final Autosave autosave;
    private final TrainingViewModel.Limits limits;
    private final FilePicker files;
    private TrainingViewModel model;
    private ComparisonModel compare;
    private TabPane root;
    private TrainPane trainPane;
    private ResultsPane resultsPane;
    private ComparePane comparePane;
    private final FrameMeter meter = new FrameMeter();
    private AnimationTimer timer;
    private Timeline hiddenPull;
    private boolean redrawOnShow;
    private long pulls, redraws;

    /** The app's view: bundled data through the shared cache, safetensors files, autosave in ~/.convscope. */
    public TrainingView(AppContext ctx) {
        this(ctx, DatasetSource.of(ctx), ModelStore.safetensors(),
                new Autosave(Autosave.defaultFolder(), ModelStore.safetensors()), FilePicker.dialogs(), TrainingViewModel.Limits.all());
    }

    /**
     * @param autosave where runs are kept across app restarts; null disables autosaving (tests)
     * @param limits   subset sizes (tests train on 1,024 images)
     */
    public TrainingView(AppContext ctx, DatasetSource data, ModelStore store, Autosave autosave, FilePicker files,
                        TrainingViewModel.Limits limits) {
        this.ctx = Objects.requireNonNull(ctx);
        this.data = Objects.requireNonNull(data);
        this.store = Objects.requireNonNull(store);
        this.autosave = autosave;
        this.files = Objects.requireNonNull(files);
        this.limits = limits;
    }

    @Override public String id() { return "training"; }
    @Override public String titleKey() { return "training.nav"; }
    @Override public Ikon icon() { return Material2MZ.SHOW_CHART; }

    @Override public Node node() {
        if (root != null) return root;
        model = new TrainingViewModel(data, store, autosave, ctx.services().background(), ctx.models(), limits,
                TrainingSession.Options.defaults());
        compare = new ComparisonModel(model);
        trainPane = new TrainPane(model, files, ctx);
        resultsPane = new ResultsPane(model);
        comparePane = new ComparePane(compare, model, () -> files, ctx.services().background());
        Tab resultsTab = tab("tab-results", "training.tab.results", resultsPane);
        root = new TabPane(tab("tab-train", "training.tab.train", trainPane), resultsTab,
                tab("tab-compare", "training.tab.compare", comparePane));
        resultsPane.showingProperty().bind(resultsTab.selectedProperty());
        root.setId("training-view");
        root.getStyleClass().add("training-view");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        var css = TrainingView.class.getResource("training.css");
        if (css != null) root.getStylesheets().add(css.toExternalForm());
        // Closing the app keeps the latest weights of a run (autosave) so that the next start can resume it.
        root.sceneProperty().flatMap(s -> s.windowProperty()).addListener((o, old, w) -> {
            if (w != null) w.addEventHandler(WindowEvent.WINDOW_HIDING, e -> shutdown());
        });
        timer = new AnimationTimer() {
            private long lastRedraw, lastLog, lastFps;
            private boolean dirty = true, wasTraining;
            private long workNanos, workMax;
            private final UiCpu cpu = new UiCpu();
            @Override public void handle(long now) {
                long t0 = System.nanoTime();
                meter.frame(now);
                dirty |= pullAll();
                if (redrawOnShow) { redrawOnShow = false; dirty = true; lastRedraw = 0; }
                if (dirty && now - lastRedraw >= REDRAW_NANOS) {
                    dirty = false;
                    lastRedraw = now;
                    redraws++;
                    trainPane.refresh();
                    comparePane.refresh();
                }
                if (now - lastFps >= 500_000_000L && ctx.diagnosticsProperty().get()) {
                    lastFps = now;
                    trainPane.fpsLabel.setText(I18n.get("training.fps", Math.round(meter.fps()), Math.round(meter.worstGapMillis())));
                }
                long work = System.nanoTime() - t0;
                workNanos += work;
                workMax = Math.max(workMax, work);
                boolean training = model.stateProperty().get() == TrainingSnapshot.State.RUNNING || compare.runningProperty().get();
                if (training && !wasTraining) { // a run starts: the summary covers training only
                    lastLog = now;
                    meter.resetSummary();
                    workNanos = 0;
                    workMax = 0;
                    cpu.reset();
                } else if (training && now - lastLog >= LOG_NANOS) {
                    lastLog = now;
                    // the Train tab's throughput only while its run is the one training (not during a comparison)
                    TrainingSnapshot s = model.stateProperty().get() == TrainingSnapshot.State.RUNNING
                            ? model.snapshotProperty().get() : null;
                    LOG.log(System.Logger.Level.INFO, "UI while training: " + meter.summary()
                            + String.format(java.util.Locale.ROOT, "; timer work %.1f ms/s, longest %.1f ms", workNanos / 1e6 / 10, workMax / 1e6)
                            + "; " + cpu.report()
                            + (s == null ? "; comparison running" : String.format(java.util.Locale.ROOT, "; training %.0f images/s (steps), epoch %d batch %d",
                            s.imagesPerSecond(), s.epoch() + 1, s.batch())));
                    meter.resetSummary();
                    cpu.reset();
                    workNanos = 0;
                    workMax = 0;
                }
                wasTraining = training;
            }
        };
        timer.start();
        // hidden while a run trains: once a second, take the run's progress (no drawing), so that the other views
        // follow the learning model, the autosave keeps its minute and the end of the run is noticed
        hiddenPull = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            pullAll();
            if (!training()) hiddenPull.stop();
        }));
        hiddenPull.setCycleCount(Animation.INDEFINITE);
        return root;
    }

    private boolean pullAll() {
        pulls++;
        boolean changed = model.pull();
        changed |= compare.pull();
        return changed;
    }

    /** A run of the Train tab or of the comparison is under way (running or paused). */
    private boolean training() {
        return model.busyProperty().get() || compare.runningProperty().get();
    }

    /** Shown: the frame timer runs again and redraws once with the newest state. */
    @Override public void onShow() {
        node();
        hiddenPull.stop();
        redrawOnShow = true;
        timer.start();
    }

    /**
     * Hidden: the frame timer stops (no pulling, no drawing). Only while a run trains, its progress is taken once a
     * second without drawing (see {@link #node()}); with no run, the hidden view does nothing at all.
     */
    @Override public void onHide() {
        if (timer == null) return;
        timer.stop();
        if (training()) hiddenPull.play();
    }

    /** Times the view took the runs' progress (per frame while shown; once a second while hidden and training). */
    public long pulls() { return pulls; }
    /** Times the panes were redrawn. */
    public long redraws() { return redraws; }

    /**
     * CPU time of the UI's own threads (the FX application thread and the renderer) since the last reset, as a share
     * of one core: what the window takes away from training on a two-core machine.
     */
    private static final class UiCpu {
        private final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        private long since = System.nanoTime(), fxStart = -1, renderStart = -1;
        private long renderId = -1; // -1: not looked for yet, -2: no renderer thread (headless)

        void reset() {
            since = System.nanoTime();
            fxStart = fxCpu();
            renderStart = renderCpu();
        }

        private long fxCpu() { return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1; }

        private long renderCpu() {
            if (renderId == -1) { // once: Thread.getAllStackTraces() is expensive
                renderId = -2;
                for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith("QuantumRenderer")) renderId = t.threadId();
            }
            return renderId < 0 ? -1 : mx.getThreadCpuTime(renderId);
        }

        String report() {
            double wall = (System.nanoTime() - since) / 1e9;
            long fx = fxCpu(), render = renderCpu();
            if (fxStart < 0 || fx < 0) { reset(); return "UI CPU n/a"; }
            return String.format(java.util.Locale.ROOT, "UI CPU: FX thread %.0f%%, renderer %.0f%% of a core",
                    100 * (fx - fxStart) / 1e9 / wall, render < 0 || renderStart < 0 ? Double.NaN : 100 * (render - renderStart) / 1e9 / wall);
        }
    }

    private static Tab tab(String id, String key, Node content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(I18n.bind(key));
        t.setContent(content);
        return t;
    }

    /**
     * Keeps the run (autosave) and stops the engine threads, without waiting on the FX thread (closing the window
     * used to freeze it for up to 5 s while a batch or an epoch's test finished). The future completes when both runs
     * have ended and the autosave is written; the app's exit waits for it ({@link org.convscope.app.Services#close()}).
     * Idempotent.
     */
    java.util.concurrent.CompletableFuture<Void> shutdown() {
        if (model == null) return java.util.concurrent.CompletableFuture.completedFuture(null);
        timer.stop(); // the window is closing: a running AnimationTimer would also keep the whole view reachable
        hiddenPull.stop();
        var done = java.util.concurrent.CompletableFuture.allOf(model.saveOnExit(), compare.close());
        ctx.services().finishBeforeExit(done);
        return done;
    }

    @Override public java.util.Set<String> stateKeys() { return java.util.Set.of("tab", "recipe"); }

    @Override public java.util.Map<String, String> captureState() {
        node();
        int i = root.getSelectionModel().getSelectedIndex();
        return java.util.Map.of("tab", i == 1 ? "results" : i == 2 ? "compare" : "train");
    }

    /**
     * "tab": train | results | compare; "recipe": d2l (LeNet-5 with sigmoid and average pooling, SGD lr 0.9: the
     * loss sits at 2.3 for the first epochs) | modern (ReLU, max pooling, Adam). A recipe only fills in the form; the
     * class presses Start. Not while a run is going on.
     */
    @Override public void applyState(java.util.Map<String, String> state) {
        node();
        String tab = org.convscope.app.ViewState.oneOf(state, "tab", java.util.List.of("train", "results", "compare"));
        String recipe = org.convscope.app.ViewState.oneOf(state, "recipe", java.util.List.of("d2l", "modern"));
        if (recipe != null) {
            if (model.busyProperty().get())
                throw new IllegalArgumentException("a training run is going on; its recipe is kept");
            if (recipe.equals("d2l")) model.applyD2lPreset(); else model.applyModernPreset();
        }
        if (tab != null) root.getSelectionModel().select(switch (tab) { case "results" -> 1; case "compare" -> 2; default -> 0; });
    }

    /** For tests and the shell. */
    public TrainingViewModel model() { node(); return model; }
    public ComparisonModel comparison() { node(); return compare; }
    public FrameMeter frameMeter() { return meter; }
}
