package org.convscope.engine;

/**
 * How well a network does on a labelled set of images.
 *
 * @param images    how many images were evaluated
 * @param accuracy  fraction classified correctly, 0..1
 * @param meanLoss  mean cross-entropy
 * @param confusion confusion[truth][predicted] counts; rows sum to the number of images of each true class
 */
public record Evaluation(int images, double accuracy, double meanLoss, int[][] confusion) {
    public Evaluation {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) copy[i] = confusion[i].clone();
        confusion = copy;
    }

    /** A copy of the counts (the record keeps its own). */
    @Override public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) copy[i] = confusion[i].clone();
        return copy;
    }

    public int count(int truth, int predicted) { return confusion[truth][predicted]; }
}
