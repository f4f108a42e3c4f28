package org.convscope.app;

import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Mouse events fired straight at a drawing pad, as a busy machine delivers them: a press, a burst of drags, and a
 * release at a point that no drag ever reported (the last movements were not delivered before the button came up).
 * Coordinates are pad pixels; {@code pixelsPerPad} is the node's size in local units per pad pixel. FX thread.
 */
public final class PenEvents {
    private PenEvents() {}

    public static void stroke(Node pad, double pixelsPerPad, double[][] pressAndDrags, double[] release) {
        fire(pad, MouseEvent.MOUSE_PRESSED, pixelsPerPad, pressAndDrags[0], true);
        for (int i = 1; i < pressAndDrags.length; i++) fire(pad, MouseEvent.MOUSE_DRAGGED, pixelsPerPad, pressAndDrags[i], true);
        fire(pad, MouseEvent.MOUSE_RELEASED, pixelsPerPad, release, false);
    }

    private static void fire(Node pad, javafx.event.EventType<MouseEvent> type, double k, double[] p, boolean down) {
        Point2D scene = pad.localToScene(p[0] * k, p[1] * k);
        Point2D screen = pad.localToScreen(p[0] * k, p[1] * k);
        double sx = screen == null ? scene.getX() : screen.getX(), sy = screen == null ? scene.getY() : screen.getY();
        // the short constructor takes scene coordinates; dispatch makes them local to the pad
        Event.fireEvent(pad, new MouseEvent(type, scene.getX(), scene.getY(), sx, sy, MouseButton.PRIMARY, 1,
                false, false, false, false, down, false, false, false, false, false, null));
    }
}
