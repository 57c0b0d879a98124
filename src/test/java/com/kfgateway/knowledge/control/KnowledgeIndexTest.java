package com.kfgateway.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.knowledge.entity.KnowledgeEntry;
import com.kfgateway.knowledge.entity.KnowledgeHit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KnowledgeIndexTest {

    private static List<KnowledgeEntry> faq;
    private static KnowledgeIndex index;

    @BeforeAll
    static void shopFaq() throws IOException {
        try (InputStream in = KnowledgeIndexTest.class.getResourceAsStream("/knowledge/sandbox-shop-faq.md")) {
            faq = FaqMarkdown.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        index = KnowledgeIndex.of(faq);
    }

    @Test
    void theShopFaqGivesItsTwentyFiveEntriesWithTheirIdsQuestionsAndBothLanguagesOfTheAnswer() {
        assertEquals(25, faq.size());
        KnowledgeEntry first = faq.get(0);
        assertEquals("F01", first.sourceId());
        assertEquals("营业时间 · Opening hours", first.title());
        assertTrue(first.question().contains("几点下班") && first.question().contains("weekends"), first.question());
        assertTrue(first.answer().startsWith("线上客服每天 9:00–21:00") && first.answer().contains("\nOnline support"),
                first.answer());
        assertTrue(first.answer().contains("holidays included. Our store"), "a wrapped line continues: "
                + first.answer());
        assertEquals("F25", faq.get(24).sourceId());
    }

    @Test
    void aChineseQuestionWordedOtherwiseFindsItsEntryAndIsSureEnoughToAnswer() {
        List<KnowledgeHit> hits = index.search("退回去的邮费谁承担", 3);
        assertEquals("F07", hits.get(0).entry().sourceId(), hits.toString());
        assertTrue(AnswerConfidence.DEFAULT.confident(hits), hits.toString());
    }

    @Test
    void anEnglishQuestionIsReadWithEnglishStems() {
        List<KnowledgeHit> hits = index.search("Can I change my shipping address?", 3);
        assertEquals("F10", hits.get(0).entry().sourceId(), hits.toString());
        assertTrue(AnswerConfidence.DEFAULT.confident(hits), hits.toString());
    }

    @Test
    void aQuestionTheFaqCannotAnswerIsNotAnsweredWithConfidence() {
        for (String question : List.of("明天天气怎么样", "你们卖手机吗", "tell me a joke", "who is the ceo")) {
            assertFalse(AnswerConfidence.DEFAULT.confident(index.search(question, 3)), question);
        }
    }

    @Test
    void nothingToSearchFindsNothing() {
        assertEquals(List.of(), index.search("？？", 3));
        assertEquals(List.of(), KnowledgeIndex.of(List.of()).search("退款", 3));
    }

    @Test
    void aFileWithoutEntriesGivesNone() {
        assertEquals(List.of(), FaqMarkdown.parse("# Just a title\n\nSome text, no entries.\n## F99 no answer\n问：x"));
    }
}
