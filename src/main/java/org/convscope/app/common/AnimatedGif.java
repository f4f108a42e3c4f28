package org.convscope.app.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an animated GIF frame by frame with the JDK's ImageIO GIF writer: each frame carries its delay (graphic
 * control extension, in 1/100 s) and the first one the NETSCAPE2.0 application extension that makes viewers loop.
 * Frames may be any RGB(A) image; the writer reduces each one to its own 256-colour palette. No JavaFX: frames can
 * be written from any one thread at a time.
 *
 * <pre>
 * try (var gif = AnimatedGif.create(path, true)) { gif.add(frame, 80); ... }
 * </pre>
 */
public final class AnimatedGif implements AutoCloseable {
    private final ImageWriter writer;
    private final ImageOutputStream out;
    private final boolean loop;
    private int frames;

    private AnimatedGif(ImageWriter writer, ImageOutputStream out, boolean loop) {
        this.writer = writer;
        this.out = out;
        this.loop = loop;
    }

    /** Opens file for writing (replacing it). loop: play forever; otherwise once. */
    public static AnimatedGif create(Path file, boolean loop) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) throw new IOException("this Java runtime has no GIF writer (module java.desktop is missing)");
        ImageWriter w = writers.next();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.deleteIfExists(file);
        ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile());
        if (out == null) throw new IOException("cannot write " + file);
        w.setOutput(out);
        w.prepareWriteSequence(null);
        return new AnimatedGif(w, out, loop);
    }

    /** Appends one frame shown for delayMillis (rounded to GIF's 10 ms units, at least 20 ms: most viewers clamp less). */
    public void add(BufferedImage frame, int delayMillis) throws IOException {
        BufferedImage rgb = frame;
        if (frame.getType() != BufferedImage.TYPE_INT_RGB) { // GIF has no partial alpha: flatten onto opaque RGB
            rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = rgb.createGraphics();
            g.drawImage(frame, 0, 0, null);
            g.dispose();
        }
        var type = ImageTypeSpecifier.createFromRenderedImage(rgb);
        IIOMetadata meta = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
        String format = meta.getNativeMetadataFormatName(); // javax_imageio_gif_image_1.0
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);

        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(2, Math.round(delayMillis / 10f))));
        gce.setAttribute("transparentColorIndex", "0");

        if (frames == 0 && loop) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(rgb, null, meta), writer.getDefaultWriteParam());
        frames++;
    }

    public int frames() { return frames; }

    @Override
    public void close() throws IOException {
        try {
            writer.endWriteSequence();
        } finally {
            writer.dispose();
            out.close();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
