package org.convscope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Picks JavaFX's software renderer at once where no graphics hardware can be reached, instead of letting JavaFX try
 * OpenGL first (issue #12, startup). On Linux JavaFX tries its OpenGL pipeline (es2) and falls back to software (sw)
 * when it finds no usable GPU; with Mesa installed but no GPU (a virtual machine, a remote desktop, Xvfb) that attempt
 * loads the software OpenGL driver, which JavaFX then refuses, and it cost about half a second before the first frame.
 * Without a GPU device node (/dev/dri/card*, /dev/dri/renderD*, /dev/nvidia*, and
 * WSL's /dev/dxg) no hardware OpenGL is possible, so the
 * answer is known without asking. A {@code prism.order} given by the user always wins; other systems are left alone.
 */
public final class GraphicsChoice {
    private GraphicsChoice() {}

    private static volatile String chosen;

    /** Why the renderer was chosen here, or null when JavaFX chose as it always does (the startup log line says it). */
    public static String chosen() { return chosen; }

    /** Sets prism.order=sw when {@link #noGpuDevice} says so; returns the reason, or null when nothing was changed. */
    public static String apply() {
        if (System.getProperty("prism.order") != null) return null;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) return null;
        if (!noGpuDevice(Path.of("/dev"))) return null;
        System.setProperty("prism.order", "sw");
        chosen = "software renderer: no GPU device under /dev (dri, nvidia, dxg)";
        return chosen;
    }

    /** True when {@code dev} holds no GPU device node: no dri card or render node and no nvidia device. */
    static boolean noGpuDevice(Path dev) {
        if (!Files.isDirectory(dev)) return false; // no /dev at all: do not guess
        try (Stream<Path> dri = listOrEmpty(dev.resolve("dri")); Stream<Path> top = listOrEmpty(dev)) {
            boolean drm = dri.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith("card") || n.startsWith("renderD"));
            if (drm) return false;
            return top.map(p -> p.getFileName().toString()).noneMatch(n -> n.matches("nvidia\\d+") || n.equals("dxg"));
        } catch (java.io.IOException | RuntimeException e) {
            return false; // cannot tell: let JavaFX find out as it always did
        }
    }

    private static Stream<Path> listOrEmpty(Path dir) throws java.io.IOException {
        return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
    }
}
