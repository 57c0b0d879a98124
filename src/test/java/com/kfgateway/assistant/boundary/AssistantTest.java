package com.kfgateway.assistant.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.assistant.control.AssistantConfig;
import com.kfgateway.assistant.control.FakeChatModel;
import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Question;
import com.kfgateway.knowledge.boundary.KnowledgeLookup;
import com.kfgateway.knowledge.entity.KnowledgeEntry;
import com.kfgateway.knowledge.entity.KnowledgeHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssistantTest {

    @Test
    void rulesAnswerWhenNoBaseUrlIsSet() {
        Assistant assistant = new Assistant(AssistantConfig.rulesOnly(null));
        assertEquals("rules", assistant.engineName());
        Answer answer = assistant.answer(new Question("c1", "多少钱"));
        assertEquals("rules", answer.engine());
        assertTrue(answer.note().startsWith("rule "), answer.note());
        assertFalse(assistant.welcomeText(null).isBlank());
        assertFalse(assistant.fallbackText().isBlank());
        assertTrue(assistant.rulesProblems().isEmpty());
    }

    /** A knowledge base that knows one entry for one account, and counts what it was asked. */
    private static final class OneEntry implements KnowledgeLookup {
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<KnowledgeHit> confidentAnswer(String openKfid, String text) {
            asked.add(openKfid + ": " + text);
            return openKfid.equals("wkShop") && text.contains("到账")
                    ? Optional.of(new KnowledgeHit(new KnowledgeEntry("F06", "退款到账时间", "退款多久到账？",
                            "原路退回，1–3 个工作日到账。"), 13.1f, 0.5))
                    : Optional.empty();
        }
    }

    @Test
    void withoutAModelARuleAnswersFirstThenTheAccountsKnowledgeThenTheFallback() {
        OneEntry knowledge = new OneEntry();
        Assistant assistant = new Assistant(AssistantConfig.rulesOnly(null), knowledge);

        Answer fromKnowledge = assistant.answer(new Question("wkShop/customer1", "钱什么时候到账"));
        assertEquals("knowledge", fromKnowledge.engine());
        assertEquals("原路退回，1–3 个工作日到账。", fromKnowledge.text());
        assertEquals("entry F06 \"退款到账时间\" (score 13.1, coverage 0.50)", fromKnowledge.note(),
                "the console can tell which entry answered, and how sure it was");
        assertEquals(List.of("wkShop: 钱什么时候到账"), knowledge.asked);

        assertEquals("rules", assistant.answer(new Question("wkShop/customer1", "多少钱")).engine(),
                "a rule that matches wins");
        assertEquals(1, knowledge.asked.size(), "and the knowledge base is not asked");
        assertTrue(assistant.answer(new Question("wkShop/customer1", "转人工")).handover());
        assertEquals(assistant.fallbackText(), assistant.answer(new Question("wkOther/c2", "钱什么时候到账"))
                .text(), "another account's knowledge base knows nothing of it");
    }

    @Test
    void aKnowledgeBaseThatCannotBeAskedLeavesTheFallback() {
        Assistant assistant = new Assistant(AssistantConfig.rulesOnly(null), (account, text) -> {
            throw new IllegalStateException("database away");
        });
        assertEquals(assistant.fallbackText(), assistant.answer(new Question("wkShop/c1", "钱什么时候到账")).text());
    }

    @Test
    void modelAnswersWhenBaseUrlIsSet() throws Exception {
        try (FakeChatModel model = new FakeChatModel()) {
            Assistant assistant = new Assistant(new AssistantConfig(model.baseUrl(), "k", null, null, 10, 5, null,
                    true));
            assertEquals("model", assistant.engineName());
            assertEquals("Hello from the model", assistant.answer(new Question("c1", "多少钱")).text());
            assertEquals(1, model.received.size());
        }
    }

    @Test
    void handoverPhraseWinsOverTheModelWithoutCallingIt() throws Exception {
        try (FakeChatModel model = new FakeChatModel()) {
            Assistant assistant = new Assistant(new AssistantConfig(model.baseUrl(), "k", null, null, 10, 5, null,
                    true));
            Answer answer = assistant.answer(new Question("c1", "请帮我转人工"));
            assertTrue(answer.handover());
            assertEquals("rules", answer.engine());
            assertTrue(model.received.isEmpty(), "the model was called");
        }
    }
}
