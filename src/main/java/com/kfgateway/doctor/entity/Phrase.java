package com.kfgateway.doctor.entity;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A text to show, kept as a bundle key and its arguments so one diagnosis can be read in Chinese in the console and
 * in English in the log and the API. Arguments never carry secrets: fingerprints, errcodes, names and times only.
 */
public record Phrase(String key, List<Object> args) {

    public static final String BUNDLE = "com.kfgateway.doctor.checks";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, Arrays.asList(args));
    }

    public String in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key + args;
        }
        Object[] rendered = args.stream().map(a -> render(a, locale)).toArray();
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(rendered);
    }

    private static Object render(Object arg, Locale locale) {
        if (arg instanceof Bilingual text) {
            return text.in(locale);
        }
        if (arg instanceof Instant at) {
            return TIME.format(at.atZone(ZoneId.systemDefault()));
        }
        if (arg instanceof Phrase phrase) {
            return phrase.in(locale);
        }
        return arg == null ? "—" : String.valueOf(arg);
    }
}
