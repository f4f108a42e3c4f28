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
        if (dataDir == null) return BundledDatasets.get(kind, split, LoadProgress.NONE);
        // name the file that is missing: the labels when the images are there
        String missing = DatasetLoader.findImages(dataDir, split).isPresent() ? split.labelsFileName() : split.imagesFileName();
        DatasetLoader.FilePair files = DatasetLoader.findInFolder(dataDir, split).orElseThrow(() -> new DatasetException(
                dataDir.resolve(missing).toString(), "data.error.notFound"));
        return DatasetLoader.load(kind, split, files.images(), files.labels(), LoadProgress.NONE);
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
