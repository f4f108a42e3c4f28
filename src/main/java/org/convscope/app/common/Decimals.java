package org.convscope.app.common;

import java.util.Locale;

/** Numbers as the learning views write them: a few decimals, very small or large values in e-notation. */
public final class Decimals {
    private Decimals() {}

    /** e.g. 0.123, −1.500, 3.2e-05 (a true minus sign, so columns of signed numbers line up). */
    public static String of(double v) { return of(v, 3); }

    public static String of(double v, int decimals) {
        if (Double.isNaN(v)) return "–";
        double a = Math.abs(v);
        String s = a != 0 && (a < Math.pow(10, -decimals) || a >= 1e5)
                ? String.format(Locale.ROOT, "%." + Math.max(1, decimals - 1) + "e", v)
                : String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.replace('-', '\u2212').replace("e\u2212", "e-");
    }

    /** With an explicit sign: +0.123, −0.456. */
    public static String signed(double v) {
        return v >= 0 ? "+" + of(v) : of(v);
    }
}
