package org.convscope.app.network;

import java.util.ArrayList;
import java.util.List;

import org.convscope.app.common.ColorMap;
import org.convscope.engine.Activation;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Shape;

/**
 * Which columns the network view draws for a model, left to right: the input, one column per spatial layer
 * (convolution, activation, pooling: a stack of feature maps), the flattened vector, the dense layers as columns of
 * units (a dense layer followed by its activation is one column showing the activated values), the class scores and
 * the softmax probabilities. Works for every model of the zoo: softmax regression and the MLP simply have no
 * feature-map columns.
 *
 * <p>Colour maps: values that can be negative (convolution and dense outputs before the activation, tanh outputs)
 * use {@link ColorMap#SIGNED}; inputs, ReLU/sigmoid outputs and their pooling use {@link ColorMap#GRAY}.
 */
public final class NetworkLayout {
    private NetworkLayout() {}

    public enum Kind { INPUT, MAPS, UNITS, SCORES, PROBABILITIES }

    /** Layer index of the input column and of the softmax column (they are not layers of the spec). */
    public static final int INPUT = -1, SOFTMAX = -2;

    /**
     * @param layer    index into the trace's layers (the values shown), or INPUT / SOFTMAX
     * @param titleKey I18n key of the title, with titleArgs
     * @param detailKey I18n key of the second line (e.g. the activation after a dense layer), or null
     */
    public record Column(Kind kind, int layer, Shape shape, ColorMap map, String titleKey, Object[] titleArgs,
                         String detailKey, Object[] detailArgs) {
        public boolean spatial() { return kind == Kind.INPUT || kind == Kind.MAPS; }
    }

    public static List<Column> of(ModelSpec spec) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(Kind.INPUT, INPUT, spec.input(), ColorMap.GRAY, "network.col.input", new Object[0], null, new Object[0]));
        List<Shape> shapes = spec.shapes();
        List<LayerSpec> layers = spec.layers();
        boolean signed = false; // may the current values be negative?
        int conv = 0, dense = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            Shape s = shapes.get(i);
            boolean last = i == layers.size() - 1;
            switch (l) {
                case LayerSpec.Conv c -> {
                    signed = true;
                    conv++;
                    cols.add(new Column(Kind.MAPS, i, s, ColorMap.SIGNED, "network.col.conv", new Object[] {conv},
                            "network.col.conv.detail", new Object[] {c.kernel(), c.kernel(), c.padding(), c.stride()}));
                }
                case LayerSpec.Act a -> {
                    signed = a.fn() == Activation.TANH;
                    if (!s.isVector()) cols.add(new Column(Kind.MAPS, i, s, map(signed), "network.col.act",
                            new Object[] {actName(a.fn())}, null, new Object[0]));
                    // after a dense layer the activation is folded into the dense column (handled there)
                }
                case LayerSpec.Pool p -> cols.add(new Column(Kind.MAPS, i, s, map(signed),
                        p.pool() == org.convscope.engine.PoolKind.MAX ? "network.col.maxpool" : "network.col.avgpool",
                        new Object[0], "network.col.pool.detail", new Object[] {p.window(), p.window(), p.stride()}));
                case LayerSpec.Flatten f -> cols.add(new Column(Kind.UNITS, i, s, map(signed), "network.col.flatten",
                        new Object[0], null, new Object[0]));
                case LayerSpec.Dense d -> {
                    dense++;
                    if (last) {
                        cols.add(new Column(Kind.SCORES, i, s, ColorMap.SIGNED, "network.col.scores", new Object[0], null, new Object[0]));
                    } else if (i + 1 < layers.size() && layers.get(i + 1) instanceof LayerSpec.Act a) {
                        signed = a.fn() == Activation.TANH;
                        cols.add(new Column(Kind.UNITS, i + 1, s, map(signed), "network.col.dense", new Object[] {dense},
                                "network.col.dense.act", new Object[] {actName(a.fn())}));
                    } else {
                        signed = true;
                        cols.add(new Column(Kind.UNITS, i, s, ColorMap.SIGNED, "network.col.dense", new Object[] {dense}, null, new Object[0]));
                    }
                }
            }
        }
        cols.add(new Column(Kind.PROBABILITIES, SOFTMAX, shapes.getLast(), ColorMap.GRAY, "network.col.softmax", new Object[0], null, new Object[0]));
        return List.copyOf(cols);
    }

    private static ColorMap map(boolean signed) { return signed ? ColorMap.SIGNED : ColorMap.GRAY; }

    /** Names are the same in both languages (sigmoid, tanh, ReLU). */
    public static String actName(Activation a) {
        return switch (a) {
            case SIGMOID -> "sigmoid";
            case TANH -> "tanh";
            case RELU -> "ReLU";
        };
    }
}
