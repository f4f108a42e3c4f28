package org.convscope.data;

/** Which part of a dataset: the images a network learns from, or the ones kept aside to measure it. */
public enum Split {
    TRAIN("train"),
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) { this.filePrefix = filePrefix; }

    /** "train" or "t10k", as in the official file names (t10k-images-idx3-ubyte.gz). */
    public String filePrefix() { return filePrefix; }

    /** i18n key of the display name: split.train / split.test. */
    public String nameKey() { return this == TRAIN ? "split.train" : "split.test"; }

    /** The official file name of the images of this split, e.g. train-images-idx3-ubyte.gz. */
    public String imagesFileName() { return filePrefix + "-images-idx3-ubyte.gz"; }

    /** The official file name of the labels of this split, e.g. t10k-labels-idx1-ubyte.gz. */
    public String labelsFileName() { return filePrefix + "-labels-idx1-ubyte.gz"; }
}
