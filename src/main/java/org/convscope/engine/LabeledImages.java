package org.convscope.engine;

import java.util.Objects;

/**
 * A set of labelled uint8 images as the {@link Trainer} reads them: image i is
 * images[i*imageSize .. (i+1)*imageSize) (row-major 28x28 for MNIST), its class labels[i].
 * The arrays are shared, never copied and never written (a dataset loaded once serves every view).
 *
 * @param count how many images are used: the first {@code count} of the arrays (a subset for tests)
 */
public record LabeledImages(byte[] images, byte[] labels, int count, int imageSize) {

    public LabeledImages {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (imageSize <= 0) throw new IllegalArgumentException("image size must be positive, got " + imageSize);
        if (count < 0 || count > labels.length || (long) count * imageSize > images.length)
            throw new IllegalArgumentException("count " + count + " exceeds the " + labels.length + " labels / "
                    + images.length / imageSize + " images given");
    }

    /** All images of the arrays. */
    public static LabeledImages of(byte[] images, byte[] labels, int imageSize) {
        return new LabeledImages(images, labels, labels.length, imageSize);
    }

    /** The first n images (n larger than count keeps all): the dataset-size setting, e.g. 1,024 for tests. */
    public LabeledImages first(int n) {
        return n >= count || n <= 0 ? this : new LabeledImages(images, labels, n, imageSize);
    }

    public int label(int i) { return labels[i]; }
}
