package org.convscope.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed (detected by the magic bytes 1f 8b, not the name).
 *
 * <pre>
 * images: int32 0x00000803 | int32 count | int32 rows | int32 cols | count*rows*cols unsigned bytes (row-major)
 * labels: int32 0x00000801 | int32 count | count unsigned bytes
 * </pre>
 * All int32 are big-endian. Nothing is allocated from the header before it is checked: the sizes are bounded
 * ({@link #MAX_SIDE}, {@link #MAX_ITEMS}, {@link #MAX_PAYLOAD}, and the memory still free), a raw file's length must
 * match the header exactly, and a .gz file must be able to hold what the header announces (deflate expands at most
 * {@value #MAX_DEFLATE_RATIO}:1). Then the data is read into one buffer of exactly the announced size: a gzip
 * bomb with an honest header (700,000 blank images in 533 KB) is refused by the bounds, not by an OutOfMemoryError
 * while a growing buffer doubles.
 */
public final class IdxReader {
    private IdxReader() {}

    public static final int IMAGES_MAGIC = 0x00000803, LABELS_MAGIC = 0x00000801;
    static final int IMAGES_HEADER = 16, LABELS_HEADER = 8;
    /** Largest image side accepted; far beyond any IDX image set ConvScope could show. */
    public static final int MAX_SIDE = 4096;
    /**
     * Most images (or labels) a file may claim: 250,000, enough for every 10-class 28×28 set in use (MNIST 60,000,
     * QMNIST 120,000, EMNIST Digits 240,000).
     */
    public static final long MAX_ITEMS = 250_000;
    /** Most bytes of data a file may claim: MAX_ITEMS images of 28×28 pixels (196 MB). */
    public static final long MAX_PAYLOAD = MAX_ITEMS * 28 * 28;
    /** Deflate's maximum compression ratio is about 1032:1; more than that cannot come out of a .gz file. */
    static final long MAX_DEFLATE_RATIO = 1032;
    private static final int IO_BUFFER = 1 << 16;

    /**
     * The pixels of an image file: count*rows*cols unsigned bytes, image i at i*rows*cols, row-major. fileCount is the
     * number of images the file holds; count is less when only the first images were read (a limit).
     */
    public record Images(byte[] pixels, int count, int rows, int cols, int fileCount) {}

    /** An IDX label file's first count labels, and how many the file holds. */
    record Labels(byte[] labels, int fileCount) {}

    /** Reads and checks an IDX image file. Progress reports this file's bytes: (read, source.length()). */
    public static Images readImages(IdxSource source, LoadProgress progress) throws DatasetException {
        return readImages(source, progress, Long.MAX_VALUE);
    }

    /**
     * Reads and checks the header of an IDX image file, then only its first {@code limit} images (all of them when the
     * file has fewer): a command that trains on 2,000 images need not unpack 60,000. The header is checked as for a
     * whole read; what follows the images read is not (nor, for a raw file, beyond its length).
     */
    public static Images readImages(IdxSource source, LoadProgress progress, long limit) throws DatasetException {
        if (limit < 1) throw new IllegalArgumentException("limit " + limit);
        try (var in = new Input(source, progress)) {
            byte[] h = in.header(IMAGES_HEADER, IMAGES_MAGIC, LABELS_MAGIC);
            long count = u32(h, 4), rows = u32(h, 8), cols = u32(h, 12);
            if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new DatasetException(source.name(), "data.error.dimensions", count, rows, cols, MAX_SIDE, MAX_PAYLOAD);
            }
            if (count > MAX_ITEMS || count * rows * cols > MAX_PAYLOAD)
                throw new DatasetException(source.name(), "data.error.tooLarge", count, count * rows * cols >> 20, MAX_ITEMS, MAX_PAYLOAD >> 20);
            long read = Math.min(count, limit);
            byte[] pixels = in.payload(count, count * rows * cols, read * rows * cols);
            return new Images(pixels, (int) read, (int) rows, (int) cols, (int) count);
        }
    }

    /** Reads and checks an IDX label file: every label must be in 0 .. classes-1. */
    public static byte[] readLabels(IdxSource source, int classes, LoadProgress progress) throws DatasetException {
        return readLabels(source, classes, progress, Long.MAX_VALUE).labels();
    }

    /** {@link #readLabels(IdxSource, int, LoadProgress)} of the first {@code limit} labels only (see readImages). */
    static Labels readLabels(IdxSource source, int classes, LoadProgress progress, long limit) throws DatasetException {
        if (limit < 1) throw new IllegalArgumentException("limit " + limit);
        try (var in = new Input(source, progress)) {
            byte[] h = in.header(LABELS_HEADER, LABELS_MAGIC, IMAGES_MAGIC);
            long count = u32(h, 4);
            if (count > MAX_ITEMS) throw new DatasetException(source.name(), "data.error.labelCount", count, MAX_ITEMS);
            byte[] labels = in.payload(count, count, Math.min(count, limit));
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xFF;
                if (label >= classes) throw new DatasetException(source.name(), "data.error.label", label, i, classes - 1);
            }
            return new Labels(labels, (int) count);
        }
    }

    private static long u32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFFL) << 16) | ((b[off + 2] & 0xFFL) << 8) | (b[off + 3] & 0xFFL);
    }

    /** One open IDX file: counts raw bytes for progress, unpacks gzip, turns every failure into a DatasetException. */
    private static final class Input implements AutoCloseable {
        private final IdxSource source;
        private final LoadProgress progress;
        private final InputStream in;
        private final boolean gzip;
        private long rawRead, lastReport;
        private int headerSize;

        Input(IdxSource source, LoadProgress progress) throws DatasetException {
            this.source = source;
            this.progress = progress;
            InputStream raw;
            try {
                raw = source.opener().open();
            } catch (java.nio.file.NoSuchFileException e) {
                throw new DatasetException(source.name(), e, "data.error.notFound");
            } catch (IOException e) {
                throw new DatasetException(source.name(), e, "data.error.io", String.valueOf(e.getMessage()));
            }
            var counted = new BufferedInputStream(new FilterInputStream(raw) {
                @Override public int read() throws IOException {
                    int c = super.read();
                    if (c >= 0) counted(1);
                    return c;
                }
                @Override public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) counted(n);
                    return n;
                }
            }, IO_BUFFER);
            try {
                counted.mark(2);
                boolean isGzip = counted.read() == 0x1f && counted.read() == 0x8b;
                counted.reset();
                gzip = isGzip;
                in = gzip ? new GZIPInputStream(counted, IO_BUFFER) : counted;
            } catch (IOException e) {
                close(counted);
                throw failure(e, 0, 0);
            }
        }

        private void counted(int n) {
            rawRead += n;
            if (rawRead - lastReport >= LoadProgress.STEP_BYTES) {
                lastReport = rawRead;
                progress.update(rawRead, source.length());
            }
        }

        /** Reads the header and checks the magic; a file of the other IDX kind gets a "did you swap them?" message. */
        byte[] header(int size, int magic, int otherMagic) throws DatasetException {
            headerSize = size;
            byte[] h = new byte[size];
            int n = 0;
            try {
                n = in.readNBytes(h, 0, size);
            } catch (IOException e) {
                throw failure(e, 0, 0);
            }
            String what = magic == IMAGES_MAGIC ? "images" : "labels";   // key suffix: the file we expected
            if (n >= 4) {
                int got = (int) u32(h, 0);
                if (got == otherMagic) throw new DatasetException(source.name(), "data.error.swapped." + what);
                if (got != magic) {
                    var hex = HexFormat.of();
                    throw new DatasetException(source.name(), "data.error.magic." + what, hex.formatHex(h, 0, 4), hex.toHexDigits(magic));
                }
            }
            if (n < size) throw new DatasetException(source.name(), "data.error.header." + what, n, size);
            return h;
        }

        /**
         * Reads the first wanted of the payload bytes (count items) the header announced; when wanted is all of them,
         * checks that nothing follows.
         */
        byte[] payload(long count, long payload, long wanted) throws DatasetException {
            long length = source.length();
            if (!gzip && length >= 0) {
                // Raw file: its length must be exactly header + payload; decided before allocating anything.
                long have = length - headerSize;
                if (have < payload) throw new DatasetException(source.name(), "data.error.truncated", count, payload, have);
                if (have > payload) throw new DatasetException(source.name(), "data.error.trailing", have - payload);
            } else if (gzip && length >= 0) {
                if (payload > length * MAX_DEFLATE_RATIO) {
                    throw new DatasetException(source.name(), "data.error.cannotHold", count, payload, length);
                }
            }
            // The header is within the bounds: one buffer of exactly its size, if the heap can still hold it.
            Runtime rt = Runtime.getRuntime();
            long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (wanted > free * 3 / 4)
                throw new DatasetException(source.name(), "data.error.memory", count, payload >> 20, free >> 20);
            byte[] buf = new byte[(int) wanted];
            int filled = 0;
            try {
                while (filled < wanted) {
                    int n = in.read(buf, filled, buf.length - filled);
                    if (n < 0) throw new DatasetException(source.name(), "data.error.truncated", count, payload, filled);
                    filled += n;
                }
                if (wanted == payload && in.read() >= 0) {
                    long extra = 1;
                    while (in.read() >= 0 && extra < (1L << 20)) extra++;   // count a little for the message, not forever
                    throw new DatasetException(source.name(), "data.error.trailing", extra);
                }
            } catch (IOException e) {
                throw failure(e, payload, filled);
            }
            progress.update(rawRead, source.length());
            return buf;
        }

        /** gzip damage, a .gz cut off, or a plain read error. */
        private DatasetException failure(IOException e, long payload, long filled) {
            if (gzip && e instanceof EOFException) {
                return new DatasetException(source.name(), e, "data.error.gzipTruncated", filled, payload);
            }
            if (gzip && e instanceof ZipException) {
                return new DatasetException(source.name(), e, "data.error.gzip", String.valueOf(e.getMessage()));
            }
            return new DatasetException(source.name(), e, "data.error.io", String.valueOf(e.getMessage()));
        }

        @Override
        public void close() { close(in); }

        private static void close(InputStream s) {
            if (s == null) return;
            try { s.close(); } catch (IOException ignored) { /* reading is over; nothing to lose */ }
        }
    }
}
