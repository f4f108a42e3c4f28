package org.convscope.engine;

import java.util.Arrays;

/**
 * Decides whether a batch loss says that training has diverged (the weights blew up, typically because the
 * learning rate is too large: lr = 50 diverges within a few batches).
 * <p>
 * Diverged means: the loss is NaN or infinite; or it exceeds {@link #ABSOLUTE_BOUND} (chance level for ten
 * classes is ln 10 = 2.3, so 100 is far beyond anything a learning network produces); or it is more than
 * {@link #FACTOR} times the median of the last {@link #WINDOW} healthy losses <em>and</em> worse than
 * {@link #CHANCE_FLOOR}. The floor keeps a late, well-trained run (median 0.02) from "diverging" on one hard
 * batch with loss 0.4. The median, not the mean, so one bad batch does not poison the reference.
 * Not thread-safe; owned by the training thread.
 */
public final class DivergenceGuard {
    public static final int WINDOW = 50;
    public static final float FACTOR = 10f;
    public static final float ABSOLUTE_BOUND = 100f;
    /** A loss above 1.5 x ln(10) is worse than guessing uniformly among ten classes. */
    public static final float CHANCE_FLOOR = 1.5f * (float) Math.log(10);

    private final float[] recent = new float[WINDOW];
    private final float[] sorted = new float[WINDOW];
    private int count;   // healthy losses seen, capped by WINDOW for the ring
    private int next;    // ring position

    /** True if this loss means divergence; otherwise it is remembered as healthy. */
    public boolean diverged(float loss) {
        if (!Float.isFinite(loss) || loss > ABSOLUTE_BOUND) return true;
        if (count > 0 && loss > CHANCE_FLOOR && loss > FACTOR * median()) return true;
        recent[next] = loss;
        next = (next + 1) % WINDOW;
        if (count < WINDOW) count++;
        return false;
    }

    /** Median of the remembered healthy losses (NaN when none). */
    public float median() {
        if (count == 0) return Float.NaN;
        System.arraycopy(recent, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        return count % 2 == 1 ? sorted[count / 2] : 0.5f * (sorted[count / 2 - 1] + sorted[count / 2]);
    }

    /** Forget the history (after restoring older weights the reference starts afresh). */
    public void reset() { count = 0; next = 0; }
}
