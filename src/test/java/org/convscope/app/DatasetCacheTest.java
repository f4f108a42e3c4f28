package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared dataset store, with a fake loader and the "FX thread" replaced by the calling thread. */
class DatasetCacheTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() { background.shutdownNow(); }

    static Dataset tiny(DatasetCache.Key k) {
        return new Dataset(k.kind(), k.split(), new byte[3 * 784], new byte[] {0, 1, 2}, 3, 28, 28);
    }

    @Test
    void eachDatasetIsLoadedOnceAndShared() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        var cache = new DatasetCache(background, Runnable::run, (k, p) -> {
            loads.incrementAndGet();
            return tiny(k);
        });
        Dataset a = cache.load(DatasetKind.MNIST, Split.TEST).get(5, TimeUnit.SECONDS);
        Dataset b = cache.load(DatasetKind.MNIST, Split.TEST).get(5, TimeUnit.SECONDS);
        assertSame(a, b);
        assertEquals(1, loads.get());
        assertSame(a, cache.ifLoaded(DatasetKind.MNIST, Split.TEST).orElseThrow());
        assertTrue(cache.ifLoaded(DatasetKind.MNIST, Split.TRAIN).isEmpty(), "nothing else was started");
    }

    @Test
    void aFailedLoadIsReportedAndTheNextRequestTriesAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        var cache = new DatasetCache(background, Runnable::run, (k, p) -> {
            if (attempts.incrementAndGet() == 1) throw new java.io.IOException("t10k-images-idx3-ubyte.gz is truncated");
            return tiny(k);
        });
        var failure = assertThrows(ExecutionException.class,
                () -> cache.load(DatasetKind.FASHION_MNIST, Split.TEST).get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("truncated"));
        Dataset d = cache.load(DatasetKind.FASHION_MNIST, Split.TEST).get(5, TimeUnit.SECONDS);
        assertEquals(3, d.count());
        assertEquals(2, attempts.get());
    }

    @Test
    void callbacksDeliverDataOrTheCause() throws Exception {
        var cache = new DatasetCache(background, Runnable::run, (k, p) -> {
            if (k.kind() == DatasetKind.FASHION_MNIST) throw new IllegalStateException("bad magic 0x1f8b0808");
            return tiny(k);
        });
        var got = new java.util.concurrent.CompletableFuture<Object>();
        cache.load(DatasetKind.MNIST, Split.TRAIN, got::complete, got::complete);
        assertTrue(got.get(5, TimeUnit.SECONDS) instanceof Dataset);
        var failed = new java.util.concurrent.CompletableFuture<Object>();
        cache.load(DatasetKind.FASHION_MNIST, Split.TRAIN, failed::complete, failed::complete);
        // the cause itself, not a CompletionException wrapper: its message is what the user reads
        assertEquals("bad magic 0x1f8b0808", ((Throwable) failed.get(5, TimeUnit.SECONDS)).getMessage());
    }

    @Test
    void progressAndActivityFollowTheRunningLoad() throws Exception {
        var release = new java.util.concurrent.CountDownLatch(1);
        var halfway = new java.util.concurrent.CountDownLatch(1);
        var cache = new DatasetCache(background, Runnable::run, (k, p) -> {
            p.accept(0.5);
            halfway.countDown();
            release.await();
            return tiny(k);
        });
        var f = cache.load(DatasetKind.MNIST, Split.TEST);
        assertTrue(halfway.await(5, TimeUnit.SECONDS));
        // with fx = Runnable::run the update is applied on the loader thread; give it a moment
        for (int i = 0; i < 100 && cache.progressProperty().get() < 0.5; i++) Thread.sleep(10);
        assertEquals(0.5, cache.progressProperty().get(), 1e-9);
        assertTrue(cache.activityProperty().get().contains("MNIST"), cache.activityProperty().get());
        release.countDown();
        f.get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 100 && !cache.activityProperty().get().isEmpty(); i++) Thread.sleep(10);
        assertEquals("", cache.activityProperty().get(), "idle again");
    }

    @Test
    void preloadAllLoadsEveryBundledDatasetOneAfterTheOther() throws Exception {
        List<DatasetCache.Key> order = new ArrayList<>();
        AtomicInteger running = new AtomicInteger(), maxRunning = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var cache = new DatasetCache(pool, Runnable::run, (k, p) -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                synchronized (order) { order.add(k); }
                Thread.sleep(20);
                running.decrementAndGet();
                return tiny(k);
            });
            cache.preloadAll().get(10, TimeUnit.SECONDS);
            assertEquals(DatasetCache.BUNDLED, order);
            assertEquals(1, maxRunning.get(), "one load at a time");
        } finally {
            pool.shutdownNow();
        }
    }
}
