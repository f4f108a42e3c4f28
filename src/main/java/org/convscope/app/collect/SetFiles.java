package org.convscope.app.collect;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import javax.imageio.ImageIO;

import org.convscope.app.I18n;
import org.convscope.app.draw.Drawing;
import org.convscope.app.draw.GrayImage;
import org.convscope.app.draw.PictureImport;
import org.convscope.data.DatasetException;
import org.convscope.data.IdxReader;
import org.convscope.data.IdxSource;
import org.convscope.data.LoadProgress;
import org.convscope.data.Split;

/**
 * A collected set in files that work elsewhere. No JavaFX; blocking (call on a background thread).
 *
 * <ul>
 * <li><b>IDX folder</b>: MNIST's four files with MNIST's names, gzip: train-images-idx3-ubyte.gz and
 *     train-labels-idx1-ubyte.gz hold the training part, t10k-... the held-out part, so that
 *     {@code convscope train --data-dir DIR} and {@code eval --data-dir DIR} (and any MNIST reader) read the set.
 *     Next to them {@value #JSON}: class names, provenance, and per drawing its strokes (see {@link SetJson}).
 *     A folder of plain MNIST-format files without the JSON opens too (classes 0-9, no strokes).</li>
 * <li><b>PNG folder</b>: one folder per class named after the class, 28x28 grayscale PNGs (white on black, as
 *     MNIST), the layout torchvision's ImageFolder reads. Importing such a folder runs each picture through the same
 *     steps as a picture opened in the draw view (PictureImport, fitted to the pad, MNIST preprocessing).</li>
 * </ul>
 */
public final class SetFiles {
    private SetFiles() {}

    public static final String JSON = "convscope-set.json";
    /** Pictures that a folder import reads (ImageIO decodes these). */
    static final Set<String> PICTURES = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    // ---- IDX ---------------------------------------------------------------------------------------------------

