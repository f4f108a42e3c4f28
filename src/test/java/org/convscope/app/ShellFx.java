package org.convscope.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testfx.util.WaitForAsyncUtils;

/** Test support for the shell's TestFX tests. */
public final class ShellFx {
    private ShellFx() {}

    /**
     * On JavaFX's own Headless glass platform (surefire's -Dglass.platform=Headless) TestFX must use the glass
     * robot, not AWT or Monocle. Call from a static initializer, before TestFX starts the toolkit.
     */
    public static void headlessRobot() {
        if ("Headless".equals(System.getProperty("glass.platform"))) {
            System.setProperty("testfx.headless", "false");
            System.setProperty("testfx.robot", "glass");
        }
    }

    /** Waits up to seconds until condition holds on the FX thread; fails with what was awaited otherwise. */
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
