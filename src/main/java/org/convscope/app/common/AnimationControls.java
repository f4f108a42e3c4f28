package org.convscope.app.common;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convscope.app.I18n;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The control bar of an animated sweep, shared by the kernel-sliding and pooling views (reusable by any view with a
 * {@link Playback}). Two rows, so that it fits the narrowest window (1024 px) and the timeline is a long target:
 * a scrubbable timeline of complete outputs (0..positions) on top; below it to start, one position back, one term back, play/pause, one term forward, one position
 * forward, to end, and a speed slider (window positions per second, logarithmic) that writes the playback's one
 * speed property.
 *
 * <p>Node ids for tests and key handling: anim-start, anim-back, anim-back-term, anim-play, anim-step-term,
 * anim-step, anim-end, anim-timeline, anim-filled, anim-speed, anim-speed-value.
 * Keys (see {@link #installKeys}): Space play/pause, → / ← one position, Shift+→ / Shift+← one term,
 * Home / End.
 */
public final class AnimationControls extends VBox {

    /** Speed slider range in window positions per second (log10 on the slider). */
    public static final double MIN_RATE = 0.2, MAX_RATE = 400;

    private final Playback playback;
    private final Slider timeline = new Slider();
    private final Slider speed = new Slider(Math.log10(MIN_RATE), Math.log10(MAX_RATE), 1);
    private final Label filled = new Label();
    private final Label speedValue = new Label();
    private final Button play = new Button();
    private boolean syncing;
    private final AnimationTimer timer = new AnimationTimer() {
        private long last = -1;
        @Override public void start() { last = -1; super.start(); }
        @Override public void handle(long now) {
            if (last >= 0) playback.tick((now - last) / 1e9);
            last = now;
        }
    };

    /**
     * @param termKey I18n key naming one term in the plural-free form used by the tooltips' MessageFormat,
     *                e.g. "anim.term.multiplyAdd" ("one multiply-add") or "anim.term.comparison"
     */
    public AnimationControls(Playback playback, String termKey) {
        this.playback = playback;
        getStyleClass().add("animation-controls");
        getStylesheets().add(AnimationControls.class.getResource("animation-controls.css").toExternalForm());
        setSpacing(6);

        Button start = button("anim-start", Material2MZ.SKIP_PREVIOUS, "anim.start");
        start.setOnAction(e -> { playback.pause(); playback.toStart(); });
        Button back = button("anim-back", Material2AL.FAST_REWIND, "anim.backPosition");
        back.setOnAction(e -> { playback.pause(); playback.backPosition(); });
        Button backTerm = button("anim-back-term", Material2MZ.NAVIGATE_BEFORE, null);
        backTerm.setTooltip(tooltip("anim.backTerm", termKey));
        backTerm.setOnAction(e -> { playback.pause(); playback.backTerm(); });
        play.setId("anim-play");
        play.getStyleClass().add("anim-play");
        play.setOnAction(e -> playback.togglePlay());
        Button stepTerm = button("anim-step-term", Material2MZ.NAVIGATE_NEXT, null);
        stepTerm.setTooltip(tooltip("anim.stepTerm", termKey));
        stepTerm.setOnAction(e -> { playback.pause(); playback.stepTerm(); });
        Button step = button("anim-step", Material2AL.FAST_FORWARD, "anim.stepPosition");
        step.setOnAction(e -> { playback.pause(); playback.stepPosition(); });
        Button end = button("anim-end", Material2MZ.SKIP_NEXT, "anim.end");
        end.setOnAction(e -> { playback.pause(); playback.toEnd(); });

        start.disableProperty().bind(Bindings.createBooleanBinding(() -> playback.cursor().atStart(), playback.cursorProperty()));
        back.disableProperty().bind(start.disableProperty());
        backTerm.disableProperty().bind(start.disableProperty());
        step.disableProperty().bind(Bindings.createBooleanBinding(() -> playback.cursor().atEnd(), playback.cursorProperty()));
        stepTerm.disableProperty().bind(step.disableProperty());
        end.disableProperty().bind(step.disableProperty());

        timeline.setId("anim-timeline");
        timeline.setMin(0);
        timeline.setBlockIncrement(1);
        timeline.setMajorTickUnit(1);
        timeline.setSnapToTicks(false);
        timeline.getStyleClass().add("anim-timeline");
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeline.setMaxWidth(Double.MAX_VALUE);
        timeline.setMinWidth(60);
        timeline.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            playback.pause();
            playback.seek((int) Math.round(b.doubleValue()));
        });
        filled.setId("anim-filled");
        filled.getStyleClass().add("anim-filled");
        filled.setMinWidth(Label.USE_PREF_SIZE);

        Label speedIcon = new Label(null, new FontIcon(Material2MZ.SPEED));
        speedIcon.getStyleClass().add("anim-speed-icon");
        speedIcon.setTooltip(new Tooltip());
        speedIcon.getTooltip().textProperty().bind(I18n.bind("anim.speed"));
        speed.setId("anim-speed");
        speed.setPrefWidth(200);
        speed.setMinWidth(60);
        speed.getStyleClass().add("anim-speed");
        speed.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            playback.stepSecondsProperty().set(1.0 / Math.pow(10, b.doubleValue()));
        });
        speedValue.setId("anim-speed-value");
        speedValue.getStyleClass().add("anim-speed-value");
        speedValue.setMinWidth(Label.USE_PREF_SIZE);

        playback.cursorProperty().addListener((o, a, b) -> syncTimeline());
        playback.stepSecondsProperty().addListener((o, a, b) -> syncSpeed());
        playback.playingProperty().addListener((o, a, b) -> {
            syncPlayButton();
            if (b) timer.start(); else timer.stop();
        });
        I18n.onChange(this, () -> { syncTimeline(); syncSpeed(); syncPlayButton(); });
        // an animation must not keep running in a view that left the window
        sceneProperty().addListener((o, a, b) -> { if (b == null) playback.pause(); });

        HBox top = new HBox(8, timeline, filled);
        top.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(6, start, back, backTerm, play, stepTerm, step, end, gap, speedIcon, speed, speedValue);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, bottom);
        syncTimeline();
        syncSpeed();
        syncPlayButton();
        if (playback.isPlaying()) timer.start();
    }

    public Playback playback() { return playback; }

    /**
     * Keyboard control on a view's root: Space, ←/→ (positions), Shift+←/→ (terms), Home, End; ignored while a
     * text field, combo box, slider, spinner or list has the focus.
     */
    public void installKeys(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // controls that use the keys themselves keep them
            if (e.getTarget() instanceof TextInputControl || e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?>
                    || e.getTarget() instanceof Slider || e.getTarget() instanceof javafx.scene.control.Spinner<?>
                    || e.getTarget() instanceof javafx.scene.control.ListView<?>) return;
            boolean handled = true;
            KeyCode k = e.getCode();
            if (k == KeyCode.SPACE) playback.togglePlay();
            else if (k == KeyCode.RIGHT) { playback.pause(); if (e.isShiftDown()) playback.stepTerm(); else playback.stepPosition(); }
            else if (k == KeyCode.LEFT) { playback.pause(); if (e.isShiftDown()) playback.backTerm(); else playback.backPosition(); }
            else if (k == KeyCode.HOME) { playback.pause(); playback.toStart(); }
            else if (k == KeyCode.END) { playback.pause(); playback.toEnd(); }
            else handled = false;
            if (handled) e.consume();
        });
    }

    private void syncTimeline() {
        syncing = true;
        try {
            Playback.Cursor c = playback.cursor();
            timeline.setMax(c.positions());
            timeline.setValue(c.filled());
            filled.setText(I18n.get("anim.filled", c.filled(), c.positions()));
        } finally {
            syncing = false;
        }
    }

    private void syncSpeed() {
        syncing = true;
        try {
            double s = playback.stepSeconds();
            double rate = s <= 0 ? MAX_RATE : 1.0 / s;
            speed.setValue(Math.log10(Math.clamp(rate, MIN_RATE, MAX_RATE)));
            speedValue.setText(s <= 0 ? I18n.get("anim.instant")
                    : I18n.get("anim.rate", rate >= 10 ? Math.round(rate) : Math.round(rate * 10) / 10.0));
        } finally {
            syncing = false;
        }
    }

    private void syncPlayButton() {
        boolean p = playback.isPlaying();
        play.setGraphic(new FontIcon(p ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW));
        if (play.getTooltip() == null) play.setTooltip(new Tooltip());
        play.getTooltip().setText(I18n.get(p ? "anim.pause" : "anim.play"));
        play.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("playing"), p);
    }

    private static Button button(String id, Ikon icon, String tooltipKey) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("anim-button");
        if (tooltipKey != null) {
            Tooltip t = new Tooltip();
            t.textProperty().bind(I18n.bind(tooltipKey));
            b.setTooltip(t);
        }
        return b;
    }

    private static Tooltip tooltip(String key, String termKey) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(key, I18n.get(termKey)), I18n.localeProperty()));
        return t;
    }
}
