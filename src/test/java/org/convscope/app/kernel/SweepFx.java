package org.convscope.app.kernel;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;

import org.convscope.app.AppContext;
import org.convscope.data.BundledDatasets;
import org.convscope.data.DatasetKind;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;

/** Test support for the kernel and pooling views: real MNIST digits, screenshots, reading GIFs back. */
public final class SweepFx {
    private SweepFx() {}

    /** MNIST test image i (test #0 is a 7) as the app's current image. */
    public static AppContext.InputImage mnist(int i) {
        try {
            var d = BundledDatasets.get(DatasetKind.MNIST, Split.TEST, LoadProgress.NONE);
            return new AppContext.InputImage(d.image(i), AppContext.MNIST, d.label(i), "MNIST test #" + i);
        } catch (Exception e) {
            throw new AssertionError("bundled MNIST could not be read", e);
        }
    }

    /** Where screenshots of tests go (reviewed by people, not compared). */
    public static Path screenshots() { return Path.of("target", "screenshots"); }

    /** What a GIF file holds, read back with ImageIO: frame count, size, delays (ms), whether it loops. */
    public record GifInfo(int frames, int width, int height, int firstDelayMillis, int lastDelayMillis, boolean loops) {}

    public static GifInfo readGif(Path file) throws IOException {
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            BufferedImage first = reader.read(0);
            int firstDelay = delay(reader, 0), lastDelay = delay(reader, n - 1);
            boolean loops = false;
            var root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            var apps = root.getElementsByTagName("ApplicationExtension");
            for (int i = 0; i < apps.getLength(); i++) {
                var app = (IIOMetadataNode) apps.item(i);
                if ("NETSCAPE".equals(app.getAttribute("applicationID"))) loops = ((byte[]) app.getUserObject())[1] == 0;
            }
            return new GifInfo(n, first.getWidth(), first.getHeight(), firstDelay, lastDelay, loops);
        } finally {
            reader.dispose();
        }
    }

    private static int delay(javax.imageio.ImageReader reader, int i) throws IOException {
        var root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
        var gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
        return Integer.parseInt(gce.getAttribute("delayTime")) * 10;
    }
}
