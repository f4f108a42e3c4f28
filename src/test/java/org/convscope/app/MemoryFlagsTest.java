package org.convscope.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The launchers' memory flags live in two places: pom.xml (jlink launcher, javafx:run, the AOT-cache run) and
 * packaging/app-image.args (the installers' launcher, scripts/soak.sh). They must agree, or the AOT cache is made for
 * another collector than the one the installed app runs with, and the memory measured is not the memory shipped.
 */
class MemoryFlagsTest {

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(pom);
        assertTrue(m.find(), "pom.xml has no " + name);
        return m.group(1).strip();
    }

    @Test
    void pomAndAppImageArgsGiveTheSameHeapAndCollector() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String heap = property(pom, "heap.flag"), gc = property(pom, "gc.flag");
        assertTrue(heap.matches("-Xmx\\d+[mg]"), heap);
        List<String> args = Files.readAllLines(Path.of("packaging/app-image.args")).stream()
                .filter(l -> l.startsWith("--java-options")).map(l -> l.substring("--java-options".length()).strip()).toList();
        assertTrue(args.contains(heap), "packaging/app-image.args lacks --java-options " + heap + ": " + args);
        assertTrue(args.contains(gc), "packaging/app-image.args lacks --java-options " + gc + ": " + args);
        // the jlink launcher and the AOT-cache run use the properties
        assertEquals(2, pom.split(Pattern.quote("${heap.flag}"), -1).length - 1, "heap.flag used by the launcher and the AOT run");
        assertEquals(2, pom.split(Pattern.quote("${gc.flag}"), -1).length - 1, "gc.flag used by the launcher and the AOT run");
    }
}
