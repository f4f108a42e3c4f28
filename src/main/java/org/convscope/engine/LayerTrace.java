package org.convscope.engine;

/**
 * What one layer produced for one image. Immutable: {@code values} is a private copy, never written again.
 * For an activation layer the pre-activation values are the previous layer's {@code values}.
 *
 * @param index  layer index in {@link ModelSpec#layers()}
 * @param spec   the layer
 * @param shape  output shape
 * @param values output values, row-major C x H x W (length shape.size())
 */
public record LayerTrace(int index, LayerSpec spec, Shape shape, float[] values) {
    /** Value at channel c, row y, column x. */
    public float at(int c, int y, int x) { return values[(c * shape.h() + y) * shape.w() + x]; }
}
