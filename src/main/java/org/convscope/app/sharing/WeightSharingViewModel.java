package org.convscope.app.sharing;

import java.util.List;

import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;

/**
 * What the weight-sharing view shows, without JavaFX: the 1-D toy of the notes (drawn) and one real convolution
 * layer of LeNet-5 (counted), each wired three ways. Every count is computed from the layer shapes.
 */
public final class WeightSharingViewModel {

    /** A convolution of LeNet-5 to count: name for display ("conv1"), its layer index and its wiring. */
    public record RealLayer(String name, int layerIndex, LayerWiring wiring) {}

    private final LayerWiring toy = LayerWiring.toy();
    private final List<RealLayer> realLayers;
    private int selected;

    public WeightSharingViewModel() { this(ModelZoo.lenetClassic()); }

    /** The convolution layers of the given model, in order (LeNet-5: conv1 on 1x28x28, conv2 on 6x14x14). */
    public WeightSharingViewModel(ModelSpec model) {
        var list = new java.util.ArrayList<RealLayer>();
        for (int i = 0; i < model.layers().size(); i++) {
            if (model.layers().get(i) instanceof LayerSpec.Conv c) {
                list.add(new RealLayer("conv" + (list.size() + 1), i, LayerWiring.of(c, model.inputShapeOf(i))));
            }
        }
        if (list.isEmpty()) throw new IllegalArgumentException("model " + model.id() + " has no convolution layer to compare");
        realLayers = List.copyOf(list);
    }

    public LayerWiring toy() { return toy; }
    public List<RealLayer> realLayers() { return realLayers; }
    public RealLayer selectedLayer() { return realLayers.get(selected); }
    public int selectedIndex() { return selected; }

    public void select(int index) {
        if (index < 0 || index >= realLayers.size())
            throw new IllegalArgumentException("layer " + index + " does not exist; choose 0.." + (realLayers.size() - 1));
        selected = index;
    }

    // ---- the playable shared toy: two weights w1, w2 slid along six inputs --------------------------------

    /** The toy's inputs: a step up and a step down, so that w1 = 1, w2 = -1 (a difference) finds both edges. */
    private static final double[] INPUTS = {0, 0, 1, 1, 1, 0};
    public static final double WEIGHT_LIMIT = 2;
    private double w1 = 1, w2 = -1;
    private int position;

    public double w1() { return w1; }
    public double w2() { return w2; }
    /** The output unit the shared pair is shown at (0-based), the one whose sum is written out. */
    public int position() { return position; }

    /** Sets a shared weight (index 0 = w1, 1 = w2); values outside -2..2 are refused with a message. */
    public void setWeight(int index, double value) {
        if (!(Math.abs(value) <= WEIGHT_LIMIT)) throw new IllegalArgumentException("w" + (index + 1) + " must be between -2 and 2, not " + value);
        if (index == 0) w1 = value; else if (index == 1) w2 = value;
        else throw new IllegalArgumentException("the toy has two shared weights, w1 and w2");
    }

    public void setPosition(int p) {
        if (p < 0 || p >= toy.output().w()) throw new IllegalArgumentException("position " + (p + 1) + " does not exist; choose 1.." + toy.output().w());
        position = p;
    }

    /** Input i of the toy, 0 for the padding after the last one. */
    public double input(int i) { return i >= 0 && i < INPUTS.length ? INPUTS[i] : 0; }

    /** The shared weight with this number (0 = w1, 1 = w2). */
    public double weight(int index) { return index == 0 ? w1 : w2; }

    /** h_o = w1 * x_o + w2 * x_(o+1) (no bias), the same two weights at every position. */
    public double output(int o) {
        double sum = 0;
        for (LayerWiring.Connection c : toy.connections(Wiring.SHARED)) if (c.output() == o) sum += weight(c.weight()) * input(c.input());
        return sum;
    }

    /** The sum at the current position written out, e.g. "h3 = w1·x3 + w2·x4 = 1.0·1 + (−1.0)·1 = 0.0". */
    public String formula() {
        int o = position;
        StringBuilder names = new StringBuilder(), values = new StringBuilder();
        for (LayerWiring.Connection c : toy.connections(Wiring.SHARED)) {
            if (c.output() != o) continue;
            if (!names.isEmpty()) { names.append(" + "); values.append(" + "); }
            names.append("w").append(c.weight() + 1).append("\u00b7").append(c.padding() ? "0" : "x" + (c.input() + 1));
            values.append(number(weight(c.weight()), true)).append("\u00b7").append(number(input(c.input()), false));
        }
        return "h" + (o + 1) + " = " + names + " = " + values + " = " + number(output(o), false);
    }

    static String number(double v, boolean bracketNegative) {
        double r = Math.round(v * 100) / 100.0;
        String s = r == 0 ? "0" : java.math.BigDecimal.valueOf(r).stripTrailingZeros().toPlainString().replace('-', '\u2212');
        return bracketNegative && v < 0 ? "(" + s + ")" : s;
    }

    /** How many times more parameters {@code more} needs than {@code fewer} on the selected layer (e.g. LOCAL/SHARED = 784). */
    public double ratio(Wiring more, Wiring fewer) {
        LayerWiring w = selectedLayer().wiring();
        return (double) w.parameters(more) / w.parameters(fewer);
    }
}
