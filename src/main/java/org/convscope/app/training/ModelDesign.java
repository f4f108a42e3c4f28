package org.convscope.app.training;

import java.util.ArrayList;
import java.util.List;

import org.convscope.app.I18n;
import org.convscope.engine.Activation;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.PoolKind;
import org.convscope.engine.Shape;

/**
 * The architecture a student chose and edited in the training view: one of the four families plus the editable
 * numbers (channels, kernel size, activation, pooling, hidden units). {@link #build()} turns it into a
 * {@link ModelSpec} or into a translated message saying what is impossible and what to do, never an exception.
 * No JavaFX.
 *
 * @param conv1   output channels of the first convolution (LeNet: 6)
 * @param conv2   output channels of the second convolution (LeNet: 16)
 * @param kernel  square kernel size of both convolutions (LeNet: 5; conv1 pads kernel/2 so 28x28 stays 28x28)
 * @param dense1  units of the first dense layer (LeNet: 120)
 * @param dense2  units of the second dense layer (LeNet: 84)
 * @param hidden  hidden units of the MLP (256)
 */
public record ModelDesign(Family family, int conv1, int conv2, int kernel, Activation activation, PoolKind pooling,
                          int dense1, int dense2, int hidden) {

    /** The four models of the lesson (D2L chapters 3, 4 and 6). */
    public enum Family {
        SOFTMAX("softmax-regression"), MLP("mlp"), LENET_CLASSIC("lenet5-classic"), LENET_MODERN("lenet5-modern");

        public final String zooId;
        Family(String zooId) { this.zooId = zooId; }

        public boolean convolutional() { return this == LENET_CLASSIC || this == LENET_MODERN; }
        public String titleKey() { return "training.model." + name().toLowerCase(java.util.Locale.ROOT); }
    }

    public static final int MAX_CHANNELS = 128, MAX_UNITS = 4096, MAX_KERNEL = 28;

    /** The textbook architecture of a family. */
    public static ModelDesign of(Family f) {
        return switch (f) {
            case SOFTMAX -> new ModelDesign(f, 6, 16, 5, Activation.RELU, PoolKind.MAX, 120, 84, 256);
            case MLP -> new ModelDesign(f, 6, 16, 5, Activation.RELU, PoolKind.MAX, 120, 84, 256);
            case LENET_CLASSIC -> new ModelDesign(f, 6, 16, 5, Activation.SIGMOID, PoolKind.AVERAGE, 120, 84, 256);
            case LENET_MODERN -> new ModelDesign(f, 6, 16, 5, Activation.RELU, PoolKind.MAX, 120, 84, 256);
        };
    }

    /** A spec or the reason there is none. */
    public record Result(ModelSpec spec, String problem) {
        public boolean ok() { return spec != null; }
    }

    public ModelDesign withFamily(Family f) {
        ModelDesign d = of(f);
        // Keep what was edited and still applies: the LeNet numbers and MLP width survive a family switch;
        // activation and pooling follow the family (that is what distinguishes classic from modern).
        return new ModelDesign(f, conv1, conv2, kernel, f == Family.MLP && family == Family.MLP ? activation : d.activation,
                d.pooling, dense1, dense2, hidden);
    }

    /** The id written into weight files: the zoo id when unedited, else "lenet5-custom" / "mlp-custom". */
    public String id() {
        if (equals(of(family))) return family.zooId;
        return switch (family) {
            case SOFTMAX -> family.zooId;
            case MLP -> hidden == 256 && activation == Activation.RELU ? "mlp" : "mlp-custom";
            default -> "lenet5-custom";
        };
    }

    public Result build() {
        String p = switch (family) {
            case SOFTMAX -> null;
            case MLP -> units(I18n.get("training.arch.hidden"), hidden);
            case LENET_CLASSIC, LENET_MODERN -> firstProblem(
                    channels(I18n.get("training.arch.conv1"), conv1), channels(I18n.get("training.arch.conv2"), conv2),
                    kernel < 1 || kernel > MAX_KERNEL ? I18n.get("training.problem.kernelSize", MAX_KERNEL) : null,
                    units(I18n.get("training.arch.dense1"), dense1), units(I18n.get("training.arch.dense2"), dense2));
        };
        if (p != null) return new Result(null, p);
        List<LayerSpec> layers = switch (family) {
            case SOFTMAX -> ModelZoo.softmaxRegression().layers();
            case MLP -> List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(hidden), new LayerSpec.Act(activation),
                    new LayerSpec.Dense(10));
            default -> lenetLayers();
        };
        // Walk the shapes ourselves so that an impossible layer gets a translated message naming it.
        Shape s = ModelZoo.MNIST_INPUT;
        int convs = 0;
        for (LayerSpec l : layers) {
            if (l instanceof LayerSpec.Conv) convs++;
            try {
                s = l.outputShape(s);
            } catch (IllegalArgumentException e) {
                String conv = "conv" + convs;
                return new Result(null, switch (l) {
                    case LayerSpec.Conv c -> I18n.get("training.problem.kernelTooLarge", c.kernel(), conv,
                            s.h() + 2 * c.padding(), s.w() + 2 * c.padding());
                    case LayerSpec.Pool pl -> I18n.get("training.problem.poolTooLarge", pl.window(), conv, s.h(), s.w());
                    default -> I18n.get("training.problem.other", e.getMessage());
                });
            }
        }
        try {
            return new Result(new ModelSpec(id(), ModelZoo.MNIST_INPUT, layers), null);
        } catch (IllegalArgumentException e) {
            return new Result(null, I18n.get("training.problem.other", e.getMessage()));
        }
    }

    /** Same layer order as {@link ModelZoo#lenet}: conv-act-pool twice, flatten, dense-act twice, dense 10. */
    private List<LayerSpec> lenetLayers() {
        List<LayerSpec> l = new ArrayList<>();
        l.add(new LayerSpec.Conv(conv1, kernel, kernel / 2, 1));
        l.add(new LayerSpec.Act(activation));
        l.add(new LayerSpec.Pool(pooling, 2, 2));
        l.add(new LayerSpec.Conv(conv2, kernel, 0, 1));
        l.add(new LayerSpec.Act(activation));
        l.add(new LayerSpec.Pool(pooling, 2, 2));
        l.add(new LayerSpec.Flatten());
        l.add(new LayerSpec.Dense(dense1));
        l.add(new LayerSpec.Act(activation));
        l.add(new LayerSpec.Dense(dense2));
        l.add(new LayerSpec.Act(activation));
        l.add(new LayerSpec.Dense(10));
        return l;
    }

    /**
     * The design behind a spec (e.g. of a loaded model file), or null if the spec is not one of the families
     * ConvScope builds (then the form cannot show it, but the model can still be used).
     */
    public static ModelDesign from(ModelSpec spec) {
        for (Family f : Family.values()) {
            ModelDesign base = of(f);
            if (f == Family.SOFTMAX) {
                if (spec.layers().equals(ModelZoo.softmaxRegression().layers())) return base;
                continue;
            }
            List<LayerSpec> ls = spec.layers();
            if (f == Family.MLP) {
                if (ls.size() == 4 && ls.get(0) instanceof LayerSpec.Flatten && ls.get(1) instanceof LayerSpec.Dense h
                        && ls.get(2) instanceof LayerSpec.Act a && ls.get(3) instanceof LayerSpec.Dense o && o.outputs() == 10)
                    return new ModelDesign(f, base.conv1, base.conv2, base.kernel, a.fn(), base.pooling, base.dense1, base.dense2, h.outputs());
                continue;
            }
            if (ls.size() == 12 && ls.get(0) instanceof LayerSpec.Conv c1 && ls.get(1) instanceof LayerSpec.Act a
                    && ls.get(2) instanceof LayerSpec.Pool p && ls.get(3) instanceof LayerSpec.Conv c2
                    && ls.get(7) instanceof LayerSpec.Dense d1 && ls.get(9) instanceof LayerSpec.Dense d2) {
                Family fam = a.fn() == Activation.SIGMOID && p.pool() == PoolKind.AVERAGE ? Family.LENET_CLASSIC : Family.LENET_MODERN;
                if (fam != f) continue;
                ModelDesign d = new ModelDesign(fam, c1.outChannels(), c2.outChannels(), c1.kernel(), a.fn(), p.pool(),
                        d1.outputs(), d2.outputs(), base.hidden);
                return d.build().ok() && d.build().spec().layers().equals(ls) ? d : null;
            }
        }
        return null;
    }

    private static String channels(String what, int n) {
        return n < 1 || n > MAX_CHANNELS ? I18n.get("training.problem.channels", what, MAX_CHANNELS) : null;
    }

    private static String units(String what, int n) {
        return n < 1 || n > MAX_UNITS ? I18n.get("training.problem.units", what, MAX_UNITS) : null;
    }

    private static String firstProblem(String... ps) {
        for (String p : ps) if (p != null) return p;
        return null;
    }
}
