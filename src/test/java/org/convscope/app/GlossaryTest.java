package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The Chinese bundles keep to docs/glossary.md: one term per concept, no rejected synonym outside its exception. */
class GlossaryTest {

    record Rule(String english, String chinese, List<String> rejected, String exception) {}

    /** The table rows of docs/glossary.md. */
    static List<Rule> rules() throws IOException {
        List<Rule> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs/glossary.md"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("| ") || line.startsWith("| English") || line.startsWith("| ---")) continue;
            String[] cells = line.split("\\|", -1);
            List<String> rejected = new ArrayList<>();
            for (String r : cells[3].split(",")) if (!r.isBlank()) rejected.add(r.strip());
            out.add(new Rule(cells[1].strip(), cells[2].strip(), rejected, cells[4].strip()));
        }
        return out;
    }

    /** Every key and value of every Chinese bundle. */
    static Map<String, String> chinese() throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        for (String bundle : I18n.BUNDLES) {
            String path = "/" + bundle.replace('.', '/') + "_zh_CN.properties";
            try (InputStream in = GlossaryTest.class.getResourceAsStream(path)) {
                if (in == null) throw new AssertionError("missing " + path);
                Properties p = new Properties();
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                for (String k : p.stringPropertyNames()) all.put(k, p.getProperty(k));
            }
        }
        return all;
    }

    @Test
    void theGlossaryNamesTheTermsTheBriefAsksFor() throws IOException {
        var rules = rules();
        assertTrue(rules.size() >= 20, "glossary rows: " + rules.size());
        for (String[] must : new String[][] {{"pooling, pooling layer", "池化"}, {"kernel (convolution kernel)", "卷积核"},
                {"feature map", "特征图"}, {"fully connected layer", "全连接层"}, {"gradient", "梯度"}, {"backpropagation", "反向传播"}}) {
            assertTrue(rules.stream().anyMatch(r -> r.english().equals(must[0]) && r.chinese().startsWith(must[1])), must[0]);
        }
    }

    @Test
    void noChineseStringUsesARejectedSynonym() throws IOException {
        var strings = chinese();
        assertFalse(strings.isEmpty());
        List<String> found = new ArrayList<>();
        for (Rule r : rules()) {
            for (String bad : r.rejected()) {
                strings.forEach((key, value) -> {
                    String v = value;
                    // the allowed exception: a key named in backticks, or a phrase the rejected word is part of
                    if (r.exception().contains("`" + key + "`")) return;
                    for (String phrase : r.exception().split("[ ,;()（）]+")) {
                        if (phrase.contains(bad) && !phrase.equals(bad)) v = v.replace(phrase, "");
                    }
                    if (v.contains(bad)) found.add(key + " uses \"" + bad + "\" (glossary: " + r.english() + " = " + r.chinese() + "): " + value);
                });
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void theOneMentionOfTheSynonymIsThere() throws IOException {
        String overview = chinese().get("overview.explanation");
        assertTrue(overview.contains("池化层") && overview.contains("汇聚层"), overview);
    }
}
