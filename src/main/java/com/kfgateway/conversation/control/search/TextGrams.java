package com.kfgateway.conversation.control.search;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;

/**
 * The one rule of the text index: a message matches when its text, lower-cased, contains the search, lower-cased,
 * anywhere: the console's substring search ({@code lower(text) like '%…%'}), answered from character pairs instead
 * of a scan. Pairs, not words: Chinese has no spaces, and a customer may search any part of a word.
 */
final class TextGrams {

    static final String FIELD = "text";
    /** Pairs the last character of a text, so a one-character search finds it there too. */
    static final String END = "\u0000";

    private TextGrams() {
    }

    /** Lower case as the console's search has always compared (Java's, locale-independent). */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new GramTokenizer());
            }
        };
    }

    /**
     * One character: any pair that starts with it. Longer: the pairs that start at every other character (and the
     * last pair), each at its own distance from the first, so together they cover every character in order; fewer
     * terms than all the pairs, the same documents.
     */
    static Query query(String search) {
        int[] chars = fold(search).codePoints().toArray();
        if (chars.length == 1) {
            return new PrefixQuery(new Term(FIELD, new String(chars, 0, 1)));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int at = 0; at < chars.length - 1; at += 2) {
            phrase.add(new Term(FIELD, new String(chars, at, 2)), at);
        }
        if (chars.length % 2 == 0) {
            return phrase.build();
        }
        phrase.add(new Term(FIELD, new String(chars, chars.length - 2, 2)), chars.length - 2);
        return phrase.build();
    }
}
