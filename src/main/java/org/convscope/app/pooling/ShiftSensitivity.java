package org.convscope.app.pooling;

import java.util.ArrayList;
import java.util.List;

import org.convscope.engine.LayerSpec;
import org.convscope.engine.Network;
import org.convscope.engine.Trace;

/**
 * Pooling lowers the sensitivity to position (concept 4), measured: the input moved by one pixel, how much each
 * feature-map layer's output changes, as ‖after − before‖ / ‖before‖ (L2 over the whole layer, every channel).
 * A convolution's map moves with the input, so almost every value changes; a 2×2 max pool often keeps its maximum
 * when it only moves inside the window, so its output changes less than its input. Also: the share of values that
 * stayed exactly the same, and the answer's probability before and after.
 *
 * @param rows      one per spatial layer, in the order of the layers
 * @param predicted the class predicted for the unmoved input
 * @param before    its probability for the unmoved input
 * @param after     its probability for the moved input
 */
public record ShiftSensitivity(int dx, int dy, List<Row> rows, int predicted, float before, float after) {

    /**
     * @param layer     index of the layer in the spec
     * @param pooling   whether the layer is a pooling layer
     * @param change    relative L2 change (0 = identical, 1 = as large as the layer's values)
     * @param unchanged share of the layer's values that are exactly equal before and after
     */
    public record Row(int layer, boolean pooling, double change, double unchanged) {}

    /** The row of a layer (null when it is not a feature-map layer). */
    public Row row(int layer) {
        for (Row r : rows) if (r.layer() == layer) return r;
        return null;
    }

    /** Two forward passes: call it off the FX thread. The image is h x w, background 0. */
    public static ShiftSensitivity measure(Network net, float[] image, int h, int w, int dx, int dy) {
        Trace a = net.trace(image), b = net.trace(org.convscope.app.network.InputShift.shift(image, h, w, dx, dy));
        List<Row> rows = new ArrayList<>();
        var layers = net.spec().layers();
        for (int i = 0; i < layers.size(); i++) {
            if (net.spec().shapes().get(i).isVector()) continue;
            float[] x = a.layers().get(i).values(), y = b.layers().get(i).values();
            rows.add(new Row(i, layers.get(i) instanceof LayerSpec.Pool, change(x, y), unchanged(x, y)));
        }
        int k = a.predictedClass();
        return new ShiftSensitivity(dx, dy, List.copyOf(rows), k, a.probabilities()[k], b.probabilities()[k]);
    }

    /** ‖y − x‖ / ‖x‖ (0 when both are all zero). */
    public static double change(float[] x, float[] y) {
        double d = 0, n = 0;
        for (int i = 0; i < x.length; i++) {
            double e = y[i] - x[i];
            d += e * e;
            n += (double) x[i] * x[i];
        }
        return n == 0 ? (d == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(d / n);
    }

    /** The share of positions where x and y are exactly equal. */
    public static double unchanged(float[] x, float[] y) {
        int same = 0;
        for (int i = 0; i < x.length; i++) if (x[i] == y[i]) same++;
        return x.length == 0 ? 1 : same / (double) x.length;
    }
}
