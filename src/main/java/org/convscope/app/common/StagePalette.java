package org.convscope.app.common;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The theme's colours and font, resolved once per repaint for canvas painters (a Canvas takes no part in CSS).
 * Read from a {@link ThemedCanvas} that requested {@link #LOOKUPS}; off-screen renderers (GIF export) reuse the
 * palette of the on-screen view, so an exported frame looks like the screen in the current theme.
 */
public record StagePalette(Color fg, Color muted, Color bg, Color subtle, Color border, Color accent,
                           Color accentSubtle, Color highlight, Color success, Color danger,
                           String fontFamily, double fontSize, NumberSizes numbers) {

    /** The looked-up colours a ThemedCanvas must be created with for {@link #of(ThemedCanvas)}. */
    public static final String[] LOOKUPS = {
            "-color-fg-default", "-color-fg-muted", "-color-bg-default", "-color-bg-subtle", "-color-border-default",
            "-color-accent-emphasis", "-color-accent-subtle", "-color-warning-emphasis", "-color-success-emphasis",
            "-color-danger-emphasis"};

    public static StagePalette of(ThemedCanvas c) {
        // before CSS is applied the probes are grey: fall back to the light palette then
        Color fg = c.color("-color-fg-default");
        if (fg.equals(Color.GRAY)) return light(c.fontSize(), c.numberSizes());
        return new StagePalette(fg, c.color("-color-fg-muted"), c.color("-color-bg-default"), c.color("-color-bg-subtle"),
                c.color("-color-border-default"), c.color("-color-accent-emphasis"), c.color("-color-accent-subtle"),
                c.color("-color-warning-emphasis"), c.color("-color-success-emphasis"), c.color("-color-danger-emphasis"),
                c.font(1).getFamily(), c.fontSize(), c.numberSizes());
    }

    /** AtlantaFX Primer Light's values: used until CSS has been applied. */
    public static StagePalette light(double fontSize) { return light(fontSize, new NumberSizes()); }

    /** The light palette, numbers following (and reported to) a canvas's sizes. */
    public static StagePalette light(double fontSize, NumberSizes numbers) {
        return new StagePalette(Color.web("#1f2328"), Color.web("#656d76"), Color.WHITE, Color.web("#f6f8fa"),
                Color.web("#d0d7de"), Color.web("#0969da"), Color.web("#ddf4ff"), Color.web("#bf8700"),
                Color.web("#1f883d"), Color.web("#cf222e"), Font.getDefault().getFamily(), fontSize, numbers);
    }

    public Font font(double size) { return Font.font(fontFamily, size); }

    public Font bold(double size) { return Font.font(fontFamily, FontWeight.BOLD, size); }

    /** The font for a number: at least the theme's minimum for numbers (see {@link NumberSizes}), remembered. */
    public Font number(double size) { return Font.font(fontFamily, numbers.use(size)); }

    /** {@link #number} in bold. */
    public Font numberBold(double size) { return Font.font(fontFamily, FontWeight.BOLD, numbers.use(size)); }
}
