package org.convscope.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files (valid or deliberately broken) for the tests; nothing broken is committed. */
final class IdxFiles {
    private IdxFiles() {}

    /** An image file whose header says (count, rows, cols) and that holds pixels (may disagree on purpose). */
    static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels).array();
    }

    /** n valid 28x28 images; image i has all pixels = i (mod 256) so that content can be checked. */
    static byte[] images(int n) {
        byte[] px = new byte[n * 784];
        for (int i = 0; i < n; i++) java.util.Arrays.fill(px, i * 784, (i + 1) * 784, (byte) i);
        return images(IdxReader.IMAGES_MAGIC, n, 28, 28, px);
    }

    static byte[] labels(int magic, int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count).put(labels).array();
    }

    /** n valid labels i % 10. */
    static byte[] labels(int n) {
        byte[] l = new byte[n];
        for (int i = 0; i < n; i++) l[i] = (byte) (i % 10);
        return labels(IdxReader.LABELS_MAGIC, n, l);
    }

    static byte[] gzip(byte[] raw) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
