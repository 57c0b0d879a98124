package com.kfgateway.assistant.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.assistant.control.AssistantConfig;
import com.kfgateway.assistant.control.FakeChatModel;
import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Question;
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
