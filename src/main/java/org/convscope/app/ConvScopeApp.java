package org.convscope.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Warmup;

import java.util.List;

/**
 * The desktop app. Startup order matters for the "window within 1.5 s" goal: settings and the window first,
 * views build their panes lazily (only the first one now), and the datasets load after the first frame,
 * in the background, with progress in the status bar.
 */
public final class ConvScopeApp extends Application {
    private static final System.Logger LOG = System.getLogger("convscope");

    private Services services;
    private MainWindow window;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        long atStart = millisSinceProcessStart();
        ErrorLog.installUncaughtHandler(); // no exception on any thread goes unlogged (logs/convscope.log)
        this.stage = stage;
        Settings settings = Settings.load();
        I18n.setLocale(settings.locale());
        services = new Services();
        AppContext ctx = new AppContext(services);
        ctx.rememberDiagnostics(settings);
        window = new MainWindow(ctx, settings, Views.create(ctx));
        window.attach(stage);
        long built = millisSinceProcessStart();

        // First frame on screen -> log the startup time, then start the data (not before: loading competes for the CPU).
        Runnable[] firstFrame = new Runnable[1];
        firstFrame[0] = () -> {
            if (!stage.isShowing() || firstFrame[0] == null) return;
            Runnable self = firstFrame[0];
            firstFrame[0] = null;
            // Not removed inside the pulse: the scene is iterating over its listeners right now.
            Platform.runLater(() -> stage.getScene().removePostLayoutPulseListener(self));
            LOG.log(System.Logger.Level.INFO, "ConvScope window shown " + millisSinceProcessStart()
                    + " ms after JVM start (JavaFX started at " + atStart + " ms, window built at " + built
                    + " ms; CPU time used " + cpuMillis() + " ms: on a busy machine the gap to the wall time is waiting)");
            ctx.status().show(StatusLine.Kind.INFO, "shell.ready");
            window.offerLesson(); // where to start (first run) or where to continue
            // the bundled trained models first (two 250 KB files): the draw view can recognise digits at once
            ModelLibrary.loadBundled(ctx, ctx.status()::error);
            Platform.runLater(() -> preload(ctx));
            window.makeViewsWhenIdle(); // the other views, one per pulse (only the first was made for the first frame)
            warmUpEngine();
        };
        stage.getScene().addPostLayoutPulseListener(firstFrame[0]);
        stage.show();
    }

    /**
     * Gets the engine's kernels compiled while the teacher is still talking: a fresh JVM runs them 200-10,000 times
     * slower until the JIT's C2 has compiled them, which made the first Start and the first digit on the draw pad the
     * slowest moments of a lesson. On its own thread (not the background executor: the datasets load there at the
     * same time), with throw-away networks (see {@link Warmup}); it stops as soon as a real training run starts, and
     * never runs when the system property {@value #WARMUP_PROPERTY} is false.
     */
    private void warmUpEngine() {
        if (!Boolean.parseBoolean(System.getProperty(WARMUP_PROPERTY, "true"))) return;
        Thread.ofPlatform().name("convscope-warmup").daemon(true).start(() -> {
            long cpu0 = cpuMillis();
            // traces of the draw view's model (the bundled models are LeNet-5 modern), then training of the default
            // recipe's model (D2L's classic LeNet, SGD) and of the modern recipe's (Adam)
            Warmup.Result r = Warmup.run(List.of(ModelZoo.lenetModern()), List.of(ModelZoo.lenetClassic(), ModelZoo.lenetModern()),
                    () -> stopping);
            LOG.log(System.Logger.Level.INFO, "ConvScope engine warmed up: " + r + ", done " + millisSinceProcessStart()
                    + " ms after JVM start (process CPU meanwhile " + (cpuMillis() - cpu0) + " ms)");
        });
    }

    /** -Dconvscope.warmup=false: no engine warm-up after the first frame (to measure what it brings). */
    static final String WARMUP_PROPERTY = "convscope.warmup";
    private volatile boolean stopping;

    /** Loads every bundled dataset in the background and says in the status bar when they are all there. */
    private static void preload(AppContext ctx) {
        long t0 = System.nanoTime();
        ctx.datasets().preloadAll().thenRun(() -> Platform.runLater(() -> {
            long images = 0;
            for (DatasetCache.Key k : DatasetCache.BUNDLED) {
                images += ctx.datasets().ifLoaded(k.kind(), k.split()).map(d -> (long) d.count()).orElse(0L);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            LOG.log(System.Logger.Level.INFO, "ConvScope datasets loaded: " + images + " images in "
                    + String.format(java.util.Locale.ROOT, "%.2f", seconds) + " s");
            // A failed load is reported by the view that needs it (with what to do); here only success counts.
            if (images > 0 && ctx.status().kindProperty().get() != StatusLine.Kind.ERROR) {
                ctx.status().show(StatusLine.Kind.SUCCESS, "shell.loaded", images, seconds);
            }
        }));
    }

    /**
     * Milliseconds since the operating system started this process (java.base; the JVM's own start time would
     * need java.management in the runtime image for the same number, a few ms later). -1 if the OS does not say.
     */
    static long millisSinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(t -> System.currentTimeMillis() - t.toEpochMilli()).orElse(-1L);
    }

    /** CPU time of this process so far, all threads (-1 if the OS does not say). */
    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    @Override
    public void stop() {
        stopping = true;
        if (window != null && stage != null) window.saveBounds(stage);
        // Waits (bounded) for a training run to end and its last autosave to be written (TrainingView.shutdown):
        // on the FX thread, but the window has closed already, so nothing freezes on screen.
        if (services != null) services.close();
    }
}
