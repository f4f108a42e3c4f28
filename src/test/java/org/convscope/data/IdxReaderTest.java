package org.convscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken files of every kind: each must fail with the right message key, naming the file, without allocating wildly. */
class IdxReaderTest {

    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private DatasetException imagesFail(Path p) {
        return assertThrows(DatasetException.class, () -> IdxReader.readImages(IdxSource.file(p), LoadProgress.NONE));
    }

    private DatasetException labelsFail(Path p) {
        return assertThrows(DatasetException.class, () -> IdxReader.readLabels(IdxSource.file(p), 10, LoadProgress.NONE));
    }

    @Test
    void readsSmallValidFilesRawAndGzipAlike() throws Exception {
        Path raw = write("im", IdxFiles.images(3)), gz = write("im.gz", IdxFiles.gzip(IdxFiles.images(3)));
        var a = IdxReader.readImages(IdxSource.file(raw), LoadProgress.NONE);
        var b = IdxReader.readImages(IdxSource.file(gz), LoadProgress.NONE);
        assertEquals(3, a.count());
        assertEquals(28, a.rows());
        assertEquals(2, a.pixels()[2 * 784 + 500]);
        assertArrayEquals(a.pixels(), b.pixels());
        byte[] labels = IdxReader.readLabels(IdxSource.file(write("l.gz", IdxFiles.gzip(IdxFiles.labels(13)))), 10, LoadProgress.NONE);
        assertEquals(13, labels.length);
        assertEquals(2, labels[12]);
    }

    @Test
    void aLimitReadsOnlyTheFirstImagesAndLabels() throws Exception {
        Path raw = write("im", IdxFiles.images(5)), gz = write("im.gz", IdxFiles.gzip(IdxFiles.images(5)));
        var whole = IdxReader.readImages(IdxSource.file(raw), LoadProgress.NONE);
        for (Path p : new Path[] {raw, gz}) {
            var first = IdxReader.readImages(IdxSource.file(p), LoadProgress.NONE, 2);
            assertEquals(2, first.count(), p.toString());
            assertEquals(5, first.fileCount(), p + ": the file's own count");
            assertArrayEquals(Arrays.copyOf(whole.pixels(), 2 * 784), first.pixels(), p + ": the first two images");
            var all = IdxReader.readImages(IdxSource.file(p), LoadProgress.NONE, 99);
            assertEquals(5, all.count(), p + ": a limit above the count reads everything");
            assertArrayEquals(whole.pixels(), all.pixels());
        }
        var labels = IdxReader.readLabels(IdxSource.file(write("l.gz", IdxFiles.gzip(IdxFiles.labels(13)))), 10, LoadProgress.NONE, 4);
        assertEquals(4, labels.labels().length);
        assertEquals(13, labels.fileCount());
        assertEquals(3, labels.labels()[3]);
        // the header is still checked in full: a raw file too short for what it announces is refused, limit or not
        byte[] full = IdxFiles.images(10);
        Path cut = write("cut", Arrays.copyOf(full, full.length - 100));
        assertEquals("data.error.truncated",
                assertThrows(DatasetException.class, () -> IdxReader.readImages(IdxSource.file(cut), LoadProgress.NONE, 1)).key());
    }

    @Test
    void truncatedRawFileFailsBeforeReading() throws Exception {
        byte[] full = IdxFiles.images(10);
        var e = imagesFail(write("cut-images", Arrays.copyOf(full, full.length - 100)));
        assertEquals("data.error.truncated", e.key());
        assertTrue(e.getMessage().contains("cut-images"), e.getMessage());
        assertTrue(e.getMessage().contains("download it again"), e.getMessage());
    }

