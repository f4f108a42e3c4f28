package org.convscope.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convscope.app.I18n;
import org.convscope.app.training.ModelDesign.Family;
import org.convscope.engine.Activation;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainingSession;
import org.convscope.engine.TrainingSnapshot;
import org.convscope.engine.TrainingSnapshot.State;

/**
 * Softmax regression, the MLP and LeNet-5 trained one after another on the same images with the same
 * hyper-parameters (the training form's), so that the table — parameters, training time, train and test accuracy
 * — makes the case for convolutions with numbers the class just watched appear. One engine run at a time: on a
 * two-core laptop running them together would only make each slower. FX thread; {@link #pull()} per frame.
 */
public final class ComparisonModel {

    /** What a row shows. */
    public enum Status { WAITING, TRAINING, DONE, DIVERGED, STOPPED, FAILED }

    /** One model of the comparison. */
    public static final class Row {
        private final ModelSpec spec;
        private final String nameKey;
        private final ReadOnlyLongWrapper parameters = new ReadOnlyLongWrapper();
        private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(Double.NaN);
        private final ReadOnlyDoubleWrapper trainAccuracy = new ReadOnlyDoubleWrapper(Double.NaN);
        private final ReadOnlyDoubleWrapper testAccuracy = new ReadOnlyDoubleWrapper(Double.NaN);
        private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.WAITING);
        private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
        final LossCurve loss = new LossCurve(400, 0.05);
        private int consumed;
        private TrainingSnapshot last;

        Row(ModelSpec spec, String nameKey) {
            this.spec = spec;
            this.nameKey = nameKey;
            parameters.set(spec.parameterCount());
        }

        public ModelSpec spec() { return spec; }
        public String nameKey() { return nameKey; }
        public ReadOnlyLongProperty parametersProperty() { return parameters.getReadOnlyProperty(); }
        public ReadOnlyDoubleProperty secondsProperty() { return seconds.getReadOnlyProperty(); }
        public ReadOnlyDoubleProperty trainAccuracyProperty() { return trainAccuracy.getReadOnlyProperty(); }
        public ReadOnlyDoubleProperty testAccuracyProperty() { return testAccuracy.getReadOnlyProperty(); }
        public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
        /** "epoch 2 / 5" while training. */
        public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
        /** The latest snapshot of this model's run (curves), null before it started. */
        public TrainingSnapshot last() { return last; }
        public LossCurve lossCurve() { return loss; }
    }

    private final TrainingViewModel form;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private TrainConfig config;
    private LabeledImages train, test;
    private int current = -1;
    private boolean stopping;
    private TrainingSession session;
    private long version;

    public ComparisonModel(TrainingViewModel form) {
        this.form = form;
        form.engineTakenProperty().bind(running);
    }

    public ObservableList<Row> rows() { return rows; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Why the comparison cannot start (translated), null when it can. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Increases whenever a row changed (the view redraws the charts then). */
    public long version() { return version; }

    /**
     * The three architectures: softmax regression; the MLP with the form's hidden units and activation (when the
     * form shows an MLP, else 256 ReLU); LeNet-5 as in the form when it shows a LeNet, else the modern one.
     */
    public List<ModelDesign> designs() {
        ModelDesign d = form.currentDesign();
        ModelDesign mlp = d != null && d.family() == Family.MLP && d.build().ok() ? d : ModelDesign.of(Family.MLP);
        ModelDesign lenet = d != null && d.family().convolutional() && d.build().ok() ? d : ModelDesign.of(Family.LENET_MODERN);
        return List.of(ModelDesign.of(Family.SOFTMAX), mlp, lenet);
    }

    /** Starts the first model; the others follow as each one ends. */
    public void start() {
        if (running.get()) return;
        HyperParameters.Result h = form.hyperProperty().get();
        if (!h.ok()) { problem.set(h.problem()); return; }
        if (form.busyProperty().get()) { problem.set(I18n.get("training.compare.busy")); return; }
        train = form.trainingImages();
        test = form.testImages();
        if (train == null || test == null) { problem.set(I18n.get("training.compare.noData")); return; }
        problem.set(null);
        config = h.config();
        rows.clear();
        for (ModelDesign d : designs()) rows.add(new Row(d.build().spec(), d.family().titleKey()));
        running.set(true);
        current = -1;
        next();
    }

    /** Stops the model in training; the ones not yet trained are skipped. */
    public void stop() {
        if (!running.get()) return;
        stopping = true;
        if (session != null) session.stop();
        for (int i = current + 1; i < rows.size(); i++) rows.get(i).status.set(Status.STOPPED);
    }

    private void next() {
        current++;
        if (stopping || current >= rows.size()) {
            session = null;
            stopping = false;
            running.set(false);
            return;
        }
        Row r = rows.get(current);
        session = new TrainingSession(r.spec, config, train, test, form.sessionOptions(), null);
        r.status.set(Status.TRAINING);
        session.start();
    }

    /** Takes the running model's latest snapshot; starts the next model when it ended. */
    public boolean pull() {
        if (session == null || current < 0 || current >= rows.size()) return false;
        Row r = rows.get(current);
        TrainingSnapshot s = session.snapshot();
        if (s == r.last) return false;
        r.last = s;
        int bpe = Math.max(1, s.batchesPerEpoch());
        for (int i = r.consumed; i < s.losses().count(); i++) r.loss.add((i + 1.0) / bpe, s.losses().get(i));
        r.consumed = s.losses().count();
        r.seconds.set(s.runningSeconds());
        r.trainAccuracy.set(s.finalTrainAccuracy());
        r.testAccuracy.set(s.finalTestAccuracy());
        r.progress.set(I18n.get("training.progress.epoch", Math.min(s.epoch() + 1, s.config().epochs()), s.config().epochs()));
        version++;
        boolean diverged = s.state() == State.PAUSED && s.event() != null && s.event().kind() == TrainingSnapshot.Event.Kind.DIVERGED;
        if (diverged) {
            r.status.set(Status.DIVERGED);
            session.stop();
            next();
        } else if (s.state().ended()) {
            if (r.status.get() == Status.TRAINING)
                r.status.set(switch (s.state()) { case FINISHED -> Status.DONE; case STOPPED -> Status.STOPPED; default -> Status.FAILED; });
            next();
        }
        return true;
    }

    /** The curves of every model that ran, as one CSV. */
    public void exportCsv(Path file, java.util.concurrent.Executor background, java.util.function.Consumer<String> report) {
        List<Row> done = new ArrayList<>(rows.stream().filter(r -> r.last != null).toList());
        new org.convscope.app.common.OneShot(background, Platform::runLater).run("Exporting the comparison to " + file, () -> {
            try (var w = Files.newBufferedWriter(file)) {
                CurvesCsv.writeHeader(w);
                for (Row r : done) CurvesCsv.writeRun(w, r.spec.id(), r.last);
            }
        }, () -> report.accept(I18n.get("training.exported", file.toString())),
                e -> report.accept(I18n.get("training.exportFailed", e.getMessage())));
    }

    /**
     * Stops for good (app exit) without waiting on the FX thread: the future completes when the model in training
     * has ended (at once if none is).
     */
    public java.util.concurrent.CompletableFuture<?> close() {
        if (session == null) return java.util.concurrent.CompletableFuture.completedFuture(null);
        stopping = true; // no next model
        return session.stopAsync();
    }

}
