package org.convscope.engine;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link ModelSpec} as JSON text, the form weight files keep in their {@code __metadata__}:
 * <pre>
 * {"id":"lenet5-modern","input":[1,28,28],"layers":[
 *   {"type":"conv","out_channels":6,"kernel":5,"padding":2,"stride":1},
 *   {"type":"act","activation":"relu"},
 *   {"type":"pool","pool":"max","window":2,"stride":2},
 *   {"type":"flatten"},
 *   {"type":"dense","out_features":120}, ...]}
 * </pre>
 * Field names follow PyTorch's Conv2d / Linear arguments so that a Python reader can rebuild the
 * same nn.Sequential. Parsing is strict: an unknown type or a missing field is an error with the
 * layer's index, never a silent default.
 */
public final class ArchitectureJson {
    private ArchitectureJson() {}

    public static String write(ModelSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", spec.id());
        root.put("input", List.of(spec.input().c(), spec.input().h(), spec.input().w()));
        List<Object> layers = new ArrayList<>();
        for (LayerSpec l : spec.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", l.kind());
            switch (l) {
                case LayerSpec.Conv c -> {
                    m.put("out_channels", c.outChannels());
                    m.put("kernel", c.kernel());
                    m.put("padding", c.padding());
                    m.put("stride", c.stride());
                }
                case LayerSpec.Pool p -> {
                    m.put("pool", p.pool() == PoolKind.MAX ? "max" : "average");
                    m.put("window", p.window());
                    m.put("stride", p.stride());
                }
                case LayerSpec.Act a -> m.put("activation", a.fn().name().toLowerCase(Locale.ROOT));
                case LayerSpec.Flatten f -> { }
                case LayerSpec.Dense d -> m.put("out_features", d.outputs());
            }
            layers.add(m);
        }
        root.put("layers", layers);
        try {
            return JSON.std.asString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write architecture JSON", e); // only maps, lists, strings, ints
        }
    }

    /** Parses the JSON text; throws IllegalArgumentException saying what is wrong (and in which layer). */
    public static ModelSpec read(String json) {
        Map<String, Object> root;
        try {
            root = JSON.std.mapFrom(json);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the architecture is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null) throw new IllegalArgumentException("the architecture is empty");
        String id = string(root, "id", "the architecture");
        if (id.isBlank()) throw new IllegalArgumentException("the architecture has an empty id");
        if (!(root.get("input") instanceof List<?> in) || in.size() != 3)
            throw new IllegalArgumentException("the architecture's \"input\" must be [channels, height, width]");
        int[] dims = new int[3];
        for (int i = 0; i < 3; i++) {
            dims[i] = intValue(in.get(i), "input dimension " + i);
            if (dims[i] < 1 || dims[i] > 4096) throw new IllegalArgumentException("input dimension " + i + " is " + dims[i] + "; it must be 1..4096");
        }
        if (!(root.get("layers") instanceof List<?> rawLayers))
            throw new IllegalArgumentException("the architecture has no \"layers\" list");
        if (rawLayers.size() > 1000) throw new IllegalArgumentException("the architecture has " + rawLayers.size() + " layers; at most 1000 are allowed");
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < rawLayers.size(); i++) {
            String where = "layer " + i;
            if (!(rawLayers.get(i) instanceof Map<?, ?> m)) throw new IllegalArgumentException(where + " is not a JSON object");
            String type = string(m, "type", where);
            try {
                layers.add(switch (type) {
                    case "conv" -> new LayerSpec.Conv(integer(m, "out_channels", where), integer(m, "kernel", where),
                            integer(m, "padding", where), integer(m, "stride", where));
                    case "pool" -> new LayerSpec.Pool(poolKind(string(m, "pool", where), where),
                            integer(m, "window", where), integer(m, "stride", where));
                    case "act" -> new LayerSpec.Act(activation(string(m, "activation", where), where));
                    case "flatten" -> new LayerSpec.Flatten();
                    case "dense" -> new LayerSpec.Dense(integer(m, "out_features", where));
                    default -> throw new IllegalArgumentException(where + " has unknown type \"" + type
                            + "\" (known: conv, pool, act, flatten, dense)");
                });
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        try {
            return new ModelSpec(id, new Shape(dims[0], dims[1], dims[2]), layers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the architecture is impossible: " + e.getMessage());
        }
    }

    private static PoolKind poolKind(String s, String where) {
        return switch (s) {
            case "max" -> PoolKind.MAX;
            case "average", "avg" -> PoolKind.AVERAGE;
            default -> throw new IllegalArgumentException(where + " has unknown pooling \"" + s + "\" (known: max, average)");
        };
    }

    private static Activation activation(String s, String where) {
        for (Activation a : Activation.values()) if (a.name().toLowerCase(Locale.ROOT).equals(s)) return a;
        throw new IllegalArgumentException(where + " has unknown activation \"" + s + "\" (known: sigmoid, tanh, relu)");
    }

    private static String string(Map<?, ?> m, String key, String where) {
        if (!(m.get(key) instanceof String s)) throw new IllegalArgumentException(where + " needs a text field \"" + key + "\"");
        return s;
    }

    private static int integer(Map<?, ?> m, String key, String where) {
        if (!m.containsKey(key)) throw new IllegalArgumentException(where + " needs a whole-number field \"" + key + "\"");
        return intValue(m.get(key), where + " field \"" + key + "\"");
    }

    private static int intValue(Object o, String what) {
        if (o instanceof Integer i) return i;
        if (o instanceof Long l && l == (int) (long) l) return (int) (long) l;
        throw new IllegalArgumentException(what + " must be a whole number that fits in 32 bits, not " + o);
    }

    static String firstLine(String s) {
        if (s == null) return "no detail";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
