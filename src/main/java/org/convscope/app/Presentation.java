package org.convscope.app;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import org.convscope.app.common.AnimationControls;

/**
 * Teaching in front of a class: presentation mode (F5 or F11: full screen, no top bar, navigation or status bar,
 * type scaled to the room; Esc leaves), the keys a presentation clicker sends (PageDown / PageUp and → / ←: next /
 * previous lesson step, or animation step when no lesson is open; Space: play / pause; B or '.': blank screen),
 * '?' or F1: every shortcut on one card, and a spotlight that follows the pointer while L is held.
 * All of it is one key filter on the scene, so the navigation or a focused button never swallows these keys; text
 * fields, sliders, spinners, lists and combo boxes keep the keys they use themselves.
 * Node ids for tests: #blank-screen, #shortcut-card, #spotlight.
 */
public final class Presentation {
    /** Type size (px) at 1280 x 800 in presentation mode; it grows with the screen. */
    public static final double BASE_FONT_PX = 19, MIN_FONT_PX = 16, MAX_FONT_PX = 34;

    private final MainWindow window;
    private final StackPane stack;
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    private final Region blank = new Region();
    private final Pane spotlightLayer = new Pane();
    private final StackPane card = new StackPane();
    private double mouseX = -1, mouseY = -1;
    private Scene scene;

