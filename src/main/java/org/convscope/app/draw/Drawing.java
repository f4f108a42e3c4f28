package org.convscope.app.draw;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * What is on the draw pad: a {@link #SIZE} x {@link #SIZE} raster (values 0..1, ink = 1 on black, like MNIST) and the
 * history of actions that made it, so that undo/redo and clear never lose anything the user drew.
 *
 * <p>Strokes are capsules (thick line segments with round ends) rasterised with an anti-aliased edge: a pixel's
 * coverage is {@code clamp(r + 0.5 - d, 0, 1)} with d the distance from its centre to the segment. Ink takes the
 * maximum with what is there (overlapping segments never darken twice), the eraser takes the minimum with
 * {@code 1 - coverage}. Only the newest segment is rasterised while a stroke is drawn; undo replays the history.
 *
 * <p>Not thread-safe: one thread (the FX thread in the app) owns it.
 */
public final class Drawing {

    /** 16 pad pixels per MNIST pixel: fine enough for smooth strokes, small enough to rebuild in a millisecond. */
    public static final int SIZE = 28 * 16;

    /** One user action; the raster is the result of replaying them in order. */
    public sealed interface Action permits Stroke, Clear, Picture {}

    /** A freehand stroke: points (x, y) in pad pixels, width in pad pixels. */
    public static final class Stroke implements Action {
        private final float width;
        private final boolean eraser;
        private float[] xy = new float[64];
        private int n;

        Stroke(float width, boolean eraser) { this.width = width; this.eraser = eraser; }

        void add(float x, float y) {
            if (2 * n + 2 > xy.length) xy = Arrays.copyOf(xy, xy.length * 2);
            xy[2 * n] = x;
            xy[2 * n + 1] = y;
            n++;
        }

        public float width() { return width; }
        public boolean eraser() { return eraser; }
        public int points() { return n; }
    }

    /** Clear the pad (kept in the history so that it can be undone). */
    public record Clear() implements Action {}

    /** A picture (a file or a dataset image) placed on the pad, SIZE x SIZE; strokes may go on top of it. */
    public record Picture(float[] raster, String source) implements Action {
        public Picture {
            if (raster.length != SIZE * SIZE) throw new IllegalArgumentException("a pad picture has " + SIZE * SIZE + " pixels");
        }
    }

    /** The pixels that changed, columns [x0, x1) and rows [y0, y1); the full pad after undo/redo/clear. */
    public record Dirty(int x0, int y0, int x1, int y1) {
        public static final Dirty ALL = new Dirty(0, 0, SIZE, SIZE);
        public boolean isEmpty() { return x1 <= x0 || y1 <= y0; }
    }

    private final float[] raster = new float[SIZE * SIZE];
    private final List<Action> done = new ArrayList<>();
    private final Deque<Action> undone = new ArrayDeque<>();
    private Stroke current;
    private long version;

    /** The pad, row-major SIZE x SIZE. Read-only for callers; valid until the next change. */
    public float[] raster() { return raster; }

    /** A copy of the pad as an image (for preprocessing on another thread). */
    public GrayImage snapshot() { return new GrayImage(SIZE, SIZE, raster.clone()); }

    /** The pad as an image without copying; valid until the next change. */
    public GrayImage view() { return new GrayImage(SIZE, SIZE, raster); }

    /** Grows with every change; lets observers skip work when nothing changed. */
    public long version() { return version; }

    public boolean drawing() { return current != null; }
    public boolean canUndo() { return !done.isEmpty() && current == null; }
    public boolean canRedo() { return !undone.isEmpty() && current == null; }
    public List<Action> history() { return List.copyOf(done); }

    /** True when no pixel holds ink. */
    public boolean isBlank() {
        for (float v : raster) if (v > Preprocessing.INK) return false;
        return true;
    }

    /** Starts a stroke at (x, y) in pad pixels; a dot is drawn at once. */
    public Dirty begin(float x, float y, float width, boolean eraser) {
        if (current != null) end();
        if (!(width > 0f)) throw new IllegalArgumentException("stroke width must be positive");
        current = new Stroke(width, eraser);
        current.add(x, y);
        undone.clear();
        done.add(current);
        return stamp(current, 0);
    }

    /** Continues the stroke to (x, y); only the new segment is rasterised. Ignored when no stroke is in progress. */
    public Dirty extend(float x, float y) {
        if (current == null) return new Dirty(0, 0, 0, 0);
        int last = current.n - 1;
        if (current.xy[2 * last] == x && current.xy[2 * last + 1] == y) return new Dirty(0, 0, 0, 0);
        current.add(x, y);
        return stamp(current, current.n - 2);
    }

    public void end() { current = null; }

    public Dirty clear() {
        end();
        if (isBlank()) return new Dirty(0, 0, 0, 0); // nothing to clear: keep the history short
        undone.clear();
        done.add(new Clear());
        Arrays.fill(raster, 0f);
        version++;
        return Dirty.ALL;
    }

    /** Replaces what is on the pad by a picture (undoable). */
    public Dirty place(Picture picture) {
        end();
        undone.clear();
        done.add(picture);
        System.arraycopy(picture.raster(), 0, raster, 0, raster.length);
        version++;
        return Dirty.ALL;
    }

    public Dirty undo() {
        end();
        if (done.isEmpty()) return new Dirty(0, 0, 0, 0);
        undone.push(done.removeLast());
        replay();
        return Dirty.ALL;
    }

    public Dirty redo() {
        end();
        if (undone.isEmpty()) return new Dirty(0, 0, 0, 0);
        done.add(undone.pop());
        replay();
        return Dirty.ALL;
    }

    /** Rebuilds the raster from the last Clear/Picture onwards. */
    private void replay() {
        Arrays.fill(raster, 0f);
        int start = 0;
        for (int i = done.size() - 1; i >= 0; i--) {
            if (done.get(i) instanceof Clear || done.get(i) instanceof Picture) { start = i; break; }
        }
        for (int i = start; i < done.size(); i++) {
            switch (done.get(i)) {
                case Clear c -> Arrays.fill(raster, 0f);
                case Picture p -> System.arraycopy(p.raster(), 0, raster, 0, raster.length);
                case Stroke s -> {
                    for (int k = 0; k < Math.max(1, s.n - 1); k++) stamp(s, k);
                }
            }
        }
        version++;
    }

    /** Rasterises segment k (points k and k+1, or the dot at k when it is the only point) of the stroke. */
    private Dirty stamp(Stroke s, int k) {
        float ax = s.xy[2 * k], ay = s.xy[2 * k + 1];
        float bx = k + 1 < s.n ? s.xy[2 * k + 2] : ax, by = k + 1 < s.n ? s.xy[2 * k + 3] : ay;
        float r = s.width / 2f;
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - r - 1)), x1 = Math.min(SIZE, (int) Math.ceil(Math.max(ax, bx) + r + 1));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - r - 1)), y1 = Math.min(SIZE, (int) Math.ceil(Math.max(ay, by) + r + 1));
        float dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        for (int y = y0; y < y1; y++) {
            float py = y + 0.5f;
            for (int x = x0; x < x1; x++) {
                float px = x + 0.5f;
                // distance from the pixel centre to the segment a-b
                float t = len2 > 0f ? Math.clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0f, 1f) : 0f;
                float ex = px - (ax + t * dx), ey = py - (ay + t * dy);
                float cover = r + 0.5f - (float) Math.sqrt(ex * ex + ey * ey);
                if (cover <= 0f) continue;
                if (cover > 1f) cover = 1f;
                int i = y * SIZE + x;
                raster[i] = s.eraser ? Math.min(raster[i], 1f - cover) : Math.max(raster[i], cover);
            }
        }
        version++;
        return new Dirty(x0, y0, Math.max(x0, x1), Math.max(y0, y1));
    }

    /**
     * Fits a picture (any size) into the pad, aspect kept, centred, for {@link #place}. Small pictures (a 28x28
     * dataset image) are enlarged by whole pixels so that their pixels stay crisp squares.
     */
    public static Picture fitToPad(GrayImage img, String source) {
        GrayImage fitted;
        if (img.width() <= SIZE && img.height() <= SIZE && SIZE % img.width() == 0 && SIZE % img.height() == 0
                && img.width() == img.height()) {
            fitted = enlarge(img, SIZE / img.width());
        } else {
            fitted = Preprocessing.fit(img, SIZE);
        }
        GrayImage pad = Preprocessing.paste(fitted, SIZE, (SIZE - fitted.width()) / 2, (SIZE - fitted.height()) / 2);
        return new Picture(pad.pixels(), source);
    }

    private static GrayImage enlarge(GrayImage img, int k) {
        int w = img.width() * k, h = img.height() * k;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[y * w + x] = img.at(x / k, y / k);
        return new GrayImage(w, h, out);
    }
}
