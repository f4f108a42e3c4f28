package org.convscope.app;

import java.util.Locale;
import java.util.Map;

/**
 * Reading the values of a lesson step's view state ({@link ConceptView#applyState}) with messages that name the key
 * and say what is allowed. All methods throw {@link IllegalArgumentException}.
 */
public final class ViewState {
    private ViewState() {}

    /** An int in min..max; null when the key is absent. */
    public static Integer intIn(Map<String, String> s, String key, int min, int max) {
        String v = s.get(key);
        if (v == null) return null;
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number, not \"" + v + "\"");
        }
        if (n < min || n > max) throw new IllegalArgumentException("\"" + key + "\" must be " + min + ".." + max + ", not " + n);
        return n;
    }

    /** An enum constant by its name in any case ("max", "MAX"); null when absent. */
    public static <E extends Enum<E>> E enumOf(Map<String, String> s, String key, Class<E> type) {
        String v = s.get(key);
        if (v == null) return null;
        String name = v.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) if (e.name().equals(name)) return e;
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) allowed.append(allowed.isEmpty() ? "" : ", ").append(name(e));
        throw new IllegalArgumentException("\"" + key + "\" must be one of " + allowed + ", not \"" + v + "\"");
    }

    /** true/false; null when absent. */
    public static Boolean bool(Map<String, String> s, String key) {
        String v = s.get(key);
        if (v == null) return null;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException("\"" + key + "\" must be true or false, not \"" + v + "\"");
    }

    /** One of the allowed words; null when absent. */
    public static String oneOf(Map<String, String> s, String key, java.util.List<String> allowed) {
        String v = s.get(key);
        if (v == null) return null;
        if (!allowed.contains(v.strip())) throw new IllegalArgumentException("\"" + key + "\" must be one of "
                + String.join(", ", allowed) + ", not \"" + v + "\"");
        return v.strip();
    }

    /** How an enum constant is written in a lesson: lower case, '-' between words. */
    public static String name(Enum<?> e) { return e.name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
