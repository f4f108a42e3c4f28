package org.convscope.app.training;

import org.convscope.app.I18n;
import org.convscope.engine.TrainConfig;
import org.convscope.engine.TrainConfig.Optimizer;

/**
 * The hyper-parameters as typed into the form (text), turned into a {@link TrainConfig} or into one translated
 * message saying what is wrong and what to try. The rules are {@link TrainConfig#problem()}'s; this class only
 * parses and translates. No JavaFX.
 */
public record HyperParameters(Optimizer optimizer, String learningRate, String batchSize, String epochs, String threads) {

    /** Every run of the app uses this seed, so that a run can be repeated exactly. */
    public static final long SEED = 42;

    /** A config or the reason there is none. */
    public record Result(TrainConfig config, String problem) {
        public boolean ok() { return config != null; }
    }

    /** D2L's LeNet recipe (SGD lr 0.9, batch 256, 10 epochs) with the given threads. */
    public static HyperParameters d2l(int threads) {
        return new HyperParameters(Optimizer.SGD, "0.9", "256", "10", Integer.toString(threads));
    }

    public static HyperParameters of(TrainConfig c) {
        return new HyperParameters(c.optimizer(), Float.toString(c.learningRate()), Integer.toString(c.batchSize()),
                Integer.toString(c.epochs()), Integer.toString(c.threads()));
    }

    public Result parse() {
        float lr;
        int batch, ep, th;
        try { lr = Float.parseFloat(learningRate.strip().replace(',', '.')); }
        catch (NumberFormatException e) { return fail("training.problem.notNumber", I18n.get("training.hp.lr"), learningRate.strip()); }
        try { batch = Integer.parseInt(batchSize.strip().replace(",", "")); }
        catch (NumberFormatException e) { return fail("training.problem.notInteger", I18n.get("training.hp.batch"), batchSize.strip()); }
        try { ep = Integer.parseInt(epochs.strip()); }
        catch (NumberFormatException e) { return fail("training.problem.notInteger", I18n.get("training.hp.epochs"), epochs.strip()); }
        try { th = Integer.parseInt(threads.strip()); }
        catch (NumberFormatException e) { return fail("training.problem.notInteger", I18n.get("training.hp.threads"), threads.strip()); }
        TrainConfig c = new TrainConfig(optimizer, lr, 0f, 0f, batch, ep, th, SEED);
        if (c.problem() == null) return new Result(c, null);
        // The same checks in the same order as TrainConfig.problem(), each with a translated message.
        if (!(lr > 0f) || !Float.isFinite(lr)) return fail("training.problem.lr");
        if (lr > 100f) return fail("training.problem.lrTooLarge", lr);
        if (batch < 1) return fail("training.problem.batch");
        if (batch > 60_000) return fail("training.problem.batchTooLarge");
        if (ep < 1) return fail("training.problem.epochs");
        if (ep > 1000) return fail("training.problem.epochsTooMany");
        if (th < 1 || th > 256) return fail("training.problem.threads");
        return new Result(null, c.problem()); // a rule added to TrainConfig later: its own (English) words
    }

    /**
     * What is wrong with one field's text alone ("lr", "batch", "epochs" or "threads"), by the same rules as
     * {@link #parse()}; null when it is fine. The training form marks the field with it (ControlsFX validation).
     */
    public static String fieldProblem(String field, String text) {
        HyperParameters h = switch (field) {
            case "lr" -> new HyperParameters(Optimizer.SGD, text, "256", "10", "1");
            case "batch" -> new HyperParameters(Optimizer.SGD, "0.1", text, "10", "1");
            case "epochs" -> new HyperParameters(Optimizer.SGD, "0.1", "256", text, "1");
            case "threads" -> new HyperParameters(Optimizer.SGD, "0.1", "256", "10", text);
            default -> throw new IllegalArgumentException("no field " + field);
        };
        return h.parse().problem();
    }

    private static Result fail(String key, Object... args) { return new Result(null, I18n.get(key, args)); }
}
