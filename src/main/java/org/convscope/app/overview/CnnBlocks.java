package org.convscope.app.overview;

import java.util.ArrayList;
import java.util.List;

import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Shape;

/**
 * A model cut into the parts of concepts.md section 1: convolution blocks (convolution → activation → pooling),
 * the flattening, and one block of fully connected layers (the dense layers with the activations between them).
 * Each part knows the concept view that explains it.
 */
public record CnnBlocks(ModelSpec model, List<Block> blocks) {

    public enum BlockKind { INPUT, CONV_BLOCK, FLATTEN, DENSE }

    /**
     * One layer in the diagram.
     * @param layerIndex index in the model, -1 for the input
     * @param layer      the layer, null for the input
     * @param output     its output shape (the input shape for the input)
     * @param parameters its learnable parameters
     * @param view       id of the concept view that explains it
     */
    public record Part(int layerIndex, LayerSpec layer, Shape output, long parameters, String view) {
        public String kind() { return layer == null ? "input" : layer.kind(); }
    }

    public record Block(BlockKind kind, List<Part> parts) {
        public Part last() { return parts.getLast(); }
    }

    /** The view explaining a kind of layer: conv → kernel, act → activation, pool → pooling, flatten, dense → classifier. */
    public static String viewOf(String kind) {
        return switch (kind) {
            case "input" -> "draw";
            case "conv" -> "kernel";
            case "act" -> "activation";
            case "pool" -> "pooling";
            case "flatten" -> "flatten";
            case "dense" -> "classifier";
            default -> throw new IllegalArgumentException("no view explains layer kind " + kind);
        };
    }

    public static CnnBlocks of(ModelSpec model) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(BlockKind.INPUT, List.of(new Part(-1, null, model.input(), 0, viewOf("input")))));
        List<Shape> shapes = model.shapes();
        List<Part> open = null;
        BlockKind openKind = null;
        for (int i = 0; i < model.layers().size(); i++) {
            LayerSpec l = model.layers().get(i);
            Part part = new Part(i, l, shapes.get(i), l.parameterCount(model.inputShapeOf(i)), viewOf(l.kind()));
            BlockKind kind = switch (l) {
                case LayerSpec.Conv c -> BlockKind.CONV_BLOCK;
                case LayerSpec.Dense d -> BlockKind.DENSE;
                case LayerSpec.Flatten f -> BlockKind.FLATTEN;
                // activation and pooling belong to the block opened before them
                case LayerSpec.Act a -> null;
                case LayerSpec.Pool p -> null;
            };
            // consecutive dense layers (with their activations) form one fully connected block
            boolean continues = kind == BlockKind.DENSE && openKind == BlockKind.DENSE;
            if (!continues && (kind != null || open == null)) {
                if (open != null) blocks.add(new Block(openKind, List.copyOf(open)));
                open = new ArrayList<>();
                openKind = kind != null ? kind : BlockKind.CONV_BLOCK;
            }
            open.add(part);
        }
        if (open != null) blocks.add(new Block(openKind, List.copyOf(open)));
        return new CnnBlocks(model, List.copyOf(blocks));
    }

    public long parameters() { return blocks.stream().flatMap(b -> b.parts().stream()).mapToLong(Part::parameters).sum(); }
}
