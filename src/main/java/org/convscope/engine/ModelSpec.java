package org.convscope.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequential model architecture: input shape, layers, and a softmax over the last layer's outputs
 * (softmax + cross-entropy are applied by the engine, they are not a layer here).
 *
 * @param id    stable identifier written into weight files, e.g. "lenet5-modern"
 * @param input input shape, (1, 28, 28) for MNIST
 */
public record ModelSpec(String id, Shape input, List<LayerSpec> layers) {

    public ModelSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new IllegalArgumentException("a model needs at least one layer");
        Shape s = input;
        for (LayerSpec l : layers) s = l.outputShape(s); // throws with a plain message when impossible
        if (!s.isVector()) throw new IllegalArgumentException("the last layer must produce class scores (a vector), got " + s);
    }

    /** shapes().get(i) is the output shape of layer i. */
    public List<Shape> shapes() {
        List<Shape> out = new ArrayList<>(layers.size());
        Shape s = input;
        for (LayerSpec l : layers) { s = l.outputShape(s); out.add(s); }
        return List.copyOf(out);
    }

    /** The input shape of layer i. */
    public Shape inputShapeOf(int i) { return i == 0 ? input : shapes().get(i - 1); }

    public int classes() { return shapes().getLast().c(); }

    public long parameterCount() {
        long total = 0;
        Shape s = input;
        for (LayerSpec l : layers) { total += l.parameterCount(s); s = l.outputShape(s); }
        return total;
    }
}
