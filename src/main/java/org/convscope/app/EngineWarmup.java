package org.convscope.app;

import org.convscope.engine.ModelZoo;
import org.convscope.engine.Warmup;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The app's engine warm-up hook ({@link ConvScopeApp} calls {@link #start} after the first frame): gets the engine's
 * kernels compiled while the teacher is still talking, because a fresh JVM runs them 200-10,000 times slower until
 * the JIT's C2 has compiled them, which made the first Start and the first digit on the draw pad the slowest moments of
 * a lesson. It runs {@link Warmup} once, on its own daemon thread (not the background executor: the datasets load there
 * at the same time), with throw-away networks; Warmup stops as soon as a real training run opens a Trainer, {@link #stop}
 * ends it at the next step, and nothing runs at all when the system property {@value #PROPERTY} is false.
 */
final class EngineWarmup {
    private static final System.Logger LOG = System.getLogger("convscope");
    /** -Dconvscope.warmup=false: no engine warm-up after the first frame (to measure what it brings). */
    static final String PROPERTY = "convscope.warmup";
    static final String THREAD_NAME = "convscope-warmup";

    private final boolean enabled;
    private final Function<BooleanSupplier, Warmup.Result> work;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Thread thread;
    private volatile Warmup.Result result;

    /**
     * @param enabled false: {@link #start} does nothing
     * @param work    the warm-up, given the hook's stop signal (the app's: {@link #appWarmup})
     */
    EngineWarmup(boolean enabled, Function<BooleanSupplier, Warmup.Result> work) {
        this.enabled = enabled;
        this.work = work;
    }

    /** The app's hook: on unless {@value #PROPERTY} is "false". */
    static EngineWarmup fromSystemProperties() {
        return new EngineWarmup(Boolean.parseBoolean(System.getProperty(PROPERTY, "true")), EngineWarmup::appWarmup);
    }

    /**
     * Traces of the draw view's model (the bundled models are LeNet-5 modern), then training of the default recipe's
     * model (D2L's classic LeNet, SGD) and of the modern recipe's (Adam).
     */
    static Warmup.Result appWarmup(BooleanSupplier stop) {
        return Warmup.run(List.of(ModelZoo.lenetModern()), List.of(ModelZoo.lenetClassic(), ModelZoo.lenetModern()), stop);
    }

    /** Starts the warm-up thread the first time it is called (later calls, and a disabled hook, do nothing); true if it did. */
    boolean start() {
        if (!enabled || !started.compareAndSet(false, true)) return false;
        thread = Thread.ofPlatform().name(THREAD_NAME).daemon(true).start(() -> {
            long cpu0 = ConvScopeApp.cpuMillis();
            Warmup.Result r = work.apply(() -> stopping);
            result = r;
            LOG.log(System.Logger.Level.INFO, "ConvScope engine warmed up: " + r + ", done " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                    + " ms after JVM start (process CPU meanwhile " + (ConvScopeApp.cpuMillis() - cpu0) + " ms)");
        });
        return true;
    }

    /** Asks a running warm-up to end before its next step (the app is closing). */
    void stop() { stopping = true; }

    boolean enabled() { return enabled; }

    /** The warm-up's thread once started, else null. */
    Thread thread() { return thread; }

    /** What the warm-up did, once it has finished; null before. */
    Warmup.Result result() { return result; }
}
