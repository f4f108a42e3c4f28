package org.convscope.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * The first {@code count} images and labels of the bundled MNIST training set (assets/datasets/mnist, on the class
 * path as /convscope-assets/…), read with a few lines of GZIPInputStream: only as much is unpacked as is needed.
 */
record MnistSubset(byte[] images, byte[] labels, int count) {

    static MnistSubset first(int count) {
        return new MnistSubset(read("train-images-idx3-ubyte.gz", 0x803, count, 784), read("train-labels-idx1-ubyte.gz", 0x801, count, 1), count);
    }

    private static byte[] read(String file, int magic, int count, int itemSize) {
        String path = "/convscope-assets/datasets/mnist/" + file;
        try (InputStream raw = MnistSubset.class.getResourceAsStream(path)) {
            if (raw == null) throw new IllegalStateException(path + " is not on the class path; run the tests through Maven");
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
            if (in.readInt() != magic) throw new IllegalStateException(path + " is not an IDX file");
            int n = in.readInt();
            if (n < count) throw new IllegalStateException(path + " has only " + n + " items");
            for (int d = 0; d < (magic & 0xff) - 1; d++) in.readInt(); // rows, cols
            byte[] data = new byte[count * itemSize];
            in.readFully(data);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
