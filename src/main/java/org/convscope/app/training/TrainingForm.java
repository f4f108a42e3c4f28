package org.convscope.app.training;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.convscope.app.AppContext;
import org.convscope.app.I18n;
import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.Activation;
import org.convscope.engine.Network;
import org.convscope.engine.PoolKind;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainConfig.Optimizer;

/**
 * The training form: dataset, architecture and hyper-parameters as properties the controls bind to (text fields stay
 * text), and what they mean: {@link #designProperty()} (a model spec or the message shown inline),
 * {@link #hyperProperty()} (a config or the message), {@link #problemProperty()} (the first thing wrong). No run, no
 * files: the FX thread only, nothing here blocks.
 */
public final class TrainingForm {

    /** Training-image choices in the form (0 = all). */
    public static final List<Integer> TRAIN_SIZES = List.of(0, 30_000, 10_000, 1_024);

    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(this, "dataset", AppContext.FASHION_MNIST);
    private final ObjectProperty<Family> family = new SimpleObjectProperty<>(this, "family", Family.LENET_CLASSIC);
    private final StringProperty conv1 = new SimpleStringProperty("6"), conv2 = new SimpleStringProperty("16"),
            kernel = new SimpleStringProperty("5"), dense1 = new SimpleStringProperty("120"),
            dense2 = new SimpleStringProperty("84"), hidden = new SimpleStringProperty("256");
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.SIGMOID);
    private final ObjectProperty<PoolKind> pooling = new SimpleObjectProperty<>(PoolKind.AVERAGE);
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(Optimizer.SGD);
    private final StringProperty learningRate = new SimpleStringProperty("0.9"), batchSize = new SimpleStringProperty("256"),
            epochs = new SimpleStringProperty("10"), threads = new SimpleStringProperty(Integer.toString(TrainConfig.defaultThreads()));
    private final ObjectProperty<Integer> trainImages = new SimpleObjectProperty<>(0);

    private final ObjectBinding<ModelDesign.Result> design;
    private final ObjectBinding<HyperParameters.Result> hyper;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper parameterText = new ReadOnlyStringWrapper(this, "parameterText", "");
    private Network preview;

    public TrainingForm() {
        design = Bindings.createObjectBinding(this::buildDesign, family, conv1, conv2, kernel, dense1, dense2, hidden,
                activation, pooling, I18n.localeProperty());
        hyper = Bindings.createObjectBinding(() -> hyperText().parse(), optimizer, learningRate, batchSize, epochs,
                threads, I18n.localeProperty());
        problem.bind(Bindings.createStringBinding(() -> design.get().ok() ? hyper.get().problem() : design.get().problem(), design, hyper));
        parameterText.bind(Bindings.createStringBinding(() -> design.get().ok()
                ? I18n.get("training.parameters", design.get().spec().parameterCount()) : "", design, I18n.localeProperty()));
        family.addListener((o, old, f) -> {
            // Classic and modern LeNet differ exactly in activation and pooling: switching the family sets them.
            ModelDesign d = ModelDesign.of(f);
            if (f != Family.MLP || old != Family.MLP) activation.set(d.activation());
            pooling.set(d.pooling());
        });
    }

    public ObjectProperty<String> datasetProperty() { return dataset; }
    public ObjectProperty<Family> familyProperty() { return family; }
    public StringProperty conv1Property() { return conv1; }
    public StringProperty conv2Property() { return conv2; }
    public StringProperty kernelProperty() { return kernel; }
    public StringProperty dense1Property() { return dense1; }
    public StringProperty dense2Property() { return dense2; }
    public StringProperty hiddenProperty() { return hidden; }
    public ObjectProperty<Activation> activationProperty() { return activation; }
    public ObjectProperty<PoolKind> poolingProperty() { return pooling; }
    public ObjectProperty<Optimizer> optimizerProperty() { return optimizer; }
    public StringProperty learningRateProperty() { return learningRate; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public StringProperty epochsProperty() { return epochs; }
    public StringProperty threadsProperty() { return threads; }
    public ObjectProperty<Integer> trainImagesProperty() { return trainImages; }

    public ObjectBinding<ModelDesign.Result> designProperty() { return design; }
    public ObjectBinding<HyperParameters.Result> hyperProperty() { return hyper; }
    /** The first thing wrong with the form (translated), null when it is fine. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** "61,706 parameters" for the current architecture. */
    public ReadOnlyStringProperty parameterTextProperty() { return parameterText.getReadOnlyProperty(); }

    /** Sets every architecture field from a design. */
    public void setDesign(ModelDesign d) {
        family.set(d.family());
        activation.set(d.activation());
        pooling.set(d.pooling());
        conv1.set(Integer.toString(d.conv1()));
        conv2.set(Integer.toString(d.conv2()));
        kernel.set(Integer.toString(d.kernel()));
        dense1.set(Integer.toString(d.dense1()));
        dense2.set(Integer.toString(d.dense2()));
        hidden.set(Integer.toString(d.hidden()));
    }

    public void setHyperParameters(HyperParameters h) {
        optimizer.set(h.optimizer());
        learningRate.set(h.learningRate());
        batchSize.set(h.batchSize());
        epochs.set(h.epochs());
        threads.set(h.threads());
    }

    /** The hyper-parameters as typed (unparsed). */
    public HyperParameters hyperText() {
        return new HyperParameters(optimizer.get(), learningRate.get(), batchSize.get(), epochs.get(), threads.get());
    }

    /** D2L's LeNet experiment: LeNet-5 classic, SGD lr 0.9, batch 256, 10 epochs (threads as set). */
    void applyD2lPreset() {
        setDesign(ModelDesign.of(Family.LENET_CLASSIC));
        int t;
        try { t = Integer.parseInt(threads.get().strip()); } catch (NumberFormatException e) { t = TrainConfig.defaultThreads(); }
        setHyperParameters(HyperParameters.d2l(t));
    }

    /**
     * Modern LeNet with Adam (lr 0.001, batch 64, 10 epochs): 99.2 % on MNIST and 90.0 % on Fashion-MNIST in our runs
     * (README); plain SGD lr 0.1 with batch 256 stays near 98.7 % on MNIST in ten epochs.
     */
    void applyModernPreset() {
        setDesign(ModelDesign.of(Family.LENET_MODERN));
        setHyperParameters(new HyperParameters(Optimizer.ADAM, "0.001", "64", "10", threads.get()));
    }

    /** Training images the form asks for (0 = all). */
    public int trainLimit() {
        Integer n = trainImages.get();
        return n == null ? 0 : n;
    }

    /** The design as typed, if every number parses (for labels and compare). */
    public ModelDesign currentDesign() {
        try {
            return new ModelDesign(family.get(), parse(conv1), parse(conv2), parse(kernel), activation.get(), pooling.get(),
                    parse(dense1), parse(dense2), parse(hidden));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The network a run of the current design would start with (same seed, so exactly these weights): its kernels
     * are shown before training so that the change from random noise is visible. Null when the design is impossible.
     */
    public Network previewNetwork() {
        ModelDesign.Result d = design.get();
        HyperParameters.Result h = hyper.get();
        if (!d.ok()) return null;
        long seed = h.ok() ? h.config().seed() : HyperParameters.SEED;
        if (preview == null || !preview.spec().equals(d.spec())) preview = Network.create(d.spec(), seed);
        return preview;
    }

    private ModelDesign.Result buildDesign() {
        String[][] fields = {{"training.arch.conv1", conv1.get()}, {"training.arch.conv2", conv2.get()},
                {"training.arch.kernel", kernel.get()}, {"training.arch.dense1", dense1.get()},
                {"training.arch.dense2", dense2.get()}, {"training.arch.hidden", hidden.get()}};
        boolean lenet = family.get().convolutional();
        for (String[] f : fields) {
            boolean used = lenet ? !f[0].endsWith("hidden") : family.get() == Family.MLP && f[0].endsWith("hidden");
            if (!used) continue;
            try { Integer.parseInt(f[1].strip()); }
            catch (NumberFormatException e) { return new ModelDesign.Result(null, I18n.get("training.problem.notInteger", I18n.get(f[0]), f[1].strip())); }
        }
        ModelDesign d = currentDesign();
        return d == null ? new ModelDesign.Result(null, I18n.get("training.problem.other", "?")) : d.build();
    }

    private static int parse(StringProperty p) {
        try { return Integer.parseInt(p.get().strip()); }
        catch (NumberFormatException e) { return 1; } // unused field of another family; buildDesign reports used ones
    }
}
