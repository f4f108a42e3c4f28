package org.convscope.app;

import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.Trainer;
import org.convscope.engine.Warmup;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The app's engine warm-up hook (ConvScopeApp starts it from its first-frame listener): it starts Warmup once, on its
 * own daemon thread, ends when a real Trainer opens or the app stops it, and never runs with -Dconvscope.warmup=false.
 */
class EngineWarmupTest {

    @Test
    void startsTheWarmUpOnceOnItsOwnDaemonThread() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        EngineWarmup hook = new EngineWarmup(true, stop -> {
            runs.incrementAndGet();
            ran.countDown();
            return new Warmup.Result(0, 0, 0, 0, false);
        });
        assertNull(hook.thread(), "nothing runs before the first frame calls start()");
        assertTrue(hook.start(), "the first frame starts it");
        assertFalse(hook.start(), "a second call (a later frame) does not start another");
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the warm-up ran");
        Thread t = hook.thread();
        t.join(10_000);
        assertEquals(1, runs.get(), "exactly one warm-up");
        assertEquals(EngineWarmup.THREAD_NAME, t.getName());
        assertTrue(t.isDaemon(), "a daemon thread: it never keeps the app from exiting");
        assertNotSame(Thread.currentThread(), t);
        assertNotNull(hook.result());
    }

    @Test
    void doesNotRunWhenThePropertyIsFalse() {
        String before = System.getProperty(EngineWarmup.PROPERTY);
        try {
            System.setProperty(EngineWarmup.PROPERTY, "false");
            EngineWarmup off = EngineWarmup.fromSystemProperties();
            assertFalse(off.enabled());
            assertFalse(off.start(), "-Dconvscope.warmup=false: nothing starts");
            assertNull(off.thread());
            System.clearProperty(EngineWarmup.PROPERTY);
            assertTrue(EngineWarmup.fromSystemProperties().enabled(), "on by default");
            System.setProperty(EngineWarmup.PROPERTY, "true");
            assertTrue(EngineWarmup.fromSystemProperties().enabled());
        } finally {
            if (before == null) System.clearProperty(EngineWarmup.PROPERTY);
            else System.setProperty(EngineWarmup.PROPERTY, before);
        }
        AtomicInteger runs = new AtomicInteger();
        EngineWarmup disabled = new EngineWarmup(false, stop -> {
            runs.incrementAndGet();
            return null;
        });
        assertFalse(disabled.start());
        assertEquals(0, runs.get(), "a disabled hook never calls the warm-up");
    }

    /** The app's real warm-up (LeNet-5 traces, then training) ends early once a real training run opens a Trainer. */
    @Test
    void theAppsWarmUpStopsWhenATrainerOpens() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        EngineWarmup hook = new EngineWarmup(true, stop -> EngineWarmup.appWarmup(() -> {
            running.countDown(); // asked before every step: the warm-up is under way
            return stop.getAsBoolean();
        }));
        assertTrue(hook.start());
        assertTrue(running.await(60, TimeUnit.SECONDS), "the warm-up started");
        try (Trainer real = new Trainer(Network.create(ModelZoo.lenetModern(), 3),
                new TrainConfig(TrainConfig.Optimizer.SGD, 0.1f, 0f, 0f, 64, 1, 1, 3))) {
            hook.thread().join(60_000); // at most one step (interpreted code on a cold JVM: seconds) before it looks again
            assertFalse(hook.thread().isAlive(), "the warm-up ended while the real trainer is open");
            assertNotNull(hook.result());
            assertTrue(hook.result().stoppedEarly(), "it yielded to real training: " + hook.result());
            assertNotNull(real.network());
        }
    }

    @Test
    void stopEndsTheWarmUpAtItsNextStep() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        EngineWarmup hook = new EngineWarmup(true, stop -> EngineWarmup.appWarmup(() -> {
            running.countDown();
            return stop.getAsBoolean();
        }));
        hook.start();
        assertTrue(running.await(60, TimeUnit.SECONDS));
        hook.stop(); // what ConvScopeApp.stop() does when the window closes
        hook.thread().join(60_000);
        assertFalse(hook.thread().isAlive());
        assertTrue(hook.result().stoppedEarly(), hook.result().toString());
    }
}
