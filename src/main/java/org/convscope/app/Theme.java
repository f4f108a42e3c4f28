package org.convscope.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The three looks. AtlantaFX Primer provides every colour as a looked-up colour (-color-fg-default, ...);
 * convscope.css uses only those, so that light and dark are a user-agent stylesheet swap, and
 * PROJECTOR is LIGHT plus exactly one extra stylesheet (projector.css: larger type, stronger contrast).
 */
public enum Theme {
    LIGHT("theme.light", Material2OutlinedMZ.WB_SUNNY),
    DARK("theme.dark", Material2OutlinedMZ.NIGHTS_STAY),
    PROJECTOR("theme.projector", Material2OutlinedAL.CAST_FOR_EDUCATION);

    public static final String APP_STYLESHEET = stylesheet("convscope.css");
    public static final String PROJECTOR_STYLESHEET = stylesheet("projector.css");

    private final String titleKey;
    private final Ikon icon;

    Theme(String titleKey, Ikon icon) {
        this.titleKey = titleKey;
        this.icon = icon;
    }

    public String titleKey() { return titleKey; }

    public Ikon icon() { return icon; }

    /** Sets the application-wide user-agent stylesheet and the scene's own stylesheets. FX thread. */
    public void apply(Scene scene) {
        applyUserAgent();
        if (this == PROJECTOR) {
            scene.getStylesheets().setAll(APP_STYLESHEET, PROJECTOR_STYLESHEET);
        } else {
            scene.getStylesheets().setAll(APP_STYLESHEET);
        }
    }

    /**
     * Sets the application-wide user-agent stylesheet (AtlantaFX Primer, light or dark). Called at startup before the
     * first control is made: the first control otherwise loads JavaFX's own Modena stylesheet, only to be replaced
     * (about 6 % of the window's making in a profile of the app's start). FX thread.
     */
    public void applyUserAgent() {
        String ua = this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (!ua.equals(Application.getUserAgentStylesheet())) Application.setUserAgentStylesheet(ua);
    }

    private static String stylesheet(String name) {
        var url = Theme.class.getResource(name);
        if (url == null) throw new IllegalStateException("Stylesheet missing from the build: " + name);
        return url.toExternalForm();
    }
}