    @Test
    void truncatedGzipFileIsReportedAsCutOff() throws Exception {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(50));
        var e = imagesFail(write("cut.gz", Arrays.copyOf(gz, gz.length / 2)));
        assertEquals("data.error.gzipTruncated", e.key());
    }

    @Test
    void gzipThatHoldsTooFewImagesIsTruncated() throws Exception {
        // A complete gzip stream whose header promises 10 images but holds 9.
        byte[] raw = IdxFiles.images(10);
        var e = imagesFail(write("short.gz", IdxFiles.gzip(Arrays.copyOf(raw, raw.length - 784))));
        assertEquals("data.error.truncated", e.key());
    }

    @Test
    void extraBytesAfterTheLastImageAreRejected() throws Exception {
        byte[] raw = IdxFiles.images(2);
        assertEquals("data.error.trailing", imagesFail(write("long", Arrays.copyOf(raw, raw.length + 5))).key());
        assertEquals("data.error.trailing", imagesFail(write("long.gz", IdxFiles.gzip(Arrays.copyOf(raw, raw.length + 5)))).key());
    }

    @Test
    void wrongMagicSaysWhatTheFileShouldBe() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0};
        var e = imagesFail(write("picture.png", png));
        assertEquals("data.error.magic.images", e.key());
        assertTrue(e.getMessage().contains("89504e47"), e.getMessage());
        assertTrue(e.getMessage().contains("00000803"), e.getMessage());
        assertEquals("data.error.magic.labels", labelsFail(write("p2", png)).key());
    }

    @Test
    void swappedImagesAndLabelsAreRecognised() throws Exception {
        assertEquals("data.error.swapped.images", imagesFail(write("labels-instead", IdxFiles.labels(5))).key());
        assertEquals("data.error.swapped.labels", labelsFail(write("images-instead", IdxFiles.images(1))).key());
    }

    @Test
    void fileShorterThanTheHeader() throws Exception {
        assertEquals("data.error.header.images", imagesFail(write("tiny", new byte[] {0, 0, 8, 3, 0, 0})).key());
        assertEquals("data.error.header.labels", labelsFail(write("empty", new byte[0])).key());
    }

    @Test
    void absurdDimensionsFailFastWithoutAllocating() throws Exception {
        byte[] none = new byte[0];
        // 2^31 images of 28x28 = 1.7e12 bytes; 2^32-1 images; zero rows; a side of 100,000 pixels.
        int[][] headers = {{0x80000000, 28, 28}, {0xFFFFFFFF, 28, 28}, {10, 0, 28}, {1, 100_000, 28}, {1, 28, -1}};
        for (int[] h : headers) {
            Path p = write("absurd", IdxFiles.images(IdxReader.IMAGES_MAGIC, h[0], h[1], h[2], none));
            Path gz = write("absurd.gz", IdxFiles.gzip(IdxFiles.images(IdxReader.IMAGES_MAGIC, h[0], h[1], h[2], none)));
            String key = h[1] >= 1 && h[1] <= IdxReader.MAX_SIDE && h[2] >= 1 ? "data.error.tooLarge" : "data.error.dimensions";
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                assertEquals(key, imagesFail(p).key(), Arrays.toString(h));
                assertEquals(key, imagesFail(gz).key(), Arrays.toString(h));
            });
        }
        // Plausible-looking label count beyond any array.
        assertEquals("data.error.labelCount", labelsFail(write("l", IdxFiles.labels(IdxReader.LABELS_MAGIC, 0xFFFFFFF0, none))).key());
    }

    @Test
    void headerPromisingMoreThanTheGzipCanHoldFailsBeforeAllocating() throws Exception {
        // 200,000 images = 157 MB announced by a gzip file of a few dozen bytes.
        byte[] gz = IdxFiles.gzip(IdxFiles.images(IdxReader.IMAGES_MAGIC, 200_000, 28, 28, new byte[784]));
        var e = imagesFail(write("liar.gz", gz));
        assertEquals("data.error.cannotHold", e.key());
    }

    @Test
    void lyingHeaderFromAStreamOfUnknownLengthIsReportedAsTruncated() throws Exception {
        // Same lie, but the source cannot tell its length: a buffer of the (bounded) announced size, then "truncated".
        byte[] gz = IdxFiles.gzip(IdxFiles.images(IdxReader.IMAGES_MAGIC, 100_000, 28, 28, new byte[784 * 3]));
        var unknownLength = new IdxSource("stream.gz", -1, () -> new ByteArrayInputStream(gz));
        var e = assertThrows(DatasetException.class, () -> IdxReader.readImages(unknownLength, LoadProgress.NONE));
        assertEquals("data.error.truncated", e.key());
        assertTrue(e.getMessage().contains("2,352"), e.getMessage());   // bytes actually there: 3 * 784
    }

    /** A gzip file with an honest header and 700,000 blank 28×28 images: 549 MB unpacked from about half a megabyte. */
    static byte[] gzipBomb(int count) throws IOException {
        if (count == 700_000 && bomb != null) return bomb.clone(); // 549 MB to deflate: once per test JVM
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes, 1 << 16)) {
            gz.write(IdxFiles.images(IdxReader.IMAGES_MAGIC, count, 28, 28, new byte[0]));
            byte[] zeros = new byte[784 * 1000];
            for (int i = 0; i < count / 1000; i++) gz.write(zeros);
        }
        if (count == 700_000) bomb = bytes.toByteArray();
        return bytes.toByteArray();
    }

    private static volatile byte[] bomb;

    @Test
    void aGzipBombWithAnHonestHeaderIsRefusedClearlyWithoutUnpackingIt() throws Exception {
        byte[] bomb = gzipBomb(700_000);
        assertTrue(bomb.length < 1_000_000, "a bomb: " + bomb.length + " bytes");
        Path p = write("bomb-images-idx3-ubyte.gz", bomb);
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        var e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> imagesFail(p));
        assertEquals("data.error.tooLarge", e.key());
        assertTrue(e.getMessage().contains("700,000 items (523 MB of data)") && e.getMessage().contains("at most 250,000 items"), e.getMessage());
        assertTrue(rt.totalMemory() - rt.freeMemory() - before < (64L << 20), "nothing unpacked into memory");
        // labels claim the same
        var l = labelsFail(write("bomb-labels.gz", IdxFiles.gzip(IdxFiles.labels(IdxReader.LABELS_MAGIC, 700_000, new byte[700_000]))));
        assertEquals("data.error.labelCount", l.key());
    }

    @Test
    void aFileWithinTheBoundsIsReadIntoOneBufferOfTheAnnouncedSize() throws Exception {
        // 20,000 blank images through gzip: read exactly, nothing left over
        Path p = write("big-ok.gz", gzipBomb(20_000));
        var im = IdxReader.readImages(IdxSource.file(p), LoadProgress.NONE);
        assertEquals(20_000, im.count());
        assertEquals(20_000 * 784, im.pixels().length);
    }

    @Test
    void gzipGarbageIsReportedAsDamagedGzip() throws Exception {
        byte[] garbage = new byte[4000];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x1f;
        garbage[1] = (byte) 0x8b;
        garbage[2] = 8;      // deflate
        garbage[3] = 0;      // no optional fields: the random bytes after the 10-byte header are the "deflate data"
        var e = imagesFail(write("garbage.gz", garbage));
        assertEquals("data.error.gzip", e.key());
        assertTrue(e.getMessage().contains("garbage.gz"));

        // Valid deflate data, broken CRC in the trailer.
        byte[] gz = IdxFiles.gzip(IdxFiles.images(2));
        gz[gz.length - 6] ^= 0x55;
        assertEquals("data.error.gzip", imagesFail(write("crc.gz", gz)).key());
    }

    @Test
    void labelOutOfRangeNamesTheItem() throws Exception {
        byte[] l = {1, 2, 3, 10, 4};
        var e = labelsFail(write("labels", IdxFiles.labels(IdxReader.LABELS_MAGIC, 5, l)));
        assertEquals("data.error.label", e.key());
        assertEquals(10L, ((Number) e.args()[1]).longValue());
        assertEquals(3, ((Number) e.args()[2]).intValue());
        // 255 as an unsigned byte, not -1.
        var e2 = labelsFail(write("labels2", IdxFiles.labels(IdxReader.LABELS_MAGIC, 1, new byte[] {(byte) 255})));
        assertEquals(255, ((Number) e2.args()[1]).intValue());
    }

    @Test
    void missingFileAndUnreadableStream() {
        var e = assertThrows(DatasetException.class, () -> IdxSource.file(dir.resolve("nope.gz")));
        assertEquals("data.error.notFound", e.key());
        var failing = new IdxSource("flaky", 100, () -> new InputStream() {
            @Override public int read() throws IOException { throw new IOException("device went away"); }
        });
        var e2 = assertThrows(DatasetException.class, () -> IdxReader.readImages(failing, LoadProgress.NONE));
        assertEquals("data.error.io", e2.key());
        assertTrue(e2.getMessage().contains("device went away"));
    }

    @Test
    void messagesExistInBothLanguagesAndDiffer() throws Exception {
        var e = imagesFail(write("x", new byte[3]));
        String en = e.localizedMessage(Locale.ENGLISH), zh = e.localizedMessage(Locale.SIMPLIFIED_CHINESE);
        assertTrue(en.startsWith(dir.resolve("x").toString()), en);
        assertTrue(zh.startsWith(dir.resolve("x").toString()), zh);
        assertTrue(zh.contains("文件头"), zh);
        assertTrue(!en.contains("!") && !en.equals(zh));
    }
}
