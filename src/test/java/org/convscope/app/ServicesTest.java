package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The app's background executor is bounded (threads and queue) and stops with the app. */
class ServicesTest {

    @Test
    void theBackgroundExecutorIsBoundedAndStopsWithTheApp() throws Exception {
        var services = new Services();
        var release = new CountDownLatch(1);
        var names = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        Runnable waiting = () -> {
            names.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : ""));
            try { release.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        };
        for (int i = 0; i < 20; i++) services.background().execute(waiting);
        assertEquals(Services.THREADS, services.backgroundThreads(), "20 waiting tasks, still " + Services.THREADS + " threads");
        for (int i = 20; i < Services.THREADS + Services.QUEUE; i++) services.background().execute(waiting);
        assertThrows(RejectedExecutionException.class, () -> services.background().execute(() -> { }),
                "beyond the queue: refused, not piled up");
        release.countDown();
        services.close();
        assertTrue(services.background().awaitTermination(5, TimeUnit.SECONDS));
        assertThrows(RejectedExecutionException.class, () -> services.background().execute(() -> { }));
        assertEquals(java.util.Set.of("convscope-bg-0 daemon", "convscope-bg-1 daemon", "convscope-bg-2 daemon",
                "convscope-bg-3 daemon"), names);
    }
}
