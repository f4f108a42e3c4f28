package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The startup marks come out in order, on the JVM's own clock, each only the first time it is taken. */
class StartupClockTest {
    @AfterEach
    void clean() { StartupClock.reset(); }

    @Test
    void marksAreMillisecondsAfterJvmStartInTheOrderTaken() throws Exception {
        StartupClock.reset();
        long before = ManagementFactory.getRuntimeMXBean().getUptime();
        StartupClock.mark("javafx");
        Thread.sleep(30);
        StartupClock.mark("window built");
        StartupClock.mark("javafx"); // a second time changes nothing
        long after = ManagementFactory.getRuntimeMXBean().getUptime();
        Map<String, Long> m = StartupClock.millisAfterJvmStart();
        assertEquals(List.of("javafx", "window built"), List.copyOf(m.keySet()));
        long fx = m.get("javafx"), built = m.get("window built");
        assertTrue(fx >= before - 2 && fx <= after + 2, "javafx at " + fx + " ms, uptime was " + before + ".." + after);
        assertTrue(built - fx >= 29, "30 ms apart, was " + (built - fx));
        // a second conversion may differ by a millisecond of rounding
        assertTrue(StartupClock.summary().matches("javafx \\d+, window built \\d+"), StartupClock.summary());
    }
}
