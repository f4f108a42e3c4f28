package org.convscope.app.kernel;

import org.convscope.engine.Convolution;

/**
 * The output-size formula of a convolution along one axis, out = ⌊(in + 2p − k) / s⌋ + 1 (DJL's Conv2d Javadoc),
 * with its numbers, so a view can show it filled in. exact: whether (in + 2p − k) is divisible by s (otherwise the
 * last columns of the padded input are never covered by the window).
 */
public record OutputSize(int in, int kernel, int padding, int stride, int result) {

    public static OutputSize of(int in, int kernel, int padding, int stride) {
        return new OutputSize(in, kernel, padding, stride, Convolution.outputSize(in, kernel, padding, stride));
    }

    public boolean exact() { return (in + 2 * padding - kernel) % stride == 0; }

    /**
     * "(28 + 2·2 − 5) / 1 + 1 = 28", or with a floor "⌊(28 + 0 − 5) / 2⌋ + 1 = 12" when the division is not exact.
     * Language-neutral (numbers and operators only).
     */
    public String filledIn() {
        String core = "(" + in + " + 2\u00b7" + padding + " \u2212 " + kernel + ") / " + stride;
        return (exact() ? core : "\u230a" + core + "\u230b") + " + 1 = " + result;
    }
}
