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
 * Frames may be any RGB(A) image of the first frame's size; the writer reduces each one to its own 256-colour
 * palette. After the first frame only the rectangle that changed is stored (placed with the image descriptor's
 * position over the previous frame, which stays: disposal "doNotDispose"), with the pixels inside it that did not
 * change made transparent, so an animation where a window moves over a still picture costs a fraction of full
 * frames. No JavaFX: frames can be written from any one thread at a
 * time.
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
    /** The previous frame's pixels (RGB), to store only what changed. */
    private int[] previous;
    private int width, height;

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
        int w = rgb.getWidth(), h = rgb.getHeight();
        int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
        int left = 0, top = 0;
        if (previous != null) {
            if (w != width || h != height)
                throw new IllegalArgumentException("frame " + frames + " is " + w + "x" + h + ", the animation " + width + "x" + height);
            int[] box = changedBox(previous, pixels, w, h);
            left = box[0];
            top = box[1];
            // inside the box, pixels that did not change are transparent: the previous frame shows through, and
            // runs of the transparent index compress to almost nothing
            int[] delta = new int[box[2] * box[3]];
            for (int y = 0; y < box[3]; y++) {
                int from = (top + y) * w + left;
                for (int x = 0; x < box[2]; x++) {
                    int p = pixels[from + x];
                    delta[y * box[2] + x] = p == previous[from + x] ? 0 : 0xFF000000 | p;
                }
            }
            BufferedImage part = new BufferedImage(box[2], box[3], BufferedImage.TYPE_INT_ARGB);
            part.setRGB(0, 0, box[2], box[3], delta, 0, box[2]);
            rgb = part;
        }
        previous = pixels;
        width = w;
        height = h;
        var type = ImageTypeSpecifier.createFromRenderedImage(rgb);
        IIOMetadata meta = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
        String format = meta.getNativeMetadataFormatName(); // javax_imageio_gif_image_1.0
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);

        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "doNotDispose");
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(left));
        descriptor.setAttribute("imageTopPosition", Integer.toString(top));
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(2, Math.round(delayMillis / 10f))));
        if (left == 0 && top == 0 && rgb.getType() == BufferedImage.TYPE_INT_RGB) { // a whole opaque frame
            gce.setAttribute("transparentColorFlag", "FALSE");
            gce.setAttribute("transparentColorIndex", "0");
        } // a changed part: the writer marks the transparent index of its palette itself

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

    /**
     * The smallest rectangle {x, y, width, height} holding every pixel that differs between two frames; a 1x1
     * rectangle at the origin when none does (a GIF frame cannot be empty).
     */
    static int[] changedBox(int[] before, int[] after, int w, int h) {
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (before[row + x] != after[row + x]) {
                    if (x < x0) x0 = x;
                    if (x > x1) x1 = x;
                    if (y < y0) y0 = y;
                    y1 = y;
                }
            }
        }
        return x1 < 0 ? new int[] {0, 0, 1, 1} : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

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
