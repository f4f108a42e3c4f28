package org.convscope.app.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Where an animated sweep stands and how fast it moves: the model behind {@link AnimationControls}, shared by the
 * kernel-sliding and pooling views (and any other view that walks a window over a map). Only javafx.beans, no UI:
 * ViewModel tests drive it without a toolkit.
 *
 * <p>A sweep visits {@code positions} window positions in row-major output order; at each position it does
 * {@code terms} small steps (the multiply-adds of a convolution window, the comparisons/additions of a pooling
 * window). The state is one immutable {@link Cursor}, so a view repaints once per change.
 *
 * <p><b>The one speed property</b>: {@link #stepSecondsProperty()} is the time one window position takes while
 * playing. Every animation duration of a view derives from it (a multiply-add takes stepSeconds / terms, a fade
 * lasts a fraction of it). Zero means "no animation": play jumps straight to the end; tests set it to zero.
 */
public final class Playback {

    /**
     * While playing slower than this many seconds per multiply-add the terms of a window appear one by one;
     * faster than that a single term would show for less than a few frames, so whole positions are played.
     */
    public static final double MIN_TERM_SECONDS = 0.06;

    /**
     * The state of a sweep. position in [0, positions), done in [0, terms]: how many of the current position's
     * terms have been computed. The output values of positions before `position` are complete, and the current one
     * is complete when done == terms.
     */
    public record Cursor(int positions, int terms, int position, int done) {
        public Cursor {
            if (positions < 1 || terms < 1) throw new IllegalArgumentException("a sweep needs at least one position and one term");
            if (position < 0 || position >= positions || done < 0 || done > terms)
                throw new IllegalArgumentException("cursor out of range: " + position + "/" + positions + ", " + done + "/" + terms);
        }
        /** Number of complete output values, 0..positions: the value of the timeline. */
        public int filled() { return position + (done == terms ? 1 : 0); }
        public boolean complete() { return done == terms; }
        public boolean atStart() { return position == 0 && done == 0; }
        public boolean atEnd() { return position == positions - 1 && done == terms; }
        /** The cursor with `filled` complete outputs: 0 is the start, otherwise position filled−1 complete. */
        public Cursor withFilled(int filled) {
            int f = Math.clamp(filled, 0, positions);
            return f == 0 ? new Cursor(positions, terms, 0, 0) : new Cursor(positions, terms, f - 1, terms);
        }
    }

    private final ReadOnlyObjectWrapper<Cursor> cursor = new ReadOnlyObjectWrapper<>(this, "cursor", new Cursor(1, 1, 0, 0));
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty stepSeconds = new SimpleDoubleProperty(this, "stepSeconds", 0.1);
    private double pending; // seconds played but not yet turned into steps

    public Playback() {
        stepSeconds.addListener((o, a, b) -> {
            if (!(b.doubleValue() >= 0)) stepSeconds.set(0); // NaN or negative: treat as "instant"
        });
    }

    public ReadOnlyObjectProperty<Cursor> cursorProperty() { return cursor.getReadOnlyProperty(); }
    public Cursor cursor() { return cursor.get(); }
    public BooleanProperty playingProperty() { return playing; }
    public boolean isPlaying() { return playing.get(); }
    /** Seconds per window position while playing; 0 = instant. The one speed property of a view. */
    public DoubleProperty stepSecondsProperty() { return stepSeconds; }
    public double stepSeconds() { return stepSeconds.get(); }

    /** A new sweep (new input, kernel, padding …): back to the start, paused. */
    public void reset(int positions, int terms) {
        playing.set(false);
        pending = 0;
        cursor.set(new Cursor(positions, terms, 0, 0));
    }

    /** Changes the size but keeps as many complete outputs as still exist (e.g. after a kernel edit). */
    public void resize(int positions, int terms) {
        Cursor c = cursor.get();
        if (c.positions() == positions && c.terms() == terms) return;
        pending = 0;
        cursor.set(new Cursor(positions, terms, 0, 0).withFilled(Math.min(c.filled(), positions)));
    }

    /** One window position forward: finishes the current one, or moves on and computes the next completely. */
    public boolean stepPosition() {
        Cursor c = cursor.get();
        if (!c.complete()) return set(new Cursor(c.positions(), c.terms(), c.position(), c.terms()));
        if (c.position() + 1 >= c.positions()) return false;
        return set(new Cursor(c.positions(), c.terms(), c.position() + 1, c.terms()));
    }

    /** One window position back (the previous output becomes the last complete one). */
    public boolean backPosition() {
        Cursor c = cursor.get();
        if (c.atStart()) return false;
        return set(c.withFilled(c.filled() - 1));
    }

    /** One term (one multiply-add) forward; after the last term of a position the window moves and does the first. */
    public boolean stepTerm() {
        Cursor c = cursor.get();
        if (!c.complete()) return set(new Cursor(c.positions(), c.terms(), c.position(), c.done() + 1));
        if (c.position() + 1 >= c.positions()) return false;
        return set(new Cursor(c.positions(), c.terms(), c.position() + 1, 1));
    }

    /** One term back; before the first term of a position the window goes back to the previous, complete one. */
    public boolean backTerm() {
        Cursor c = cursor.get();
        if (c.done() > 0) return set(new Cursor(c.positions(), c.terms(), c.position(), c.done() - 1));
        if (c.position() == 0) return false;
        return set(new Cursor(c.positions(), c.terms(), c.position() - 1, c.terms()));
    }

    /** Timeline: `filled` complete outputs (0 = start, positions = end). */
    public void seek(int filled) { set(cursor.get().withFilled(filled)); }

    /** Jumps to a position with its value complete (click on an output pixel). */
    public void jumpTo(int position) {
        Cursor c = cursor.get();
        set(new Cursor(c.positions(), c.terms(), Math.clamp(position, 0, c.positions() - 1), c.terms()));
    }

    public void toStart() { seek(0); }
    public void toEnd() { seek(cursor.get().positions()); }

    /** Play from here (from the start if at the end). With stepSeconds 0 the sweep completes at once. */
    public void play() {
        if (cursor.get().atEnd()) toStart();
        pending = 0;
        if (stepSeconds.get() == 0) {
            toEnd();
            playing.set(false);
            return;
        }
        playing.set(true);
    }

    public void pause() { playing.set(false); }

    public void togglePlay() { if (playing.get()) pause(); else play(); }

    /** Seconds one step takes while playing: a term when terms are slow enough to watch, else a whole position. */
    public double secondsPerStep() {
        Cursor c = cursor.get();
        double perTerm = stepSeconds.get() / c.terms();
        return c.terms() > 1 && perTerm >= MIN_TERM_SECONDS ? perTerm : stepSeconds.get();
    }

    /** Whether playing currently advances term by term (slow) or position by position (fast). */
    public boolean playsTerms() {
        return secondsPerStep() < stepSeconds.get();
    }

    /**
     * Advances a playing sweep by the time that passed (called by the animation timer each frame). Returns the
     * number of steps taken. Stops at the end.
     */
    public int tick(double elapsedSeconds) {
        if (!playing.get()) return 0;
        double unit = secondsPerStep();
        if (unit <= 0) { toEnd(); playing.set(false); return 1; }
        pending += Math.max(0, elapsedSeconds);
        int steps = (int) Math.min(pending / unit, cursor.get().positions() * (double) cursor.get().terms());
        pending -= steps * unit;
        if (steps > 0) {
            Cursor c = cursor.get();
            if (playsTerms()) {
                for (int i = 0; i < steps && !c.atEnd(); i++) c = termAfter(c);
            } else {
                // whole positions; a half-done position is finished first
                c = c.withFilled(c.filled() + steps);
            }
            cursor.set(c);
        }
        if (cursor.get().atEnd()) playing.set(false);
        return steps;
    }

    private static Cursor termAfter(Cursor c) {
        if (!c.complete()) return new Cursor(c.positions(), c.terms(), c.position(), c.done() + 1);
        return new Cursor(c.positions(), c.terms(), c.position() + 1, 1);
    }

    private boolean set(Cursor c) {
        if (c.equals(cursor.get())) return false;
        cursor.set(c);
        return true;
    }
}
