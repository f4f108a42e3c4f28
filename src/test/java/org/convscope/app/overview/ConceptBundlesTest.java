package org.convscope.app.overview;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.convscope.app.I18n;
import org.junit.jupiter.api.Test;

/** The bundles of the concept views: registered, complete in both languages, valid patterns, and every key used exists. */
class ConceptBundlesTest {

    static final List<String> FEATURES = List.of("overview", "activation", "sharing", "params", "flatten");

    @Test
    void registeredAndCompleteInBothLanguages() {
        for (String f : FEATURES) {
            String base = "org.convscope.app.i18n." + f;
            assertTrue(I18n.BUNDLES.contains(base), base + " is not in I18n.BUNDLES");
            Set<Object> en = I18n.bundle(base, I18n.ENGLISH).keySet(), zh = I18n.bundle(base, I18n.CHINESE).keySet();
            assertFalse(en.isEmpty(), base + " (English) is missing");
            assertEquals(new TreeSet<>(en.stream().map(String::valueOf).toList()), new TreeSet<>(zh.stream().map(String::valueOf).toList()), base);
            for (Object k : en) {
                assertTrue(String.valueOf(k).startsWith(f + "."), k + " should start with " + f + ".");
                for (var locale : I18n.LOCALES) {
                    String s = I18n.bundle(base, locale).getProperty((String) k);
                    assertFalse(s.isBlank(), k + " is empty in " + locale);
                    assertDoesNotThrow(() -> new MessageFormat(s, locale), k + " is not a valid pattern in " + locale);
                }
            }
        }
    }

    @Test
    void everyKeyTheViewsAskForExists() throws IOException {
        Pattern literal = Pattern.compile("\"((?:" + String.join("|", FEATURES) + ")\\.[A-Za-z0-9.\\-]+)\"");
        int found = 0;
        for (String f : List.of("overview", "activation", "sharing", "params", "flatten")) {
            try (var files = Files.walk(Path.of("src/main/java/org/convscope/app", f))) {
                for (Path p : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                    Matcher m = literal.matcher(Files.readString(p));
                    while (m.find()) {
                        String key = m.group(1);
                        if (key.endsWith(".")) continue; // a prefix completed at run time (checked below)
                        found++;
                        for (var locale : I18n.LOCALES)
                            assertFalse(I18n.get(locale, key).startsWith("!"), key + " used in " + p.getFileName() + " is missing in " + locale);
                    }
                }
            }
        }
        assertTrue(found > 60, "only " + found + " keys found; the scan is broken");
        // keys completed at run time
        for (var locale : I18n.LOCALES) {
            for (String w : List.of("full", "local", "shared")) assertFalse(I18n.get(locale, "sharing.wiring." + w).startsWith("!"));
            for (var m : org.convscope.engine.ModelZoo.all()) assertFalse(I18n.get(locale, "params.model." + m.id()).startsWith("!"), m.id());
        }
    }
}
