package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    private final TextSplitter splitter = new TextSplitter();

    @Test
    void keepsATextOfExactly2048BytesWhole() {
        String text = "a".repeat(2048);
        assertEquals(List.of(text), splitter.split(text));
    }

    @Test
    void splitsA2049ByteTextIntoTwoParts() {
        List<String> parts = splitter.split("a".repeat(2049));
        assertEquals(2, parts.size());
        assertEquals(2048, TextSplitter.utf8Bytes(parts.get(0)));
    }

    @Test
    void countsBytesNotCharactersForChinese() {
        String text = "中".repeat(700); // 2,100 bytes in 700 chars
        List<String> parts = splitter.split(text);
        assertEquals(2, parts.size());
        assertEquals(682, parts.get(0).length(), "682 CJK chars = 2046 bytes, the 683rd would exceed 2048");
        assertEquals(text, String.join("", parts));
    }

    @Test
    void neverCutsAnEmojiSurrogatePair() {
        String text = "😀".repeat(600); // 4 bytes each: 2,400 bytes
        List<String> parts = splitter.split(text);
        for (String part : parts) {
            assertTrue(TextSplitter.utf8Bytes(part) <= 2048);
            assertTrue(
                    !Character.isLowSurrogate(part.charAt(0))
                            && !Character.isHighSurrogate(part.charAt(part.length() - 1)),
                    "a part starts or ends inside a surrogate pair");
        }
        assertEquals(text, String.join("", parts));
    }

    @Test
    void prefersAParagraphBreakInTheSecondHalf() {
        String first = "x".repeat(1500);
        String text = first + "\n\n" + "y".repeat(1500);
        List<String> parts = splitter.split(text);
        assertEquals(List.of(first, "y".repeat(1500)), parts);
    }

    @Test
    void cutsAfterAChineseSentenceEndWhenThereIsNoParagraph() {
        String sentence = "这是一个句子。"; // 21 bytes
        String text = sentence.repeat(120); // 2,520 bytes
        List<String> parts = splitter.split(text);
        assertTrue(parts.get(0).endsWith("。"));
        assertTrue(TextSplitter.utf8Bytes(parts.get(0)) <= 2048);
        assertEquals(text, String.join("", parts));
    }

    @Test
    void asciiFullStopInsideANumberIsNoSentenceEnd() {
        TextSplitter small = new TextSplitter(20);
        List<String> parts = small.split("pi is 3.14159265 and more words");
        assertTrue(parts.stream().noneMatch(p -> p.endsWith("3.")), parts.toString());
    }

    @Test
    void fallsBackToASpaceThenToAHardCut() {
        TextSplitter small = new TextSplitter(10);
        assertEquals(List.of("hello", "world", "again"), small.split("hello world again"));
        assertEquals(List.of("abcdefghij", "klm"), small.split("abcdefghijklm"));
    }

    @Test
    void fiveThousandByteAnswerBecomesPartsOfAtMost2048Bytes() {
        String text = ("The gateway answers within WeCom's rules. 我们遵守规则。\n").repeat(80);
        assertTrue(TextSplitter.utf8Bytes(text) >= 5000);
        List<String> parts = splitter.split(text);
        assertEquals(3, parts.size());
        parts.forEach(p -> assertTrue(TextSplitter.utf8Bytes(p) <= 2048));
    }

    @Test
    void blankTextHasNoParts() {
        assertEquals(List.of(), splitter.split("  \n "));
        assertEquals(List.of(), splitter.split(null));
    }
}
