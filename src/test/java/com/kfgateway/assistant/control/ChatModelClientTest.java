package com.kfgateway.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Question;
import com.kfgateway.assistant.entity.Role;
import com.kfgateway.assistant.entity.Turn;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatModelClientTest {

    static final String KEY = "sk-test-9f8e7d6c5b4a";
    static final String RULES = "handover-reply: Connecting you.\nkeyword price => Rules price answer\n"
            + "fallback: Rules fallback.\n";

    FakeChatModel model;
    final StringBuilder logged = new StringBuilder();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.append(record.getMessage()).append('\n');
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        model = new FakeChatModel();
        Logger.getLogger(ChatModelClient.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(ChatModelClient.class.getName()).removeHandler(capture);
        model.close();
    }

    ChatModelClient client(String baseUrl, String key, int contextMessages, boolean handoverOnFailure)
            throws Exception {
        AssistantConfig config = new AssistantConfig(baseUrl, key, "test-model", "SYSTEM PROMPT", contextMessages, 1,
                null, handoverOnFailure);
        return new ChatModelClient(config, RulesEngine.parse(RULES));
    }

    static Question withHistory(String text, int turns) {
        List<Turn> history = new java.util.ArrayList<>();
        for (int i = 1; i <= turns; i++) {
            history.add(new Turn(i % 2 == 1 ? Role.CUSTOMER : (i % 4 == 0 ? Role.STAFF : Role.ASSISTANT), "turn " + i));
        }
        return new Question("c1", text, history);
    }

    @Test
    void postsChatCompletionWithBearerKeyModelSystemPromptAndTheLastTurnsInOrder() throws Exception {
        client(model.baseUrl() + "/", KEY, 3, true).answer(withHistory("What now?", 6));
        FakeChatModel.Received request = model.received.get(0);
        assertEquals("POST", request.method());
        assertEquals("/v1/chat/completions", request.path(), "a trailing slash on the base URL is tolerated");
        assertEquals("Bearer " + KEY, request.authorization());
        JsonObject body = request.body();
        assertEquals("test-model", body.getString("model"));
        assertTrue(body.containsKey("temperature"));
        JsonArray messages = body.getJsonArray("messages");
        assertEquals(5, messages.size(), "system + last 3 turns + the new message");
        assertEquals(List.of("system:SYSTEM PROMPT", "assistant:turn 4", "user:turn 5", "assistant:turn 6",
                "user:What now?"),
                messages.getValuesAs(JsonObject.class).stream()
                        .map(m -> m.getString("role") + ":" + m.getString("content")).toList());
    }

    @Test
    void omitsAuthorizationWhenNoKeyIsConfigured() throws Exception {
        client(model.baseUrl(), null, 10, true).answer(new Question("c1", "hello"));
        assertNull(model.received.get(0).authorization());
    }

    @Test
    void returnsTheModelsContent() throws Exception {
        model.body = FakeChatModel.reply("  您好！我们九点开门。 ");
        Answer answer = client(model.baseUrl(), KEY, 10, true).answer(new Question("c1", "几点开门"));
        assertEquals("您好！我们九点开门。", answer.text());
        assertFalse(answer.handover());
        assertEquals(ChatModelClient.NAME, answer.engine());
    }

    @Test
    void handoverMarkerIsStrippedAndHandsOver() throws Exception {
        model.body = FakeChatModel.reply("[HANDOVER]\n我的同事马上为您处理。");
        Answer answer = client(model.baseUrl(), KEY, 10, false).answer(new Question("c1", "我很生气"));
        assertTrue(answer.handover());
        assertEquals("我的同事马上为您处理。", answer.text());
    }

    @Test
    void bareHandoverMarkerShowsTheHandoverReply() throws Exception {
        model.body = FakeChatModel.reply("[HANDOVER]");
        Answer answer = client(model.baseUrl(), KEY, 10, false).answer(new Question("c1", "?"));
        assertTrue(answer.handover());
        assertEquals("Connecting you.", answer.text());
    }

    @Test
    void timeoutFallsBackToTheRulesAndHandsOver() throws Exception {
        model.delayMillis = 3000;
        long started = System.nanoTime();
        Answer answer = client(model.baseUrl(), KEY, 10, true).answer(new Question("c1", "anything"));
        assertTrue(System.nanoTime() - started < 2_900_000_000L, "the 1 s timeout was not applied");
        assertEquals("Connecting you.", answer.text(), "handed over, so the handover reply, not 'I can't answer'");
        assertTrue(answer.handover());
        assertTrue(answer.note().startsWith("model timed out after 1 s → rules fallback"), answer.note());
        assertKeyNeverShown(answer);
    }

    @Test
    void httpErrorFallsBackToTheRulesAnswerForTheQuestion() throws Exception {
        model.status = 500;
        model.body = "{\"error\":\"bad key " + KEY + "\"}";
        Answer answer = client(model.baseUrl(), KEY, 10, false).answer(new Question("c1", "price?"));
        assertEquals("Rules price answer", answer.text());
        assertFalse(answer.handover(), "handover-on-failure is off");
        assertTrue(answer.note().startsWith("model answered HTTP 500 → rules fallback"), answer.note());
        assertKeyNeverShown(answer);
    }

    @Test
    void everyQuestionIsReportedWithItsTimeAndWhetherTheRulesHadToAnswerIt() throws Exception {
        List<String> reported = new java.util.ArrayList<>();
        AssistantConfig config = new AssistantConfig(model.baseUrl(), KEY, "test-model", "SYSTEM PROMPT", 10, 1,
                null, false);
        ChatModelClient client = new ChatModelClient(config, RulesEngine.parse(RULES),
                (took, fellBack) -> reported.add((fellBack ? "fallback" : "model") + (took.isNegative() ? "?" : "")));
        client.answer(new Question("c1", "price?"));
        model.status = 500;
        client.answer(new Question("c1", "price?"));
        assertEquals(List.of("model", "fallback"), reported);
    }

    @Test
    void malformedJsonFallsBack() throws Exception {
        model.body = "{\"choices\": [ {\"message\": ";
        Answer answer = client(model.baseUrl(), KEY, 10, false).answer(new Question("c1", "x"));
        assertEquals("Rules fallback.", answer.text(), "no handover on failure: the rules' own fallback");
        assertFalse(answer.handover());
        assertTrue(answer.note().startsWith("model reply is not the expected JSON"), answer.note());
        assertKeyNeverShown(answer);
    }

    @Test
    void unexpectedJsonShapeFallsBack() throws Exception {
        model.body = "{\"choices\": []}";
        Answer answer = client(model.baseUrl(), KEY, 10, true).answer(new Question("c1", "x"));
        assertTrue(answer.note().startsWith("model reply is not the expected JSON"), answer.note());
    }

    @Test
    void emptyContentFallsBack() throws Exception {
        model.body = FakeChatModel.reply("   ");
        Answer answer = client(model.baseUrl(), KEY, 10, true).answer(new Question("c1", "x"));
        assertEquals("Connecting you.", answer.text());
        assertTrue(answer.note().startsWith("model returned empty content"), answer.note());
    }

    @Test
    void unreachableModelFallsBackWithoutShowingTheKey() throws Exception {
        String closedPort = model.baseUrl();
        model.close();
        Answer answer = client(closedPort, KEY, 10, true).answer(new Question("c1", "x"));
        assertEquals("Connecting you.", answer.text());
        assertTrue(answer.note().startsWith("model unreachable"), answer.note());
        assertKeyNeverShown(answer);
    }

    @Test
    void replyLargerThanTheLimitIsNotReadToItsEndAndFallsBack() throws Exception {
        model.body = FakeChatModel.reply("x".repeat(16 * 1024 * 1024));
        model.chunked = true;
        Answer answer = client(model.baseUrl(), KEY, 10, true).answer(new Question("c1", "x"));
        assertTrue(answer.note().startsWith("model reply larger than 1048576 bytes → rules fallback"), answer.note());
        assertEquals("Connecting you.", answer.text());
        awaitAbandoned("the client read on past the limit");
        assertKeyNeverShown(answer);
    }

    @Test
    void replyDeclaredLargerThanTheLimitIsRefusedUnread() throws Exception {
        model.body = FakeChatModel.reply("x".repeat(16 * 1024 * 1024));
        Answer answer = client(model.baseUrl(), KEY, 10, true).answer(new Question("c1", "x"));
        assertTrue(answer.note().startsWith("model reply larger than 1048576 bytes → rules fallback"), answer.note());
        awaitAbandoned("the client read a body it had refused");
    }

    @Test
    void modelThatTricklesItsReplyIsCutOffAtTheTimeout() throws Exception {
        // Headers at once, then a byte every 100 ms: the request timeout is met, the reply would take 8 seconds.
        model.body = FakeChatModel.reply("A reply that trickles in.");
        model.piece = 1;
        model.pauseMillis = 100;
        Answer answer = client(model.baseUrl(), KEY, 10, true).answer(new Question("c1", "anything"));
        assertTrue(answer.note().startsWith("model timed out after 1 s → rules fallback"), answer.note());
        awaitAbandoned("the client kept reading after its timeout");
        assertKeyNeverShown(answer);
    }

    @Test
    void responseLimitIsAMegabyteUnlessAPositiveNumberIsSet() {
        AssistantConfig config = AssistantConfig.rulesOnly(null);
        assertEquals(1024 * 1024, config.responseMaxBytes());
        config.responseMaxBytes = java.util.Optional.of("4096");
        assertEquals(4096, config.responseMaxBytes());
        for (String odd : new String[]{"lots", "-1", "0", " "}) {
            config.responseMaxBytes = java.util.Optional.of(odd);
            assertEquals(1024 * 1024, config.responseMaxBytes(), odd);
        }
    }

    /** The fake's writing failed: the client closed the connection rather than reading the reply to its end. */
    void awaitAbandoned(String otherwise) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (model.abandoned() == 0) {
            assertTrue(System.nanoTime() < deadline, otherwise);
            Thread.sleep(50);
        }
    }

    void assertKeyNeverShown(Answer answer) {
        assertFalse(answer.note().contains(KEY) || answer.text().contains(KEY), "key in the answer");
        assertFalse(logged.toString().contains(KEY), "key in the log");
        assertFalse(logged.isEmpty(), "the failure was not logged");
    }
}
