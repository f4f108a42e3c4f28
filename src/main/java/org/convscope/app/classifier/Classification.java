package org.convscope.app.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.convscope.engine.Activation;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.LayerWeights;
import org.convscope.engine.Network;
import org.convscope.engine.Trace;

/**
 * One image through a network's fully connected block, with every number the classifier view shows: the dense
 * layers' weights and inputs, one unit's weighted sum term by term, and softmax step by step. Immutable, no JavaFX;
 * built on a background thread (one forward pass and a copy of the weights).
 */
public final class Classification {

    /** Terms of a unit's weighted sum written out one by one (the largest in size). */
    public static final int TOP_TERMS = 8;

    /**
     * A fully connected layer.
     * @param layerIndex index in the model's layers
     * @param name       "dense1", "dense2", ... as in {@link Network#weights()}
     * @param activation the activation right after it, null when none (the class scores)
     */
    public record DenseLayer(int layerIndex, String name, int inputs, int outputs, Activation activation, LayerWeights weights) {
        public float weight(int unit, int input) { return weights.weights()[unit * inputs + input]; }
    }

    /** One term w·x of a weighted sum. */
    public record Term(int input, float x, float w, double product) {}

    /**
     * A unit's weighted sum: z = Σ w·x + b, term by term.
     * @param top        the {@link #TOP_TERMS} largest terms by size
     * @param restCount  how many terms are not in top
     * @param restSum    their sum
     * @param total      Σ w·x + b computed here in double
     * @param engineZ    the same value from the engine's forward pass
     * @param activated  the activation's output for this unit (engineZ when there is no activation)
     */
    public record UnitSum(DenseLayer layer, int unit, List<Term> top, int restCount, double restSum, float bias, double total,
                          float engineZ, float activated) {}

    /**
     * Softmax written out.
     * @param scores   the last layer's outputs z (the engine's)
     * @param max      max z (subtracted before exp so that nothing overflows; it cancels)
     * @param exps     exp(z − max)
     * @param sum      Σ exp(z − max)
     * @param computed exps / sum
     * @param engine   the engine's probabilities
     */
    public record Softmax(float[] scores, float max, double[] exps, double sum, double[] computed, float[] engine) {}

    private final Trace trace;
    private final List<DenseLayer> layers;
    private final int label;

    /** @param label the true class, or -1 when unknown */
    public Classification(Network network, float[] image, int label) {
        this.trace = network.trace(image);
        this.label = label >= 0 && label < network.spec().classes() ? label : -1;
        List<DenseLayer> out = new ArrayList<>();
        var specs = network.spec().layers();
        for (LayerWeights w : network.weights()) {
            if (!(specs.get(w.layerIndex()) instanceof LayerSpec.Dense)) continue;
            int i = w.layerIndex();
            Activation act = i + 1 < specs.size() && specs.get(i + 1) instanceof LayerSpec.Act a ? a.fn() : null;
            out.add(new DenseLayer(i, w.name(), w.weightShape()[1], w.weightShape()[0], act, w));
        }
        this.layers = List.copyOf(out);
    }

    public Trace trace() { return trace; }

    /** The fully connected layers in order; empty for a model without any. */
    public List<DenseLayer> layers() { return layers; }

    public DenseLayer layer(String name) {
        for (DenseLayer l : layers) if (l.name().equals(name)) return l;
        return null;
    }

    /** The true class, -1 when unknown. */
    public int label() { return label; }

    /** The values a dense layer reads (for the first: the flattened features). */
    public float[] inputs(DenseLayer l) { return trace.inputOf(l.layerIndex()); }

    /** The layer's weighted sums z (before its activation). */
    public float[] sums(DenseLayer l) { return trace.layers().get(l.layerIndex()).values(); }

    /** The layer's outputs after its activation (its sums when it has none). */
    public float[] outputs(DenseLayer l) {
        return l.activation() == null ? sums(l) : trace.layers().get(l.layerIndex() + 1).values();
    }

    /** The unit of the layer with the largest output (the predicted class for the last layer). */
    public int strongestUnit(DenseLayer l) {
        float[] v = outputs(l);
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    public UnitSum unitSum(DenseLayer l, int unit) {
        if (unit < 0 || unit >= l.outputs())
            throw new IllegalArgumentException("unit " + unit + " is outside 0.." + (l.outputs() - 1) + " of " + l.name());
        float[] x = inputs(l);
        List<Term> terms = new ArrayList<>(l.inputs());
        double total = 0;
        for (int j = 0; j < l.inputs(); j++) {
            float w = l.weight(unit, j);
            double p = (double) w * x[j];
            terms.add(new Term(j, x[j], w, p));
            total += p;
        }
        terms.sort(Comparator.comparingDouble((Term t) -> -Math.abs(t.product())).thenComparingInt(Term::input));
        List<Term> top = List.copyOf(terms.subList(0, Math.min(TOP_TERMS, terms.size())));
        double rest = 0;
        for (Term t : terms.subList(top.size(), terms.size())) rest += t.product();
        float bias = l.weights().bias()[unit];
        total += bias;
        return new UnitSum(l, unit, top, terms.size() - top.size(), rest, bias, total, sums(l)[unit], outputs(l)[unit]);
    }

    public Softmax softmax() {
        float[] z = trace.layers().getLast().values();
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) max = Math.max(max, v);
        double[] e = new double[z.length];
        double sum = 0;
        for (int c = 0; c < z.length; c++) { e[c] = Math.exp(z[c] - max); sum += e[c]; }
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) p[c] = e[c] / sum;
        return new Softmax(z.clone(), max, e, sum, p, trace.probabilities().clone());
    }

    /** Cross-entropy −ln p(true class); NaN when the label is unknown. */
    public double loss() {
        return label < 0 ? Double.NaN : -Math.log(trace.probabilities()[label]);
    }
}
