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

    /** How many times more parameters {@code more} needs than {@code fewer} on the selected layer (e.g. LOCAL/SHARED = 784). */
    public double ratio(Wiring more, Wiring fewer) {
        LayerWiring w = selectedLayer().wiring();
        return (double) w.parameters(more) / w.parameters(fewer);
    }
}
