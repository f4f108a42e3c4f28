package org.convscope.app.lesson;

import java.util.Locale;

/** A lesson text in English and Simplified Chinese; either may be empty, and then the other is shown. */
public record Text(String en, String zh) {
    public static final Text EMPTY = new Text("", "");

    public Text {
        en = en == null ? "" : en.strip();
        zh = zh == null ? "" : zh.strip();
    }

    /** The same words in both languages (a teacher writing in one language only). */
    public static Text of(String both) { return new Text(both, both); }

    public boolean isEmpty() { return en.isEmpty() && zh.isEmpty(); }

    /** The text for this locale, falling back to the other language when this one is empty. */
    public String in(Locale l) {
        boolean chinese = l.getLanguage().equals("zh");
        String first = chinese ? zh : en, other = chinese ? en : zh;
        return first.isEmpty() ? other : first;
    }
}
