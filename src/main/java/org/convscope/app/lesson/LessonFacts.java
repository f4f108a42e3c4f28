package org.convscope.app.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Shape;

/**
 * The numbers a lesson's questions are checked against, computed by the app from its own models, never typed into
 * the lesson: "what is pool1's output?" is answered by the engine's shape arithmetic. Expressions (words separated
 * by spaces):
 * <ul>
 * <li>{@code params MODEL LAYER} — parameters of one layer ({@code conv1}, {@code conv2}, {@code fc1}..) or
 *     {@code total}; MODEL is a {@link ModelZoo} id (lenet5-modern, lenet5-classic, mlp, softmax-regression);</li>
 * <li>{@code size MODEL LAYER} — the number of values a layer outputs ({@code input}, {@code conv1}, {@code pool1},
 *     {@code flatten}, {@code fc3}, ..); its text is the shape, e.g. 6 × 14 × 14;</li>
 * <li>{@code height MODEL LAYER} — the height of a layer's output;</li>
 * <li>{@code conv-params CO CI K} — Co × Ci × K × K + Co;</li>
 * <li>{@code dense-params N M} — N × M + M;</li>
 * <li>{@code pool H W C} — the height after 2 × 2 pooling with stride 2; its text is the whole output, H' × W' × C;</li>
 * <li>{@code unshared N K} — weights when each of N outputs has K connections with weights of its own (N × K);
 *     {@code shared N K} — the same with weight sharing (K);</li>
 * <li>{@code column-distance W} — how far apart two vertically neighbouring pixels of a W-wide image end up when it is
 *     flattened row by row (W).</li>
 * </ul>
 */
public final class LessonFacts {
    private LessonFacts() {}

    /** The value of an expression; {@link IllegalArgumentException} saying what is wrong otherwise. */
    public static double number(String expr) { return eval(expr).value; }

    /** The value as a person reads it (a shape for {@code size} and {@code pool}). */
    public static String text(String expr, Locale l) { return eval(expr).text; }

    /** Throws {@link IllegalArgumentException} (what is wrong, what is allowed) unless the expression evaluates. */
    public static void check(String expr) { eval(expr); }

    private record Value(double value, String text) {
        static Value of(long v) { return new Value(v, String.format(Locale.ROOT, "%,d", v)); }
    }

    private static Value eval(String expr) {
        if (expr == null || expr.isBlank()) throw new IllegalArgumentException("the expression is empty");
        String[] w = expr.strip().split("\\s+");
        switch (w[0]) {
            case "params" -> {
                args(w, 3, "params MODEL LAYER");
                ModelSpec m = model(w[1]);
                if (w[2].equals("total")) return Value.of(m.parameterCount());
                int i = layer(m, w[2]);
                return Value.of(m.layers().get(i).parameterCount(m.inputShapeOf(i)));
            }
            case "size", "height" -> {
                args(w, 3, w[0] + " MODEL LAYER");
                ModelSpec m = model(w[1]);
                Shape s = w[2].equals("input") ? m.input() : m.shapes().get(layer(m, w[2]));
                if (w[0].equals("height")) return Value.of(s.h());
                return new Value(s.size(), shapeText(s));
            }
            case "conv-params" -> {
                long[] a = longs(w, 3, "conv-params CO CI K");
                return Value.of(a[0] * a[1] * a[2] * a[2] + a[0]);
            }
            case "dense-params" -> {
                long[] a = longs(w, 2, "dense-params N M");
                return Value.of(a[0] * a[1] + a[1]);
            }
            case "pool" -> {
                long[] a = longs(w, 3, "pool H W C");
                Shape out = new LayerSpec.Pool(org.convscope.engine.PoolKind.MAX, 2, 2)
                        .outputShape(new Shape((int) a[2], (int) a[0], (int) a[1]));
                return new Value(out.h(), out.h() + " \u00d7 " + out.w() + " \u00d7 " + out.c());
            }
            case "unshared" -> {
                long[] a = longs(w, 2, "unshared N K");
                return Value.of(a[0] * a[1]);
            }
            case "shared" -> {
                long[] a = longs(w, 2, "shared N K");
                return Value.of(a[1]);
            }
            case "column-distance" -> {
                long[] a = longs(w, 1, "column-distance W");
                return Value.of(a[0]);
            }
            default -> throw new IllegalArgumentException("unknown expression '" + w[0]
                    + "' (known: params, size, height, conv-params, dense-params, pool, unshared, shared, column-distance)");
        }
    }

    private static String shapeText(Shape s) {
        return s.isVector() ? Integer.toString(s.c()) : s.c() + " \u00d7 " + s.h() + " \u00d7 " + s.w();
    }

    private static void args(String[] w, int n, String form) {
        if (w.length != n) throw new IllegalArgumentException("'" + String.join(" ", w) + "' should read: " + form);
    }

    private static long[] longs(String[] w, int n, String form) {
        args(w, n + 1, form);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            try {
                a[i] = Long.parseLong(w[i + 1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + w[i + 1] + "' is not a whole number (" + form + ")");
            }
            if (a[i] < 1 || a[i] > 100_000) throw new IllegalArgumentException(w[i + 1] + " is outside 1..100000 (" + form + ")");
        }
        return a;
    }

    private static ModelSpec model(String id) { return ModelZoo.byId(id); }

    /** The layer's index from a name such as conv2, pool1, act3, flatten or fc2 (dense layers, counting from 1). */
    public static int layer(ModelSpec m, String name) {
        List<String> names = layerNames(m);
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("model " + m.id() + " has no layer '" + name + "' (it has: "
                + String.join(", ", names) + ")");
        return i;
    }

    /** conv1, act1, pool1, conv2, ..., flatten, fc1, ...: one name per layer, in order. */
    public static List<String> layerNames(ModelSpec m) {
        List<String> names = new ArrayList<>();
        int conv = 0, act = 0, pool = 0, fc = 0;
        for (LayerSpec l : m.layers()) {
            names.add(switch (l.kind()) {
                case "conv" -> "conv" + ++conv;
                case "act" -> "act" + ++act;
                case "pool" -> "pool" + ++pool;
                case "dense" -> "fc" + ++fc;
                default -> l.kind();
            });
        }
        return names;
    }
}
