package org.convscope.app.draw;

import org.convscope.fuzz.Mutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fuzz test of the picture import (issue #12): seeded mutations of small PNG, JPEG (baseline and progressive), BMP
 * and GIF files and of the hostile corpus (a strip claiming 100,000,000 pixels, a JPEG with thousands of scans).
 * Every case must return an Outcome (never throw), within five seconds, and a Problem's key must be one of the
 * known messages.
 */
class PictureFuzzTest {

    @TempDir Path dir;

    private static final Set<String> KEYS = Set.of("picture.error.notFile", "picture.error.unreadable", "picture.error.empty",
            "picture.error.fileTooLarge", "picture.error.notImage", "picture.error.tooManyPixels", "picture.error.corrupt",
            "picture.error.blank", "picture.error.side", "picture.error.tooManyScans", "picture.error.tooSlow");

    private static byte[] encode(String format, boolean progressive) throws Exception {
        var img = PictureImportTest.darkOnLight(40, 30);
        var bytes = new ByteArrayOutputStream();
        var writer = ImageIO.getImageWritersByFormatName(format).next();
        var param = writer.getDefaultWriteParam();
        if (progressive) param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(img, null, null), progressive ? param : null);
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    @Test
    void mutatedPicturesGiveAnOutcomeNeverAnException() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String f : List.of("png", "jpeg", "bmp", "gif")) seeds.add(encode(f, false));
        seeds.add(encode("jpeg", true));
        byte[] strip = encode("png", false);
        java.nio.ByteBuffer.wrap(strip).putInt(16, 1).putInt(20, 100_000_000);
        seeds.add(strip);
        Path file = dir.resolve("fuzz-picture");
        int cases = Mutator.run(Mutator.SEED, (m, i) -> {
            byte[] bytes = m.mutate(seeds.get(m.nextInt(seeds.size())), 64);
            Files.write(file, bytes);
            long t0 = System.nanoTime();
            PictureImport.Outcome out;
            try {
                out = PictureImport.read(file);
            } catch (Throwable t) {
                fail("case " + i + " (seed " + Mutator.SEED + "): " + t, t);
                return;
            }
            if (out instanceof PictureImport.Problem p)
                assertTrue(KEYS.contains(p.key()), "case " + i + ": unknown key " + p.key());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "case " + i + " took over five seconds");
        });
        assertTrue(cases >= 50, "only " + cases + " cases ran");
    }
}
