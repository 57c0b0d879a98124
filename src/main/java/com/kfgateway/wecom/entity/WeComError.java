package com.kfgateway.wecom.entity;

import java.util.Locale;

/**
 * One WeCom errcode explained for people: what it means, why it usually happens and how to fix it, in Chinese and
 * English, plus what the gateway does about it.
 */
public record WeComError(int code, String meaningZh, String meaningEn, String causeZh, String causeEn, String fixZh,
        String fixEn, ErrorHandling handling) {

    public boolean retryable() {
        return handling.retryable();
    }

    public String meaning(Locale locale) {
        return chinese(locale) ? meaningZh : meaningEn;
    }

    public String cause(Locale locale) {
        return chinese(locale) ? causeZh : causeEn;
    }

    public String fix(Locale locale) {
        return chinese(locale) ? fixZh : fixEn;
    }

    /** One line for logs and the console: {@code "95018 — meaning — fix"}. */
    public String describe(Locale locale) {
        return code + " — " + meaning(locale) + " — " + fix(locale);
    }

    static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
