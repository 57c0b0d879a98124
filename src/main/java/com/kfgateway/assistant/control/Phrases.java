package com.kfgateway.assistant.control;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Alternative words or phrases ({@code 价格|多少钱|price}) found in a customer's message regardless of case and of
 * full-width or half-width forms (Chinese keyboards often type ＨＵＭＡＮ). A phrase of plain ASCII must stand as a
 * whole word, so "hi" does not match "this"; any other phrase (Chinese has no spaces) matches anywhere.
 */
record Phrases(List<String> phrases) {

    Phrases {
        phrases = List.copyOf(phrases);
    }

    static Phrases parse(String alternatives) {
        return new Phrases(Arrays.stream(alternatives.split("\\|")).map(Phrases::normalize).map(String::trim)
                .filter(p -> !p.isEmpty()).toList());
    }

    Phrases and(Phrases more) {
        return new Phrases(Stream.concat(phrases.stream(), more.phrases.stream()).toList());
    }

    boolean isEmpty() {
        return phrases.isEmpty();
    }

    /** The first phrase found in the text, in the order written. */
    Optional<String> firstIn(String text) {
        String normalized = normalize(text);
        return phrases.stream().filter(phrase -> occursIn(normalized, phrase)).findFirst();
    }

    static String normalize(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static boolean occursIn(String text, String phrase) {
        if (!phrase.chars().allMatch(c -> c < 128)) {
            return text.contains(phrase);
        }
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            if ((at == 0 || !asciiWordChar(text.charAt(at - 1))) && (end == text.length()
                    || !asciiWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
