package com.kfgateway.admin;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The console's language for this session: first what the browser asks for (Accept-Language), then whatever the
 * user picks in the header ({@code ?lang=zh} / {@code ?lang=en}, applied by {@link LanguageFilter}).
 */
@Named
@SessionScoped
public class ConsoleLocale implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.CHINESE);

    private Locale chosen;

    public Locale getLocale() {
        if (chosen != null) {
            return chosen;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null ? Locale.ENGLISH : preferred(faces.getExternalContext().getRequestLocales());
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public boolean isChinese() {
        return "zh".equals(getLanguage());
    }

    /** Takes a language tag from the switch; anything unsupported is ignored. */
    public void choose(String language) {
        SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().ifPresent(l -> chosen = l);
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
