package org.convscope.app.draw;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * "Your own picture": a PNG/JPEG/BMP/GIF file becomes a {@link GrayImage} with bright ink on black, ready for
 * {@link Preprocessing}. Runs on a background thread (decoding a photo takes a while); never throws for a bad file,
 * it returns a {@link Problem} whose key names a message in the draw bundle.
 *
 * <p>The size is checked from the file header before any pixel is decoded: pictures over {@link #MAX_PIXELS} are
 * refused, large ones are decoded with sub-sampling so that at most about {@link #DECODE_PIXELS} pixels are held.
 */
public final class PictureImport {
    private PictureImport() {}

    /** 100 megapixels: larger is refused (a 12 MP phone photo is fine). */
    public static final long MAX_PIXELS = 100_000_000L;
    /** Files larger than this are refused before reading (no photo of a digit needs 200 MB). */
    public static final long MAX_FILE_BYTES = 200L * 1024 * 1024;
    /** Larger pictures are decoded at a reduced resolution so that about this many pixels are held. */
    public static final long DECODE_PIXELS = 2_000_000L;

    public sealed interface Outcome permits Loaded, Problem {}

    /** @param image bright ink on black, 0..1; inverted tells whether the original had a light background */
    public record Loaded(GrayImage image, String name, int originalWidth, int originalHeight, boolean inverted) implements Outcome {}

    /** @param key message key in the draw bundle; args fill its {0}, {1} ... */
    public record Problem(String key, Object... args) implements Outcome {}

    public static Outcome read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long bytes;
        try {
            if (!Files.isRegularFile(file)) return new Problem("picture.error.notFile", name);
            bytes = Files.size(file);
        } catch (IOException | SecurityException e) {
            return new Problem("picture.error.unreadable", name, e.getMessage());
        }
        if (bytes == 0) return new Problem("picture.error.empty", name);
        if (bytes > MAX_FILE_BYTES) return new Problem("picture.error.fileTooLarge", name, bytes / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
        try (InputStream in = Files.newInputStream(file); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            if (iis == null) return new Problem("picture.error.unreadable", name, "no image stream");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) return new Problem("picture.error.notImage", name);
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0); // header only: nothing decoded yet
                if (w <= 0 || h <= 0) return new Problem("picture.error.corrupt", name, "size " + w + "x" + h);
                long pixels = (long) w * h;
                if (pixels > MAX_PIXELS) return new Problem("picture.error.tooManyPixels", name, w, h, MAX_PIXELS / 1_000_000);
                ImageReadParam param = reader.getDefaultReadParam();
                int sub = subsampling(w, h);
                if (sub > 1) param.setSourceSubsampling(sub, sub, 0, 0);
                BufferedImage img = reader.read(0, param);
                Outcome out = fromImage(img, name);
                return out instanceof Loaded l ? new Loaded(l.image(), name, w, h, l.inverted()) : out;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // truncated or corrupt data, unsupported variants (e.g. CMYK JPEG), decoder bugs: all the same to the user
            return new Problem("picture.error.corrupt", name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (OutOfMemoryError e) {
            return new Problem("picture.error.tooManyPixels", name, "?", "?", MAX_PIXELS / 1_000_000);
        }
    }

    /** Smallest whole-pixel step that brings w x h down to about DECODE_PIXELS. */
    static int subsampling(int w, int h) {
        long pixels = (long) w * h;
        int sub = 1;
        while (pixels / ((long) sub * sub) > DECODE_PIXELS) sub++;
        return sub;
    }

    /**
     * Grayscale, transparent parts as white paper, inverted when the border (the background) is light, then the
     * background level subtracted and the contrast stretched so that paper texture and shadows do not count as ink.
     */
    public static Outcome fromImage(BufferedImage img, String name) {
        int w = img.getWidth(), h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] g = new float[w * h];
        for (int i = 0; i < g.length; i++) {
            int c = argb[i];
            float a = (c >>> 24) / 255f;
            // ITU-R BT.601 luma, composited over white
            float luma = (0.299f * (c >> 16 & 255) + 0.587f * (c >> 8 & 255) + 0.114f * (c & 255)) / 255f;
            g[i] = a * luma + (1f - a);
        }
        boolean invert = median(border(g, w, h)) > 0.5f;
        if (invert) for (int i = 0; i < g.length; i++) g[i] = 1f - g[i];
        float background = median(border(g, w, h));
        float max = 0f;
        for (float v : g) max = Math.max(max, v);
        if (max - background < 0.15f) return new Problem("picture.error.blank", name);
        for (int i = 0; i < g.length; i++) {
            float v = (g[i] - background) / (max - background);
            // below a fifth of the ink's strength is paper grain or shadow
            g[i] = Math.clamp((v - 0.2f) / 0.8f, 0f, 1f);
        }
        return new Loaded(new GrayImage(w, h, g), name, w, h, invert);
    }

    /** The outermost ring of pixels (the background in any reasonable photo of a digit or garment). */
    private static float[] border(float[] g, int w, int h) {
        int n = h == 1 || w == 1 ? w * h : 2 * w + 2 * (h - 2);
        float[] out = new float[n];
        int k = 0;
        if (h == 1 || w == 1) return g.clone();
        for (int x = 0; x < w; x++) { out[k++] = g[x]; out[k++] = g[(h - 1) * w + x]; }
        for (int y = 1; y < h - 1; y++) { out[k++] = g[y * w]; out[k++] = g[y * w + w - 1]; }
        return out;
    }

    private static float median(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
