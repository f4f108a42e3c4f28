package org.convscope.app.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

/**
 * The frames of a whole sweep for a GIF: frame i shows the state after ⌈(i+1)·N/n⌉ of the N positions are complete,
 * painted off-screen by the same painter as the view. At most {@code maxFrames} frames (a 28×28 map then advances a
 * few positions per frame). Each frame lasts as long as its positions take while playing at the view's speed — the
 * one speed property — but at least 40 ms (what GIF viewers honour) and at most 1 s; the last one stays 2.5 s.
 */
public final class SweepFrames implements GifRecording.Frames {

    /** Paints the sweep with the given cursor onto g (size width × height). */
    @FunctionalInterface
    public interface Painter { void paint(GraphicsContext g, double width, double height, Playback.Cursor cursor); }

    public static final int LAST_FRAME_MILLIS = 2500;

    private final int positions, terms, frames, delay;
    private final Canvas canvas;
    private final Painter painter;

    public SweepFrames(int positions, int terms, int maxFrames, double stepSeconds, int width, int height, Painter painter) {
        this.positions = positions;
        this.terms = terms;
        this.frames = frameCount(positions, maxFrames);
        this.delay = (int) Math.clamp(stepSeconds * 1000.0 * positions / frames, 40, 1000);
        this.canvas = new Canvas(width, height);
        this.painter = painter;
    }

    /** Frames for a sweep of N positions: min(N, maxFrames). */
    public static int frameCount(int positions, int maxFrames) { return Math.max(1, Math.min(positions, maxFrames)); }

    @Override public int count() { return frames; }

    @Override public Image render(int i) {
        int filled = (int) Math.ceil((i + 1) * (double) positions / frames);
        Playback.Cursor c = new Playback.Cursor(positions, terms, 0, 0).withFilled(filled);
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), c);
        return canvas.snapshot(null, null);
    }

    @Override public int delayMillis(int i) { return i == frames - 1 ? LAST_FRAME_MILLIS : delay; }
}
