package org.convscope.data;

/**
 * The two datasets ConvScope ships. Both are 28x28 grey images in 10 classes, so every network in the zoo fits both.
 * Class names are i18n keys in the bundle org.convscope.app.i18n.data ({@link #classKey(int)}).
 */
public enum DatasetKind {
    /** Handwritten digits; the class of an image is the digit. */
    MNIST("mnist", "class.mnist."),
    /** Zalando's pictures of clothes: T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot. */
    FASHION_MNIST("fashion-mnist", "class.fashion.");

    /** Images are ROWS x COLS unsigned bytes; labels are 0 .. CLASSES-1. */
    public static final int ROWS = 28, COLS = 28, CLASSES = 10;

    private final String id, classKeyPrefix;

    DatasetKind(String id, String classKeyPrefix) {
        this.id = id;
        this.classKeyPrefix = classKeyPrefix;
    }

    /** "mnist" or "fashion-mnist": the folder under assets/datasets and the dataset id of AppContext. */
    public String id() { return id; }

    /** i18n key of the dataset's display name, e.g. dataset.fashion-mnist. */
    public String nameKey() { return "dataset." + id; }

    /** i18n key of the name of class c (0..9), e.g. class.fashion.9 = "Ankle boot". */
    public String classKey(int c) {
        if (c < 0 || c >= CLASSES) throw new IllegalArgumentException("class " + c + " outside 0.." + (CLASSES - 1));
        return classKeyPrefix + c;
    }

    /** The kind with this {@link #id()}, e.g. from AppContext.MNIST. */
    public static DatasetKind ofId(String id) {
        for (DatasetKind k : values()) if (k.id.equals(id)) return k;
        throw new IllegalArgumentException("no dataset with id '" + id + "' (known: mnist, fashion-mnist)");
    }
}