    Presentation(MainWindow window, StackPane stack, Node windowRoot) {
        this.window = window;
        this.stack = stack;
        blank.setId("blank-screen");
        blank.setStyle("-fx-background-color: black;");
        blank.setVisible(false);
        blank.setOnMouseClicked(e -> blank.setVisible(false));
        spotlightLayer.setId("spotlight");
        spotlightLayer.setMouseTransparent(true);
        spotlightLayer.setVisible(false);
        card.setId("shortcut-card");
        card.setVisible(false);
        card.setOnMouseClicked(e -> card.setVisible(false));
        card.getStyleClass().add("shortcut-scrim");
        stack.getChildren().addAll(spotlightLayer, card, blank);
        stack.addEventFilter(MouseEvent.MOUSE_MOVED, e -> moveSpotlight(e.getSceneX(), e.getSceneY()));
        stack.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> moveSpotlight(e.getSceneX(), e.getSceneY()));
    }

    public ReadOnlyBooleanProperty presentingProperty() { return presenting.getReadOnlyProperty(); }
    public boolean isPresenting() { return presenting.get(); }
    public boolean isBlank() { return blank.isVisible(); }
    public boolean isShortcutCardShown() { return card.isVisible(); }
    public boolean isSpotlightOn() { return spotlightLayer.isVisible(); }

    void install(Scene s) {
        this.scene = s;
        s.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        s.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.L && spotlightLayer.isVisible()) {
                spotlightLayer.setVisible(false);
                e.consume();
            }
        });
        s.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof TextInputControl)) {
                toggleShortcutCard();
                e.consume();
            }
        });
        s.widthProperty().addListener((o, a, b) -> rescale());
        s.heightProperty().addListener((o, a, b) -> rescale());
    }

    /** Enters or leaves presentation mode. */
    public void setPresenting(boolean on) {
        if (on == presenting.get()) return;
        presenting.set(on);
        window.showChrome(!on);
        var stage = window.stage();
        if (stage != null) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours: it leaves presentation mode
            stage.setFullScreenExitHint(I18n.get("present.exitHint"));
            stage.setFullScreen(on);
            if (on) stage.fullScreenProperty().addListener((o, a, full) -> { if (!full) setPresenting(false); });
        }
        if (!on) { blank.setVisible(false); spotlightLayer.setVisible(false); }
        rescale();
    }

    public void togglePresenting() { setPresenting(!presenting.get()); }

    /** Type size for a window of this size in presentation mode: 19 px at 1280 x 800, growing with the smaller side. */
    public static double fontSizeFor(double width, double height) {
        double scale = Math.min(width / 1280.0, height / 800.0);
        return Math.clamp(Math.round(BASE_FONT_PX * scale * 2) / 2.0, MIN_FONT_PX, MAX_FONT_PX);
    }

    private void rescale() {
        if (scene == null) return;
        window.setPresentationFontSize(presenting.get() ? fontSizeFor(scene.getWidth(), scene.getHeight()) : 0);
    }

    private void keyPressed(KeyEvent e) {
        KeyCode k = e.getCode();
        Object target = e.getTarget();
        boolean textInput = target instanceof TextInputControl;
        // keys that work everywhere, even in a text field
        if (k == KeyCode.F5 || k == KeyCode.F11) { togglePresenting(); e.consume(); return; }
        if (blank.isVisible()) { blank.setVisible(false); e.consume(); return; } // any key brings the picture back
        if (k == KeyCode.ESCAPE) {
            if (card.isVisible()) { card.setVisible(false); e.consume(); }
            else if (presenting.get()) { setPresenting(false); e.consume(); }
            return;
        }
        if (k == KeyCode.F1) { toggleShortcutCard(); e.consume(); return; }
        if (textInput || e.isShortcutDown() || e.isAltDown()) return;
        boolean keepsArrows = target instanceof ComboBoxBase<?> || target instanceof Slider || target instanceof Spinner<?>
                || target instanceof ListView<?> || target instanceof TableView<?>;
        var lessons = window.lessons();
        boolean lesson = lessons.progress() != null;
        switch (k) {
            case PAGE_DOWN -> { if (lesson) lessons.next(); else animation(+1, false); e.consume(); }
            case PAGE_UP -> { if (lesson) lessons.previous(); else animation(-1, false); e.consume(); }
            case RIGHT, LEFT -> {
                if (keepsArrows) return;
                int dir = k == KeyCode.RIGHT ? 1 : -1;
                if (lesson && !e.isShiftDown()) { if (dir > 0) lessons.next(); else lessons.previous(); }
                else animation(dir, e.isShiftDown());
                e.consume();
            }
            case SPACE -> {
                if (keepsArrows) return;
                AnimationControls c = animationControls();
                if (c != null) { c.playback().togglePlay(); e.consume(); }
            }
            case B, PERIOD -> { blank.setVisible(true); e.consume(); }
            case L -> {
                if (!spotlightLayer.isVisible()) { spotlightLayer.setVisible(true); drawSpotlight(); }
                e.consume();
            }
            default -> { }
        }
    }

    /** One animation step in the view on screen (Shift: one multiply-add term instead of one position). */
    private void animation(int dir, boolean term) {
        AnimationControls c = animationControls();
        if (c == null) return;
        var p = c.playback();
        p.pause();
        if (dir > 0) { if (term) p.stepTerm(); else p.stepPosition(); }
        else { if (term) p.backTerm(); else p.backPosition(); }
    }

    private AnimationControls animationControls() {
        ConceptView v = window.current();
        if (v == null) return null;
        for (Node n : v.node().lookupAll(".animation-controls")) {
            if (n instanceof AnimationControls c && c.isVisible() && c.getScene() != null) return c;
        }
        return null;
    }

    private void moveSpotlight(double x, double y) {
        mouseX = x;
        mouseY = y;
        if (spotlightLayer.isVisible()) drawSpotlight();
    }

    /** The room goes dim except a circle around the pointer (or the middle, before the mouse has moved). */
    private void drawSpotlight() {
        double w = stack.getWidth(), h = stack.getHeight();
        double x = mouseX < 0 ? w / 2 : mouseX, y = mouseY < 0 ? h / 2 : mouseY;
        double r = Math.max(60, Math.min(w, h) * 0.12);
        Shape dim = Shape.subtract(new Rectangle(0, 0, w, h), new Circle(x, y, r));
        dim.setFill(Color.rgb(0, 0, 0, 0.55));
        Circle ring = new Circle(x, y, r);
        ring.setFill(null);
        ring.setStroke(Color.rgb(255, 200, 0, 0.9));
        ring.setStrokeWidth(4);
        spotlightLayer.getChildren().setAll(dim, ring);
    }

    public void toggleShortcutCard() {
        if (card.isVisible()) { card.setVisible(false); return; }
        card.getChildren().setAll(shortcutCard());
        card.setVisible(true);
    }

    /** Every shortcut in the language of the moment. */
    private Node shortcutCard() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        List<String[]> rows = new java.util.ArrayList<>(List.of(
                new String[] {"F5 / F11", I18n.get("keys.present")},
                new String[] {"Esc", I18n.get("keys.escape")},
                new String[] {I18n.get("keys.pageDownRight"), I18n.get("keys.next")},
                new String[] {I18n.get("keys.pageUpLeft"), I18n.get("keys.previous")},
                new String[] {"Shift + \u2192 / \u2190", I18n.get("keys.animationStep")},
                new String[] {I18n.get("keys.space"), I18n.get("keys.play")},
                new String[] {"B / .", I18n.get("keys.blank")},
                new String[] {I18n.get("keys.holdL"), I18n.get("keys.spotlight")},
                new String[] {"? / F1", I18n.get("keys.help")}));
        List<ConceptView> views = window.views();
        for (int i = 0; i < views.size(); i++) {
            KeyCombination kc = MainWindow.viewShortcut(i);
            if (kc != null) rows.add(new String[] {kc.getDisplayText(), I18n.get(views.get(i).titleKey())});
        }
        for (int r = 0; r < rows.size(); r++) {
            Label key = new Label(rows.get(r)[0]);
            key.getStyleClass().add("shortcut-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(rows.get(r)[1]);
            what.setWrapText(true);
            grid.add(key, r < 9 ? 0 : 2, r < 9 ? r : r - 9);
            grid.add(what, r < 9 ? 1 : 3, r < 9 ? r : r - 9);
        }
        Label title = new Label(I18n.get("keys.title"));
        title.getStyleClass().add("shortcut-title");
        Label close = new Label(I18n.get("keys.close"));
        close.getStyleClass().add("shortcut-hint");
        VBox box = new VBox(12, title, grid, close);
        box.getStyleClass().add("shortcut-card");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.CENTER);
        return box;
    }
}
