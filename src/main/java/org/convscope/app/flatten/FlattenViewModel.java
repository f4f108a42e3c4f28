package org.convscope.app.flatten;

import java.util.List;

/**
 * The flattening view without JavaFX: the picked pixel, the contrasting kernel size and the animation progress.
 * The view turns {@link #progress()} into row positions with {@link Flattening#rowProgress}.
 */
public final class FlattenViewModel {
    private final Flattening flattening;
    private int row, column;
    private int kernel = 3;
    private double progress = 1.0;

    public FlattenViewModel() { this(Flattening.mnist()); }

    public FlattenViewModel(Flattening flattening) {
        this.flattening = flattening;
        // start on a pixel in the middle of the image, where a digit's stroke usually is
        row = flattening.height() / 2 - 4;
        column = flattening.width() / 2;
        if (row < 0) row = 0;
    }

    public Flattening flattening() { return flattening; }
    public int row() { return row; }
    public int column() { return column; }
    public int kernel() { return kernel; }
    public double progress() { return progress; }

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

    public void setProgress(double t) { progress = Math.clamp(t, 0.0, 1.0); }

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

    /** Time the whole animation takes: one row after another, {@code secondsPerRow} each. */
    public double durationSeconds(double secondsPerRow) { return Math.max(0, secondsPerRow) * flattening.height(); }
}
