package com.kfgateway.doctor.entity;

import java.util.Locale;

/** A text that already exists in both languages (e.g. from the errcode catalogue), used as a phrase argument. */
public record Bilingual(String zh, String en) {

    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }

    @Override
    public String toString() {
        return en;
    }
}
