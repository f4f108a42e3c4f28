package org.convscope.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
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
        StartupClock.mark("javafx");
        ErrorLog.installUncaughtHandler(); // no exception on any thread goes unlogged (logs/convscope.log)
        this.stage = stage;
        Settings settings = Settings.load();
        settings.theme().applyUserAgent(); // before the first control, which would load Modena otherwise
        I18n.setLocale(settings.locale());
        services = new Services();
        AppContext ctx = new AppContext(services);
        ctx.rememberDiagnostics(settings);
        window = new MainWindow(ctx, settings, Views.create(ctx));
        window.attach(stage);
        StartupClock.mark("window built");

        // The first pulse lays the window out; what follows it (the log line, the lesson offer, the models, the data,
        // the other views) waits until that frame has gone to the renderer, so nothing of it delays the first picture
        // or the first key a person presses: a runLater queued in the pulse runs after it, one event at a time.
        Runnable[] firstFrame = new Runnable[1];
        firstFrame[0] = () -> {
            if (!stage.isShowing() || firstFrame[0] == null) return;
            Runnable self = firstFrame[0];
            firstFrame[0] = null;
            StartupClock.mark("first layout");
            Platform.runLater(() -> {
                // Not removed inside the pulse: the scene is iterating over its listeners right now.
                stage.getScene().removePostLayoutPulseListener(self);
                StartupClock.mark("first frame");
                afterFirstFrame(ctx);
            });
        };
        stage.getScene().addPostLayoutPulseListener(firstFrame[0]);
        stage.show();
        StartupClock.mark("window shown");
    }

    /** The window once {@link #start} has built it (tests). */
    MainWindow window() { return window; }

    /** Everything that can wait until the window is on screen, in the order a person needs it. */
    private void afterFirstFrame(AppContext ctx) {
        ctx.status().show(StatusLine.Kind.INFO, "shell.ready");
        window.offerLesson(); // where to start (first run) or where to continue
        // the bundled trained models first (two 250 KB files): the draw view can recognise digits at once
        ModelLibrary.loadBundled(ctx, ctx.status()::error);
        Platform.runLater(() -> preload(ctx));
        window.makeViewsWhenIdle(); // the other views, one per pulse (only the first was made for the first frame)
        warmup.start();
        // logged last, off the FX thread: java.util.logging and the JVM's clock load a few hundred classes
        ctx.services().background().execute(() -> {
            String graphics = GraphicsChoice.chosen();
            LOG.log(System.Logger.Level.INFO, "ConvScope startup, ms after JVM start by the JVM's clock: "
                    + StartupClock.summary() + "; process CPU " + cpuMillis() + " ms"
                    + (graphics == null ? "" : "; " + graphics));
        });
    }

    /** The engine warm-up, started after the first frame (see {@link EngineWarmup}; -Dconvscope.warmup=false: never). */
    private final EngineWarmup warmup = EngineWarmup.fromSystemProperties();

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

    /** CPU time of this process so far, all threads (-1 if the OS does not say). */
    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    @Override
    public void stop() {
        warmup.stop();
        if (window != null && stage != null) window.saveBounds(stage);
        // Waits (bounded) for a training run to end and its last autosave to be written (TrainingView.shutdown):
        // on the FX thread, but the window has closed already, so nothing freezes on screen.
        if (services != null) services.close();
    }
}
