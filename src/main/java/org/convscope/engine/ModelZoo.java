package org.convscope.engine;

import java.util.List;

/** The models ConvScope trains and compares (D2L chapters 3, 4 and 6). */
public final class ModelZoo {
    private ModelZoo() {}

    public static final Shape MNIST_INPUT = new Shape(1, 28, 28);

    /** Softmax regression: flatten + dense 784 -> 10 (7,850 parameters). */
    public static ModelSpec softmaxRegression() {
        return new ModelSpec("softmax-regression", MNIST_INPUT, List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(10)));
    }

    /** MLP 784-256-10 with ReLU (203,530 parameters). */
    public static ModelSpec mlp() { return mlp(256, Activation.RELU); }

    public static ModelSpec mlp(int hidden, Activation act) {
        return new ModelSpec("mlp", MNIST_INPUT, List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(hidden),
                new LayerSpec.Act(act), new LayerSpec.Dense(10)));
    }

    /** LeNet-5 as in D2L 6.6: sigmoid and 2x2 average pooling (61,706 parameters). */
    public static ModelSpec lenetClassic() { return lenet("lenet5-classic", 6, 16, 5, Activation.SIGMOID, PoolKind.AVERAGE, 120, 84); }

    /** LeNet-5 with ReLU and max pooling, the peers' benchmark configuration (61,706 parameters). */
    public static ModelSpec lenetModern() { return lenet("lenet5-modern", 6, 16, 5, Activation.RELU, PoolKind.MAX, 120, 84); }

    /** A LeNet-shaped network with editable channels, kernel size, activation, pooling and hidden units. */
    public static ModelSpec lenet(String id, int c1, int c2, int k, Activation act, PoolKind pool, int h1, int h2) {
        return new ModelSpec(id, MNIST_INPUT, List.of(
                new LayerSpec.Conv(c1, k, k / 2, 1), new LayerSpec.Act(act), new LayerSpec.Pool(pool, 2, 2),
                new LayerSpec.Conv(c2, k, 0, 1), new LayerSpec.Act(act), new LayerSpec.Pool(pool, 2, 2),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense(h1), new LayerSpec.Act(act),
                new LayerSpec.Dense(h2), new LayerSpec.Act(act),
                new LayerSpec.Dense(10)));
    }

    public static List<ModelSpec> all() { return List.of(softmaxRegression(), mlp(), lenetClassic(), lenetModern()); }

    public static ModelSpec byId(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + id + "'; known: softmax-regression, mlp, lenet5-classic, lenet5-modern"));
    }
}
