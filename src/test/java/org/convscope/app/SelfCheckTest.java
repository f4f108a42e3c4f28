package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code convscope selfcheck} end to end, in its own JVM as a user would run it (it starts and stops JavaFX, which a
 * test JVM shared with TestFX tests must not do): headless, no display, exit code 0 and one summary line.
 */
class SelfCheckTest {

    @Test
    void selfcheckBuildsTheWindowLoadsAllDataAndExitsZero() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var pb = new ProcessBuilder(List.of(java.toString(), "--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-D" + Settings.NODE_PROPERTY + "=convscope-test",
                "-cp", System.getProperty("java.class.path"), "org.convscope.Main", "selfcheck"));
        pb.redirectErrorStream(true);
        pb.environment().remove("DISPLAY"); // must not need a display
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "selfcheck did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        String summary = text.lines().filter(l -> l.startsWith("ConvScope self-check")).findFirst().orElse("");
        assertTrue(summary.startsWith("ConvScope self-check OK"), text);
        assertTrue(summary.contains("Training set 60000") && summary.contains("Test set 10000"), summary);
    }
}
