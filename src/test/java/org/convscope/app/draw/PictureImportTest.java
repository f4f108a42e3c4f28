package org.convscope.app.draw;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureImportTest {

    @TempDir Path dir;

    /** A dark "1" on white paper, as a phone photo of a drawn digit would be. */
    static BufferedImage darkOnLight(int w, int h) {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(235, 232, 225)); // slightly grey paper
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(20, 20, 30));
        g.fillRect(w / 2 - w / 20, h / 5, w / 10, 3 * h / 5);
        g.dispose();
        return img;
    }

    Path write(BufferedImage img, String name, String format) throws IOException {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "writer for " + format);
        return p;
    }

    @Test
    void lightBackgroundIsInvertedToBrightInkOnBlack() throws IOException {
        for (String fmt : new String[] {"png", "jpg", "bmp", "gif"}) {
            var out = PictureImport.read(write(darkOnLight(200, 150), "digit." + fmt, fmt));
            var loaded = assertInstanceOf(PictureImport.Loaded.class, out, fmt);
            assertTrue(loaded.inverted(), fmt);
            GrayImage g = loaded.image();
            assertEquals(200, g.width());
            assertEquals(1f, g.at(100, 75), 0.1f, fmt + ": ink is bright (JPEG ringing may overshoot the stroke)");
            assertEquals(0f, g.at(5, 5), 0.05f, fmt + ": paper is black");
            var steps = Preprocessing.mnist(g);
            assertFalse(steps.empty());
            assertEquals(20, steps.scaled().height(), fmt);
        }
    }

    @Test
    void darkBackgroundIsKept() throws IOException {
        var img = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillOval(20, 20, 20, 20);
        g.dispose();
        var loaded = assertInstanceOf(PictureImport.Loaded.class, PictureImport.read(write(img, "w.png", "png")));
        assertFalse(loaded.inverted());
        assertEquals(1f, loaded.image().at(30, 30), 1e-3f);
    }

    @Test
    void transparentBackgroundCountsAsPaper() throws IOException {
        var img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB); // all transparent
        for (int y = 10; y < 30; y++) img.setRGB(20, y, 0xFF000000);      // opaque black line
        var loaded = assertInstanceOf(PictureImport.Loaded.class, PictureImport.read(write(img, "t.png", "png")));
        assertEquals(1f, loaded.image().at(20, 20), 1e-3f);
        assertEquals(0f, loaded.image().at(5, 5), 1e-3f);
    }

    @Test
    void notAnImageEmptyAndMissingFilesGetClearProblems() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "this is not a picture, just text with a .png name");
        assertEquals("picture.error.notImage", assertInstanceOf(PictureImport.Problem.class, PictureImport.read(text)).key());
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        assertEquals("picture.error.empty", assertInstanceOf(PictureImport.Problem.class, PictureImport.read(empty)).key());
        assertEquals("picture.error.notFile", assertInstanceOf(PictureImport.Problem.class, PictureImport.read(dir.resolve("gone.png"))).key());
        assertEquals("picture.error.notFile", assertInstanceOf(PictureImport.Problem.class, PictureImport.read(dir)).key());
    }

    @Test
    void truncatedFileIsReportedAsDamaged() throws IOException {
        Path good = write(darkOnLight(300, 300), "full.png", "png");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        var problem = assertInstanceOf(PictureImport.Problem.class, PictureImport.read(cut));
        assertEquals("picture.error.corrupt", problem.key());
        assertEquals(1, problem.args().length, "only the file name, no decoder text such as '-16' or 'data == null!'");
    }

    /** A real 1×1 PNG whose IHDR now claims w × h (the CRC is wrong, but the size checks come first). */
    private Path pngClaiming(int w, int h, String name) throws IOException {
        Path png = write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), name, "png");
        byte[] b = Files.readAllBytes(png);
        java.nio.ByteBuffer.wrap(b).putInt(16, w).putInt(20, h);
        return Files.write(png, b);
    }

    @Test
    void aStripOfAHundredMillionPixelsIsRefusedFromItsHeader() throws IOException {
        for (int[] wh : new int[][] {{1, 100_000_000}, {100_000_000, 1}, {40_000, 2_000}}) {
            var problem = assertInstanceOf(PictureImport.Problem.class, PictureImport.read(pngClaiming(wh[0], wh[1], "strip.png")));
            assertEquals("picture.error.side", problem.key(), java.util.Arrays.toString(wh));
        }
    }

    @Test
    void subsamplingCountsWhatTheDecoderKeepsOnBothAxes() {
        // the old rule assumed a square: a 1 × 100,000,000 strip kept 12.5 M pixels at every 8th pixel
        int[][] sizes = {{1, 100_000_000}, {100_000_000, 1}, {30_000, 3}, {3, 30_000_000}, {10_000, 10_000}, {29_999, 3_333}, {7, 5}};
        for (int[] wh : sizes) {
            int sub = PictureImport.subsampling(wh[0], wh[1]);
            long kept = ((wh[0] + sub - 1L) / sub) * ((wh[1] + sub - 1L) / sub);
            assertTrue(kept <= PictureImport.DECODE_PIXELS, java.util.Arrays.toString(wh) + " keeps " + kept + " at " + sub);
            if (sub > 1) {
                long finer = ((wh[0] + sub - 2L) / (sub - 1)) * ((wh[1] + sub - 2L) / (sub - 1));
                assertTrue(finer > PictureImport.DECODE_PIXELS, "the smallest step: " + java.util.Arrays.toString(wh));
            }
        }
    }

    /** A small progressive JPEG with its last scan repeated: a few kilobytes, thousands of scans. */
    private Path progressiveJpegWithScans(int extraScans) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(darkOnLight(64, 64), null, null), param);
        }
        writer.dispose();
        byte[] b = bytes.toByteArray();
        int lastSos = -1;
        for (int i = 0; i + 1 < b.length; i++) if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xDA) lastSos = i;
        byte[] scan = java.util.Arrays.copyOfRange(b, lastSos, b.length - 2); // up to EOI
        var withMore = new java.io.ByteArrayOutputStream();
        withMore.write(b, 0, b.length - 2);
        for (int i = 0; i < extraScans; i++) withMore.write(scan);
        withMore.write(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return Files.write(dir.resolve("scans.jpg"), withMore.toByteArray());
    }

    @Test
    void aJpegWithThousandsOfScansIsRefusedBeforeDecoding() throws IOException {
        Path ok = progressiveJpegWithScans(0);
        assertInstanceOf(PictureImport.Loaded.class, PictureImport.read(ok), "an ordinary progressive JPEG opens");
        Path many = progressiveJpegWithScans(3000);
        long t0 = System.nanoTime();
        var problem = assertInstanceOf(PictureImport.Problem.class, PictureImport.read(many));
        assertEquals("picture.error.tooManyScans", problem.key());
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "refused from its markers");
    }

    @Test
    void aCancelledDecodeStopsWithItsOwnMessage() throws IOException {
        Path photo = write(darkOnLight(2000, 1500), "photo.png", "png");
        var cancel = new PictureImport.Cancel();
        cancel.cancel();
        var problem = assertInstanceOf(PictureImport.Problem.class, PictureImport.read(photo, cancel));
        assertEquals("picture.error.cancelled", problem.key());
    }

    @Test
    void enormousHeaderIsRefusedBeforeDecoding() throws IOException {
        // a real 1x1 PNG whose header claims 60000 x 60000 (3.6 gigapixels): refused from the header alone
        Path png = write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "huge.png", "png");
        byte[] b = Files.readAllBytes(png);
        // IHDR width/height at bytes 16..23 (big-endian); the CRC is now wrong, but the size check comes first
        int side = 60_000;
        for (int i = 0; i < 2; i++) {
            b[16 + 4 * i] = (byte) (side >>> 24); b[17 + 4 * i] = (byte) (side >>> 16);
            b[18 + 4 * i] = (byte) (side >>> 8); b[19 + 4 * i] = (byte) side;
        }
        Path huge = Files.write(png, b);
        var out = PictureImport.read(huge);
        var problem = assertInstanceOf(PictureImport.Problem.class, out);
        assertEquals("picture.error.tooManyPixels", problem.key());
        assertEquals(60_000, problem.args()[1]);
    }

    @Test
    void aLargePhotoIsDecodedSubsampledAndStillFindsTheDigit() throws IOException {
        // 4000 x 3000 = 12 MP: decoded every 3rd pixel (1334 x 1000), never held at full size
        var out = PictureImport.read(write(darkOnLight(4000, 3000), "photo.png", "png"));
        var loaded = assertInstanceOf(PictureImport.Loaded.class, out);
        assertEquals(4000, loaded.originalWidth());
        assertEquals(3000, loaded.originalHeight());
        assertEquals(1334, loaded.image().width());
        assertEquals(1000, loaded.image().height());
        assertTrue(loaded.inverted());
        var steps = Preprocessing.mnist(loaded.image());
        assertEquals(20, steps.scaled().height());
    }

    @Test
    void largePicturesAreSubsampled() {
        assertEquals(1, PictureImport.subsampling(1000, 1000));
        assertEquals(3, PictureImport.subsampling(4000, 3000)); // 12 MP -> 1.33 MP
        long held = (long) (8000 / PictureImport.subsampling(8000, 8000)) * (8000 / PictureImport.subsampling(8000, 8000));
        assertTrue(held <= PictureImport.DECODE_PIXELS);
    }

    @Test
    void blankPictureSaysThereIsNoInk() throws IOException {
        var img = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 50, 50);
        g.dispose();
        assertEquals("picture.error.blank", assertInstanceOf(PictureImport.Problem.class, PictureImport.read(write(img, "blank.png", "png"))).key());
    }
}
