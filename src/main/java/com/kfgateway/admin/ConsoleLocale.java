package com.kfgateway.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's language for this request: what the user picked in the header ({@code ?lang=zh} / {@code ?lang=en},
 * remembered in the {@value #COOKIE} cookie by {@link LanguageFilter}), else what the browser asks for
 * (Accept-Language). A cookie rather than the HTTP session, so that an anonymous visit to the login page creates no
 * session.
 */
@Named
@RequestScoped
public class ConsoleLocale {

    static final String COOKIE = "kf-lang";
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.CHINESE);

    @Inject
    HttpServletRequest request;

    private Locale chosen;

    public Locale getLocale() {
        if (chosen == null) {
            chosen = remembered().orElseGet(() -> preferred(request.getLocales().asIterator()));
        }
        return chosen;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public boolean isChinese() {
        return "zh".equals(getLanguage());
    }

    /** Takes a language tag from the switch; anything unsupported is ignored (and answered with false). */
    public boolean choose(String language) {
        Optional<Locale> supported = supported(language);
        supported.ifPresent(l -> chosen = l);
        return supported.isPresent();
    }

    private Optional<Locale> remembered() {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return supported(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Locale> supported(String language) {
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    static Locale preferred(Iterator<Locale> requested) {
        while (requested != null && requested.hasNext()) {
            String language = requested.next().getLanguage();
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(language)) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
