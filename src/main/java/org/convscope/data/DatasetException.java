package org.convscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dataset file that cannot be used: says which file, what is wrong and what to do.
 *
 * <p>The text lives in the i18n bundle org.convscope.app.i18n.data (keys data.error.*) so that the UI can show it in
 * the user's language: {@code I18n.get(e.key(), e.args())} or {@link #localizedMessage(Locale)}.
 * {@link #getMessage()} is the English text (logs, command line). The data package reads the bundle file itself
 * because it must not depend on the app (JavaFX) package.
 */
public final class DatasetException extends Exception {

    private static final String BUNDLE = "/org/convscope/app/i18n/data";
    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

    private final String file, key;
    private final Object[] args;

    /**
     * @param file the file (path or bundled resource name) the problem is in
     * @param key  data.error.* key; its pattern gets {0} = file, then args as {1}, {2}, ...
     */
    public DatasetException(String file, String key, Object... args) {
        this(file, null, key, args);
    }

    public DatasetException(String file, Throwable cause, String key, Object... args) {
        super(null, cause);
        this.file = file;
        this.key = key;
        Object[] all = new Object[args.length + 1];
        all[0] = file;
        System.arraycopy(args, 0, all, 1, args.length);
        this.args = all;
    }

    /** The file the problem is in, as the user would recognise it (a path or a bundled resource name). */
    public String file() { return file; }

    /** The message key (data.error.*). */
    public String key() { return key; }

    /** The MessageFormat arguments of {@link #key()}: {0} is the file. */
    public Object[] args() { return args.clone(); }

    @Override
    public String getMessage() { return localizedMessage(Locale.ENGLISH); }

    @Override
    public String getLocalizedMessage() { return getMessage(); }

    /** The message in a language ConvScope has (English, or Simplified Chinese for any zh locale). */
    public String localizedMessage(Locale locale) {
        String pattern = pattern(locale, key);
        if (pattern == null) pattern = pattern(Locale.ENGLISH, key);
        if (pattern == null) return file + ": " + key + " " + Arrays.toString(args);
        return new MessageFormat(pattern, locale).format(args);
    }

    private static String pattern(Locale locale, String key) {
        String file = BUNDLE + (locale.getLanguage().equals("zh") ? "_zh_CN" : "") + ".properties";
        return BUNDLES.computeIfAbsent(file, DatasetException::load).getProperty(key);
    }

    private static Properties load(String resource) {
        var p = new Properties();
        try (InputStream in = DatasetException.class.getResourceAsStream(resource)) {
            if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
