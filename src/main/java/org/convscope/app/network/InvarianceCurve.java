package org.convscope.app.network;

import java.util.function.Function;

/**
 * How sure the network stays of one class while the input slides: the probability of {@code referenceClass} for
 * horizontal shifts -max..+max (at the current vertical shift and rotation) and for vertical shifts (at the current
 * horizontal shift). Where the curve drops is where translation invariance ends.
 *
 * @param referenceClass the class predicted for the unmoved input
 * @param horizontal     horizontal[i] = p(referenceClass) at dx = i - max
 * @param vertical       vertical[i] = p(referenceClass) at dy = i - max
 * @param at             the shift the curves were computed around (its dx/dy are the marked points)
 */
public record InvarianceCurve(int referenceClass, float[] horizontal, float[] vertical, InputShift at) {

    public int max() { return (horizontal.length - 1) / 2; }

    /** p(reference) at the current shift (both curves agree there). */
    public float current() { return horizontal[at.dx() + max()]; }

    /**
     * Runs 2 x (2 max + 1) predictions (34 for max 8: about 10 ms for LeNet-5 on one core), so call it off the FX thread.
     * @param predict image (h x w) -> class probabilities
     */
    public static InvarianceCurve compute(float[] image, int h, int w, InputShift at, int max, Function<float[], float[]> predict) {
        int reference = argmax(predict.apply(image));
        float[] hor = new float[2 * max + 1], ver = new float[2 * max + 1];
        for (int s = -max; s <= max; s++) {
            hor[s + max] = predict.apply(new InputShift(s, at.dy(), at.degrees()).apply(image, h, w))[reference];
        }
        for (int s = -max; s <= max; s++) {
            ver[s + max] = s == at.dy() ? hor[at.dx() + max] // the shared point: identical input
                    : predict.apply(new InputShift(at.dx(), s, at.degrees()).apply(image, h, w))[reference];
        }
        return new InvarianceCurve(reference, hor, ver, at);
    }

    public static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
