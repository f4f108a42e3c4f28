package org.convscope.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What ConvScope remembers between runs (java.util.prefs, per user): window bounds, theme, language, last view.
 * The node name comes from the system property {@code convscope.prefs.node} (default "convscope") so that
 * tests (surefire sets "convscope-test") and the self-check never touch a teacher's real settings.
 * Views may keep their own small choices here too, under a key prefixed with their view id ("browser.dataset").
 * <p>
 * Writes never wait on the caller's thread (the FX thread writes the last view on every switch): java.util.prefs
 * takes the node's lock for its periodic sync to disk, which waits for a file lock shared by every JVM of the user,
 * and the FX thread was seen blocked there for 365 ms ({@code FxStallTourTest}). A write goes to memory at once (read
 * back by every {@code Settings} over the node) and to java.util.prefs on one writer thread, in order.
 */
public final class Settings {
    public static final String NODE_PROPERTY = "convscope.prefs.node";

    /** Window bounds in screen coordinates; maximised windows keep their last normal bounds. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

    private final Preferences prefs;
    /** Values written and not yet in java.util.prefs, shared by every Settings over the same node. */
    private final Map<String, String> pending;

    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("convscope-settings").daemon(true).factory());
    private static final Map<String, Map<String, String>> PENDING = new ConcurrentHashMap<>();

    public Settings(Preferences prefs) {
        this.prefs = prefs;
        this.pending = PENDING.computeIfAbsent(prefs.absolutePath(), k -> new ConcurrentHashMap<>());
    }

    private String read(String key, String fallback) {
        String v = pending.get(key);
        return v != null ? v : prefs.get(key, fallback);
    }

    /** Stored as java.util.prefs stores it (putDouble and putBoolean write these strings too). */
    private void write(String key, String value) {
        // what Preferences.put would refuse is refused here, on the caller's thread, as before
        if (key.length() > Preferences.MAX_KEY_LENGTH || value.length() > Preferences.MAX_VALUE_LENGTH)
            throw new IllegalArgumentException("setting too long: " + key);
        pending.put(key, value);
        WRITER.execute(() -> {
            try {
                prefs.put(key, value);
            } catch (RuntimeException e) {
                System.getLogger("convscope").log(System.Logger.Level.WARNING, "Could not save setting " + key, e);
            } finally {
                pending.remove(key, value); // unless a newer value is on its way
            }
        });
    }

    private double readDouble(String key, double fallback) {
        try { return Double.parseDouble(read(key, Double.toString(fallback))); }
        catch (NumberFormatException e) { return fallback; }
    }

    private boolean readBoolean(String key, boolean fallback) {
        String v = read(key, null);
        return v == null ? fallback : v.equalsIgnoreCase("true") ? true : v.equalsIgnoreCase("false") ? false : fallback;
    }

    /** Waits (at most 2 s) until the writes so far are in java.util.prefs. */
    private static void drain() {
        try { WRITER.submit(() -> { }).get(2, TimeUnit.SECONDS); }
        catch (Exception e) { System.getLogger("convscope").log(System.Logger.Level.WARNING, "settings writer: " + e); }
    }

    /** The settings node named by {@value #NODE_PROPERTY}. */
    public static Settings load() {
        return new Settings(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, "convscope")));
    }

    public Theme theme() {
        try {
            return Theme.valueOf(read("theme", Theme.LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    public void setTheme(Theme t) { write("theme", t.name()); }

    /** The saved language, or (first run) Chinese when the system language is Chinese, else English. */
    public Locale locale() {
        String tag = read("language", null);
        String lang = tag != null ? tag : Locale.getDefault().getLanguage();
        return lang.startsWith("zh") ? I18n.CHINESE : I18n.ENGLISH;
    }

    public void setLocale(Locale l) { write("language", l.toLanguageTag()); }

    /** -Dconvscope.diagnostics=true shows the developers' measurements whatever the saved setting says. */
    public static final String DIAGNOSTICS_PROPERTY = "convscope.diagnostics";

    /**
     * Whether the measurements meant for developers (draw latency, frames per second, worst frame) are shown.
     * Off by default; on when saved so or when the system property {@value #DIAGNOSTICS_PROPERTY} is true.
     */
    public boolean diagnostics() {
        return Boolean.getBoolean(DIAGNOSTICS_PROPERTY) || readBoolean("diagnostics", false);
    }

    public void setDiagnostics(boolean on) { write("diagnostics", String.valueOf(on)); }

    public Optional<String> lastView() { return Optional.ofNullable(read("lastView", null)); }

    public void setLastView(String id) { write("lastView", id); }

    public Optional<WindowBounds> window() {
        double w = readDouble("window.width", -1), h = readDouble("window.height", -1);
        if (!(w > 0 && h > 0)) return Optional.empty();
        return Optional.of(new WindowBounds(readDouble("window.x", 0), readDouble("window.y", 0), w, h,
                readBoolean("window.maximized", false)));
    }

    public void setWindow(WindowBounds b) {
        write("window.x", Double.toString(b.x()));
        write("window.y", Double.toString(b.y()));
        write("window.width", Double.toString(b.width()));
        write("window.height", Double.toString(b.height()));
        write("window.maximized", String.valueOf(b.maximized()));
    }

    /** A view's own remembered choice; key should start with the view id. */
    public String get(String key, String fallback) { return read(key, fallback); }

    public void put(String key, String value) { write(key, value); }

    /** Writes to disk now (also happens by itself at exit); failures only cost the remembered settings. */
    public void flush() {
        drain();
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            System.getLogger("convscope").log(System.Logger.Level.WARNING, "Could not save settings: " + e.getMessage());
        }
    }

    /** Forgets everything (tests start from a clean node). */
    public void clear() {
        drain();
        pending.clear();
        try {
            prefs.clear();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("Could not clear settings node " + prefs.absolutePath(), e);
        }
    }
}
