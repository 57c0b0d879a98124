package com.kfgateway.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's texts in the session's language, for Java code (pages use the {@code msg} bundle directly). */
@RequestScoped
public class Texts {

    public static final String BUNDLE = "com.kfgateway.admin.console";

    @Inject
    ConsoleLocale consoleLocale;

    public Locale locale() {
        return consoleLocale.getLocale();
    }

    public String get(String key, Object... args) {
        return format(ResourceBundle.getBundle(BUNDLE, locale()), key, args);
    }

    /** A missing key shows as itself rather than failing the page: a visible gap beats an error screen. */
    static String format(ResourceBundle bundle, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
