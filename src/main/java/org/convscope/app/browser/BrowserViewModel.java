package org.convscope.app.browser;

import java.util.Arrays;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.convscope.app.AppContext;
import org.convscope.app.DatasetCache;
import org.convscope.app.I18n;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;

/**
 * What the dataset browser shows, without any control: the chosen dataset and split, the loaded data (null while
 * loading), the class filter, the images passing it and the selected image. Plain JavaFX properties, so it is
 * tested without starting JavaFX. Images are 28x28 uint8 (0 = black background, 255 = white ink), row-major.
 */
public final class BrowserViewModel {
    public static final int SIDE = 28, PIXELS = SIDE * SIDE;
    /** Class filter value meaning "every class". */
    public static final int ALL = -1;
    private static final int[] NONE = new int[0];

    private final ObjectProperty<DatasetKind> dataset = new SimpleObjectProperty<>(this, "dataset", DatasetKind.MNIST);
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(this, "split", Split.TEST);
    private final ObjectProperty<Dataset> data = new SimpleObjectProperty<>(this, "data");
    private final IntegerProperty classFilter = new SimpleIntegerProperty(this, "classFilter", ALL);
    private final ReadOnlyObjectWrapper<int[]> visible = new ReadOnlyObjectWrapper<>(this, "visible", NONE);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private int[] classCounts = new int[DatasetKind.CLASSES];

    public BrowserViewModel() {
        data.addListener((obs, old, d) -> {
            classCounts = d == null ? new int[DatasetKind.CLASSES] : d.classCounts();
            selected.set(-1); // another dataset: index 42 there is a different image
            refilter();
        });
        classFilter.addListener((obs, old, c) -> refilter());
    }

    /** Which dataset to show; the view loads it and puts it into {@link #dataProperty()}. */
    public ObjectProperty<DatasetKind> datasetProperty() { return dataset; }

    public ObjectProperty<Split> splitProperty() { return split; }

    /** The loaded (dataset, split), null while loading or after a failure. Must match dataset/split. */
    public ObjectProperty<Dataset> dataProperty() { return data; }

    /** A class 0..9, or {@link #ALL}. */
    public IntegerProperty classFilterProperty() { return classFilter; }

    /** Indices (into the dataset) of the images passing the filter, in dataset order. */
    public ReadOnlyObjectProperty<int[]> visibleProperty() { return visible.getReadOnlyProperty(); }

    /** Index into the dataset of the image shown large, or -1. */
    public IntegerProperty selectedProperty() { return selected; }

    public DatasetCache.Key key() { return new DatasetCache.Key(dataset.get(), split.get()); }

    /** How many images of each class the loaded data has (zeros while loading). */
    public int classCount(int c) { return classCounts[c]; }

    public int count() { return data.get() == null ? 0 : data.get().count(); }

    public int label(int index) { return data.get().label(index); }

    /** Pixel value 0..255 of image index at (row, col). */
    public int pixel(int index, int row, int col) { return data.get().pixelValue(index, row, col); }

    /** A copy of image index's 784 bytes. */
    public byte[] pixels(int index) {
        return Arrays.copyOfRange(data.get().images(), index * PIXELS, (index + 1) * PIXELS);
    }

    /** The class name in the current language: "7" for MNIST, "Sneaker" for Fashion-MNIST. */
    public String className(int c) { return I18n.get(dataset.get().classKey(c)); }

    /** "MNIST test #42" (translated): where an image came from, for titles and the shared current image. */
    public String describe(int index) {
        return I18n.get("browser.image", DatasetCache.name(key()), index);
    }

    /**
     * The image as the other views want it: 784 floats in 0..1 (value / 255), with its dataset id, true label
     * and source (see {@link AppContext.InputImage}).
     */
    public AppContext.InputImage toInputImage(int index) {
        Dataset d = data.get();
        return AppContext.InputImage.localized(d.image(index), d.kind().id(), d.label(index), () -> describe(index),
                d.kind().id() + "/" + d.split().name().toLowerCase(java.util.Locale.ROOT) + "/" + index);
    }

    /** Indices i in [0, count) with labels[i] == cls, or all of them for ALL. */
    public static int[] indicesOf(byte[] labels, int count, int cls) {
        int n = 0;
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            if (cls == ALL || labels[i] == cls) out[n++] = i;
        }
        return n == count ? out : Arrays.copyOf(out, n);
    }

    private void refilter() {
        Dataset d = data.get();
        int[] v = d == null ? NONE : indicesOf(d.labels(), d.count(), classFilter.get());
        visible.set(v);
        // Keep the selection if it still passes the filter, else show the first image that does.
        int s = selected.get();
        boolean keep = s >= 0 && d != null && s < d.count() && Arrays.binarySearch(v, s) >= 0;
        if (!keep) selected.set(v.length > 0 ? v[0] : -1);
    }
}
