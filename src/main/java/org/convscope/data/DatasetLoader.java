package org.convscope.data;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads a {@link Dataset} from the bundled files or from files the user picked. Blocking: call it on a background
 * thread (Services.background()), never on the FX thread. For the bundled data, prefer {@link BundledDatasets},
 * which keeps one copy for the whole app.
 *
 * <p>Bundled files are module resources under {@value #RESOURCE_ROOT} (assets/ is packaged there); when they are
 * not on the class path (e.g. an IDE run without resource processing), the files under assets/datasets/ of the
 * working directory, or of the folder named by the system property {@code convscope.assets}, are used.
 */
public final class DatasetLoader {
    private DatasetLoader() {}

    public static final String RESOURCE_ROOT = "/convscope-assets/datasets/";

    /** The bundled images and labels of one split; progress counts the compressed bytes of both files. */
    public static Dataset loadBundled(DatasetKind kind, Split split, LoadProgress progress) throws DatasetException {
        return load(kind, split, bundled(kind, split.imagesFileName()), bundled(kind, split.labelsFileName()), progress);
    }

    /** Files the user picked: raw or .gz, official names or not. They must be 28x28 images with labels 0-9. */
    public static Dataset load(DatasetKind kind, Split split, Path images, Path labels, LoadProgress progress) throws DatasetException {
        return load(kind, split, IdxSource.file(images), IdxSource.file(labels), progress);
    }

    public static Dataset load(DatasetKind kind, Split split, IdxSource images, IdxSource labels, LoadProgress progress)
            throws DatasetException {
        return load(kind, split, images, labels, progress, Long.MAX_VALUE);
    }

    /**
     * The bundled split's first {@code limit} images and labels only (all when it has fewer), without unpacking the
     * rest: what a command needs that trains or tests on the first images only (see IdxReader.readImages).
     */
    public static Dataset loadBundled(DatasetKind kind, Split split, LoadProgress progress, long limit) throws DatasetException {
        return load(kind, split, bundled(kind, split.imagesFileName()), bundled(kind, split.labelsFileName()), progress, limit);
    }

    /** Files the user picked (as {@link #load(DatasetKind, Split, Path, Path, LoadProgress)}), their first limit images only. */
    public static Dataset load(DatasetKind kind, Split split, Path images, Path labels, LoadProgress progress, long limit)
            throws DatasetException {
        return load(kind, split, IdxSource.file(images), IdxSource.file(labels), progress, limit);
    }

    static Dataset load(DatasetKind kind, Split split, IdxSource images, IdxSource labels, LoadProgress progress, long limit)
            throws DatasetException {
        long total = images.length() >= 0 && labels.length() >= 0 ? images.length() + labels.length() : -1;
        progress.update(0, total);
        IdxReader.Images im = IdxReader.readImages(images, (read, len) -> progress.update(read, total), limit);
        if (im.rows() != DatasetKind.ROWS || im.cols() != DatasetKind.COLS) {
            throw new DatasetException(images.name(), "data.error.size", im.rows(), im.cols(), DatasetKind.ROWS, DatasetKind.COLS);
        }
        long done = Math.max(0, images.length());
        IdxReader.Labels read = IdxReader.readLabels(labels, DatasetKind.CLASSES, (r, len) -> progress.update(done + r, total), limit);
        if (read.fileCount() != im.fileCount()) {
            throw new DatasetException(images.name(), "data.error.countMismatch", im.fileCount(), labels.name(), read.fileCount());
        }
        byte[] lab = read.labels();
        if (im.count() == 0) throw new DatasetException(images.name(), "data.error.empty");
        progress.update(total < 0 ? done : total, total);
        return new Dataset(kind, split, im.pixels(), lab, im.count(), im.rows(), im.cols());
    }

    /** The images and labels file of one split found in a folder (a user's download of the official files). */
    public record FilePair(Path images, Path labels) {}

    /**
     * Looks in dir for the files of a split under the names they are commonly distributed with:
     * train-images-idx3-ubyte(.gz) and train-images.idx3-ubyte(.gz) (the dotted form comes from unpacking on Windows),
     * likewise labels and t10k. Empty when either file is missing.
     */
    public static Optional<FilePair> findInFolder(Path dir, Split split) {
        Path images = first(dir, split.filePrefix(), "images", "idx3");
        Path labels = first(dir, split.filePrefix(), "labels", "idx1");
        return images != null && labels != null ? Optional.of(new FilePair(images, labels)) : Optional.empty();
    }

    /** The images file of a split in dir under one of the common names, if there is one. */
    public static Optional<Path> findImages(Path dir, Split split) {
        return Optional.ofNullable(first(dir, split.filePrefix(), "images", "idx3"));
    }

    /** The labels file of a split in dir under one of the common names, if there is one. */
    public static Optional<Path> findLabels(Path dir, Split split) {
        return Optional.ofNullable(first(dir, split.filePrefix(), "labels", "idx1"));
    }

    private static Path first(Path dir, String prefix, String what, String idx) {
        for (String sep : List.of("-", ".")) {
            for (String ext : List.of(".gz", "")) {
                Path p = dir.resolve(prefix + "-" + what + sep + idx + "-ubyte" + ext);
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }

    /** One bundled file: the module resource, else assets/datasets on disk. */
    static IdxSource bundled(DatasetKind kind, String fileName) throws DatasetException {
        String resource = RESOURCE_ROOT + kind.id() + "/" + fileName;
        URL url = DatasetLoader.class.getResource(resource);
        if (url != null) return IdxSource.url("bundled " + kind.id() + "/" + fileName, url);
        Path assets = Path.of(System.getProperty("convscope.assets", "assets"));
        Path onDisk = assets.resolve("datasets").resolve(kind.id()).resolve(fileName);
        if (Files.isRegularFile(onDisk)) return IdxSource.file(onDisk);
        throw new DatasetException(resource, "data.error.bundleMissing", onDisk.toAbsolutePath().toString());
    }
}
