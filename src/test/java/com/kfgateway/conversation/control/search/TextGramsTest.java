package com.kfgateway.conversation.control.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's rule is the table's rule: lower-cased text contains the lower-cased search, anywhere. */
class TextGramsTest {

    @TempDir
    Path dir;

    @Test
    void findsAChineseWordInsideASentenceWithoutSpaces() throws IOException {
        try (MessageTextIndex index = indexOf("我想退货，怎么操作？", "退款什么时候到账", "Where is my refund?")) {
            assertEquals(Set.of(1L), index.conversationsMatching("退货"));
            assertEquals(Set.of(1L, 2L), index.conversationsMatching("退"));
            assertEquals(Set.of(1L), index.conversationsMatching("怎么操作？"));
            assertEquals(Set.of(), index.conversationsMatching("退货款"));
        }
    }

    @Test
    void ignoresCaseAndFindsAnyPartOfAnEnglishWord() throws IOException {
        try (MessageTextIndex index = indexOf("Where is my REFUND?", "refunded yesterday", "no fun")) {
            assertEquals(Set.of(1L, 2L), index.conversationsMatching("Refund"));
            assertEquals(Set.of(1L, 2L, 3L), index.conversationsMatching("FUN"));
            assertEquals(Set.of(1L), index.conversationsMatching("my refund?"));
        }
    }

    @Test
    void wordsMatchOnlyInTheirOrderAndAtTheirDistance() throws IOException {
        try (MessageTextIndex index = indexOf("where is my parcel 4711?", "4711 parcel", "parcel  4711")) {
            assertEquals(Set.of(1L), index.conversationsMatching("parcel 4711"));
            assertEquals(Set.of(2L), index.conversationsMatching("4711 parcel"));
        }
    }

    @Test
    void oneCharacterIsFoundAtTheEndOfATextToo() throws IOException {
        try (MessageTextIndex index = indexOf("你好", "好的", "x")) {
            assertEquals(Set.of(1L, 2L), index.conversationsMatching("好"));
            assertEquals(Set.of(3L), index.conversationsMatching("X"));
        }
    }

    /** Random texts and searches over a small alphabet (so that many match), checked against String.contains. */
    @Test
    void answersExactlyAsASubstringTestOfEveryMessage() throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        String alphabet = "退货款发好的aAbB 1？";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            texts.add(word(random, alphabet, 1 + random.nextInt(30)));
        }
        try (MessageTextIndex index = indexOf(texts.toArray(String[]::new))) {
            for (int q = 0; q < 300; q++) {
                String search = q % 2 == 0 ? word(random, alphabet, 1 + random.nextInt(5))
                        : substringOf(texts.get(random.nextInt(texts.size())), random);
                if (search.isBlank()) {
                    continue;
                }
                Set<Long> expected = new HashSet<>();
                for (int i = 0; i < texts.size(); i++) {
                    if (texts.get(i).toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT))) {
                        expected.add(i + 1L);
                    }
                }
                assertEquals(expected, index.conversationsMatching(search), "search «" + search + "»");
            }
        }
    }

    /** One message per conversation: message i (from 1) is in conversation i. */
    private MessageTextIndex indexOf(String... texts) throws IOException {
        MessageTextIndex index = MessageTextIndex.open(dir, true);
        List<StoredText> rows = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            rows.add(new StoredText(i + 1, (long) i + 1, texts[i], Instant.EPOCH));
        }
        index.add(rows);
        return index;
    }

    private static String word(SplittableRandom random, String alphabet, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    private static String substringOf(String text, SplittableRandom random) {
        int from = random.nextInt(text.length());
        return text.substring(from, from + 1 + random.nextInt(text.length() - from));
    }
}
