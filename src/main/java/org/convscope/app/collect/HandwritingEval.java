package org.convscope.app.collect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.convscope.app.training.ConfusionMatrix;
import org.convscope.engine.Network;

/**
 * How well a model reads a collected set: accuracy, the confusion matrix (the training view's), and the drawings it
 * gets most wrong (the lowest probability for the true class first). No JavaFX; safe on a background thread.
 */
public final class HandwritingEval {
    private HandwritingEval() {}

    /** One drawing's answer: the class predicted and the probability the model gave the true class. */
    public record Answer(Sample sample, int predicted, float confidence, float trueProbability) {
        public boolean right() { return predicted == sample.label(); }
    }

    /** @param answers in set order; worst: the wrong answers, the most confidently wrong first */
    public record Result(ConfusionMatrix matrix, List<Answer> answers, List<Answer> worst) {
        public double accuracy() { return matrix.accuracy(); }
        public int total() { return matrix.total(); }
    }

    /**
     * Why this model cannot read this set, or null: it must take 28x28 images and have an output for every class
     * (a model trained here has 10 outputs also for a set of 3 classes; the unused ones simply stay unlikely).
     */
    public static SetProblem mismatch(Network net, List<String> classNames) {
        if (net.spec().input().size() != Sample.PIXELS) return new SetProblem("collect.eval.input", net.spec().input().toString());
        if (net.spec().classes() < classNames.size())
            return new SetProblem("collect.eval.classes", net.spec().classes(), classNames.size());
        return null;
    }

    /** Every sample through net; the confusion matrix has one row and column per output of net (classes). */
    public static Result evaluate(Network net, List<Sample> samples, int classes) {
        if (samples.isEmpty()) throw new IllegalArgumentException("no drawings to evaluate");
        int[] actual = new int[samples.size()], predicted = new int[samples.size()];
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            float[] p = net.predict(s.image());
            int best = 0;
            for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
            actual[i] = s.label();
            predicted[i] = best;
            answers.add(new Answer(s, best, p[best], s.label() < p.length ? p[s.label()] : 0f));
        }
        List<Answer> worst = new ArrayList<>(answers.stream().filter(a -> !a.right()).toList());
        worst.sort(Comparator.comparingDouble(Answer::trueProbability));
        return new Result(ConfusionMatrix.of(actual, predicted, classes), List.copyOf(answers), List.copyOf(worst));
    }
}
