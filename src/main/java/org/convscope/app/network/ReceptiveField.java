package org.convscope.app.network;

import java.util.ArrayList;
import java.util.List;

import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Shape;

/**
 * Locality (concept 8): which values of every earlier layer one unit depends on, computed from the layer specs alone.
 * Going back through a layer, the interval [a, b] of its output comes from the interval
 * [a·stride − padding, b·stride − padding + kernel − 1] of its input (pooling: padding 0, kernel = window), cut to
 * the input's size (what lies outside is padding, a constant that depends on nothing). Activations keep the interval.
 * Channels: activation and pooling work on one channel at a time, so until the first convolution on the way back the
 * field stays in the unit's own channel; a convolution reads every channel of its input.
 *
 * <p>LeNet-5 (5×5 convolutions, the first padded by 2, 2×2 pooling with stride 2): a conv2 unit away from the border
 * sees 5×5 pool1 values, 10×10 conv1 values and 14×14 input pixels; a pool2 unit sees 16×16 input pixels.
 */
public final class ReceptiveField {
    private ReceptiveField() {}

    /** Every channel of the layer, not just one. */
    public static final int ALL_CHANNELS = -1;

    /**
     * The part of one layer's output that the unit depends on: rows y0..y1, columns x0..x1 (inclusive).
     * @param layer   index into the spec's layers, or {@link NetworkLayout#INPUT}
     * @param channel one channel, or {@link #ALL_CHANNELS}
     */
    public record Part(int layer, int channel, int x0, int y0, int x1, int y1) {
        public int width() { return x1 - x0 + 1; }
        public int height() { return y1 - y0 + 1; }
        public boolean contains(int c, int x, int y) {
            return (channel == ALL_CHANNELS || channel == c) && x >= x0 && x <= x1 && y >= y0 && y <= y1;
        }
    }

    /**
     * The field of unit (channel, y, x) of layer {@code layer}'s output (a spatial layer, or INPUT for an input
     * pixel): one part per spatial layer from that layer back to the input, the unit itself first, the input last.
     */
    public static List<Part> ofMapUnit(ModelSpec spec, int layer, int channel, int x, int y) {
        Shape s = shapeOf(spec, layer);
        if (s.isVector() && layer != NetworkLayout.INPUT) throw new IllegalArgumentException("layer " + layer + " is not a feature map");
        if (channel < 0 || channel >= s.c() || x < 0 || x >= s.w() || y < 0 || y >= s.h()) {
            throw new IllegalArgumentException("unit (" + channel + ", " + y + ", " + x + ") is outside " + s);
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(layer, channel, x, y, x, y));
        int x0 = x, x1 = x, y0 = y, y1 = y, ch = channel;
        for (int i = layer; i >= 0; i--) {
            LayerSpec l = spec.layers().get(i);
            Shape in = shapeOf(spec, i - 1 < 0 ? NetworkLayout.INPUT : i - 1);
            switch (l) {
                case LayerSpec.Conv c -> {
                    x0 = c.stride() * x0 - c.padding(); x1 = c.stride() * x1 - c.padding() + c.kernel() - 1;
                    y0 = c.stride() * y0 - c.padding(); y1 = c.stride() * y1 - c.padding() + c.kernel() - 1;
                    ch = ALL_CHANNELS;
                }
                case LayerSpec.Pool p -> {
                    x0 = p.stride() * x0; x1 = p.stride() * x1 + p.window() - 1;
                    y0 = p.stride() * y0; y1 = p.stride() * y1 + p.window() - 1;
                }
                case LayerSpec.Act a -> { }
                default -> throw new IllegalArgumentException("layer " + i + " (" + l.kind() + ") comes before a feature map");
            }
            x0 = Math.max(0, x0); y0 = Math.max(0, y0);
            x1 = Math.min(in.w() - 1, x1); y1 = Math.min(in.h() - 1, y1);
            parts.add(new Part(i == 0 ? NetworkLayout.INPUT : i - 1, ch, x0, y0, x1, y1));
        }
        return List.copyOf(parts);
    }

    /**
     * The field of unit {@code index} of a vector layer: a flattened value is one unit of the feature map before the
     * flattening (row-major, (c·H + y)·W + x); a dense unit depends on the whole of every earlier layer.
     */
    public static List<Part> ofVectorUnit(ModelSpec spec, int layer, int index) {
        LayerSpec l = spec.layers().get(layer);
        if (l instanceof LayerSpec.Flatten) {
            int before = layer == 0 ? NetworkLayout.INPUT : layer - 1;
            Shape s = shapeOf(spec, before);
            int hw = s.h() * s.w();
            return ofMapUnit(spec, before, index / hw, index % s.w(), index % hw / s.w());
        }
        List<Part> parts = new ArrayList<>();
        for (int i = layer - 1; i >= NetworkLayout.INPUT; i--) {
            Shape s = shapeOf(spec, i);
            if (i == NetworkLayout.INPUT || !s.isVector()) parts.add(new Part(i, ALL_CHANNELS, 0, 0, s.w() - 1, s.h() - 1));
        }
        return List.copyOf(parts);
    }

    /** The output shape of a layer, or the input shape for INPUT. */
    static Shape shapeOf(ModelSpec spec, int layer) {
        return layer == NetworkLayout.INPUT ? spec.input() : spec.shapes().get(layer);
    }
}
