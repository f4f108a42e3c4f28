package org.convscope.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * Reads a laid-out scene the way a student at the back of the room would: what is shown, what is cut off.
 * Used by the classroom-screen tour (every view x size x theme x language) and the complete-Chinese test.
 * FX thread only.
 */
public final class ScreenAudit {
    private ScreenAudit() {}

    /** Smallest font, in px, any text may have in the projector theme (its root font is 19 px; 0.85 em = 16 px). */
    public static final double PROJECTOR_MIN_FONT_PX = 16;
    /** Smallest font, in px, for the numbers a lesson talks about (kernel values, sums, parameter counts) there. */
    public static final double PROJECTOR_MIN_NUMBER_PX = 18;

    /** One thing wrong on a screen. kind: shortened, sideways, cut-off, too-small; node: {@link #key} of the node. */
    public record Problem(String kind, String node, String message) {
        @Override public String toString() { return message; }
    }

    /** The node's class, id and style classes, without its text: the same in every language. */
    public static String key(Node n) {
        var sb = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) sb.append('#').append(n.getId());
        for (String c : n.getStyleClass()) sb.append('.').append(c);
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) { sb.append(" in #").append(p.getId()); break; }
        }
        return sb.toString();
    }

    /** Whether the node and all its ancestors are visible (a hidden tab's content, a collapsed pane are not). */
    public static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible() || p.getOpacity() == 0) return false;
        }
        return n.getScene() != null;
    }

    /** Every node of the scene that is shown, depth first. */
    public static void forEachShown(Scene scene, Consumer<Node> action) {
        walk(scene.getRoot(), action);
    }

    private static void walk(Node n, Consumer<Node> action) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        action.accept(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, action);
    }

    /** The text a Labeled really displays (its skin's Text node), or null when it has no skin yet. */
    public static String displayedText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && t.getStyleClass().contains("text")) return t.getText();
        }
        return null;
    }

    private static Text textNode(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && t.getStyleClass().contains("text")) return t;
        }
        return null;
    }

    /** The widest word of Latin letters, digits and signs (Chinese may wrap between any two characters). */
    static String longestWord(String text, javafx.scene.text.Font font) {
        String best = null;
        double bestW = 0;
        for (String w : text.split("\\s+")) {
            if (w.length() < 2 || !w.chars().allMatch(c -> c > 32 && c < 127)) continue;
            double width = width(w, font);
            if (width > bestW) { bestW = width; best = w; }
        }
        return best;
    }

    private static final Text MEASURE = new Text();

    static double width(String s, javafx.scene.text.Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** A short name of a node for a failure message: class, id, style classes, text. */
    public static String describe(Node n) {
        var sb = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) sb.append('#').append(n.getId());
        for (String c : n.getStyleClass()) sb.append('.').append(c);
        String text = n instanceof Labeled l ? l.getText() : n instanceof Text t ? t.getText() : null;
        if (text != null && !text.isEmpty()) {
            String oneLine = text.replace('\n', ' ');
            sb.append(" \"").append(oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine).append('"');
        }
        // the nearest ancestor with an id says where it is
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) { sb.append(" in #").append(p.getId()); break; }
        }
        return sb.toString();
    }

    /**
     * What is wrong with the scene for a classroom: text shortened to an ellipsis, a control cut off by the window
     * edge, content only reachable by scrolling sideways. Empty when the screen is fine.
     */
    public static List<Problem> problems(Scene scene) { return problems(scene, scene.getWidth(), scene.getHeight()); }

    /** The same for a scene whose root is laid out at w x h (a scene in no window). */
    public static List<Problem> problems(Scene scene, double w, double h) {
        List<Problem> out = new ArrayList<>();
        // the view taller or wider than the area it is shown in: the area clips it, so the checks below (which skip
        // clipped nodes) would not see that its top and bottom (a centred page) or its right edge are gone
        if (scene.getRoot().lookup("#content") instanceof Region area && shown(area)) {
            for (Node page : area.getChildrenUnmodifiable()) {
                if (!shown(page)) continue;
                Bounds b = page.getLayoutBounds();
                if (b.getHeight() > area.getHeight() + 1 || b.getWidth() > area.getWidth() + 1) {
                    out.add(new Problem("overflows", key(page), String.format(java.util.Locale.ROOT,
                            "the view is %.0fx%.0f in a %.0fx%.0f area, so its edges are cut off: %s",
                            b.getWidth(), b.getHeight(), area.getWidth(), area.getHeight(), describe(page))));
                }
            }
        }
        forEachShown(scene, n -> {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
                String shown = displayedText(l);
                String ell = l.getEllipsisString();
                if (shown != null && !ell.isEmpty() && !shown.equals(l.getText())
                        && shown.contains(ell) && !l.getText().contains(ell)) {
                    out.add(new Problem("shortened", key(n), "text shortened to \"" + shown.replace('\n', ' ') + "\": " + describe(n)));
                }
            }
            if (n instanceof Labeled l && l.isWrapText() && l.getText() != null) {
                Text shownText = textNode(l);
                if (shownText != null && shownText.getWrappingWidth() > 0) {
                    String word = longestWord(l.getText(), shownText.getFont());
                    double ww = word == null ? 0 : width(word, shownText.getFont());
                    if (ww > shownText.getWrappingWidth() + 0.5) {
                        out.add(new Problem("broken", key(n), String.format(java.util.Locale.ROOT,
                                "the word \"%s\" (%.0f px) broken across lines in %.0f px: %s", word, ww, shownText.getWrappingWidth(), describe(n))));
                    }
                }
            }
            if (n instanceof ScrollBar sb && sb.getOrientation() == Orientation.HORIZONTAL && !insideSlider(sb)) {
                out.add(new Problem("sideways", key(sb.getParent()), "content reachable only by scrolling sideways: " + describe(sb.getParent())));
            }
            if (n instanceof ScrollPane sp && sp.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER && !sp.isFitToWidth()
                    && sp.getContent() != null && sp.getViewportBounds() != null
                    && sp.getContent().getLayoutBounds().getWidth() > sp.getViewportBounds().getWidth() + 1) {
                out.add(new Problem("sideways", key(sp), "content wider than its scroll pane (and no scroll bar): " + describe(sp)));
            }
            ScrollPane scroller = scrollPaneOf(n);
            if (scroller != null && !(n instanceof ScrollBar) && (n instanceof Control || n instanceof Text && !(n.getParent() instanceof Labeled))
                    && scroller.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER && !insideVirtualFlow(n, scroller)) {
                // in a scroll pane that never scrolls sideways, what sticks out on the right is cut off for good
                Node viewport = scroller.lookup(".viewport");
                if (viewport != null) {
                    Bounds v = viewport.localToScene(viewport.getBoundsInLocal()), b = n.localToScene(n.getBoundsInLocal());
                    if (b.getWidth() > 0 && (b.getMaxX() > v.getMaxX() + 1 || b.getMinX() < v.getMinX() - 1)) {
                        out.add(new Problem("cut-off", key(n), String.format(java.util.Locale.ROOT,
                                "cut off by its column (%.0f to %.0f, the column %.0f to %.0f): %s",
                                b.getMinX(), b.getMaxX(), v.getMinX(), v.getMaxX(), describe(n))));
                    }
                }
            }
            if ((n instanceof Control || n instanceof Text && !(n.getParent() instanceof Labeled))
                    && !clippedByAncestor(n)) {
                Bounds b = n.localToScene(n.getBoundsInLocal());
                if (b.getWidth() > 0 && b.getHeight() > 0
                        && (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > w + 1 || b.getMaxY() > h + 1)) {
                    out.add(new Problem("cut-off", key(n), String.format(java.util.Locale.ROOT, "cut off by the window edge (%.0f,%.0f to %.0f,%.0f in a %.0fx%.0f window): %s",
                            b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY(), w, h, describe(n))));
                }
            }
        });
        return out;
    }

    /** The navigation (every view, one row each) needs a vertical scroll bar: some view is out of sight. */
    public static List<Problem> navigationScrolls(Scene scene) {
        List<Problem> out = new ArrayList<>();
        Node nav = scene.getRoot().lookup(".nav-scroll");
        if (nav instanceof ScrollPane sp && shown(sp)) {
            for (Node n : sp.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar sb && sb.getOrientation() == Orientation.VERTICAL && shown(sb)
                        && sb.getVisibleAmount() < sb.getMax() - sb.getMin() - 1e-6) {
                    out.add(new Problem("nav-scrolls", "ScrollPane.nav-scroll", "the navigation scrolls: not every view is in sight ("
                            + Math.round(sp.getContent().getLayoutBounds().getHeight()) + " px of rows in "
                            + Math.round(sp.getViewportBounds().getHeight()) + " px)"));
                }
            }
        }
        return out;
    }

    /** Texts smaller than the projector theme's minimum (numbers have a larger one). */
    public static List<Problem> tooSmall(Scene scene) {
        List<Problem> out = new ArrayList<>();
        forEachShown(scene, n -> {
            if (!(n instanceof Text t) || t.getText() == null || t.getText().isBlank() || clippedAway(t)) return;
            double size = t.getFont().getSize();
            boolean number = isNumber(t.getText());
            double min = number ? PROJECTOR_MIN_NUMBER_PX : PROJECTOR_MIN_FONT_PX;
            if (size < min - 0.01) {
                Node owner = t.getParent() instanceof Labeled l ? l : t;
                out.add(new Problem("too-small", key(owner), String.format(java.util.Locale.ROOT, "%s %.1f px < %.0f px: %s", number ? "number" : "text", size, min, describe(owner))));
            }
        });
        // numbers drawn on canvases: each ThemedCanvas reports the smallest size its last paint drew a number at
        forEachShown(scene, n -> {
            if (n instanceof org.convscope.app.common.ThemedCanvas c && c.getWidth() > 0 && c.getHeight() > 0) {
                double size = c.smallestNumberSize();
                if (Double.isFinite(size) && size < PROJECTOR_MIN_NUMBER_PX - 0.01) {
                    out.add(new Problem("too-small", key(c), String.format(java.util.Locale.ROOT,
                            "number drawn at %.1f px < %.0f px on the canvas %s", size, PROJECTOR_MIN_NUMBER_PX, describe(c))));
                }
            }
        });
        return out;
    }

    /** "−0.25", "1,234", "6×28×28", "= 12": the numbers a lesson talks about. */
    public static boolean isNumber(String s) {
        String t = s.strip();
        return !t.isEmpty() && t.chars().anyMatch(Character::isDigit)
                && t.chars().allMatch(c -> Character.isDigit(c) || " .,+-−×=%()\u2009\u202f".indexOf(c) >= 0);
    }

    /** Whether an ancestor clips (a scroll pane's viewport, a list's cells, a clip): then that ancestor is checked. */
    private static boolean clippedByAncestor(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null || p instanceof ScrollPane) return true;
        }
        return false;
    }

    private static ScrollPane scrollPaneOf(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) if (p instanceof ScrollPane sp) return sp;
        return null;
    }

    /** Cells of a list or table inside the scroll pane scroll with their own flow. */
    private static boolean insideVirtualFlow(Node n, ScrollPane until) {
        for (Parent p = n.getParent(); p != null && p != until; p = p.getParent()) {
            if (p instanceof javafx.scene.control.skin.VirtualFlow<?> || p instanceof javafx.scene.control.ComboBoxBase<?>) return true;
        }
        return false;
    }

    private static boolean clippedAway(Node n) {
        return n.getScene() == null;
    }

    private static boolean insideSlider(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.Slider) return true;
        }
        return false;
    }

    /** Every piece of text a person can read on the scene now: labels, buttons, texts, fields, tooltips not included. */
    public static List<String> visibleTexts(Scene scene) {
        List<String> out = new ArrayList<>();
        forEachShown(scene, n -> {
            if (n instanceof Labeled l) {
                String s = displayedText(l);
                if (s == null) s = l.getText();
                if (s != null && !s.isBlank()) out.add(s);
            } else if (n instanceof Text t && !(t.getParent() instanceof Labeled) && !inTextInput(t)) {
                if (t.getText() != null && !t.getText().isBlank()) out.add(t.getText());
            } else if (n instanceof TextInputControl tic && tic.getPromptText() != null && !tic.getPromptText().isBlank()
                    && (tic.getText() == null || tic.getText().isEmpty())) {
                out.add(tic.getPromptText());
            }
        });
        return out;
    }

    private static boolean inTextInput(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) if (p instanceof TextInputControl) return true;
        return false;
    }
}
