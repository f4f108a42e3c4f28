package org.convscope.app;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;

/**
 * Every visible string comes from here. Each feature owns one bundle family
 * (org/convscope/app/i18n/&lt;feature&gt;.properties and &lt;feature&gt;_zh_CN.properties) so that features
 * never edit the same file; {@link #BUNDLES} lists them and a test checks that every key exists in both languages.
 * A missing key shows as !key! instead of crashing (as GemsFX does).
 */
public final class I18n {
    private I18n() {}

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> LOCALES = List.of(ENGLISH, CHINESE);

    /** Bundle base names, one per feature. Add yours here. */
    public static final List<String> BUNDLES = new CopyOnWriteArrayList<>(List.of(
            "org.convscope.app.i18n.shell",
            "org.convscope.app.i18n.data",
            "org.convscope.app.i18n.browser",
            "org.convscope.app.i18n.overview",
            "org.convscope.app.i18n.activation",
            "org.convscope.app.i18n.sharing",
            "org.convscope.app.i18n.params",
            "org.convscope.app.i18n.flatten",
            "org.convscope.app.i18n.draw",
            "org.convscope.app.i18n.network",
            "org.convscope.app.i18n.training",
            "org.convscope.app.i18n.animation",
            "org.convscope.app.i18n.kernel",
            "org.convscope.app.i18n.pooling",
            "org.convscope.app.i18n.lesson",
            "org.convscope.app.i18n.classifier",
            "org.convscope.app.i18n.backprop",
            "org.convscope.app.i18n.saliency",
            "org.convscope.app.i18n.collect"));

    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(ENGLISH);

    /**
     * The language of the moment. It is static and lives as long as the JVM: use it as a binding's dependency
     * ({@link #bind}, {@code Bindings.createStringBinding(..., localeProperty())}, which listen weakly), and for
     * code that must run on a switch use {@link #onChange(Node, Runnable)}, never {@code addListener}: a plain
     * listener here keeps its view, and the whole window around it, reachable for ever.
     */
    public static ObjectProperty<Locale> localeProperty() { return LOCALE; }
    public static Locale locale() { return LOCALE.get(); }
    public static void setLocale(Locale l) { LOCALE.set(l); }

    /** The string for key in the current locale, formatted with MessageFormat when args are given. */
    public static String get(String key, Object... args) { return get(locale(), key, args); }

    public static String get(Locale locale, String key, Object... args) {
        for (String base : BUNDLES) {
            var b = bundle(base, locale);
            String s = b.getProperty(key);
            if (s != null) {
                return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
            }
        }
        return "!" + key + "!";
    }

    /** A binding that follows the locale: label.textProperty().bind(I18n.bind("key")). */
    public static StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), LOCALE);
    }

    /** The key under which a node keeps its language listeners ({@link #onChange(Node, Runnable)}). */
    private static final Object KEPT = new Object();

    /**
     * Runs action on the FX thread after every language switch, for as long as owner is alive. The locale property
     * holds the listener weakly and owner keeps it (in its properties), so a view whose window has closed can be
     * collected with its listeners. Choose as owner a node that lives as long as what action touches (the view's
     * root, the control the action updates).
     */
    public static void onChange(Node owner, Runnable action) {
        @SuppressWarnings("unchecked")
        var kept = (List<Object>) owner.getProperties().computeIfAbsent(KEPT, k -> new ArrayList<>());
        kept.add(listen(action));
    }

    /**
     * The same for an owner that is not a node: the returned object is the listener, held weakly by the locale
     * property; keep it in a field of the owner (the listener lives exactly as long as that field's object).
     */
    public static Object listen(Runnable action) {
        ChangeListener<Locale> listener = (o, a, b) -> action.run();
        LOCALE.addListener(new WeakChangeListener<>(listener));
        return listener;
    }

    private static final java.util.Map<String, java.util.Properties> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The properties of one bundle in one locale: base.properties is English, base_zh_CN.properties Chinese.
     * Read directly (UTF-8) rather than through ResourceBundle so that no default-locale fallback can mix languages.
     * Returns null when the file is missing.
     */
    public static java.util.Properties bundle(String base, Locale locale) {
        String file = "/" + base.replace('.', '/') + (locale.getLanguage().equals("zh") ? "_zh_CN" : "") + ".properties";
        return CACHE.computeIfAbsent(file, f -> {
            try (var in = I18n.class.getResourceAsStream(f)) {
                if (in == null) return new java.util.Properties();
                var p = new java.util.Properties();
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                return p;
            } catch (java.io.IOException e) {
                return new java.util.Properties();
            }
        });
    }

    /** All keys of all bundles in the given locale (for the completeness test). */
    public static List<String> keys(Locale locale) {
        List<String> keys = new ArrayList<>();
        for (String base : BUNDLES) {
            for (Object k : bundle(base, locale).keySet()) keys.add((String) k);
        }
        return keys;
    }
}
