package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCondenserTest {

    private final AnswerCondenser condenser = new AnswerCondenser();
    private final String longAnswer = "很长的回答。".repeat(600); // 10,800 bytes → 6 parts uncut

    @Test
    void keepsEveryPartWhenTheQuotaAllows() {
        assertEquals(3, condenser.parts("a".repeat(5000), 5).size());
    }

    @Test
    void neverUsesMoreSendsThanRemainAndEndsWithTheNotice() {
        assertTrue(new TextSplitter().split(longAnswer).size() > 5);
        List<String> parts = condenser.parts(longAnswer, 5);
        assertEquals(5, parts.size());
        assertTrue(parts.get(4).endsWith(AnswerCondenser.SHORTENED_NOTICE));
        parts.forEach(p -> assertTrue(TextSplitter.utf8Bytes(p) <= 2048, p.length() + " chars too long"));
    }

    @Test
    void aSingleRemainingSendCarriesTheStartOfTheAnswerAndTheNotice() {
        List<String> parts = condenser.parts(longAnswer, 1);
        assertEquals(1, parts.size());
        assertTrue(parts.get(0).startsWith("很长的回答。"));
        assertTrue(parts.get(0).endsWith(AnswerCondenser.SHORTENED_NOTICE));
        assertTrue(TextSplitter.utf8Bytes(parts.get(0)) <= 2048);
    }

    @Test
    void noRemainingSendGivesNoParts() {
        assertEquals(List.of(), condenser.parts(longAnswer, 0));
    }
}
