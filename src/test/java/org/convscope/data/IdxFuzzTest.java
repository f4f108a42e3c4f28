package org.convscope.data;

import org.convscope.fuzz.Mutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fuzz test of the IDX reader (issue #12): seeded mutations of valid raw and gzip files and of the gzip bomb, read
 * from a file (known length) and from a stream (unknown length). Every case must read or fail with a
 * DatasetException that names the file, within two seconds.
 */
class IdxFuzzTest {

    @TempDir Path dir;

    @Test
    void mutatedIdxFilesReadOrFailWithAMessage() throws Exception {
        List<byte[]> images = new ArrayList<>(List.of(IdxFiles.images(5), IdxFiles.gzip(IdxFiles.images(7)), IdxReaderTest.gzipBomb(700_000)));
        List<byte[]> labels = List.of(IdxFiles.labels(9), IdxFiles.gzip(IdxFiles.labels(12)));
        Path file = dir.resolve("fuzz-idx");
        int cases = Mutator.run(Mutator.SEED, (m, i) -> {
            boolean isImages = m.nextInt(2) == 0;
            List<byte[]> seeds = isImages ? images : labels;
            byte[] bytes = m.mutate(seeds.get(m.nextInt(seeds.size())), 24);
            boolean stream = m.nextInt(3) == 0;
            IdxSource src;
            if (stream) {
                src = new IdxSource("fuzz-idx", -1, () -> new ByteArrayInputStream(bytes));
            } else {
                Files.write(file, bytes);
                src = IdxSource.file(file);
            }
            long t0 = System.nanoTime();
            try {
                if (isImages) IdxReader.readImages(src, LoadProgress.NONE);
                else IdxReader.readLabels(src, 10, LoadProgress.NONE);
            } catch (DatasetException e) {
                assertTrue(Mutator.human(e.getMessage(), "fuzz-idx"), "case " + i + " (seed " + Mutator.SEED + "): " + e.getMessage());
            } catch (Throwable t) {
                fail("case " + i + " (seed " + Mutator.SEED + "): " + t, t);
            }
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "case " + i + " took over two seconds");
        });
        assertTrue(cases >= 50, "only " + cases + " cases ran");
    }
}
