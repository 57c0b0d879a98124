package com.kfgateway.doctor.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PhraseTest {

    @Test
    void bilingualArgumentsFollowTheReadersLanguage() {
        Phrase phrase = Phrase.of("config.problem", new Bilingual("中文", "English"));
        assertEquals("中文", phrase.in(Locale.CHINESE));
        assertEquals("English", phrase.in(Locale.ENGLISH));
    }

    @Test
    void apostrophesInTextsSurviveFormatting() {
        assertTrue(Phrase.of("token.fix.60020", "X").in(Locale.ENGLISH).contains("app's trusted IPs"));
    }

    @Test
    void anUnknownKeyShowsItselfInsteadOfFailing() {
        assertTrue(Phrase.of("no.such.key").in(Locale.ENGLISH).startsWith("no.such.key"));
    }
}
