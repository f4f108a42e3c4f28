package org.convscope.app.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A collected set as it stands, immutable (saved from a background thread while the class goes on drawing).
 * @param classNames  1..10 names; a drawing's label indexes this list
 * @param samples     in the order they were collected
 * @param provenance  who made it and how: "author", "created", "app", "merged" (free text, saved with the set)
 */
public record SetData(List<String> classNames, List<Sample> samples, Map<String, String> provenance) {
    public static final int MAX_CLASSES = 10, MAX_NAME = 24;
    public static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** Characters a folder name cannot hold on Windows, macOS or Linux (class names become PNG folder names). */
    private static final Pattern BAD_CHARS = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");

    public SetData {
        classNames = List.copyOf(classNames);
        samples = List.copyOf(samples);
        provenance = Map.copyOf(provenance);
        for (Sample s : samples)
            if (s.label() >= classNames.size()) throw new IllegalArgumentException(s + " has a class beyond " + classNames);
    }

    public static SetData empty() { return new SetData(DIGITS, List.of(), Map.of()); }

    public int[] counts() {
        int[] c = new int[classNames.size()];
        for (Sample s : samples) c[s.label()]++;
        return c;
    }

    public List<Sample> part(boolean heldOut) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : samples) if (s.heldOut() == heldOut) out.add(s);
        return out;
    }

    public SetData withProvenance(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(provenance);
        p.put(key, value);
        return new SetData(classNames, samples, p);
    }

    /**
     * Why these class names cannot be used, or null when they can: 1..10 names, none blank, none twice, each at most
     * {@link #MAX_NAME} characters and usable as a folder name (the PNG export makes one folder per class).
     */
    public static SetProblem checkNames(List<String> names) {
        if (names.isEmpty() || names.size() > MAX_CLASSES) return new SetProblem("collect.classes.count", names.size(), MAX_CLASSES);
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isBlank()) return new SetProblem("collect.classes.blank", i + 1);
            if (!n.equals(n.strip())) return new SetProblem("collect.classes.spaces", n);
            if (n.length() > MAX_NAME) return new SetProblem("collect.classes.long", n, MAX_NAME);
            if (BAD_CHARS.matcher(n).find() || n.equals(".") || n.equals("..") || n.startsWith("."))
                return new SetProblem("collect.classes.chars", n);
            if (names.indexOf(n) != i) return new SetProblem("collect.classes.twice", n);
        }
        return null;
    }

    /** "0, 1, 2" from a list, and back (the class-name field). */
    public static String joinNames(List<String> names) { return String.join(", ", names); }

    public static List<String> splitNames(String text) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) return out;
        for (String s : text.split("[,，]", -1)) out.add(s.strip());
        return out;
    }
}
