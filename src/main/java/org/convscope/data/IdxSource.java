package org.convscope.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bytes of one IDX file come from.
 *
 * @param name   what to call it in messages: a path the user chose, or the bundled resource name
 * @param length stored length in bytes (compressed length for .gz), or -1 when the source cannot tell; the reader
 *               uses it to reject a lying header before allocating and to report progress
 * @param opener opens a fresh stream each time
 */
public record IdxSource(String name, long length, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** A file on disk (raw or .gz). Fails with data.error.notFound when it is not a readable regular file. */
    public static IdxSource file(Path path) throws DatasetException {
        String name = path.toString();
        if (!Files.isRegularFile(path)) throw new DatasetException(name, "data.error.notFound");
        try {
            return new IdxSource(name, Files.size(path), () -> Files.newInputStream(path));
        } catch (IOException e) {
            throw new DatasetException(name, e, "data.error.io", String.valueOf(e.getMessage()));
        }
    }

    /** A resource found by Class.getResource (jrt:, jar: or file: URL); the length comes from the URL connection. */
    public static IdxSource url(String name, URL url) {
        long length;
        try {
            length = url.openConnection().getContentLengthLong();
        } catch (IOException e) {
            length = -1;   // unknown; the reader then grows its buffer as data arrives
        }
        return new IdxSource(name, length, url::openStream);
    }

    /** Bytes in memory (tests, files the user dropped). */
    public static IdxSource bytes(String name, byte[] data) {
        return new IdxSource(name, data.length, () -> new ByteArrayInputStream(data));
    }
}
