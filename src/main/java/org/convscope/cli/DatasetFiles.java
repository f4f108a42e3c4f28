package org.convscope.cli;

import org.convscope.data.BundledDatasets;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetException;
import org.convscope.data.DatasetKind;
import org.convscope.data.DatasetLoader;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The command line's way to the data layer: the bundled datasets, or the IDX files in a folder the user names. */
final class DatasetFiles {
    private DatasetFiles() {}

    static final String KNOWN = "mnist, fashion-mnist";

    /** The dataset with this id, or a message for the user. */
    static DatasetKind kind(String id) {
        for (DatasetKind k : DatasetKind.values()) if (k.id().equals(id)) return k;
        throw new IllegalArgumentException("Unknown dataset '" + id + "'; choose one of: " + KNOWN + ".");
    }

    /** A split: from dataDir (train-images-idx3-ubyte[.gz] etc.) when given, else the bundled copy. */
    static Dataset load(DatasetKind kind, Split split, Path dataDir) throws DatasetException {
        return load(kind, split, dataDir, null);
    }

    /**
     * As {@link #load(DatasetKind, Split, Path)}, but only the split's first {@code limit} images when limit is not null:
     * {@code train --limit 2000} then unpacks 2,000 images instead of 60,000 (a quarter of a second of a cold start,
     * BENCHMARKS.md "Cold start").
     */
    static Dataset load(DatasetKind kind, Split split, Path dataDir, Integer limit) throws DatasetException {
        if (dataDir == null)
            return limit == null ? BundledDatasets.get(kind, split, LoadProgress.NONE) : DatasetLoader.loadBundled(kind, split, LoadProgress.NONE, limit);
        // name the file that is missing: the labels when the images are there
        String missing = DatasetLoader.findImages(dataDir, split).isPresent() ? split.labelsFileName() : split.imagesFileName();
        DatasetLoader.FilePair files = DatasetLoader.findInFolder(dataDir, split).orElseThrow(() -> new DatasetException(
                dataDir.resolve(missing).toString(), "data.error.notFound"));
        return DatasetLoader.load(kind, split, files.images(), files.labels(), LoadProgress.NONE, limit == null ? Long.MAX_VALUE : limit);
    }

    /** English class names ("0".."9" for MNIST, "T-shirt/top" ... for Fashion-MNIST) from the data bundle. */
    static List<String> classNames(DatasetKind kind) {
        Properties p = new Properties();
        try (InputStream in = DatasetFiles.class.getResourceAsStream("/org/convscope/app/i18n/data.properties")) {
            if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // fall back to class numbers below
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < DatasetKind.CLASSES; c++) names.add(p.getProperty(kind.classKey(c), Integer.toString(c)));
        return names;
    }
}
