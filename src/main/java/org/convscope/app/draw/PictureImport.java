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

    /** Longest side accepted: a 1 × 100,000,000 PNG is no picture of a digit, and its rows alone need 100 MB. */
    public static final int MAX_SIDE = 30_000;
    /** Most scans a JPEG may have (a progressive photo has about 10; each scan is a pass over the whole picture). */
    public static final int MAX_JPEG_SCANS = 100;
    /** Most pixel-passes a progressive JPEG may cost (pixels × scans): a 100 MP photo with 15 scans. */
    public static final long MAX_JPEG_WORK = 1_500_000_000L;
    /** Longest a decode may take before it is given up. */
    public static final long MAX_DECODE_NANOS = 30_000_000_000L;

    /**
     * Stops a decode that is no longer wanted (a newer file was chosen, or Esc): {@link #cancel()} from any thread;
     * the decoding thread notices it at its next read of the file or its next row, and returns a "cancelled" Problem.
     */
    public static final class Cancel {
        private volatile boolean cancelled;

        public void cancel() { cancelled = true; }

        public boolean isCancelled() { return cancelled; }
    }

    public static Outcome read(Path file) { return read(file, new Cancel()); }

    /** The file read with a way to stop it; see {@link Cancel}. */
    public static Outcome read(Path file, Cancel cancel) {
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
        long deadline = System.nanoTime() + MAX_DECODE_NANOS;
        try (InputStream in = new Cancellable(Files.newInputStream(file), cancel, deadline);
             ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            if (iis == null) return new Problem("picture.error.unreadable", name, "no image stream");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (cancel.isCancelled()) return new Problem("picture.error.cancelled", name); // the probe's read failed
            if (!readers.hasNext()) return new Problem("picture.error.notImage", name);
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0); // header only: nothing decoded yet
                if (w <= 0 || h <= 0) return new Problem("picture.error.corrupt", name);
                long pixels = (long) w * h;
                if (pixels > MAX_PIXELS) return new Problem("picture.error.tooManyPixels", name, w, h, MAX_PIXELS / 1_000_000);
                if (w > MAX_SIDE || h > MAX_SIDE) return new Problem("picture.error.side", name, w, h, MAX_SIDE);
                if ("jpeg".equalsIgnoreCase(reader.getFormatName())) {
                    // The work of a JPEG is pixels × scans; a few kilobytes can hold thousands of empty scans.
                    JpegScans scans = JpegScans.count(file, cancel);
                    if (scans.scans() > MAX_JPEG_SCANS || (scans.progressive() && pixels * scans.scans() > MAX_JPEG_WORK))
                        return new Problem("picture.error.tooManyScans", name, scans.scans(), w, h);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int sub = subsampling(w, h);
                if (sub > 1) param.setSourceSubsampling(sub, sub, 0, 0);
                // the decoding thread itself asks the reader to stop (ImageReader.abort from another thread is refused
                // by the JPEG reader); between rows for PNG, GIF and BMP, between output rows for JPEG
                reader.addIIOReadProgressListener(new javax.imageio.event.IIOReadProgressListener() {
                    @Override public void imageProgress(ImageReader source, float percentageDone) {
                        if (cancel.isCancelled() || System.nanoTime() > deadline) source.abort();
                    }
                    @Override public void sequenceStarted(ImageReader source, int minIndex) { }
                    @Override public void sequenceComplete(ImageReader source) { }
                    @Override public void imageStarted(ImageReader source, int imageIndex) { }
                    @Override public void imageComplete(ImageReader source) { }
                    @Override public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) { }
                    @Override public void thumbnailProgress(ImageReader source, float percentageDone) { }
                    @Override public void thumbnailComplete(ImageReader source) { }
                    @Override public void readAborted(ImageReader source) { }
                });
                BufferedImage img = reader.read(0, param);
                if (cancel.isCancelled()) return new Problem("picture.error.cancelled", name);
                if (System.nanoTime() > deadline) return new Problem("picture.error.tooSlow", name, MAX_DECODE_NANOS / 1_000_000_000L);
                Outcome out = fromImage(img, name);
                return out instanceof Loaded l ? new Loaded(l.image(), name, w, h, l.inverted()) : out;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (cancel.isCancelled()) return new Problem("picture.error.cancelled", name);
            if (System.nanoTime() > deadline) return new Problem("picture.error.tooSlow", name, MAX_DECODE_NANOS / 1_000_000_000L);
            // truncated or corrupt data, unsupported variants (e.g. CMYK JPEG), decoder bugs: all the same to the user,
            // and the decoder's own text ("-16", "data == null!") means nothing to them
            return new Problem("picture.error.corrupt", name);
        } catch (OutOfMemoryError e) {
            return new Problem("picture.error.tooManyPixels", name, "?", "?", MAX_PIXELS / 1_000_000);
        }
    }

    /** A file stream that fails once the decode is cancelled or past its deadline. */
    private static final class Cancellable extends java.io.FilterInputStream {
        private final Cancel cancel;
        private final long deadline;

        Cancellable(InputStream in, Cancel cancel, long deadline) {
            super(in);
            this.cancel = cancel;
            this.deadline = deadline;
        }

        private void check() throws IOException {
            if (cancel.isCancelled()) throw new java.io.InterruptedIOException("cancelled");
            if (System.nanoTime() > deadline) throw new java.io.InterruptedIOException("too slow");
        }

        @Override public int read() throws IOException { check(); return super.read(); }

        @Override public int read(byte[] b, int off, int len) throws IOException { check(); return super.read(b, off, len); }
    }

    /** The number of scans (SOS markers) of a JPEG, and whether it is progressive, from its markers alone. */
    record JpegScans(boolean progressive, int scans) {
        static JpegScans count(Path file, Cancel cancel) throws IOException {
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return count(in, cancel);
            }
        }

        static JpegScans count(InputStream in, Cancel cancel) throws IOException {
            if (in.read() != 0xFF || in.read() != 0xD8) return new JpegScans(false, 0);
            boolean progressive = false;
            int scans = 0;
            int marker = nextMarker(in);
            while (marker >= 0 && marker != 0xD9) {
                if (cancel.isCancelled()) throw new java.io.InterruptedIOException("cancelled");
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { marker = nextMarker(in); continue; }
                int hi = in.read(), lo = in.read();
                if (hi < 0 || lo < 0) break;
                int length = (hi << 8 | lo) - 2;
                if (marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE) progressive = true;
                try {
                    if (length > 0) in.skipNBytes(length);
                } catch (java.io.EOFException e) {
                    break; // cut off: the decoder will say so
                }
                if (marker == 0xDA) {
                    scans++;
                    if (scans > MAX_JPEG_SCANS) break; // enough to refuse it
                    marker = afterEntropyData(in);
                } else {
                    marker = nextMarker(in);
                }
            }
            return new JpegScans(progressive, scans);
        }

        /** The marker after 0xFF (and fill bytes), or -1 at the end. */
        private static int nextMarker(InputStream in) throws IOException {
            int b;
            do { b = in.read(); } while (b >= 0 && b != 0xFF);
            while (b == 0xFF) b = in.read();
            return b;
        }

        /** Skips entropy-coded data (where 0xFF 0x00 is a data byte and 0xFF 0xD0..D7 a restart); returns the next marker. */
        private static int afterEntropyData(InputStream in) throws IOException {
            while (true) {
                int b = in.read();
                if (b < 0) return -1;
                if (b != 0xFF) continue;
                int m = in.read();
                while (m == 0xFF) m = in.read();
                if (m < 0) return -1;
                if (m != 0x00 && (m < 0xD0 || m > 0xD7)) return m;
            }
        }
    }

    /**
     * The smallest whole-pixel step that brings w × h down to about DECODE_PIXELS, counting what the decoder really
     * keeps: ⌈w/sub⌉ × ⌈h/sub⌉ (a 1 × 100,000,000 strip keeps ⌈10^8/sub⌉ pixels, not 10^8/sub²).
     */
    static int subsampling(int w, int h) {
        // start from the square root estimate, then step up until the rounded-up product fits
        int sub = Math.max(1, (int) Math.sqrt((double) w * h / DECODE_PIXELS));
        while (sub > 1 && kept(w, h, sub - 1) <= DECODE_PIXELS) sub--;
        while (kept(w, h, sub) > DECODE_PIXELS) sub++;
        return sub;
    }

    private static long kept(int w, int h, int sub) { return ((w + (long) sub - 1) / sub) * ((h + (long) sub - 1) / sub); }

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
