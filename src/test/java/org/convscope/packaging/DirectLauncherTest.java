package org.convscope.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/linux/direct-launcher.sh turns an app image's .cfg into a shell launcher that starts the bundled JVM
 * directly (BENCHMARKS.md, "Startup"): every JVM option of the .cfg reaches the JVM as one argument, $APPDIR is the
 * image's lib/app wherever the image lies, the main module comes last before the user's arguments, which pass
 * through untouched, and argv[0] stays the launcher (GTK names the window class after it).
 */
class DirectLauncherTest {
    @Test
    void theLauncherStartsTheBundledJvmWithTheCfgOptionsAndTheUsersArguments(@TempDir Path dir) throws Exception {
        Path image = fakeImage(dir.resolve("ConvScope"), List.of(
                "java-options=-Djpackage.app-version=0.1.0",
                "java-options=-XX:CompileCommand=CompileThresholdScaling,org.convscope.engine.*::*,0.1",
                "java-options=-XX:AOTCache=$APPDIR/../runtime/lib/convscope.aot",
                "java-options=-Dodd=a \"quoted\" `word` $HOME"));
        run(dir, "bash", Path.of("packaging/linux/direct-launcher.sh").toAbsolutePath().toString(), image.toString());
        Path launcher = image.resolve("bin/ConvScope");
        String script = Files.readString(launcher);
        assertTrue(script.startsWith("#!/bin/bash"), "a script replaced the native launcher");
        // argv[0] of the JVM is the launcher (a script cannot see its own argv[0]; the window class was checked with
        // xprop on the real app: "ConvScope")
        assertTrue(script.contains("exec -a \"$self\" "), script);

        // started through a symbolic link from elsewhere, as a menu entry or /usr/bin link would
        Path link = Files.createSymbolicLink(dir.resolve("convscope-link"), launcher);
        List<String> args = List.of(run(dir, link.toString(), "selfcheck", "two words").split("\n"));
        String appDir = image.toRealPath().resolve("bin").toString() + "/../lib/app";
        assertEquals(List.of(
                "-Djpackage.app-path=" + launcher.toRealPath(),
                "-Djpackage.app-version=0.1.0",
                "-XX:CompileCommand=CompileThresholdScaling,org.convscope.engine.*::*,0.1",
                "-XX:AOTCache=" + appDir + "/../runtime/lib/convscope.aot",
                "-Dodd=a \"quoted\" `word` $HOME",
                "-m", "org.convscope/org.convscope.Main",
                "selfcheck", "two words"), args);
    }

    @Test
    void anImageWithoutAModularMainIsRefusedAndKeepsItsLauncher(@TempDir Path dir) throws Exception {
        Path image = fakeImage(dir.resolve("ConvScope"), List.of("java-options=-Xmx384m"));
        Path cfg = image.resolve("lib/app/ConvScope.cfg");
        Files.writeString(cfg, Files.readString(cfg).replace("app.mainmodule=org.convscope/org.convscope.Main",
                "app.mainjar=convscope.jar"));
        Files.writeString(image.resolve("bin/ConvScope"), "native");
        var p = new ProcessBuilder("bash", Path.of("packaging/linux/direct-launcher.sh").toAbsolutePath().toString(),
                image.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, p.waitFor(), out);
        assertTrue(out.contains("app.mainmodule"), out);
        assertEquals("native", Files.readString(image.resolve("bin/ConvScope")), "nothing replaced");
    }

    /** An app image whose bundled "java" prints its argv[0] and arguments, one per line. */
    private static Path fakeImage(Path image, List<String> options) throws Exception {
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/app"));
        Path java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/bash\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        StringBuilder cfg = new StringBuilder("[Application]\napp.mainmodule=org.convscope/org.convscope.Main\n\n[JavaOptions]\n");
        for (String o : options) cfg.append(o).append('\n');
        Files.writeString(image.resolve("lib/app/ConvScope.cfg"), cfg);
        Files.writeString(image.resolve("bin/ConvScope"), "native launcher");
        return image;
    }

    private static String run(Path dir, String... command) throws Exception {
        var p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
