package org.convscope.app.kernel;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.convscope.app.AppContext;
import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;
import org.testfx.util.WaitForAsyncUtils;

/** Test support for the kernel and pooling views: real MNIST digits, waiting on the FX thread. */
public final class SweepFx {
    private SweepFx() {}

    /** Headless glass robot (see ShellFx): call from a static initializer. */
    public static void headlessRobot() {
        if ("Headless".equals(System.getProperty("glass.platform"))) {
            System.setProperty("testfx.headless", "false");
            System.setProperty("testfx.robot", "glass");
        }
    }

    /** MNIST test image i (test #0 is a 7) as the app's current image. */
    public static AppContext.InputImage mnist(int i) {
        try {
            var d = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, org.convscope.data.LoadProgress.NONE);
            return new AppContext.InputImage(d.image(i), AppContext.MNIST, d.label(i), "MNIST test #" + i);
        } catch (Exception e) {
            throw new AssertionError("bundled MNIST could not be read", e);
        }
    }

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

    /** Where screenshots of tests go (reviewed by people, not compared). */
    public static Path screenshots() { return Path.of("target", "screenshots"); }
}
