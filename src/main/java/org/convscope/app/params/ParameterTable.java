package org.convscope.app.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.Shape;

/**
 * The learnable parameters of a model, layer by layer (concepts.md section 6), with each layer's formula written
 * out in its own numbers: Co × Ci × Kh × Kw + Co for a convolution, n × m + m for a dense layer, 0 otherwise.
 * The counts come from the formulas and are checked against {@link LayerSpec#parameterCount} in the tests.
 */
public record ParameterTable(ModelSpec model, List<Row> rows, long total) {

    /**
     * @param index   layer index in the model
     * @param layer   the layer
     * @param input   its input shape
     * @param output  its output shape
     * @param formula the formula with the layer's numbers, e.g. "6 × 1 × 5 × 5 + 6", or "0"
     * @param count   the formula's value
     */
    public record Row(int index, LayerSpec layer, Shape input, Shape output, String formula, long count) {}

    public ParameterTable {
        rows = List.copyOf(rows);
    }

    public static ParameterTable of(ModelSpec model) {
        List<Row> rows = new ArrayList<>();
        long total = 0;
        Shape in = model.input();
        for (int i = 0; i < model.layers().size(); i++) {
            LayerSpec l = model.layers().get(i);
            Shape out = l.outputShape(in);
            String formula;
            long count;
            switch (l) {
                case LayerSpec.Conv c -> {
                    // weights (Co, Ci, K, K) plus one bias per output channel
                    count = (long) c.outChannels() * in.c() * c.kernel() * c.kernel() + c.outChannels();
                    formula = c.outChannels() + " × " + in.c() + " × " + c.kernel() + " × " + c.kernel() + " + " + c.outChannels();
                }
                case LayerSpec.Dense d -> {
                    // n inputs x m outputs weights plus m biases
                    count = (long) in.size() * d.outputs() + d.outputs();
                    formula = group(in.size()) + " × " + group(d.outputs()) + " + " + group(d.outputs());
                }
                // activation, pooling and flattening learn nothing
                case LayerSpec.Act a -> { count = 0; formula = "0"; }
                case LayerSpec.Pool p -> { count = 0; formula = "0"; }
                case LayerSpec.Flatten f -> { count = 0; formula = "0"; }
            }
            rows.add(new Row(i, l, in, out, formula, count));
            total += count;
            in = out;
        }
        return new ParameterTable(model, rows, total);
    }

    /** The rows that have parameters. */
    public List<Row> parametricRows() { return rows.stream().filter(r -> r.count() > 0).toList(); }

    /** The sum written out, e.g. "156 + 2,416 + 48,120 + 10,164 + 850 = 61,706" (just "7,850" for one term). */
    public String sum() {
        List<Row> p = parametricRows();
        if (p.size() == 1) return group(total);
        StringJoiner j = new StringJoiner(" + ");
        for (Row r : p) j.add(group(r.count()));
        return j + " = " + group(total);
    }

    public static String group(long v) { return String.format(Locale.US, "%,d", v); }
}
