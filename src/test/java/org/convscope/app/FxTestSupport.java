package org.convscope.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import org.testfx.util.WaitForAsyncUtils;

/** Shared bits of the TestFX tests: the app's theme (so looked-up colours resolve) and waiting for background work. */
public final class FxTestSupport {
    private FxTestSupport() {}

    public static void theme() {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }

    /** Waits (up to seconds) until condition holds on the FX thread; fails the test with what was awaited otherwise. */
    public static void await(String what, double seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return WaitForAsyncUtils.asyncFx(condition).get();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
        }
    }
}
