package org.convscope.app;

import java.util.List;

import javafx.scene.text.Font;

/**
 * The font for Simplified Chinese text. JavaFX CSS takes only the first family of a
 * {@code -fx-font-family} list (and silently falls back to "System" when that one is missing), so the
 * fallback list is walked here: the first installed family wins. Naming an SC font matters even where the
 * system font would find CJK glyphs by itself: Han characters shared with Japanese would otherwise be
 * drawn in Japanese forms on many Linux systems. With none installed, "System" (the OS's own CJK cascade) is used.
 */
public final class CjkFont {
    private CjkFont() {}

    /** Preference order: Linux (Noto), Windows, macOS, then other common Linux CJK fonts. */
    public static final List<String> FAMILIES = List.of(
            "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "WenQuanYi Micro Hei");

    private static volatile String chosen;

    /** The first installed family of {@link #FAMILIES}, or "System". Needs the FX toolkit. */
    public static String family() {
        String f = chosen;
        if (f == null) {
            // Font.font answers with the default family when the named one is missing. (Cheaper than
            // Font.getFamilies(), which enumerates every installed font: seconds with a full CJK set.)
            f = FAMILIES.stream().filter(name -> Font.font(name, 13).getFamily().equals(name)).findFirst().orElse("System");
            chosen = f;
        }
        return f;
    }

    /** Inline style for a root node showing Chinese: only the family, so stylesheets keep control of sizes. */
    public static String rootStyle() { return "-fx-font-family: \"" + family() + "\";"; }
}
