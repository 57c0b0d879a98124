package com.kfgateway.doctor.entity;

import java.util.Locale;

/**
 * One row of the setup doctor: which check ({@code id}, stable for the API and tests), its verdict, what was found,
 * and, unless it is green, what to do about it in plain words.
 */
public record Check(String id, Verdict verdict, Phrase title, Phrase finding, Phrase fix) {

    public static Check green(String id, Phrase title, Phrase finding) {
        return new Check(id, Verdict.GREEN, title, finding, null);
    }

    public String title(Locale locale) {
        return title.in(locale);
    }

    public String finding(Locale locale) {
        return finding == null ? null : finding.in(locale);
    }

    public String fix(Locale locale) {
        return fix == null ? null : fix.in(locale);
    }
}
