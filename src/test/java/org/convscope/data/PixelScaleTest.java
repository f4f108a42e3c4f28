package org.convscope.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The views must see pixels scaled exactly as the trainer scales them, {@code (b & 0xFF) / 255f} (Trainer's input
 * copy): one path multiplied by {@code 1f / 255f}, which differs in the last bit for 126 of the 256 byte values, so
 * a view's trace of a dataset image was not the network's view of it during training (issue #12).
 */
class PixelScaleTest {

    @Test
    void everyByteValueIsScaledExactlyAsInTraining() {
        byte[] pixels = new byte[256];
        for (int v = 0; v < 256; v++) pixels[v] = (byte) v;
        Dataset d = new Dataset(DatasetKind.MNIST, Split.TEST, pixels, new byte[1], 1, 16, 16);
        float[] image = d.image(0);
        float[] row = new float[256 + 3];
        d.copyImage(0, row, 3);
        int differsFromReciprocal = 0;
        for (int v = 0; v < 256; v++) {
            float training = (pixels[v] & 0xff) / 255f; // Trainer: x[..] = (jobBytes[src + q] & 0xff) / 255f
            assertEquals(Float.floatToRawIntBits(training), Float.floatToRawIntBits(image[v]), "image(): byte " + v);
            assertEquals(Float.floatToRawIntBits(training), Float.floatToRawIntBits(row[3 + v]), "copyImage(): byte " + v);
            assertEquals(Float.floatToRawIntBits(training), Float.floatToRawIntBits(d.pixel(0, v / 16, v % 16)), "pixel(): byte " + v);
            if (v * (1f / 255f) != training) differsFromReciprocal++;
        }
        assertEquals(126, differsFromReciprocal, "the two roundings differ for 126 values: this test would see the old path");
    }
}
