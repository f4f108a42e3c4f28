package org.convscope.app.flatten;

import java.util.ArrayList;
import java.util.List;

/**
 * How an H x W image becomes a vector of H*W values, row after row, as the engine's Flatten layer does
 * (index = y * W + x for one channel). Answers where a pixel and its neighbours end up, and where a
 * k x k kernel's cells end up.
 */
public record Flattening(int height, int width) {

    public Flattening {
        if (height <= 0 || width <= 0) throw new IllegalArgumentException("image must be at least 1x1, not " + height + "x" + width);
    }

    public static Flattening mnist() { return new Flattening(28, 28); }

    public int length() { return height * width; }

    /** Position in the vector of pixel (row y, column x). */
    public int index(int y, int x) {
        check(y, x);
        return y * width + x;
    }

    public int rowOf(int index) { return index / width; }
    public int columnOf(int index) { return index % width; }

    /** Vector position of the pixel to the right of (y, x), or -1 when (y, x) is in the last column. */
    public int rightNeighbour(int y, int x) { return x + 1 < width ? index(y, x + 1) : -1; }

    /** Vector position of the pixel below (y, x), or -1 when (y, x) is in the last row. */
    public int lowerNeighbour(int y, int x) { return y + 1 < height ? index(y + 1, x) : -1; }

    /**
     * Vector positions of the cells of a k x k kernel centred on (y, x) that lie inside the image, in row order.
     * In the picture these cells touch; in the vector they form k short runs, {@code width} positions apart.
     */
    public List<Integer> kernelIndices(int y, int x, int k) {
        if (k <= 0 || k % 2 == 0) throw new IllegalArgumentException("kernel size must be odd and positive, not " + k);
        check(y, x);
        List<Integer> out = new ArrayList<>();
        int r = k / 2;
        for (int dy = -r; dy <= r; dy++)
            for (int dx = -r; dx <= r; dx++) {
                int yy = y + dy, xx = x + dx;
                if (yy >= 0 && yy < height && xx >= 0 && xx < width) out.add(yy * width + xx);
            }
        return out;
    }

    /** How far apart (first to last position) the kernel's cells lie in the vector: (k-1)*W + k for a kernel inside the image. */
    public int kernelSpan(int y, int x, int k) {
        List<Integer> cells = kernelIndices(y, x, k);
        return cells.getLast() - cells.getFirst() + 1;
    }

    private void check(int y, int x) {
        if (y < 0 || y >= height || x < 0 || x >= width)
            throw new IllegalArgumentException("pixel (" + y + ", " + x + ") is outside the " + height + "x" + width + " image");
    }
}
