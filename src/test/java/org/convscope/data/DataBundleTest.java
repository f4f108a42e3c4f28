package org.convscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The data bundle has every key in both languages, and every key the data package uses exists. */
class DataBundleTest {

    private static Properties load(String suffix) throws Exception {
        var p = new Properties();
        try (var in = DataBundleTest.class.getResourceAsStream("/org/convscope/app/i18n/data" + suffix + ".properties")) {
            assertNotNull(in, "bundle data" + suffix + " missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertEquals(new TreeSet<>(load("").stringPropertyNames()), new TreeSet<>(load("_zh_CN").stringPropertyNames()));
    }

    @Test
    void everyClassHasANameInBothLanguages() throws Exception {
        var en = load("");
        var zh = load("_zh_CN");
        for (DatasetKind k : DatasetKind.values()) {
            assertNotNull(en.getProperty(k.nameKey()));
            for (int c = 0; c < DatasetKind.CLASSES; c++) {
                assertFalse(en.getProperty(k.classKey(c), "").isBlank(), k.classKey(c));
                assertFalse(zh.getProperty(k.classKey(c), "").isBlank(), k.classKey(c));
            }
        }
        assertEquals("Ankle boot", en.getProperty("class.fashion.9"));
        assertEquals("T恤/上衣", zh.getProperty("class.fashion.0"));
    }

    @Test
    void everyErrorKeyUsedInTheSourcesExists() throws Exception {
        var en = load("");
        var keys = new TreeSet<String>();
        var literal = Pattern.compile("\"(data\\.error\\.[A-Za-z.]+)\"( \\+ what)?");
        try (var files = Files.list(Path.of("src/main/java/org/convscope/data"))) {
            for (Path f : files.toList()) {
                var m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(2) != null) { keys.add(m.group(1) + "images"); keys.add(m.group(1) + "labels"); }
                    else keys.add(m.group(1));
                }
            }
        }
        assertTrue(keys.size() >= 15, "found only " + keys);
        for (String k : keys) assertNotNull(en.getProperty(k), "missing message " + k);
    }
}
