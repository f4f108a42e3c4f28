package org.convscope.app;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What ConvScope remembers between runs (java.util.prefs, per user): window bounds, theme, language, last view.
 * The node name comes from the system property {@code convscope.prefs.node} (default "convscope") so that
 * tests (surefire sets "convscope-test") and the self-check never touch a teacher's real settings.
 * Views may keep their own small choices here too, under a key prefixed with their view id ("browser.dataset").
 */
public final class Settings {
    public static final String NODE_PROPERTY = "convscope.prefs.node";

    /** Window bounds in screen coordinates; maximised windows keep their last normal bounds. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

    private final Preferences prefs;

    public Settings(Preferences prefs) { this.prefs = prefs; }

    /** The settings node named by {@value #NODE_PROPERTY}. */
    public static Settings load() {
        return new Settings(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, "convscope")));
    }

    public Theme theme() {
        try {
            return Theme.valueOf(prefs.get("theme", Theme.LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    public void setTheme(Theme t) { prefs.put("theme", t.name()); }

    /** The saved language, or (first run) Chinese when the system language is Chinese, else English. */
    public Locale locale() {
        String tag = prefs.get("language", null);
        String lang = tag != null ? tag : Locale.getDefault().getLanguage();
        return lang.startsWith("zh") ? I18n.CHINESE : I18n.ENGLISH;
    }

    public void setLocale(Locale l) { prefs.put("language", l.toLanguageTag()); }

    /** -Dconvscope.diagnostics=true shows the developers' measurements whatever the saved setting says. */
    public static final String DIAGNOSTICS_PROPERTY = "convscope.diagnostics";

    /**
     * Whether the measurements meant for developers (draw latency, frames per second, worst frame) are shown.
     * Off by default; on when saved so or when the system property {@value #DIAGNOSTICS_PROPERTY} is true.
     */
    public boolean diagnostics() {
        return Boolean.getBoolean(DIAGNOSTICS_PROPERTY) || prefs.getBoolean("diagnostics", false);
    }

    public void setDiagnostics(boolean on) { prefs.putBoolean("diagnostics", on); }

    public Optional<String> lastView() { return Optional.ofNullable(prefs.get("lastView", null)); }

    public void setLastView(String id) { prefs.put("lastView", id); }

    public Optional<WindowBounds> window() {
        double w = prefs.getDouble("window.width", -1), h = prefs.getDouble("window.height", -1);
        if (!(w > 0 && h > 0)) return Optional.empty();
        return Optional.of(new WindowBounds(prefs.getDouble("window.x", 0), prefs.getDouble("window.y", 0), w, h,
                prefs.getBoolean("window.maximized", false)));
    }

    public void setWindow(WindowBounds b) {
        prefs.putDouble("window.x", b.x());
        prefs.putDouble("window.y", b.y());
        prefs.putDouble("window.width", b.width());
        prefs.putDouble("window.height", b.height());
        prefs.putBoolean("window.maximized", b.maximized());
    }

    /** A view's own remembered choice; key should start with the view id. */
    public String get(String key, String fallback) { return prefs.get(key, fallback); }

    public void put(String key, String value) { prefs.put(key, value); }

    /** Writes to disk now (also happens by itself at exit); failures only cost the remembered settings. */
    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            System.getLogger("convscope").log(System.Logger.Level.WARNING, "Could not save settings: " + e.getMessage());
        }
    }

    /** Forgets everything (tests start from a clean node). */
    public void clear() {
        try {
            prefs.clear();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("Could not clear settings node " + prefs.absolutePath(), e);
        }
    }
}
