package org.convscope.app.draw;

import static org.junit.jupiter.api.Assertions.*;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.TreeSet;

import org.convscope.app.I18n;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The draw and network bundles: same keys in both languages, every pattern valid, no unescaped apostrophes. */
class DrawBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"org.convscope.app.i18n.draw", "org.convscope.app.i18n.network"})
    void bothLanguagesHaveTheSameKeysAndValidPatterns(String base) {
        assertTrue(I18n.BUNDLES.contains(base), base + " is registered");
        var en = I18n.bundle(base, I18n.ENGLISH);
        var zh = I18n.bundle(base, I18n.CHINESE);
        assertFalse(en.isEmpty());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (var p : new java.util.Properties[] {en, zh}) {
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                assertFalse(v.contains("'"), k + ": a plain apostrophe would be eaten by MessageFormat");
                assertDoesNotThrow(() -> new MessageFormat(v, Locale.ROOT).format(new Object[] {"a", 1, 2, 3, 4, 5}), k);
            }
        }
        // the Chinese text is Chinese (not a copy of the English)
        assertNotEquals(en.getProperty(base.endsWith("draw") ? "draw.clear" : "network.col.input"),
                zh.getProperty(base.endsWith("draw") ? "draw.clear" : "network.col.input"));
    }
}
