package org.convscope.engine;

import org.convscope.engine.ModelFile.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ModelFileTest {

    @TempDir Path dir;

    /** Random weights of the right shapes (independent of the engine, so these tests do not need Network). */
    static List<LayerWeights> randomWeights(ModelSpec spec, long seed) {
        Random r = new Random(seed);
        List<LayerWeights> out = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            Shape in = spec.inputShapeOf(i);
            int[] shape = switch (spec.layers().get(i)) {
                case LayerSpec.Conv c -> new int[] {c.outChannels(), in.c(), c.kernel(), c.kernel()};
                case LayerSpec.Dense d -> new int[] {d.outputs(), in.size()};
                default -> null;
            };
            if (shape == null) continue;
            float[] w = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            float[] b = new float[shape[0]];
            for (int k = 0; k < w.length; k++) w[k] = (float) r.nextGaussian() * 0.1f;
            for (int k = 0; k < b.length; k++) b[k] = (float) r.nextGaussian() * 0.01f;
            w[0] = -0.0f; // signed zero and a subnormal must survive bit for bit
            w[w.length - 1] = Float.MIN_VALUE;
            out.add(new LayerWeights(i, ModelFile.layerName(spec, i), shape, w, b));
        }
        return out;
    }

    static void assertBitIdentical(List<LayerWeights> expected, List<LayerWeights> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            LayerWeights e = expected.get(i), a = actual.get(i);
            assertEquals(e.layerIndex(), a.layerIndex());
            assertArrayEquals(e.weightShape(), a.weightShape());
            assertArrayEquals(bits(e.weights()), bits(a.weights()), "weights of layer " + e.layerIndex());
            assertArrayEquals(bits(e.bias()), bits(a.bias()), "bias of layer " + e.layerIndex());
        }
    }

    static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits(v[i]);
        return out;
    }

    @Test
    void roundTripKeepsEveryZooModelBitForBit() throws Exception {
        for (ModelSpec spec : ModelZoo.all()) {
            List<LayerWeights> w = randomWeights(spec, 7);
            Map<String, String> info = Map.of(ModelFile.DATASET, "fashion-mnist", ModelFile.TEST_ACCURACY, "0.9012",
                    ModelFile.COMMAND, "convscope train --model " + spec.id() + " \u2014 \u4e2d\u6587");
            Path file = dir.resolve(spec.id() + ".safetensors");
            ModelFile.save(file, spec, w, info);
            ModelFile.Contents c = ModelFile.load(file);
            assertEquals(spec, c.spec());
            assertBitIdentical(w, c.weights());
            assertEquals(info, c.info());
            assertEquals(spec.parameterCount(), c.weights().stream().mapToLong(l -> l.weights().length + l.bias().length).sum());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(4, s.count(), "only the four model files remain, no temporary files");
        }
    }

    @Test
    void aSavedNetworkComesBackWithTheSameWeightsAndTheSameAnswers() throws Exception {
        Network net = Network.create(ModelZoo.lenetModern(), 11);
        Path file = dir.resolve("net.safetensors");
        ModelFile.save(file, net, Map.of(ModelFile.DATASET, "mnist"));
        Network back = ModelFile.load(file).network();
        assertBitIdentical(net.weights(), back.weights());
        float[] image = new float[784];
        for (int i = 0; i < image.length; i++) image[i] = (i * 37 % 255) / 255f;
        assertArrayEquals(bits(net.predict(image)), bits(back.predict(image)), "identical probabilities");
    }

    @Test
    void lenetTensorsAreNamedLikePyTorchSequential() {
        ModelSpec spec = ModelZoo.lenetClassic();
        String header = headerOf(ModelFile.encode(spec, randomWeights(spec, 1), Map.of(), "x"));
        for (String name : List.of("0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias", "9.weight", "9.bias", "11.weight", "11.bias"))
            assertTrue(header.contains("\"" + name + "\""), name + " in " + header);
        assertTrue(header.contains("\"0.weight\":{\"dtype\":\"F32\",\"shape\":[6,1,5,5],\"data_offsets\":[0,600]}"), header);
        assertTrue(header.contains("\"7.weight\":{\"dtype\":\"F32\",\"shape\":[120,400]"), header);
    }

    /** The exact bytes of a minimal file, written out by hand from the safetensors specification. */
    @Test
    void byteLayoutMatchesTheSafetensorsSpecification() throws Exception {
        ModelSpec tiny = new ModelSpec("tiny", new Shape(1, 2, 2), List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(2)));
        float[] w = {1f, -2f, 0.5f, 0.25f, 3f, 0f, -0f, 1f};
        float[] b = {0.5f, -2f};
        byte[] actual = ModelFile.encode(tiny, List.of(new LayerWeights(1, "dense1", new int[] {2, 4}, w, b)), Map.of("dataset", "none"), "tiny");

        String header = "{\"__metadata__\":{\"format\":\"convscope-model/1\",\"architecture\":"
                + "\"{\\\"id\\\":\\\"tiny\\\",\\\"input\\\":[1,2,2],\\\"layers\\\":[{\\\"type\\\":\\\"flatten\\\"},"
                + "{\\\"type\\\":\\\"dense\\\",\\\"out_features\\\":2}]}\",\"dataset\":\"none\"},"
                + "\"1.weight\":{\"dtype\":\"F32\",\"shape\":[2,4],\"data_offsets\":[0,32]},"
                + "\"1.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[32,40]}}";
        int padded = (header.length() + 7) / 8 * 8;
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // u64 little-endian header length: low byte first
        expected.writeBytes(new byte[] {(byte) padded, (byte) (padded >> 8), 0, 0, 0, 0, 0, 0});
        expected.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(" ".repeat(padded - header.length()).getBytes(StandardCharsets.US_ASCII));
        // float32 little-endian: 1.0 = 0x3F800000 -> 00 00 80 3F
        expected.writeBytes(HexFormat.of().parseHex(
                "0000803f" + "000000c0" + "0000003f" + "0000803e" + "00004040" + "00000000" + "00000080" + "0000803f"
                        + "0000003f" + "000000c0"));
        assertEquals(HexFormat.of().formatHex(expected.toByteArray()), HexFormat.of().formatHex(actual));
        assertEquals(0, (8 + padded) % 8, "data starts 8-aligned");
    }

    /** A file as Python's safetensors writes it: tensors sorted by name (bias first), no "format" entry. */
    @Test
    void readsAFileWrittenInAnotherOrder() throws Exception {
        String arch = "{\\\"id\\\":\\\"tiny\\\",\\\"input\\\":[1,2,2],\\\"layers\\\":[{\\\"type\\\":\\\"flatten\\\"},"
                + "{\\\"type\\\":\\\"dense\\\",\\\"out_features\\\":2}]}";
        String header = "{\"__metadata__\":{\"architecture\":\"" + arch + "\"},"
                + "\"1.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"1.weight\":{\"dtype\":\"F32\",\"shape\":[2,4],\"data_offsets\":[8,40]}}";
        float[] data = {7f, 8f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f};
        ModelFile.Contents c = ModelFile.decode(file(header, data), "python.safetensors");
        assertEquals("tiny", c.spec().id());
        assertArrayEquals(new float[] {7f, 8f}, c.weights().getFirst().bias());
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f}, c.weights().getFirst().weights());
        assertEquals(2f, c.weights().getFirst().weights()[1 * 0 + 1]);
        assertTrue(c.info().isEmpty());
    }

    @Test
    void saveReplacesAtomicallyAndAFailedSaveKeepsTheOldFile() throws Exception {
        ModelSpec spec = ModelZoo.softmaxRegression();
        Path file = dir.resolve("m.safetensors");
        List<LayerWeights> first = randomWeights(spec, 1);
        ModelFile.save(file, spec, first, Map.of());
        byte[] before = Files.readAllBytes(file);

        List<LayerWeights> diverged = randomWeights(spec, 2);
        diverged.getFirst().weights()[3] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.save(file, spec, diverged, Map.of()));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the old model is untouched");

        List<LayerWeights> second = randomWeights(spec, 3);
        ModelFile.save(file, spec, second, Map.of());
        assertBitIdentical(second, ModelFile.load(file).weights());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary file is left behind");
        }
        if (Files.getFileStore(file).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class))
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "readable like any document, not private like a temporary file");
    }

    @Test
    void saveRefusesWeightsThatDoNotFitTheArchitecture() {
        ModelSpec spec = ModelZoo.lenetModern();
        List<LayerWeights> w = randomWeights(ModelZoo.lenet("x", 6, 16, 3, Activation.RELU, PoolKind.MAX, 120, 84), 1);
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.encode(spec, w, Map.of(), "bad"));
        assertTrue(e.getMessage().contains("'0.weight'") && e.getMessage().contains("[6, 1, 5, 5]"), e.getMessage());
    }

    // ---------------------------------------------------------------- damaged files

    private byte[] validLenet() {
        ModelSpec spec = ModelZoo.lenetModern();
        return ModelFile.encode(spec, randomWeights(spec, 5), Map.of(), "lenet");
    }

    private static String headerOf(byte[] file) {
        long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(file, 8, (int) n, StandardCharsets.UTF_8).trim();
    }

    private static byte[] file(String header, float... data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        for (float f : data) b.putFloat(f);
        return b.array();
    }

    /** The same tensors with the header text edited. */
    private byte[] withHeader(byte[] valid, java.util.function.UnaryOperator<String> edit) {
        long n = ByteBuffer.wrap(valid, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = edit.apply(new String(valid, 8, (int) n, StandardCharsets.UTF_8));
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + valid.length - 8 - (int) n).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(valid, 8 + (int) n, valid.length - 8 - (int) n);
        return b.array();
    }

    private static String failure(byte[] bytes) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.decode(bytes, "bad.safetensors"));
        assertTrue(e.getMessage().startsWith("bad.safetensors: "), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void truncatedFiles() {
        byte[] ok = validLenet();
        assertTrue(failure(Arrays.copyOf(ok, ok.length - 10)).contains("truncated"));
        assertTrue(failure(Arrays.copyOf(ok, 100)).contains("truncated"));
        assertTrue(failure(Arrays.copyOf(ok, 5)).contains("only 5 bytes"));
        assertTrue(failure(new byte[0]).contains("only 0 bytes"));
    }

    @Test
    void truncatedFileOnDiskAndFromAStreamOfUnknownLength(@TempDir Path d) throws Exception {
        byte[] ok = validLenet();
        Path p = d.resolve("cut.safetensors");
        Files.write(p, Arrays.copyOf(ok, ok.length - 4));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(p));
        assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        // unknown length (as for resources): the end of the stream is where the data runs out
        var e2 = assertThrows(ModelFileException.class, () -> ModelFile.read(new java.io.ByteArrayInputStream(Arrays.copyOf(ok, ok.length - 4)), -1, "res"));
        assertTrue(e2.getMessage().contains("truncated inside tensor '11.bias'"), e2.getMessage());
        byte[] longer = Arrays.copyOf(ok, ok.length + 3);
        var e3 = assertThrows(ModelFileException.class, () -> ModelFile.read(new java.io.ByteArrayInputStream(longer), -1, "res"));
        assertTrue(e3.getMessage().contains("unexpected bytes after the last tensor"), e3.getMessage());
        assertTrue(failure(longer).contains("3 unexpected bytes"));
    }

    @Test
    void hugeHeaderLengthIsRefusedBeforeAllocating() {
        byte[] ok = validLenet();
        byte[] huge = ok.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE);
        assertTrue(failure(huge).contains("declares a header of 9223372036854775807 bytes"));
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L); // u64 max
        assertTrue(failure(huge).contains("18446744073709551615"));
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, ModelFile.MAX_HEADER_BYTES + 1L);
        assertTrue(failure(huge).contains("must be 2.."));
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, ok.length); // within the bound, past the end
        assertTrue(failure(huge).contains("truncated"));
    }

    @Test
    void badJson() {
        assertTrue(failure(file("{\"a\": [1, 2")).contains("not valid JSON"));
        assertTrue(failure(file("[1, 2, 3]")).contains("does not start with '{'"));
        assertTrue(failure(file("{\"__metadata__\": {}, \"__metadata__\": {}}")).contains("not valid JSON"), "duplicate keys");
        assertTrue(failure(file("{}")).contains("no __metadata__"));
        assertTrue(failure(file("{\"__metadata__\": {\"architecture\": 5}}")).contains("must be a string"));
        assertTrue(failure(file("{\"__metadata__\": {\"architecture\": \"{oops\"}}")).contains("architecture is unusable"));
        byte[] latin1 = file("{\"x\": \"\u00e9\"}");
        latin1[8 + 7] = (byte) 0xE9; // a lone Latin-1 byte is not UTF-8
        latin1[8 + 8] = (byte) '"';
        assertTrue(failure(latin1).contains("UTF-8"));
    }

    @Test
    void offsetsOutOfRangeOverlappingOrWithGaps() {
        byte[] ok = validLenet();
        // 0.bias is [600,624]: make it point past the end of the file
        String past = failure(withHeader(ok, h -> h.replace("[600,624]", "[1000000,1000024]")));
        assertTrue(past.contains("tensor '0.bias' has data_offsets [1000000, 1000024] past the end of the file"), past);
        // leave a hole where 0.bias was: 0.weight [0,600], 0.bias [624,648]
        String gap = failure(withHeader(ok, h -> h.replace("[600,624]", "[624,648]")));
        assertTrue(gap.contains("gap of 24 unused bytes before tensor '0.bias'"), gap);
        // overlap: 0.bias starts inside 0.weight
        assertTrue(failure(withHeader(ok, h -> h.replace("[600,624]", "[596,620]"))).contains("overlaps"));
        // size does not match the shape
        assertTrue(failure(withHeader(ok, h -> h.replace("[600,624]", "[600,628]"))).contains("spans 28 bytes"));
        // reversed and negative offsets
        assertTrue(failure(withHeader(ok, h -> h.replace("[600,624]", "[624,600]"))).contains("impossible data_offsets"));
        assertTrue(failure(withHeader(ok, h -> h.replace("[600,624]", "[-600,624]"))).contains("negative"));
        assertTrue(failure(withHeader(ok, h -> h.replace("[600,624]", "[600]"))).contains("must have 2 entries"));
    }

    @Test
    void lastTensorPastTheEndOfTheFile() {
        ModelSpec tiny = new ModelSpec("tiny", new Shape(1, 2, 2), List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(2)));
        String arch = ArchitectureJson.write(tiny).replace("\"", "\\\"");
        String header = "{\"__metadata__\":{\"architecture\":\"" + arch + "\"},"
                + "\"1.weight\":{\"dtype\":\"F32\",\"shape\":[2,4],\"data_offsets\":[0,32]},"
                + "\"1.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[32,40]}}";
        assertTrue(failure(file(header, 1, 2, 3, 4, 5, 6, 7, 8)).contains("past the end of the file"));
    }

    @Test
    void wrongShapeForTheArchitecture() {
        byte[] ok = validLenet();
        String m = failure(withHeader(ok, h -> h.replace("\"shape\":[6,1,5,5]", "\"shape\":[6,1,25]")));
        assertTrue(m.contains("tensor '0.weight' has shape [6, 1, 25] but layer 0 of 'lenet5-modern' needs [6, 1, 5, 5]"), m);
        // the architecture says 3x3 kernels while the tensors are 5x5
        String m2 = failure(withHeader(ok, h -> h.replace("\\\"kernel\\\":5,\\\"padding\\\":2", "\\\"kernel\\\":3,\\\"padding\\\":2")));
        assertTrue(m2.contains("'0.weight'") && m2.contains("needs [6, 1, 3, 3]"), m2);
        // a missing tensor and an extra tensor
        assertTrue(failure(withHeader(ok, h -> h.replace("\"11.bias\"", "\"12.bias\""))).contains("tensor '12.bias' that the architecture"));
        String arch = ArchitectureJson.write(ModelZoo.softmaxRegression()).replace("\"", "\\\"");
        assertTrue(failure(file("{\"__metadata__\":{\"architecture\":\"" + arch + "\"}}")).contains("missing tensor '1.weight'"));
    }

    @Test
    void nanAndInfinityWeightsAreRefused() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            byte[] f = validLenet();
            long n = ByteBuffer.wrap(f, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            int firstDense = 8 + (int) n + 4 * (150 + 6 + 2400 + 16) + 4 * 17; // element 17 of 7.weight
            ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putFloat(firstDense, bad);
            String m = failure(f);
            assertTrue(m.contains("tensor '7.weight' holds " + bad + " at index 17"), m);
        }
    }

    @Test
    void unknownDtype() {
        for (String dtype : List.of("F16", "F64", "BF16", "I64", "float32")) {
            String m = failure(withHeader(validLenet(), h -> h.replaceFirst("\"F32\"", "\"" + dtype + "\"")));
            assertTrue(m.contains("tensor '0.weight' has dtype " + dtype + "; ConvScope reads only F32"), m);
        }
    }

    @Test
    void otherFormatVersionsAndMissingArchitecture() {
        assertTrue(failure(withHeader(validLenet(), h -> h.replace("convscope-model/1", "convscope-model/9"))).contains("convscope-model/9"));
        assertTrue(failure(withHeader(validLenet(), h -> h.replace("\"architecture\"", "\"arch\""))).contains("no \"architecture\" entry"));
    }

    @Test
    void missingFileAndFolderSayWhat() throws Exception {
        var e = assertThrows(ModelFileException.class, () -> ModelFile.load(dir.resolve("nope.safetensors")));
        assertTrue(e.getMessage().endsWith("nope.safetensors: no such file"), e.getMessage());
        var e2 = assertThrows(ModelFileException.class, () -> ModelFile.load(dir));
        assertTrue(e2.getMessage().contains("folder"), e2.getMessage());
        var e3 = assertThrows(ModelFileException.class, () -> ModelFile.loadResource("/convscope-assets/models/none.safetensors"));
        assertTrue(e3.getMessage().contains("no such bundled resource"), e3.getMessage());
    }

    @Test
    void absurdArchitecturesAreRefusedBeforeAllocating() {
        String m = failure(fileWithArchitecture("{\"id\":\"big\",\"input\":[1,28,28],\"layers\":[{\"type\":\"flatten\"},"
                + "{\"type\":\"dense\",\"out_features\":1000000}]}"));
        assertTrue(m.contains("785,000,000 parameters; at most 50,000,000"), m);
    }

    /** A weight file whose architecture is this JSON text (no tensors: the architecture is refused first). */
    static byte[] fileWithArchitecture(String architectureJson) {
        String arch = architectureJson.replace("\"", "\\\"");
        return file("{\"__metadata__\":{\"architecture\":\"" + arch + "\"}}");
    }

    /** Hostile architectures from issue #12: each is refused with a message before anything is allocated for it. */
    static final List<String[]> HOSTILE_ARCHITECTURES = List.of(
            // padding near 2^31: 2·p wraps to -2 in int arithmetic, the old check saw a 21×21 output
            new String[] {"{\"id\":\"x\",\"input\":[1,28,28],\"layers\":[{\"type\":\"conv\",\"out_channels\":1,\"kernel\":5,"
                    + "\"padding\":2147483647,\"stride\":1},{\"type\":\"flatten\"},{\"type\":\"dense\",\"out_features\":10}]}",
                    "padding 2147483647 makes the input"},
            // a 2 × 8192 × 8192 layer: 2^27 values per image, a negative array size for a chunk of 16 images
            new String[] {"{\"id\":\"x\",\"input\":[1,28,28],\"layers\":[{\"type\":\"conv\",\"out_channels\":2,\"kernel\":1,"
                    + "\"padding\":4082,\"stride\":1},{\"type\":\"pool\",\"pool\":\"max\",\"window\":8192,\"stride\":8192},"
                    + "{\"type\":\"flatten\"},{\"type\":\"dense\",\"out_features\":10}]}",
                    "values per image"},
            // a huge padding and a 1,500-wide pooling window: 6·10^11 comparisons per image, few values
            new String[] {"{\"id\":\"x\",\"input\":[1,28,28],\"layers\":[{\"type\":\"conv\",\"out_channels\":1,\"kernel\":1,"
                    + "\"padding\":1000,\"stride\":1},{\"type\":\"pool\",\"pool\":\"max\",\"window\":1500,\"stride\":1},"
                    + "{\"type\":\"pool\",\"pool\":\"max\",\"window\":529,\"stride\":529},"
                    + "{\"type\":\"flatten\"},{\"type\":\"dense\",\"out_features\":10}]}",
                    "operations; at most"},
            // 4 million values per image: fine for one image, 800 MB of buffers for a training chunk
            new String[] {"{\"id\":\"x\",\"input\":[1,28,28],\"layers\":[{\"type\":\"conv\",\"out_channels\":1,\"kernel\":1,"
                    + "\"padding\":1010,\"stride\":1},{\"type\":\"pool\",\"pool\":\"max\",\"window\":2048,\"stride\":2048},"
                    + "{\"type\":\"flatten\"},{\"type\":\"dense\",\"out_features\":10}]}",
                    "MB per engine thread"},
            // a side beyond int: the product of three ints must not wrap either
            new String[] {"{\"id\":\"x\",\"input\":[4096,4096,4096],\"layers\":[{\"type\":\"flatten\"},{\"type\":\"dense\",\"out_features\":10}]}",
                    "values"});

    @Test
    void architecturesThatOverflowOrCostTooMuchAreRefusedWithAMessage() {
        for (String[] c : HOSTILE_ARCHITECTURES) {
            long before = usedHeap();
            String m = failure(fileWithArchitecture(c[0]));
            assertTrue(m.contains("architecture is unusable") && m.contains(c[1]), m);
            assertTrue(usedHeap() - before < (64L << 20), "refused before allocating: " + m);
        }
    }

    private static long usedHeap() { Runtime r = Runtime.getRuntime(); return r.totalMemory() - r.freeMemory(); }

    @Test
    void theCostOfLeNetIsSmallAndComputedFromTheLayers() {
        ModelSpec.Cost c = ModelZoo.lenetModern().cost();
        assertEquals(61_706, c.parameters());
        // conv1 6·25·784 + conv2 16·150·100 + dense 400·120 + 120·84 + 84·10, plus pooling and activations
        assertTrue(c.workPerImage() > 400_000 && c.workPerImage() < 500_000, "work " + c.workPerImage());
        assertTrue(c.bufferBytesChunk() < (4L << 20), "buffers " + c.bufferBytesChunk());
    }

    @Test
    void hugeFiniteWeightsAreRefused() {
        for (float bad : new float[] {1e20f, -3e38f, 2e6f}) {
            byte[] f = validLenet();
            long n = ByteBuffer.wrap(f, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putFloat(8 + (int) n + 4 * 3, bad); // element 3 of 0.weight
            String m = failure(f);
            assertTrue(m.contains("tensor '0.weight' holds " + bad + " at index 3") && m.contains("overflow"), m);
        }
        ModelSpec spec = ModelZoo.lenetModern();
        List<LayerWeights> w = randomWeights(spec, 1);
        w.getFirst().weights()[0] = 1e20f;
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.encode(spec, w, Map.of(), "x"));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    }

    @Test
    void theHeaderIsExactlyOneJsonObjectFollowedOnlyBySpaces() throws Exception {
        byte[] ok = validLenet();
        ModelFile.decode(ok, "ok"); // the writer pads with spaces: accepted
        for (String tail : List.of("junk", "\u0000\u0000\u0000", "{}", "\n", " x")) {
            String m = failure(withHeader(ok, h -> h.stripTrailing() + tail));
            assertTrue(m.contains("after its JSON object; only space padding may follow"), tail + ": " + m);
        }
        assertTrue(failure(withHeader(ok, h -> h.stripTrailing() + "\u0000")).contains("a NUL byte"));
        assertTrue(failure(withHeader(ok, h -> h.stripTrailing() + "   {}")).contains("'{'"));
    }
}
