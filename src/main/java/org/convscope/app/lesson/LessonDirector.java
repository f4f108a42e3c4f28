package org.convscope.app.lesson;

import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.Settings;
import org.convscope.data.DatasetKind;
import org.convscope.data.Split;

/**
 * Plays a lesson in the window: for each step it puts the step's picture in front of every view, opens the step's
 * view and prepares it ({@link ConceptView#applyState}). Also captures the view on screen as a new step ("Add this
 * view as a step"). FX thread only.
 */
public final class LessonDirector {
    private final AppContext ctx;
    private final LessonHost host;
    private final Settings settings;
    private final ObjectProperty<LessonProgress> progress = new SimpleObjectProperty<>(this, "progress");
    /** A step that could not be prepared as written (its view refused a value): what and why; "" when fine. */
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private long applying;

    public LessonDirector(AppContext ctx, LessonHost host, Settings settings) {
        this.ctx = ctx;
        this.host = host;
        this.settings = settings;
    }

    /** The lesson being taught (null: none). */
    public ObjectProperty<LessonProgress> progressProperty() { return progress; }
    public LessonProgress progress() { return progress.get(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Opens a lesson where this person left it last time, and shows that step. */
    public void open(Lesson lesson) {
        LessonProgress p = new LessonProgress(lesson, settings);
        p.indexProperty().addListener((o, a, b) -> show(p.step()));
        progress.set(p);
        settings.put("lesson.last", lesson.id());
        show(p.step());
    }

    public void close() { progress.set(null); problem.set(""); }

    public boolean next() { return progress.get() != null && progress.get().next(); }

    public boolean previous() { return progress.get() != null && progress.get().previous(); }

    public void goTo(int i) {
        LessonProgress p = progress.get();
        if (p == null) return;
        if (p.index() == i) show(p.step()); else p.goTo(i);
    }

    /** Prepares the window for a step: picture first (it may need a dataset), then the view and its state. */
    void show(LessonStep step) {
        long token = ++applying;
        problem.set("");
        ImageRef image = step.image();
        if (image == null) {
            openView(step);
            return;
        }
        if (image.pixels() != null) {
            ctx.currentImageProperty().set(new AppContext.InputImage(image.toFloats(), image.dataset(), -1,
                    I18n.get("lesson.image.own")));
            openView(step);
            return;
        }
        DatasetKind kind = DatasetKind.ofId(image.dataset());
        ctx.datasets().load(kind, Split.TEST, d -> {
            if (token != applying) return; // the person already moved on
            if (image.index() >= d.count()) {
                problem.set(I18n.get("lesson.problem.image", image.index(), d.count() - 1));
            } else {
                ctx.currentImageProperty().set(new AppContext.InputImage(d.image(image.index()), image.dataset(),
                        d.label(image.index()), I18n.get("browser.image",
                        org.convscope.app.DatasetCache.name(new org.convscope.app.DatasetCache.Key(kind, Split.TEST)), image.index()),
                        image.dataset() + "/test/" + image.index()));
            }
            openView(step);
        }, error -> {
            if (token != applying) return;
            problem.set(I18n.get("lesson.problem.data", String.valueOf(error.getMessage())));
            openView(step);
        });
    }

    private void openView(LessonStep step) {
        var view = host.view(step.view());
        if (view.isEmpty()) {
            problem.set(I18n.get("lesson.problem.view", step.view()));
            return;
        }
        host.select(step.view());
        try {
            view.get().applyState(step.state());
        } catch (IllegalArgumentException e) {
            problem.set(I18n.get("lesson.problem.state", progress.get() == null ? 0 : progress.get().index() + 1,
                    step.view(), e.getMessage()));
        }
    }

    /** The view on screen as a lesson step: its id, its state and the picture (narration left for the teacher). */
    public LessonStep capture() {
        ConceptView v = host.current();
        Map<String, String> state = v.captureState();
        ImageRef image = imageRef(ctx.currentImageProperty().get());
        String title = I18n.get(I18n.ENGLISH, v.titleKey()), titleZh = I18n.get(I18n.CHINESE, v.titleKey());
        return new LessonStep(Text.EMPTY, new Text(title, titleZh), v.id(), state, image,
                new Text(I18n.get(I18n.ENGLISH, "lesson.capture.narration"), I18n.get(I18n.CHINESE, "lesson.capture.narration")),
                Text.EMPTY, null);
    }

    /** The picture as a lesson can name it: a test image by its index, anything else by its pixels. */
    static ImageRef imageRef(AppContext.InputImage img) {
        if (img == null || img.pixels().length != ImageRef.PIXELS) return null;
        String ref = img.ref();
        if (ref != null) {
            String[] p = ref.split("/");
            if (p.length == 3 && p[1].equals("test")) {
                try {
                    return ImageRef.test(p[0], Integer.parseInt(p[2]));
                } catch (NumberFormatException ignored) {
                    // fall through: keep the pixels
                }
            }
        }
        return ImageRef.drawn(img.dataset(), ImageRef.toBytes(img.pixels()));
    }

    /** For tests: applies without the dataset round trip when the picture is already at hand. */
    void onProblem(Consumer<String> c) { problem.addListener((o, a, b) -> { if (!b.isEmpty()) c.accept(b); }); }
}