    /** Writes the set to dir (created if needed); each file through a temporary file and a move. */
    public static void saveIdx(SetData data, Path dir) throws IOException {
        List<Sample> train = data.part(false), held = data.part(true);
        Files.createDirectories(dir);
        SetJson.writeAtomically(dir.resolve(Split.TRAIN.imagesFileName()), gzip(images(train)));
        SetJson.writeAtomically(dir.resolve(Split.TRAIN.labelsFileName()), gzip(labels(train)));
        SetJson.writeAtomically(dir.resolve(Split.TEST.imagesFileName()), gzip(images(held)));
        SetJson.writeAtomically(dir.resolve(Split.TEST.labelsFileName()), gzip(labels(held)));
        List<Sample> ordered = new ArrayList<>(train);
        ordered.addAll(held);
        SetData meta = new SetData(data.classNames(), ordered, data.provenance())
                .withProvenance("saved", Instant.now().toString());
        SetJson.writeAtomically(dir.resolve(JSON), SetJson.write(meta, false).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a set saved by {@link #saveIdx} (or MNIST-format files with MNIST's names). Nothing is half-read. */
    public static SetData openIdx(Path dir) throws SetProblem {
        if (!Files.isDirectory(dir)) throw new SetProblem("collect.files.notFolder", dir.toString());
        Path trainImages = find(dir, Split.TRAIN, true), trainLabels = find(dir, Split.TRAIN, false);
        Path testImages = find(dir, Split.TEST, true), testLabels = find(dir, Split.TEST, false);
        if (trainImages == null && testImages == null)
            throw new SetProblem("collect.idx.none", dir.toString(), Split.TRAIN.imagesFileName());
        List<String> classes = SetData.DIGITS;
        Map<String, Object> json = null;
        Path jsonFile = dir.resolve(JSON);
        if (Files.isRegularFile(jsonFile)) {
            try {
                json = SetJson.parse(Files.readString(jsonFile, StandardCharsets.UTF_8), jsonFile.toString());
            } catch (IOException e) {
                throw new SetProblem(e, "collect.json.bad", jsonFile.toString(), String.valueOf(e.getMessage()));
            }
            classes = SetJson.classes(json, jsonFile.toString());
        }
        List<Sample> samples = new ArrayList<>();
        read(trainImages, trainLabels, classes.size(), false, dir, samples);
        read(testImages, testLabels, classes.size(), true, dir, samples);
        Map<String, String> provenance = new HashMap<>();
        if (json != null) {
            provenance.putAll(SetJson.provenance(json));
            // strokes and origins from the JSON, matched by picture (a hand-edited IDX file keeps what still matches)
            List<Object> drawings = SetJson.drawings(json);
            for (int i = 0; i < samples.size() && i < drawings.size(); i++) {
                Sample meta = SetJson.sample(drawings.get(i), samples.get(i).pixels(), jsonFile.toString());
                if (drawings.get(i) instanceof Map<?, ?> m && samples.get(i).hash().equals(m.get("hash"))) {
                    Sample s = samples.get(i);
                    samples.set(i, new Sample(0, s.label(), s.pixels(), meta.strokes(), s.heldOut(), meta.origin(), s.hash()));
                }
            }
        } else {
            provenance.put("source", dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
        }
        return new SetData(classes, samples, provenance);
    }

    private static void read(Path images, Path labels, int classes, boolean heldOut, Path dir, List<Sample> out) throws SetProblem {
        if (images == null && labels == null) return;
        if (images == null || labels == null)
            throw new SetProblem("collect.idx.pair", (images == null ? labels : images).toString());
        try {
            IdxReader.Images im = IdxReader.readImages(IdxSource.file(images), LoadProgress.NONE);
            if (im.rows() != Sample.SIDE || im.cols() != Sample.SIDE)
                throw new SetProblem("collect.idx.size", images.toString(), im.rows(), im.cols());
            byte[] lb = IdxReader.readLabels(IdxSource.file(labels), classes, LoadProgress.NONE);
            if (lb.length != im.count()) throw new SetProblem("collect.idx.counts", images.toString(), im.count(), lb.length);
            String origin = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
            for (int i = 0; i < im.count(); i++) {
                byte[] px = java.util.Arrays.copyOfRange(im.pixels(), i * Sample.PIXELS, (i + 1) * Sample.PIXELS);
                out.add(Sample.of(0, lb[i], px, List.of(), heldOut, origin));
            }
        } catch (DatasetException e) {
            throw new SetProblem(e, "collect.idx.bad", e.localizedMessage(I18n.locale()));
        }
    }

    private static Path find(Path dir, Split split, boolean images) {
        String name = images ? split.imagesFileName() : split.labelsFileName();
        for (String n : List.of(name, name.substring(0, name.length() - 3))) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    static byte[] images(List<Sample> samples) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(samples.size());
        out.writeInt(Sample.SIDE);
        out.writeInt(Sample.SIDE);
        for (Sample s : samples) out.write(s.pixels());
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] labels(List<Sample> samples) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.LABELS_MAGIC);
        out.writeInt(samples.size());
        for (Sample s : samples) out.writeByte(s.label());
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        }
        return bytes.toByteArray();
    }

    // ---- PNG folder --------------------------------------------------------------------------------------------

    /**
     * Writes dir/CLASS/NNNN-HASH.png for every drawing (dir must be empty or new: nothing of the user's is
     * overwritten). Every class gets its folder, an empty class an empty one. Returns the number of pictures.
     */
    public static int exportPng(SetData data, Path dir) throws SetProblem {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) throw new SetProblem("collect.png.notEmpty", dir.toString());
                }
            }
            Files.createDirectories(dir);
            for (String c : data.classNames()) Files.createDirectories(dir.resolve(c));
            int n = 0;
            for (Sample s : data.samples()) {
                var img = new BufferedImage(Sample.SIDE, Sample.SIDE, BufferedImage.TYPE_BYTE_GRAY);
                img.getRaster().setDataElements(0, 0, Sample.SIDE, Sample.SIDE, s.pixels());
                Path f = dir.resolve(data.classNames().get(s.label())).resolve(String.format(Locale.ROOT, "%04d-%s.png", ++n, s.hash().substring(0, 8)));
                if (!ImageIO.write(img, "png", f.toFile())) throw new IOException("no PNG writer");
            }
            return n;
        } catch (IOException e) {
            throw new SetProblem(e, "collect.png.write", dir.toString(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * What a folder import found: the drawings (labels index classNames) and a message for each thing it left out.
     * @param classNames the classes the drawings belong to
     */
    public record Imported(List<String> classNames, List<Sample> samples, List<SetProblem> problems) {}

    /**
     * Reads dir/CLASS/picture files. Into a set with classes: each folder must be named after one of them (another
     * folder is left out, with a message naming it). Into an empty set (classes == null): the folders become the
     * classes (sorted; at most 10), or the digits 0-9 when every folder is named after a digit. Pictures that are not pictures or are blank, and empty class folders, are
     * reported and left out; nothing is changed anywhere when nothing could be read.
     */
    public static Imported importPng(Path dir, List<String> classes) throws SetProblem {
        if (!Files.isDirectory(dir)) throw new SetProblem("collect.files.notFolder", dir.toString());
        List<Path> folders = new ArrayList<>();
        List<SetProblem> problems = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) continue; // .DS_Store and friends
                if (Files.isDirectory(p)) folders.add(p);
                else problems.add(new SetProblem("collect.png.loose", name));
            }
        } catch (IOException e) {
            throw new SetProblem(e, "collect.png.read", dir.toString(), String.valueOf(e.getMessage()));
        }
        if (folders.isEmpty()) throw new SetProblem("collect.png.noClasses", dir.toString());
        List<String> names = classes;
        if (names == null) {
            names = folders.stream().map(p -> p.getFileName().toString()).sorted(SetFiles::naturalOrder).toList();
            if (SetData.DIGITS.containsAll(names)) names = SetData.DIGITS; // some digits: still the digit classes (the MNIST model reads them)
            SetProblem bad = SetData.checkNames(names);
            if (bad != null) throw new SetProblem("collect.png.badClasses", dir.toString(), bad.text());
        }
        List<Sample> samples = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path folder : folders) {
            String cls = folder.getFileName().toString();
            int label = names.indexOf(cls);
            if (label < 0) {
                problems.add(new SetProblem("collect.png.unknownClass", cls, SetData.joinNames(names)));
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            } catch (IOException e) {
                problems.add(new SetProblem(e, "collect.png.read", folder.toString(), String.valueOf(e.getMessage())));
                continue;
            }
            int before = samples.size();
            for (Path f : files) {
                String fileName = cls + "/" + f.getFileName();
                if (Files.isDirectory(f)) { problems.add(new SetProblem("collect.png.nested", fileName)); continue; }
                switch (PictureImport.read(f)) {
                    case PictureImport.Problem p -> problems.add(new SetProblem("collect.png.picture", fileName, I18n.get(p.key(), p.args())));
                    case PictureImport.Loaded l -> {
                        Drawing.Picture pad = Drawing.fitToPad(l.image(), fileName);
                        byte[] px = Stroke.mnistBytes(new GrayImage(Drawing.SIZE, Drawing.SIZE, pad.raster()));
                        Sample s = Sample.of(0, label, px, List.of(), false, fileName);
                        if (!seen.add(s.hash())) problems.add(new SetProblem("collect.png.duplicate", fileName));
                        else samples.add(s);
                    }
                }
            }
            if (samples.size() == before && files.isEmpty()) problems.add(new SetProblem("collect.png.emptyClass", cls));
        }
        if (samples.isEmpty()) {
            String first = problems.isEmpty() ? "" : problems.getFirst().text();
            throw new SetProblem("collect.png.nothing", dir.toString(), first);
        }
        return new Imported(names, samples, problems);
    }

    /** "2" before "10", otherwise alphabetical (digit classes in their order). */
    static int naturalOrder(String a, String b) {
        boolean na = a.matches("\\d{1,9}"), nb = b.matches("\\d{1,9}");
        if (na && nb) return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        if (na != nb) return na ? -1 : 1;
        return a.compareTo(b);
    }

    // ---- merging -----------------------------------------------------------------------------------------------

    /** What a merge adds: the drawings not there yet, and how many were already there (same picture). */
    public record Merged(List<Sample> added, int duplicates) {}

    /**
     * The drawings of other that into does not have yet (same pixels = same drawing, whatever the class); refused
     * with a message when the class names differ (a "3" of one set must be a "3" of the other).
     */
    public static Merged merge(SetData into, SetData other, String otherName) throws SetProblem {
        if (!into.classNames().equals(other.classNames()))
            throw new SetProblem("collect.merge.classes", otherName, SetData.joinNames(other.classNames()), SetData.joinNames(into.classNames()));
        Set<String> have = new HashSet<>();
        for (Sample s : into.samples()) have.add(s.hash());
        List<Sample> added = new ArrayList<>();
        int dup = 0;
        for (Sample s : other.samples()) {
            if (have.add(s.hash())) added.add(s);
            else dup++;
        }
        return new Merged(added, dup);
    }
}
