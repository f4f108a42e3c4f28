package org.convscope.fuzz;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded byte-level mutations for the loaders' fuzz tests (issue #12): bit flips, boundary integers written over
 * header fields, insertions, deletions, truncation and duplication. The same seed gives the same cases, so a failure
 * can be replayed with {@code -Dconvscope.fuzz.seed=N}; the default budget keeps each test to a few seconds of
 * {@code ./mvnw verify}.
 */
public final class Mutator {
    /** Seed of all fuzz tests: -Dconvscope.fuzz.seed=N replays a run (the failure message names it). */
    public static final long SEED = Long.getLong("convscope.fuzz.seed", 20261207L);
    /** Wall-clock budget per fuzz test in milliseconds (-Dconvscope.fuzz.millis). */
    public static final long MILLIS = Long.getLong("convscope.fuzz.millis", 3000L);
    /** Most cases per fuzz test, so that a fast machine does not run for the whole budget. */
    public static final int MAX_CASES = Integer.getInteger("convscope.fuzz.cases", 3000);

    private static final int[] BOUNDARY = {0, 1, -1, 2, 7, 8, 255, 256, 65535, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Integer.MAX_VALUE - 7, 1 << 30, 1 << 24, 60_000, 700_000, 100_000_000};

    private final SplittableRandom rnd;

    public Mutator(long seed) { rnd = new SplittableRandom(seed); }

    public int nextInt(int bound) { return rnd.nextInt(bound); }

    /** One to four mutations of a copy of the input; the first {@code headerBytes} are hit more often. */
    public byte[] mutate(byte[] in, int headerBytes) {
        byte[] b = in.clone();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) b = once(b, headerBytes);
        return b;
    }

    private int position(byte[] b, int headerBytes) {
        if (b.length == 0) return 0;
        return rnd.nextInt(3) > 0 && headerBytes > 0 ? rnd.nextInt(Math.min(headerBytes, b.length)) : rnd.nextInt(b.length);
    }

    private byte[] once(byte[] b, int headerBytes) {
        int p = position(b, headerBytes);
        switch (rnd.nextInt(8)) {
            case 0 -> { if (b.length > 0) b[p] ^= (byte) (1 << rnd.nextInt(8)); }               // bit flip
            case 1 -> { if (b.length > 0) b[p] = (byte) rnd.nextInt(256); }                     // random byte
            case 2 -> {                                                                          // boundary int, either order
                if (b.length >= 4) {
                    int at = Math.min(p, b.length - 4);
                    ByteBuffer bb = ByteBuffer.wrap(b);
                    if (rnd.nextBoolean()) bb.order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    bb.putInt(at, BOUNDARY[rnd.nextInt(BOUNDARY.length)]);
                }
            }
            case 3 -> { return Arrays.copyOf(b, rnd.nextInt(b.length + 1)); }                  // truncate
            case 4 -> {                                                                          // insert bytes
                int len = 1 + rnd.nextInt(16);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, p);
                for (int i = 0; i < len; i++) out[p + i] = (byte) rnd.nextInt(256);
                System.arraycopy(b, p, out, p + len, b.length - p);
                return out;
            }
            case 5 -> {                                                                          // delete bytes
                int len = Math.min(b.length - p, 1 + rnd.nextInt(16));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, p);
                System.arraycopy(b, p + len, out, p, b.length - p - len);
                return out;
            }
            case 6 -> {                                                                          // duplicate a block
                int len = Math.min(b.length - p, 1 + rnd.nextInt(64));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, p + len);
                System.arraycopy(b, p, out, p + len, b.length - p);
                return out;
            }
            default -> { if (b.length > 0) Arrays.fill(b, p, Math.min(b.length, p + 1 + rnd.nextInt(32)), (byte) (rnd.nextBoolean() ? 0 : 0xFF)); }
        }
        return b;
    }

    /** Runs cases until the budget or MAX_CASES is spent; returns how many ran. */
    public static int run(long seed, CaseBody body) throws Exception {
        long end = System.nanoTime() + MILLIS * 1_000_000L;
        int cases = 0;
        Mutator m = new Mutator(seed);
        while (cases < MAX_CASES && System.nanoTime() < end) body.run(m, cases++);
        return cases;
    }

    @FunctionalInterface
    public interface CaseBody {
        void run(Mutator m, int caseNumber) throws Exception;
    }

    /** A message fit for a person: names the source, no Java class names or stack frames. */
    public static boolean human(String message, String source) {
        return message != null && message.contains(source) && !message.matches("(?s).*(Exception|Error:|\\bat org\\.|java\\.lang|null!).*");
    }
}
