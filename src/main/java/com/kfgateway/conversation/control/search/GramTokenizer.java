package com.kfgateway.conversation.control.search;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Cuts a message text into overlapping pairs of characters, one per character, in order: "退货了" gives "退货", "货了",
 * "了" + {@link TextGrams#END}. A token's position is the index of its first character, so a phrase of pairs at the
 * right distances is exactly a substring (see {@link TextGrams#query}). Every character, space and punctuation
 * included, is kept: nothing the console's substring search could match is thrown away.
 */
final class GramTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private int[] codePoints = new int[0];
    private int next;

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1024];
        for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
            text.append(buffer, 0, read);
        }
        codePoints = TextGrams.fold(text.toString()).codePoints().toArray();
        next = 0;
    }

    @Override
    public boolean incrementToken() {
        if (next >= codePoints.length) {
            return false;
        }
        clearAttributes();
        term.setEmpty();
        term.append(new String(Character.toChars(codePoints[next])));
        term.append(next + 1 < codePoints.length ? new String(Character.toChars(codePoints[next + 1])) : TextGrams.END);
        next++;
        return true;
    }

    @Override
    public void close() throws IOException {
        super.close();
        codePoints = new int[0];
    }
}
