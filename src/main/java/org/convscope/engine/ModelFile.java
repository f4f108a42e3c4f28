package org.convscope.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Weight files in the safetensors format, so that Python opens them with
 * {@code safetensors.numpy.load_file} / {@code safetensors.torch.load_file}.
 *
 * <p>Layout (https://github.com/huggingface/safetensors, "Format"):
 * <pre>
 * bytes 0..8      N, the header length, unsigned 64-bit little-endian
 * bytes 8..8+N    UTF-8 JSON: {"__metadata__": {string: string},
 *                              "0.weight": {"dtype":"F32","shape":[6,1,5,5],"data_offsets":[0,600]}, ...}
 *                 padded with spaces to a multiple of 8 (as the reference writer does)
 * bytes 8+N..end  the tensors' data, little-endian float32, [begin, end) relative to 8+N, contiguous
 * </pre>
 * Tensor names are those of the equivalent PyTorch {@code nn.Sequential}'s state dict: layer index + ".weight" /
 * ".bias" (LeNet's first dense layer is "7.weight", because Flatten is layer 6). Convolution weights are
 * (Co, Ci, K, K), dense weights (out, in), exactly PyTorch's Conv2d / Linear layouts, so
 * {@code model.load_state_dict(safetensors.torch.load_file(path))} works on a matching Sequential.
 *
 * <p>{@code __metadata__} holds the architecture ({@link ArchitectureJson}) under {@value #ARCHITECTURE}, the format
 * tag under {@value #FORMAT}, and free-form information (dataset, test accuracy, the command that trained it ...).
 *
 * <p>The reader trusts nothing: the header length is bounded before anything is allocated, every dtype, shape and
 * offset is checked against the file and against the architecture, and NaN/Inf weights are refused. Every problem
 * is a {@link ModelFileException} whose message names the file and says what is wrong.
 * Writes are atomic: a temporary file in the same folder, flushed, then moved over the target.
 */
public final class ModelFile {
    private ModelFile() {}

    /** Largest header accepted (the reference implementation allows 100 MB; ours are ~2 KB). */
    public static final int MAX_HEADER_BYTES = 16 << 20;
    /** Largest model accepted (LeNet-5 has 61,706); every other bound is in {@link ModelSpec}'s constructor. */
    public static final long MAX_PARAMETERS = ModelSpec.MAX_PARAMETERS;
    /** Where bundled pretrained models live inside the module (from assets/models/ in the repository). */
    public static final String BUNDLED_MODELS = "/convscope-assets/models/";

    public static final String FORMAT = "format";
    public static final String FORMAT_VALUE = "convscope-model/1";
    public static final String ARCHITECTURE = "architecture";
    // Optional information keys (all values are strings, as safetensors requires).
    public static final String DATASET = "dataset";
    public static final String TEST_ACCURACY = "test_accuracy";
    public static final String EPOCHS = "epochs";
    public static final String COMMAND = "command";
    public static final String ENGINE_VERSION = "engine_version";

    private static final JsonFactory JSON_FACTORY = new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final JSON STRICT_JSON = JSON.builder(JSON_FACTORY).build();
    /**
     * Largest weight magnitude accepted. Trained CNN weights are below 10; a file with 1e20 or 3e38 is damaged or
     * hostile, and its every prediction would overflow to NaN.
     */
    public static final float MAX_ABS_WEIGHT = 1e6f;

    /** What a weight file holds. {@code info} is the metadata without the format and architecture entries. */
    public record Contents(ModelSpec spec, List<LayerWeights> weights, Map<String, String> info) {
        public Contents {
            Objects.requireNonNull(spec);
            weights = List.copyOf(weights);
            info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        }

        /** A network with these weights. */
        public Network network() { return Network.of(spec, weights); }
    }

    /** Thrown for any unreadable, inconsistent or unsafe weight file; the message starts with the file's name. */
    public static final class ModelFileException extends IOException {
        public ModelFileException(String source, String problem) { super(source + ": " + problem); }
        public ModelFileException(String source, String problem, Throwable cause) { super(source + ": " + problem, cause); }
    }

    // ---------------------------------------------------------------- writing

    /** Saves the network's current weights. */
    public static void save(Path file, Network network, Map<String, String> info) throws IOException {
        save(file, network.spec(), network.weights(), info);
    }

    /**
     * Writes atomically: the target either keeps its old content or gets the complete new file.
     * Refuses weights that do not fit the architecture or contain NaN/Inf (a diverged model is not worth keeping).
     */
    public static void save(Path file, ModelSpec spec, List<LayerWeights> weights, Map<String, String> info) throws IOException {
        byte[] bytes = encode(spec, weights, info, file.getFileName().toString());
        Path target = file.toAbsolutePath();
        // a folder, a device, a FIFO or a socket is never replaced by a model (issue #12)
        if (Files.exists(target) && !Files.isRegularFile(target))
            throw new IOException(file + " is not an ordinary file (a folder, a device or a FIFO); it is left as it is");
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            // createTempFile makes the file private (rw-------); a model is an ordinary document: keep the old file's
            // permissions, else rw-r--r-- as most programs write.
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class))
                Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true); // the data is on disk before the name points at it
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically on this file system: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(tmp); // only still there when something failed
        }
    }

    /** The complete file as bytes (used by {@link #save}; exposed for tests and for in-memory copies). */
    public static byte[] encode(ModelSpec spec, List<LayerWeights> weights, Map<String, String> info, String name) {
        List<Expected> expected = expectedTensors(spec);
        Map<String, LayerWeights> byLayer = new LinkedHashMap<>();
        for (LayerWeights w : weights) byLayer.put(Integer.toString(w.layerIndex()), w);
        if (weights.size() != expected.size() / 2)
            throw new IllegalArgumentException(name + ": " + weights.size() + " weighted layers given, the architecture '" + spec.id()
                    + "' has " + expected.size() / 2);

        Map<String, Object> header = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(FORMAT, FORMAT_VALUE);
        meta.put(ARCHITECTURE, ArchitectureJson.write(spec));
        for (var e : info.entrySet()) {
            if (e.getKey().equals(FORMAT) || e.getKey().equals(ARCHITECTURE))
                throw new IllegalArgumentException("info key '" + e.getKey() + "' is reserved");
            meta.put(e.getKey(), Objects.requireNonNull(e.getValue(), "info value of " + e.getKey()));
        }
        header.put("__metadata__", meta);

        List<float[]> data = new ArrayList<>();
        long offset = 0;
        for (Expected t : expected) {
            LayerWeights w = byLayer.get(Integer.toString(t.layer));
            if (w == null) throw new IllegalArgumentException(name + ": no weights for layer " + t.layer + " (" + t.name + ")");
            float[] values = t.isBias ? w.bias() : w.weights();
            int[] shape = t.isBias ? new int[] {w.bias().length} : w.weightShape();
            if (!Arrays.equals(shape, t.shape) || values.length != t.count)
                throw new IllegalArgumentException(name + ": tensor '" + t.name + "' has shape " + Arrays.toString(shape)
                        + " (" + values.length + " values), the architecture needs " + Arrays.toString(t.shape));
            int bad = firstNonFinite(values);
            if (bad >= 0) throw new IllegalArgumentException(name + ": tensor '" + t.name + "' holds " + values[bad] + " at index " + bad
                    + "; the model has diverged and is not worth saving (train again with a smaller learning rate)");
            int huge = firstHuge(values);
            if (huge >= 0) throw new IllegalArgumentException(name + ": tensor '" + t.name + "' holds " + values[huge] + " at index " + huge
                    + "; weights beyond \u00b1" + (long) MAX_ABS_WEIGHT + " mean the model has diverged and is not worth saving");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", Arrays.stream(t.shape).boxed().toList());
            entry.put("data_offsets", List.of(offset, offset + 4L * t.count));
            header.put(t.name, entry);
            offset += 4L * t.count;
            data.add(values);
        }

        byte[] json;
        try {
            json = JSON.std.asString(header).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e); // maps of strings and numbers always serialise
        }
        int padded = (json.length + 7) & ~7; // the reference writer pads the header with spaces to 8 bytes
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) out.put((byte) ' ');
        // asFloatBuffer() keeps the little-endian order but does not advance 'out': position by hand
        int pos = 8 + padded;
        for (float[] values : data) { out.position(pos).asFloatBuffer().put(values); pos += 4 * values.length; }
        return out.array();
    }

    // ---------------------------------------------------------------- reading

    /** Loads and checks a weight file. */
    public static Contents load(Path file) throws ModelFileException {
        String source = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(source, "no such file");
        } catch (IOException e) {
            throw new ModelFileException(source, "cannot read the file (" + e.getMessage() + ")", e);
        }
        if (Files.isDirectory(file)) throw new ModelFileException(source, "is a folder, not a weight file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, size, source);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(source, "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /** Loads a bundled model, e.g. {@code loadResource("lenet5-mnist.safetensors")} for /convscope-assets/models/... */
    public static Contents loadBundled(String fileName) throws ModelFileException {
        return loadResource(BUNDLED_MODELS + fileName);
    }

    /** Loads from a resource of this module (absolute name, e.g. "/convscope-assets/models/lenet5-mnist.safetensors"). */
    public static Contents loadResource(String resource) throws ModelFileException {
        try (InputStream in = ModelFile.class.getResourceAsStream(resource)) {
            if (in == null) throw new ModelFileException(resource, "no such bundled resource (was the application built with its assets?)");
            return read(in, -1, resource);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(resource, "cannot read the resource (" + e.getMessage() + ")", e);
        }
    }

    /** Parses a complete file held in memory. */
    public static Contents decode(byte[] bytes, String source) throws ModelFileException {
        try {
            return read(new ByteArrayInputStream(bytes), bytes.length, source);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(source, e.getMessage(), e);
        }
    }

    /**
     * Reads a weight file from a stream.
     *
     * @param length the file's total length, or -1 when unknown (resources); then the end of the stream is checked
     */
    public static Contents read(InputStream in, long length, String source) throws IOException {
        if (length >= 0 && length < 8)
            throw new ModelFileException(source, "is only " + length + " bytes long; a safetensors file starts with an 8-byte header length");
        byte[] lenBytes = in.readNBytes(8);
        if (lenBytes.length < 8)
            throw new ModelFileException(source, "is only " + lenBytes.length + " bytes long; a safetensors file starts with an 8-byte header length");
        long headerLen = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        // Bound before allocating: a corrupt or hostile length must not make us allocate gigabytes.
        if (headerLen < 2 || headerLen > MAX_HEADER_BYTES)
            throw new ModelFileException(source, "declares a header of " + Long.toUnsignedString(headerLen) + " bytes; it must be 2.."
                    + MAX_HEADER_BYTES + " (this is not a safetensors file, or it is damaged)");
        if (length >= 0 && 8 + headerLen > length)
            throw new ModelFileException(source, "is truncated: it declares a " + headerLen + "-byte header but has only "
                    + (length - 8) + " bytes after the length field");
        byte[] headerBytes = in.readNBytes((int) headerLen);
        if (headerBytes.length < headerLen)
            throw new ModelFileException(source, "is truncated: the header should be " + headerLen + " bytes, only " + headerBytes.length + " are there");
        String headerText;
        try {
            headerText = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(headerBytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFileException(source, "the header is not valid UTF-8 text (not a safetensors file, or damaged)");
        }
        if (!headerText.startsWith("{")) throw new ModelFileException(source, "the header does not start with '{' (not a safetensors file, or damaged)");

        Map<String, Object> header;
        try {
            // Exactly one JSON object, then nothing but the space padding the format allows (as the reference
            // reader insists): no junk, no NUL bytes, no second object that another reader might see instead.
            int end;
            try (JsonParser p = JSON_FACTORY.createParser(headerText)) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw new ModelFileException(source, "the header does not start with '{'");
                p.skipChildren();
                end = Math.toIntExact(p.currentLocation().getCharOffset());
            }
            for (int i = end; i < headerText.length(); i++)
                if (headerText.charAt(i) != ' ')
                    throw new ModelFileException(source, "the header has " + describe(headerText.charAt(i)) + " at byte " + (8 + utf8Length(headerText, i))
                            + " after its JSON object; only space padding may follow it (the file is damaged or was tampered with)");
            header = STRICT_JSON.mapFrom(headerText.substring(0, end));
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(source, "the header is not valid JSON: " + ArchitectureJson.firstLine(e.getMessage()));
        }
        if (header == null) throw new ModelFileException(source, "the header is empty");

        // ---- metadata and architecture
        Map<String, String> meta = new LinkedHashMap<>();
        Object rawMeta = header.remove("__metadata__");
        if (rawMeta == null)
            throw new ModelFileException(source, "has no __metadata__, so its architecture is unknown (ConvScope only loads files it can rebuild; "
                    + "add an \"architecture\" entry)");
        if (!(rawMeta instanceof Map<?, ?> mm)) throw new ModelFileException(source, "__metadata__ must be an object of strings");
        for (var e : mm.entrySet()) {
            if (!(e.getValue() instanceof String s)) throw new ModelFileException(source, "__metadata__ entry '" + e.getKey() + "' must be a string");
            meta.put((String) e.getKey(), s);
        }
        String format = meta.remove(FORMAT);
        if (format != null && !format.equals(FORMAT_VALUE))
            throw new ModelFileException(source, "has format '" + format + "'; this ConvScope reads '" + FORMAT_VALUE + "' (a newer version may have written it)");
        String arch = meta.remove(ARCHITECTURE);
        if (arch == null) throw new ModelFileException(source, "__metadata__ has no \"architecture\" entry, so the model cannot be rebuilt");
        ModelSpec spec;
        try {
            spec = ArchitectureJson.read(arch); // ModelSpec bounds shapes, buffer memory and work before anything is allocated
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source, "its architecture is unusable: " + e.getMessage());
        }

        // ---- tensor entries: dtype, shape, offsets, all against the architecture
        List<Expected> expected = expectedTensors(spec);
        Set<String> expectedNames = new LinkedHashSet<>();
        for (Expected t : expected) expectedNames.add(t.name);
        for (String name : header.keySet())
            if (!expectedNames.contains(name))
                throw new ModelFileException(source, "has a tensor '" + name + "' that the architecture '" + spec.id() + "' does not have (it expects "
                        + String.join(", ", expectedNames) + ")");
        record Entry(Expected t, long begin, long end) {}
        List<Entry> entries = new ArrayList<>();
        for (Expected t : expected) {
            Object raw = header.get(t.name);
            if (raw == null) throw new ModelFileException(source, "is missing tensor '" + t.name + "' needed by layer " + t.layer + " of '" + spec.id() + "'");
            if (!(raw instanceof Map<?, ?> m)) throw new ModelFileException(source, "tensor '" + t.name + "' must be described by an object");
            if (!(m.get("dtype") instanceof String dtype)) throw new ModelFileException(source, "tensor '" + t.name + "' has no dtype");
            if (!dtype.equals("F32"))
                throw new ModelFileException(source, "tensor '" + t.name + "' has dtype " + dtype + "; ConvScope reads only F32 (float32) weights "
                        + "(in Python: convert with tensor.float() before saving)");
            long[] shape = longs(m.get("shape"), source, t.name, "shape", -1);
            if (!Arrays.equals(shape, Arrays.stream(t.shape).asLongStream().toArray()))
                throw new ModelFileException(source, "tensor '" + t.name + "' has shape " + Arrays.toString(shape) + " but layer " + t.layer
                        + " of '" + spec.id() + "' needs " + Arrays.toString(t.shape));
            long[] off = longs(m.get("data_offsets"), source, t.name, "data_offsets", 2);
            if (off[0] < 0 || off[1] < off[0])
                throw new ModelFileException(source, "tensor '" + t.name + "' has impossible data_offsets " + Arrays.toString(off));
            if (off[1] - off[0] != 4L * t.count)
                throw new ModelFileException(source, "tensor '" + t.name + "' spans " + (off[1] - off[0]) + " bytes, but " + t.count
                        + " float32 values need " + 4L * t.count);
            entries.add(new Entry(t, off[0], off[1]));
        }
        if (length >= 0) {
            long available = length - 8 - headerLen;
            for (Entry e : entries)
                if (e.end > available)
                    throw new ModelFileException(source, "tensor '" + e.t.name + "' has data_offsets [" + e.begin + ", " + e.end
                            + "] past the end of the file (only " + available + " data bytes; the file is truncated or its header is wrong)");
        }
        // Contiguous, starting at 0, no gaps and no overlap (the same rule as the reference reader).
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long cursor = 0;
        for (Entry e : byOffset) {
            if (e.begin < cursor)
                throw new ModelFileException(source, "tensor '" + e.t.name + "' overlaps the tensor before it (data_offsets start at " + e.begin
                        + ", previous ends at " + cursor + ")");
            if (e.begin > cursor)
                throw new ModelFileException(source, "there is a gap of " + (e.begin - cursor) + " unused bytes before tensor '" + e.t.name + "'");
            cursor = e.end;
        }
        long dataLen = cursor;
        if (length >= 0) {
            long available = length - 8 - headerLen;
            if (available < dataLen)
                throw new ModelFileException(source, "is truncated: the tensors need " + dataLen + " bytes of data, the file has " + available
                        + " (data_offsets point past the end of the file)");
            if (available > dataLen)
                throw new ModelFileException(source, "has " + (available - dataLen) + " unexpected bytes after the last tensor");
        }

        // ---- the data: bounded by the architecture (checkSize), read tensor by tensor in file order
        Map<String, float[]> values = new LinkedHashMap<>();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry e : byOffset) {
            float[] v = new float[e.t.count];
            int filled = 0;
            while (filled < v.length) {
                int want = Math.min(chunk.capacity(), 4 * (v.length - filled));
                chunk.clear().limit(want);
                int got = in.readNBytes(chunk.array(), 0, want);
                if (got < want) throw new ModelFileException(source, "is truncated inside tensor '" + e.t.name + "'");
                chunk.asFloatBuffer().get(v, filled, want / 4);
                filled += want / 4;
            }
            int bad = firstNonFinite(v);
            if (bad >= 0) throw new ModelFileException(source, "tensor '" + e.t.name + "' holds " + v[bad] + " at index " + bad
                    + "; a model with NaN or infinite weights cannot be used (it diverged while training)");
            int huge = firstHuge(v);
            if (huge >= 0) throw new ModelFileException(source, "tensor '" + e.t.name + "' holds " + v[huge] + " at index " + huge
                    + "; weights beyond \u00b1" + (long) MAX_ABS_WEIGHT + " make every prediction overflow (the file is damaged, or not a trained model)");
            values.put(e.t.name, v);
        }
        if (length < 0 && in.read() >= 0)
            throw new ModelFileException(source, "has unexpected bytes after the last tensor");

        List<LayerWeights> weights = new ArrayList<>();
        for (int i = 0; i < expected.size(); i += 2) {
            Expected w = expected.get(i), b = expected.get(i + 1);
            weights.add(new LayerWeights(w.layer, layerName(spec, w.layer), w.shape.clone(), values.get(w.name), values.get(b.name)));
        }
        return new Contents(spec, weights, meta);
    }

    // ---------------------------------------------------------------- the architecture's tensors

    /** One tensor the architecture needs: its safetensors name, shape and element count. */
    private record Expected(int layer, String name, boolean isBias, int[] shape, int count) {}

    /** "i.weight" then "i.bias" for every convolution and dense layer i, in layer order. */
    private static List<Expected> expectedTensors(ModelSpec spec) {
        List<Expected> out = new ArrayList<>();
        Shape in = spec.input();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            int[] w = switch (l) {
                case LayerSpec.Conv c -> new int[] {c.outChannels(), in.c(), c.kernel(), c.kernel()}; // (Co, Ci, K, K)
                case LayerSpec.Dense d -> new int[] {d.outputs(), in.size()};                        // (out, in)
                default -> null;
            };
            if (w != null) {
                out.add(new Expected(i, i + ".weight", false, w, Math.toIntExact(Arrays.stream(w).asLongStream().reduce(1, (a, b) -> a * b))));
                out.add(new Expected(i, i + ".bias", true, new int[] {w[0]}, w[0]));
            }
            in = l.outputShape(in);
        }
        return out;
    }

    /** A readable name for a weighted layer: conv1, conv2, dense1, ... (counted per kind, as in the lessons). */
    public static String layerName(ModelSpec spec, int layer) {
        String kind = spec.layers().get(layer).kind();
        int n = 0;
        for (int i = 0; i <= layer; i++) if (spec.layers().get(i).kind().equals(kind)) n++;
        return kind + n;
    }

    private static long[] longs(Object raw, String source, String tensor, String field, int expectedLength) throws ModelFileException {
        if (!(raw instanceof List<?> list)) throw new ModelFileException(source, "tensor '" + tensor + "' has no " + field + " list");
        if (expectedLength >= 0 && list.size() != expectedLength)
            throw new ModelFileException(source, "tensor '" + tensor + "' " + field + " must have " + expectedLength + " entries, has " + list.size());
        if (list.size() > 8) throw new ModelFileException(source, "tensor '" + tensor + "' " + field + " has " + list.size() + " entries");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = list.get(i);
            if (o instanceof Integer v) out[i] = v;
            else if (o instanceof Long v) out[i] = v;
            else throw new ModelFileException(source, "tensor '" + tensor + "' " + field + " must hold whole numbers, found " + o);
            if (out[i] < 0) throw new ModelFileException(source, "tensor '" + tensor + "' " + field + " holds a negative number " + out[i]);
        }
        return out;
    }

    private static int firstHuge(float[] v) {
        for (int i = 0; i < v.length; i++) if (Math.abs(v[i]) > MAX_ABS_WEIGHT) return i;
        return -1;
    }

    private static String describe(char c) {
        return c == 0 ? "a NUL byte" : c < ' ' || c == 0x7f ? String.format("the control character 0x%02x", (int) c) : "'" + c + "'";
    }

    /** Bytes of s[0..i) in UTF-8 (where a character sits in the header bytes). */
    private static int utf8Length(String s, int i) { return s.substring(0, i).getBytes(StandardCharsets.UTF_8).length; }

    private static int firstNonFinite(float[] v) {
        for (int i = 0; i < v.length; i++) if (!Float.isFinite(v[i])) return i;
        return -1;
    }
}
