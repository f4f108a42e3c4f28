package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The software renderer is chosen up front only where no GPU device exists, and never over the user's choice. */
class GraphicsChoiceTest {
    @Test
    void noDeviceNodeMeansNoGpu(@TempDir Path dev) throws Exception {
        Files.createFile(dev.resolve("null"));
        Files.createDirectories(dev.resolve("dri")); // an empty dri folder is still no GPU
        assertTrue(GraphicsChoice.noGpuDevice(dev));
    }

    @Test
    void aDriCardARenderNodeAnNvidiaOrAWslDeviceIsAGpu(@TempDir Path root) throws Exception {
        for (String node : new String[] {"dri/card0", "dri/renderD128", "nvidia0", "dxg"}) {
            Path dev = Files.createDirectories(root.resolve(node.replace('/', '_')));
            Path file = dev.resolve(node);
            Files.createDirectories(file.getParent());
            Files.createFile(file);
            assertFalse(GraphicsChoice.noGpuDevice(dev), node + " is a GPU");
        }
        Path ctl = Files.createDirectories(root.resolve("ctl"));
        Files.createFile(ctl.resolve("nvidiactl")); // the control node alone is not a GPU
        assertTrue(GraphicsChoice.noGpuDevice(ctl));
    }

    @Test
    void withoutADevFolderNothingIsGuessed(@TempDir Path root) {
        assertFalse(GraphicsChoice.noGpuDevice(root.resolve("missing")));
    }

    @Test
    void theUsersPrismOrderWins() {
        String before = System.getProperty("prism.order");
        try {
            System.setProperty("prism.order", "es2");
            assertNull(GraphicsChoice.apply());
            assertTrue("es2".equals(System.getProperty("prism.order")));
        } finally {
            if (before == null) System.clearProperty("prism.order"); else System.setProperty("prism.order", before);
        }
    }
}
