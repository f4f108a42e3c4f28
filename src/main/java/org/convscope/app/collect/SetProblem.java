package org.convscope.app.collect;

import java.util.Locale;

import org.convscope.app.I18n;

/**
 * Something wrong with a file, a folder or a set, said in words: {@link #key()} names a message in the collect
 * bundle, {@link #args()} fill it. Nothing has been changed when one is thrown.
 */
public final class SetProblem extends Exception {
    private final String key;
    private final Object[] args;

    public SetProblem(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    public SetProblem(Throwable cause, String key, Object... args) {
        this(key, args);
        initCause(cause);
    }

    public String key() { return key; }
    public Object[] args() { return args.clone(); }

    /** The message in the app's language. */
    public String text() { return I18n.get(key, args); }

    @Override public String getMessage() {
        Locale was = I18n.locale();
        return was.equals(I18n.ENGLISH) ? text() : key + " " + java.util.Arrays.toString(args);
    }
}
