package org.convscope.app.collect;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.jr.ob.JSON;

/**
 * The set as JSON: class names, provenance, and per drawing its class, part, origin, strokes and hash; with
 * pixels (base64 of the 784 bytes) in the autosave, without them next to IDX files (which hold the pixels).
 * <pre>
 * {"format": "convscope-handwriting/1", "classes": ["0", ...], "provenance": {"author": ...},
 *  "drawings": [{"label": 3, "heldOut": false, "origin": "drawn", "hash": "9f...",
 *                "strokes": [{"width": 34, "eraser": false, "xy": [x0, y0, x1, y1, ...]}], "pixels": "AAAA..."}]}
 * </pre>
 */
public final class SetJson {
    private SetJson() {}

    public static final String FORMAT = "convscope-handwriting/1";

    public static Map<String, Object> toMap(SetData d, boolean withPixels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("classes", d.classNames());
        m.put("provenance", new LinkedHashMap<>(d.provenance()));
        List<Object> drawings = new ArrayList<>();
        for (Sample s : d.samples()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("label", s.label());
            o.put("heldOut", s.heldOut());
            o.put("origin", s.origin());
            o.put("hash", s.hash());
            List<Object> strokes = new ArrayList<>();
            for (Stroke st : s.strokes()) {
                List<Double> xy = new ArrayList<>();
                for (float v : st.xy()) xy.add(Math.round(v * 10) / 10.0); // a tenth of a pad pixel is plenty
                strokes.add(Map.of("width", (double) st.width(), "eraser", st.eraser(), "xy", xy));
            }
            o.put("strokes", strokes);
            if (withPixels) o.put("pixels", Base64.getEncoder().encodeToString(s.pixels()));
            drawings.add(o);
        }
        m.put("drawings", drawings);
        return m;
    }

    public static String write(SetData d, boolean withPixels) {
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(toMap(d, withPixels));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parsed top level; throws SetProblem "collect.json.bad" when it is not our format. */
    public static Map<String, Object> parse(String text, String fileName) throws SetProblem {
        Map<String, Object> m;
        try {
            m = JSON.std.mapFrom(text);
        } catch (IOException | RuntimeException e) {
            throw new SetProblem(e, "collect.json.bad", fileName, String.valueOf(e.getMessage()));
        }
        if (m == null || !FORMAT.equals(m.get("format")))
            throw new SetProblem("collect.json.bad", fileName, "format is " + (m == null ? "missing" : m.get("format")));
        return m;
    }

    @SuppressWarnings("unchecked")
    public static List<String> classes(Map<String, Object> m, String fileName) throws SetProblem {
        try {
            List<String> names = new ArrayList<>();
            for (Object o : (List<Object>) m.get("classes")) names.add((String) o);
            SetProblem p = SetData.checkNames(names);
            if (p != null) throw p;
            return names;
        } catch (RuntimeException e) {
            throw new SetProblem(e, "collect.json.bad", fileName, "classes: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> provenance(Map<String, Object> m) {
        Map<String, String> p = new LinkedHashMap<>();
        if (m.get("provenance") instanceof Map<?, ?> raw)
            for (var e : raw.entrySet()) p.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        return p;
    }

    /** One drawing's entry; pixels from the JSON (autosave) when given null. */
    @SuppressWarnings("unchecked")
    public static Sample sample(Object raw, byte[] pixels, String fileName) throws SetProblem {
        try {
            Map<String, Object> o = (Map<String, Object>) raw;
            List<Stroke> strokes = new ArrayList<>();
            for (Object so : (List<Object>) o.getOrDefault("strokes", List.of())) {
                Map<String, Object> sm = (Map<String, Object>) so;
                List<Object> xy = (List<Object>) sm.get("xy");
                float[] pts = new float[xy.size()];
                for (int i = 0; i < pts.length; i++) pts[i] = ((Number) xy.get(i)).floatValue();
                strokes.add(new Stroke(((Number) sm.get("width")).floatValue(), Boolean.TRUE.equals(sm.get("eraser")), pts));
            }
            byte[] px = pixels != null ? pixels : Base64.getDecoder().decode((String) o.get("pixels"));
            return Sample.of(0, ((Number) o.get("label")).intValue(), px, strokes, Boolean.TRUE.equals(o.get("heldOut")),
                    (String) o.getOrDefault("origin", ""));
        } catch (RuntimeException e) {
            throw new SetProblem(e, "collect.json.bad", fileName, "drawing: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Object> drawings(Map<String, Object> m) {
        return m.get("drawings") instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** Writes text to file through a temporary file in the same folder and a move: the file is old or new, never half. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
