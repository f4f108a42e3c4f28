package org.convscope.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.I18n;
import org.convscope.app.common.LatestOnly;
import org.convscope.engine.LabeledImages;
import org.convscope.engine.Network;

/**
 * The first test images with the network's current answer under each: the class and its probability, green when
 * right, red when wrong (style classes {@code right} / {@code wrong}), so the answers are seen improving while the
 * network trains. The predictions run in the background, newest request only; the caller throttles the requests.
 * Ids: #predictions, #prediction-N (the answer under image N).
 */
final class PredictionStrip extends VBox {
    static final int COUNT = 10, ZOOM = 2;

    /** The answers for the first images: predicted class, its probability, the true label. */
    record Answers(String dataset, int[] predicted, float[] confidence, int[] labels, byte[] pixels, int imageSize) {
        int right() {
            int n = 0;
            for (int i = 0; i < predicted.length; i++) if (predicted[i] == labels[i]) n++;
            return n;
        }
    }

    record Request(Network network, LabeledImages test, String dataset) {}

    private final Label title = new Label();
    private final javafx.scene.layout.FlowPane cells = new javafx.scene.layout.FlowPane(6, 6); // rows wrap in a narrow window
    private final List<ImageView> images = new ArrayList<>();
    private final List<Label> answers = new ArrayList<>();
    private final LatestOnly<Request, Answers> runner;
    private Answers shown;
    private byte[] shownPixels;

    PredictionStrip(Executor background, Executor fx) {
        setId("predictions");
        getStyleClass().add("prediction-strip");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a second line in a narrow column, never "…"
        for (int i = 0; i < COUNT; i++) {
            ImageView v = new ImageView();
            v.setSmooth(false);
            Label a = new Label();
            a.setId("prediction-" + i);
            a.getStyleClass().add("prediction");
            a.setWrapText(true); // a long class name ("T-shirt/top") wraps inside the cell's width (training.css)
            a.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "Sne…": the cells wrap into rows instead
            VBox cell = new VBox(2, v, a);
            cell.setAlignment(Pos.TOP_CENTER);
            cells.getChildren().add(cell);
            images.add(v);
            answers.add(a);
        }
        getChildren().addAll(title, cells);
        setSpacing(4);
        runner = new LatestOnly<>(background, fx, PredictionStrip::answer, this::show, org.convscope.app.ErrorLog::show);
        I18n.onChange(this, () -> show(shown));
        show(null);
    }

    /** Asks for the network's answers on the first test images (null network or images: clears). */
    void request(Network network, LabeledImages test, String dataset) {
        if (network == null || test == null || test.count() == 0 || test.imageSize() != network.spec().input().size()) {
            show(null);
            return;
        }
        try {
            runner.submit(new Request(network, test, dataset));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the background executor is shut down: the app is closing, nothing is left to show
        }
    }

    Answers shown() { return shown; }

    /** COUNT forward passes (background thread). */
    static Answers answer(Request r) {
        int n = Math.min(COUNT, r.test().count()), size = r.test().imageSize();
        int[] predicted = new int[n], labels = new int[n];
        float[] confidence = new float[n];
        byte[] pixels = new byte[n * size];
        System.arraycopy(r.test().images(), 0, pixels, 0, n * size);
        float[] x = new float[size];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < size; q++) x[q] = (pixels[i * size + q] & 0xFF) / 255f;
            float[] p = r.network().predict(x);
            int best = 0;
            for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
            predicted[i] = best;
            confidence[i] = p[best];
            labels[i] = r.test().label(i);
        }
        return new Answers(r.dataset(), predicted, confidence, labels, pixels, size);
    }

    private void show(Answers a) {
        shown = a;
        if (a == null) {
            title.setText(I18n.get("training.predictions.title.none"));
            for (int i = 0; i < COUNT; i++) { images.get(i).setImage(null); answers.get(i).setText(""); }
            shownPixels = null;
            return;
        }
        int n = a.predicted().length;
        title.setText(I18n.get("training.predictions.title", a.right(), n));
        boolean fashion = AppContext.FASHION_MNIST.equals(a.dataset());
        boolean newImages = !java.util.Arrays.equals(a.pixels(), shownPixels);
        shownPixels = a.pixels();
        for (int i = 0; i < COUNT; i++) {
            Label l = answers.get(i);
            l.getStyleClass().removeAll("right", "wrong");
            if (i >= n) { images.get(i).setImage(null); l.setText(""); continue; }
            if (newImages) images.get(i).setImage(picture(a.pixels(), i, a.imageSize()));
            String name = fashion ? I18n.get("class.fashion." + a.predicted()[i]) : Integer.toString(a.predicted()[i]);
            l.setText(I18n.get("training.predictions.answer", name, String.format(Locale.ROOT, "%.0f", 100 * a.confidence()[i])));
            l.getStyleClass().add(a.predicted()[i] == a.labels()[i] ? "right" : "wrong");
        }
    }

    /** Image i at ZOOM x its size, already sharp (grey, white strokes on black as the network sees them). */
    private static WritableImage picture(byte[] pixels, int i, int size) {
        int side = (int) Math.round(Math.sqrt(size)), s = side * ZOOM;
        int[] argb = new int[s * s];
        for (int y = 0; y < s; y++)
            for (int x = 0; x < s; x++) {
                int g = pixels[i * size + (y / ZOOM) * side + x / ZOOM] & 0xFF;
                argb[y * s + x] = 0xFF000000 | g << 16 | g << 8 | g;
            }
        WritableImage img = new WritableImage(s, s);
        img.getPixelWriter().setPixels(0, 0, s, s, PixelFormat.getIntArgbInstance(), argb, 0, s);
        return img;
    }
}
