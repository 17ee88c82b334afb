package id.loket.common.i18n;

import id.loket.common.model.UserFacingException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words Loket shows and prints, from the resource bundle {@code i18n/messages}: Bahasa
 * Indonesia by default, English on request. Code never holds a user-visible string.
 */
public final class Messages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** From a language code as stored in settings or given on the command line ({@code id}, {@code en}). */
    public static Messages forLanguage(String language) {
        return new Messages("en".equalsIgnoreCase(language) ? ENGLISH : INDONESIAN);
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage().equals("en") ? "en" : "id";
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(localized(args));
    }

    /** Enum arguments are shown by their name in this language ({@code enum.<Type>.<NAME>}) where the bundle has one. */
    private Object[] localized(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Enum<?> e) {
                String key = "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name();
                if (bundle.containsKey(key)) {
                    out[i] = bundle.getString(key);
                }
            }
        }
        return out;
    }

    /** The name of an enum value in this language, or its code when the bundle has none. */
    public String name(Enum<?> e) {
        String key = "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name();
        return bundle.containsKey(key) ? bundle.getString(key) : e.name();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String of(UserFacingException e) {
        return get(e.key(), e.args());
    }
}
