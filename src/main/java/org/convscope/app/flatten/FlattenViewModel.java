package org.convscope.app.flatten;

import java.util.List;

/**
 * The flattening view without JavaFX: the picked pixel, the contrasting kernel size and how far the flattening has
 * got. The animation walks the rows like a sweep: {@code row} rows are in the vector, and {@code pixels} pixels of
 * the next row (the shared Playback cursor's position and done count).
 */
public final class FlattenViewModel {
    private final Flattening flattening;
    private int row, column;
    private int kernel = 3;
    /** Rows completely in the vector, and pixels of the next row already there; starts fully flattened. */
    private int rowsDone, pixelsDone;

    public FlattenViewModel() { this(Flattening.mnist()); }

    public FlattenViewModel(Flattening flattening) {
        this.flattening = flattening;
        // start on a pixel in the middle of the image, where a digit's stroke usually is
        rowsDone = flattening.height();
        row = flattening.height() / 2 - 4;
        column = flattening.width() / 2;
        if (row < 0) row = 0;
    }

    public Flattening flattening() { return flattening; }
    public int row() { return row; }
    public int column() { return column; }
    public int kernel() { return kernel; }
    public int rowsDone() { return rowsDone; }
    public int pixelsDone() { return pixelsDone; }
    /** Share of the pixels in the vector, 0..1. */
    public double progress() { return (double) (rowsDone * flattening.width() + pixelsDone) / flattening.length(); }

    /** Picks pixel (y, x); throws with a plain message when it is outside the image. */
    public void pick(int y, int x) {
        flattening.index(y, x); // validates
        row = y;
        column = x;
    }

    /** Picks the pixel that sits at vector position i. */
    public void pickIndex(int i) {
        if (i < 0 || i >= flattening.length())
            throw new IllegalArgumentException("vector position " + i + " does not exist; the vector has " + flattening.length());
        pick(flattening.rowOf(i), flattening.columnOf(i));
    }

    public void setKernel(int k) {
        if (k != 3 && k != 5) throw new IllegalArgumentException("the contrast kernel is 3x3 or 5x5, not " + k);
        kernel = k;
    }

    /**
     * How far the flattening has got: {@code rows} complete rows and {@code pixels} pixels of the row after them.
     * From a Playback cursor: rows = position, pixels = done, where done == width completes that row too.
     */
    public void setArrived(int rows, int pixels) {
        if (rows < 0 || rows > flattening.height() || pixels < 0 || pixels > flattening.width() || rows == flattening.height() && pixels > 0)
            throw new IllegalArgumentException("cannot have " + rows + " rows and " + pixels + " pixels of a " + flattening.height() + "x" + flattening.width() + " image in the vector");
        if (pixels == flattening.width()) { rows++; pixels = 0; }
        rowsDone = rows;
        pixelsDone = pixels;
    }

    /** Whether the pixel at vector position i has moved into the vector yet. */
    public boolean arrived(int i) {
        int r = flattening.rowOf(i);
        return r < rowsDone || r == rowsDone && flattening.columnOf(i) < pixelsDone;
    }

    public int index() { return flattening.index(row, column); }
    public int rightIndex() { return flattening.rightNeighbour(row, column); }
    public int lowerIndex() { return flattening.lowerNeighbour(row, column); }
    /** Distance in the vector to the horizontal neighbour (1) or -1 if there is none. */
    public int rightDistance() { int r = rightIndex(); return r < 0 ? -1 : r - index(); }
    /** Distance in the vector to the vertical neighbour (the image width, 28) or -1 if there is none. */
    public int lowerDistance() { int l = lowerIndex(); return l < 0 ? -1 : l - index(); }
    public List<Integer> kernelIndices() { return flattening.kernelIndices(row, column, kernel); }
    /** Runs of consecutive positions the kernel's cells form in the vector: one per image row it covers. */
    public long kernelPieces() { return kernelIndices().stream().mapToInt(flattening::rowOf).distinct().count(); }
    public int kernelSpan() { return flattening.kernelSpan(row, column, kernel); }

}
