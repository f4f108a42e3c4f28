package org.convscope.data;

import java.util.Objects;

/**
 * One split of a dataset in memory, as compact as the files: one unsigned byte per pixel and per label
 * (MNIST train: 47 MB of pixels). Pixel values convert to 0..1 floats only when an image is used.
 *
 * <p>The arrays are shared, not copied: views and trainers read them and must never write into them.
 * (Being a record with array components, equals is identity on the arrays.)
 *
 * @param images count*rows*cols unsigned bytes, image i starting at i*rows*cols, row-major, 0 = background
 * @param labels count bytes, each 0..9
 */
public record Dataset(DatasetKind kind, Split split, byte[] images, byte[] labels, int count, int rows, int cols) {

    public Dataset {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(split, "split");
        if (count < 0 || rows < 1 || cols < 1) throw new IllegalArgumentException("count " + count + ", rows " + rows + ", cols " + cols);
        if (images.length != (long) count * rows * cols) {
            throw new IllegalArgumentException(images.length + " pixel bytes for " + count + " images of " + rows + "x" + cols);
        }
        if (labels.length != count) throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
    }

    /** rows*cols: 784 for MNIST. */
    public int pixelsPerImage() { return rows * cols; }

    /** The class of image i, 0..9. */
    public int label(int i) { return labels[Objects.checkIndex(i, count)]; }

    /** Pixel (y, x) of image i as stored, 0..255. */
    public int pixelValue(int i, int y, int x) {
        Objects.checkIndex(i, count);
        Objects.checkIndex(y, rows);
        Objects.checkIndex(x, cols);
        return images[i * pixelsPerImage() + y * cols + x] & 0xFF;
    }

    /** Pixel (y, x) of image i in 0..1 (value / 255), the scale the networks see. */
    public float pixel(int i, int y, int x) { return pixelValue(i, y, x) / 255f; }

    /** Image i as rows*cols floats in 0..1, row-major (the layout of AppContext.InputImage). */
    public float[] image(int i) {
        float[] out = new float[pixelsPerImage()];
        copyImage(i, out, 0);
        return out;
    }

    /** Writes image i as rows*cols floats in 0..1 into dst[offset ..] (e.g. one row of a training batch). */
    public void copyImage(int i, float[] dst, int offset) {
        int n = pixelsPerImage();
        Objects.checkFromIndexSize(offset, n, dst.length);
        int base = Objects.checkIndex(i, count) * n;
        // exactly as the trainer scales its input: v / 255f (v · (1f / 255f) differs in the last bit for 126 values)
        for (int p = 0; p < n; p++) dst[offset + p] = (images[base + p] & 0xFF) / 255f;
    }

    /** Indices of the images of one class, in file order (the browser's class filter). */
    public int[] indicesOf(int label) {
        int[] out = new int[count];
        int n = 0;
        for (int i = 0; i < count; i++) if (labels[i] == label) out[n++] = i;
        return java.util.Arrays.copyOf(out, n);
    }

    /** How many images each class 0..9 has. */
    public int[] classCounts() {
        int[] counts = new int[DatasetKind.CLASSES];
        for (byte b : labels) counts[b]++;
        return counts;
    }

    @Override
    public String toString() {
        return kind.id() + " " + split.filePrefix() + ": " + count + " images " + rows + "x" + cols;
    }
}
