package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every key of every bundle in I18n.BUNDLES exists, non-empty, in English and Simplified Chinese. */
class I18nBundlesTest {

    @Test
    void everyBundleHasTheSameNonEmptyKeysInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (String base : I18n.BUNDLES) {
            Properties en = I18n.bundle(base, I18n.ENGLISH), zh = I18n.bundle(base, I18n.CHINESE);
            if (en.isEmpty()) problems.add(base + ": English file missing or empty");
            if (zh.isEmpty()) problems.add(base + ": Chinese (_zh_CN) file missing or empty");
            for (String k : names(en)) {
                if (!zh.containsKey(k)) problems.add(base + ": '" + k + "' missing in Chinese");
                else if (zh.getProperty(k).isBlank()) problems.add(base + ": '" + k + "' empty in Chinese");
                if (en.getProperty(k).isBlank()) problems.add(base + ": '" + k + "' empty in English");
            }
            for (String k : names(zh)) {
                if (!en.containsKey(k)) problems.add(base + ": '" + k + "' missing in English");
            }
        }
        if (!problems.isEmpty()) fail(problems.size() + " i18n problem(s):\n" + String.join("\n", problems));
    }

    /** I18n.get takes the first bundle with the key: the same key in two bundles would silently hide one. */
    @Test
    void noKeyIsDefinedInTwoBundles() {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String base : I18n.BUNDLES) {
            for (String k : names(I18n.bundle(base, I18n.ENGLISH))) {
                String before = owner.putIfAbsent(k, base);
                if (before != null) clashes.add(k + " in " + before + " and " + base);
            }
        }
        assertTrue(clashes.isEmpty(), "keys defined twice: " + clashes);
    }

    /** A translation must use the same {n} arguments, and every pattern must be valid MessageFormat. */
    @Test
    void translationsUseTheSameArguments() {
        List<String> problems = new ArrayList<>();
        for (String base : I18n.BUNDLES) {
            Properties en = I18n.bundle(base, I18n.ENGLISH), zh = I18n.bundle(base, I18n.CHINESE);
            for (String k : names(en)) {
                String e = en.getProperty(k), z = zh.getProperty(k);
                if (z == null) continue; // reported by the first test
                Set<String> ae = arguments(e), az = arguments(z);
                if (!ae.equals(az)) problems.add(base + ": '" + k + "' uses " + ae + " in English but " + az + " in Chinese");
                for (var v : List.of(Map.entry(Locale.ENGLISH, e), Map.entry(I18n.CHINESE, z))) {
                    if (!arguments(v.getValue()).isEmpty()) {
                        try {
                            new MessageFormat(v.getValue(), v.getKey());
                        } catch (IllegalArgumentException ex) {
                            problems.add(base + ": '" + k + "' (" + v.getKey() + ") is not a valid pattern: " + ex.getMessage());
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** (The global locale is not switched here: windows of other tests in this JVM are bound to it.) */
    @Test
    void eachLanguageHasItsOwnTextAndMissingKeysShowAsMarkers() {
        assertEquals("Dark", I18n.get(I18n.ENGLISH, "theme.dark"));
        assertEquals("深色", I18n.get(I18n.CHINESE, "theme.dark"));
        assertEquals("第 3 行，第 7 列", I18n.get(I18n.CHINESE, "browser.pixelAt", 3, 7));
        assertEquals("!no.such.key!", I18n.get(I18n.ENGLISH, "no.such.key"));
    }

    @Test
    void theShellAndBrowserBundlesAreListed() {
        assertTrue(I18n.BUNDLES.contains("org.convscope.app.i18n.shell"));
        assertTrue(I18n.BUNDLES.contains("org.convscope.app.i18n.browser"));
        assertFalse(I18n.keys(I18n.CHINESE).isEmpty());
    }

    private static Set<String> names(Properties p) { return new TreeSet<>(p.stringPropertyNames()); }

    private static final Pattern ARG = Pattern.compile("\\{(\\d+)");

    private static Set<String> arguments(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(s);
        while (m.find()) out.add("{" + m.group(1) + "}");
        return out;
    }
}
