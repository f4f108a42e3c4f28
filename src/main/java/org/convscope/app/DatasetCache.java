package org.convscope.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.convscope.data.BundledDatasets;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;

/**
 * The bundled datasets for the UI: each loaded once and shared by every view (browser, drawing pad, training...).
 * The data layer's {@link BundledDatasets} keeps the one copy per split (blocking, for any thread); this class is its
 * FX side: loads run on the background executor, results and progress arrive on the FX thread.
 * <p>
 * Usage from a view (FX thread):
 * <pre>{@code
 * ctx.datasets().load(DatasetKind.MNIST, Split.TEST, data -> show(data), error -> showProblem(error));
 * }</pre>
 * {@link #load(Kind, Split)} returns the one shared future for that (dataset, split): the first caller starts the
 * load on the background executor, later callers (and callers after it finished) get the same result. A failed load
 * is forgotten so that the next call tries again. Nothing here blocks the FX thread.
 * <p>
 * The status bar binds to {@link #activityProperty()} (what is loading, translated; empty when idle) and
 * {@link #progressProperty()} (0..1 averaged over the loads running now). Progress from the loader threads
 * is coalesced: at most one pending runLater per load, so a fast loader cannot flood the FX thread.
 */
public final class DatasetCache {

    /** One (dataset, split): e.g. (MNIST, TEST) = 10,000 images. */
    public record Key(DatasetKind kind, Split split) {}

    /** Reads one dataset, reporting progress in 0..1 from its own thread. The default reads the bundled files. */
    @FunctionalInterface
    public interface Loader {
        Dataset load(Key key, java.util.function.DoubleConsumer progress) throws Exception;
    }

    /** Every bundled dataset, in the order {@link #preloadAll()} loads them (the ones lessons use first, first). */
    public static final List<Key> BUNDLED = List.of(
            new Key(DatasetKind.MNIST, Split.TEST), new Key(DatasetKind.MNIST, Split.TRAIN),
            new Key(DatasetKind.FASHION_MNIST, Split.TEST), new Key(DatasetKind.FASHION_MNIST, Split.TRAIN));

    private final Executor background;
    private final Executor fx;
    private final Loader loader;
    private final Map<Key, CompletableFuture<Dataset>> loads = new ConcurrentHashMap<>();
    /** Loads running now and their progress; FX thread only. */
    private final Map<Key, Double> running = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);

    /** The bundled datasets, loaded on background, published on the FX thread. */
    public DatasetCache(Executor background) {
        this(background, Platform::runLater, DatasetCache::loadBundled);
    }

    /** For tests: fx may be Runnable::run, loader a fake. */
    /** Kept here: the locale property holds it weakly (a discarded cache is not kept by the language switch). */
    private final Object localeListener;

    public DatasetCache(Executor background, Executor fx, Loader loader) {
        this.background = background;
        this.fx = fx;
        this.loader = loader;
        localeListener = I18n.listen(this::refreshActivity);
    }

    /** The bundled files, through the data layer's own one-copy-per-split store. */
    static Dataset loadBundled(Key key, java.util.function.DoubleConsumer progress) throws Exception {
        return BundledDatasets.get(key.kind(), key.split(),
                (read, total) -> progress.accept(total > 0 ? Math.min(1, read / (double) total) : -1));
    }

    /** The shared load of this dataset (started now if nobody asked before). Completes on a background thread. */
    public CompletableFuture<Dataset> load(DatasetKind kind, Split split) {
        Key key = new Key(kind, split);
        CompletableFuture<Dataset> f = loads.get(key);
        if (f != null) return f;
        var fresh = new CompletableFuture<Dataset>();
        f = loads.putIfAbsent(key, fresh);
        if (f != null) return f;
        start(key, fresh);
        return fresh;
    }

    /**
     * Loads and calls back on the FX thread: onLoaded with the data, or onFailed with the cause
     * (its message says which file and what is wrong).
     */
    public void load(DatasetKind kind, Split split, Consumer<Dataset> onLoaded, Consumer<Throwable> onFailed) {
        load(kind, split).whenComplete((d, e) -> fx.execute(() -> {
            if (e == null) onLoaded.accept(d);
            else onFailed.accept(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }));
    }

    /** The dataset if it has finished loading, without starting anything. */
    public Optional<Dataset> ifLoaded(DatasetKind kind, Split split) {
        var f = loads.get(new Key(kind, split));
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /**
     * Loads every bundled dataset one after the other (not in parallel: the app stays responsive on a 2-core
     * laptop). A view's own {@link #load} call does not wait for this queue. Failures are left for views to report.
     */
    public CompletableFuture<Void> preloadAll() {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Key k : BUNDLED) {
            chain = chain.thenCompose(x -> load(k.kind(), k.split()).handle((d, e) -> null));
        }
        return chain;
    }

    public ReadOnlyStringProperty activityProperty() { return activity.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    private void start(Key key, CompletableFuture<Dataset> result) {
        fx.execute(() -> {
            running.put(key, 0.0);
            refreshActivity();
        });
        AtomicLong latest = new AtomicLong(Double.doubleToLongBits(0));
        AtomicBoolean pending = new AtomicBoolean();
        java.util.function.DoubleConsumer onProgress = p -> {
            latest.set(Double.doubleToLongBits(p));
            if (pending.compareAndSet(false, true)) {
                fx.execute(() -> {
                    pending.set(false);
                    if (running.containsKey(key)) {
                        running.put(key, Double.longBitsToDouble(latest.get()));
                        refreshProgress();
                    }
                });
            }
        };
        try {
            background.execute(() -> {
                try {
                    Dataset d = loader.load(key, onProgress);
                    finish(key);
                    result.complete(d);
                } catch (Throwable t) {
                    // a damaged file is the view's message; anything else also needs its stack trace
                    if (!(t instanceof org.convscope.data.DatasetException)) ErrorLog.log("Loading " + key + " failed", t);
                    loads.remove(key, result); // the next request tries again
                    finish(key);
                    result.completeExceptionally(t);
                }
            });
        } catch (RuntimeException rejected) {
            loads.remove(key, result);
            finish(key);
            result.completeExceptionally(rejected);
        }
    }

    private void finish(Key key) {
        fx.execute(() -> {
            running.remove(key);
            refreshActivity();
        });
    }

    private void refreshActivity() {
        List<String> names = new ArrayList<>();
        for (Key k : running.keySet()) names.add(name(k));
        activity.set(names.isEmpty() ? "" : I18n.get("shell.loading", String.join(", ", names)));
        refreshProgress();
    }

    private void refreshProgress() {
        double sum = 0;
        for (double p : running.values()) sum += p;
        progress.set(running.isEmpty() ? 0 : sum / running.size());
    }

    /** "MNIST · Test set", "Fashion-MNIST · Training set" (translated). */
    public static String name(Key k) {
        return I18n.get("shell.datasetNamed", I18n.get(k.kind().nameKey()), I18n.get(k.split().nameKey()));
    }
}
