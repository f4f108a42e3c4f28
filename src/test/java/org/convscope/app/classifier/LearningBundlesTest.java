package org.convscope.app.classifier;

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

/**
 * The bundles of the classifier, backpropagation and saliency views: registered, the same keys in both languages,
 * valid patterns without a lone apostrophe where MessageFormat would swallow it, and every key the views use exists.
 */
class LearningBundlesTest {

    static final List<String> FEATURES = List.of("classifier", "backprop", "saliency");

    @Test
    void registeredCompleteAndValid() {
        for (String f : FEATURES) {
            String base = "org.convscope.app.i18n." + f;
            assertTrue(I18n.BUNDLES.contains(base), base + " is not in I18n.BUNDLES");
            Set<String> en = new TreeSet<>(), zh = new TreeSet<>();
            I18n.bundle(base, I18n.ENGLISH).keySet().forEach(k -> en.add(String.valueOf(k)));
            I18n.bundle(base, I18n.CHINESE).keySet().forEach(k -> zh.add(String.valueOf(k)));
            assertFalse(en.isEmpty(), base);
            assertEquals(en, zh, base);
            for (String k : en) {
                assertTrue(k.startsWith(f + "."), k);
                for (var locale : I18n.LOCALES) {
                    String s = I18n.bundle(base, locale).getProperty(k);
                    assertFalse(s.isBlank(), k + " is empty in " + locale);
                    assertDoesNotThrow(() -> new MessageFormat(s, locale), k + " in " + locale);
                    // a pattern with arguments is formatted: a single ' there would start a quote and hide the rest
                    if (s.matches("(?s).*\\{\\d.*")) assertFalse(s.replace("''", "").contains("'"), k + " has a lone ' in " + locale);
                }
            }
        }
    }

    @Test
    void everyKeyTheViewsAskForExists() throws IOException {
        Pattern literal = Pattern.compile("\"((?:" + String.join("|", FEATURES) + ")\\.[A-Za-z0-9.\\-]+)\"");
        int found = 0;
        for (String f : FEATURES) {
            try (var files = Files.walk(Path.of("src/main/java/org/convscope/app", f))) {
                for (Path p : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                    Matcher m = literal.matcher(Files.readString(p));
                    while (m.find()) {
                        String key = m.group(1);
                        if (key.endsWith(".") || key.endsWith(".css")) continue; // completed at run time (below), a stylesheet
                        found++;
                        for (var locale : I18n.LOCALES)
                            assertFalse(I18n.get(locale, key).startsWith("!"), key + " used in " + p.getFileName() + " is missing in " + locale);
                    }
                }
            }
        }
        assertTrue(found > 60, "only " + found + " keys found; the scan is broken");
        for (var locale : I18n.LOCALES)
            for (String id : List.of("trained", "modern", "d2l")) assertFalse(I18n.get(locale, "backprop.model." + id).startsWith("!"), id);
    }
}
