package org.convscope.engine;

import org.convscope.engine.ModelFile.ModelFileException;
import org.convscope.fuzz.Mutator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fuzz test of the weight-file reader (issue #12): seeded mutations of valid files and of the hostile corpus. Every
 * case must load or fail with a ModelFileException naming the file in plain words, within a second, and a loaded
 * file must give a network whose answers are numbers.
 */
class ModelFileFuzzTest {

    static List<byte[]> corpus() {
        List<byte[]> seeds = new ArrayList<>();
        for (ModelSpec spec : List.of(ModelZoo.lenetModern(), ModelZoo.softmaxRegression(), ModelZoo.mlp(32, Activation.RELU)))
            seeds.add(ModelFile.encode(spec, ModelFileTest.randomWeights(spec, 3), Map.of(ModelFile.DATASET, "mnist"), "seed"));
        for (String[] hostile : ModelFileTest.HOSTILE_ARCHITECTURES) seeds.add(ModelFileTest.fileWithArchitecture(hostile[0]));
        return seeds;
    }

    @Test
    void mutatedWeightFilesLoadOrFailWithAMessage() throws Exception {
        List<byte[]> seeds = corpus();
        int[] loaded = {0};
        int cases = Mutator.run(Mutator.SEED, (m, i) -> {
            byte[] seed = seeds.get(m.nextInt(seeds.size()));
            long n = seed.length >= 8 ? java.nio.ByteBuffer.wrap(seed, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong() : 0;
            byte[] bytes = m.mutate(seed, (int) Math.min(seed.length, 8 + Math.max(0, Math.min(n, 4096))));
            long t0 = System.nanoTime();
            try {
                ModelFile.Contents c = ModelFile.decode(bytes, "fuzz.safetensors");
                float[] probs = c.network().predict(new float[c.spec().input().size()]);
                for (float p : probs) assertTrue(Float.isFinite(p), "case " + i + " (seed " + Mutator.SEED + "): NaN answer");
                loaded[0]++;
            } catch (ModelFileException e) {
                assertTrue(Mutator.human(e.getMessage(), "fuzz.safetensors"), "case " + i + " (seed " + Mutator.SEED + "): " + e.getMessage());
            } catch (Throwable t) {
                fail("case " + i + " (seed " + Mutator.SEED + "): " + t, t);
            }
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "case " + i + " took over a second");
        });
        assertTrue(cases >= 100, "only " + cases + " cases ran");
        assertTrue(loaded[0] > 0, "some mutations (in the data) still load: " + loaded[0]);
    }
}
