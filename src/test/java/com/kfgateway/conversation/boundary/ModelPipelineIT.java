package com.kfgateway.conversation.boundary;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.assistant.control.FakeChatModel;
import com.kfgateway.assistant.control.FakeChatModel.ChatMessage;
import com.kfgateway.assistant.control.FakeChatModel.Received;
import com.kfgateway.assistant.control.FakeChatModel.Reply;
import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.PrometheusText;
import com.kfgateway.it.TestGateway;
import com.kfgateway.it.Turns;
import com.kfgateway.sandbox.control.WeComSimulator;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline with the OpenAI-compatible chat model instead of the rules: its own Payara whose assistant talks to a
 * fake model on loopback, counted at both fakes (what the model was asked, what reached the WeCom simulator). The
 * fake model decides by the customer's newest message: "slow" waits, "hand over" asks for a human, "model breaks"
 * answers HTTP 500, "model hangs" outlasts the product's timeout; anything else is echoed as "answer to: …".
 * This gateway is also the one an operator would run: /metrics open and the log written as JSON, as README says.
 */
class ModelPipelineIT {

    private static final String API_KEY = "sk-it-model-9c41e07d2b8f4a65";
    private static final String MODEL = "it-chat-model";
    private static final String SYSTEM_PROMPT = "You are the assistant of the IT shop. Keep answers short.";
    private static final int TIMEOUT_SECONDS = 6;
    /** How long a "slow" question may wait for its release: well inside the product's timeout. */
    private static final Duration SLOW_AT_MOST = Duration.ofMillis(4500);
    /** Longer than the product waits. */
    private static final Duration HANG = Duration.ofSeconds(TIMEOUT_SECONDS + 4);
    private static final String HANDOVER_TEXT = "好的，马上为您转接同事。";
    private static final String HANDOVER_REPLY_START = "好的，正在为您转接人工客服";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static FakeChatModel model;
    private static GatewayBuilder.Booted gateway;
    /** When a "slow" question may be answered; the test that asks one sets it. */
    private static volatile BooleanSupplier slowRelease = () -> true;

    @BeforeAll
    static void boot() throws Exception {
        model = new FakeChatModel();
        model.responder = ModelPipelineIT::respond;
        gateway = GatewayBuilder.inWorkDir("it-model")
                .env("ASSISTANT_BASE_URL", model.baseUrl())
                .env("ASSISTANT_API_KEY", API_KEY)
                .env("ASSISTANT_MODEL", MODEL)
                .env("ASSISTANT_SYSTEM_PROMPT", SYSTEM_PROMPT)
                .env("ASSISTANT_TIMEOUT_SECONDS", String.valueOf(TIMEOUT_SECONDS))
                .env("ASSISTANT_HANDOVER_ON_FAILURE", "true")
                .operatorEndpoints()
                .jsonLogs()
                .start();
    }

    @AfterAll
    static void stopAndCheckTheLog() {
        String log = gateway == null ? "" : gateway.server().log();
        if (gateway != null) {
            gateway.close();
        }
        if (model != null) {
            model.close();
        }
        assertFalse(log.isEmpty(), "the server log was written");
        assertFalse(log.contains(API_KEY), "the model's API key never shows in the server log");
    }

    private static Reply respond(Received request) {
        String question = request.lastUserMessage();
        if (question.contains("slow")) {
            long deadline = System.nanoTime() + SLOW_AT_MOST.toNanos();
            while (!slowRelease.getAsBoolean() && System.nanoTime() < deadline) {
                sleep(50);
            }
        }
        if (question.contains("hand over")) {
            return Reply.content("[HANDOVER]\n" + HANDOVER_TEXT);
        }
        if (question.contains("model breaks")) {
            return new Reply(500, "{\"error\":{\"message\":\"the model is down\"}}", 0);
        }
        if (question.contains("model hangs")) {
            return new Reply(200, FakeChatModel.reply("too late"), HANG.toMillis());
        }
        return Reply.content("answer to: " + question);
    }

    @Test
    void aSlowModelForOneCustomerNeverDelaysAnother() {
        String slow = TestGateway.newCustomer();
        String quick = TestGateway.newCustomer();
        slowRelease = () -> !delivered(quick).isEmpty();
        try {
            wecom().customerSendsText(ACCOUNT, slow, "slow question");
            TestGateway.await("the model is asked the slow question", WAIT,
                    () -> asked("slow question").size() == 1);
            wecom().customerSendsText(ACCOUNT, quick, "quick question");
            TestGateway.await("both answers", WAIT, () -> !delivered(slow).isEmpty() && !delivered(quick).isEmpty());
        } finally {
            slowRelease = () -> true;
        }
        DeliveredMessage slowAnswer = delivered(slow).get(0);
        DeliveredMessage quickAnswer = delivered(quick).get(0);
        assertEquals("answer to: quick question", quickAnswer.content());
        assertEquals("answer to: slow question", slowAnswer.content());
        assertTrue(quickAnswer.at().isBefore(slowAnswer.at()),
                "the quick customer is answered while the slow one still waits for the model: quick at "
                        + quickAnswer.at() + ", slow at " + slowAnswer.at());
    }

    @Test
    void oneCustomersMessagesAreAnsweredInOrderAndTheModelSeesTheConversation() {
        String customer = TestGateway.newCustomer();
        List<String> questions = List.of("order question one", "order question two", "order question three");
        for (int i = 0; i < questions.size(); i++) {
            int answers = i + 1;
            wecom().customerSendsText(ACCOUNT, customer, questions.get(i));
            TestGateway.await(answers + " answer(s)", WAIT, () -> delivered(customer).size() >= answers);
        }
        sleep(2000);

        assertEquals(questions.stream().map(q -> "answer to: " + q).toList(),
                delivered(customer).stream().map(DeliveredMessage::content).toList(),
                "one answer per message, in the order asked");
        questions.forEach(question -> assertEquals(1, asked(question).size(), "the model is asked once: " + question));

        Received third = asked("order question three").get(0);
        assertEquals(List.of(
                new ChatMessage("system", SYSTEM_PROMPT),
                new ChatMessage("user", "order question one"),
                new ChatMessage("assistant", "answer to: order question one"),
                new ChatMessage("user", "order question two"),
                new ChatMessage("assistant", "answer to: order question two"),
                new ChatMessage("user", "order question three")),
                third.messages(), "the system prompt, then the conversation so far, then the new message");
        assertEquals("POST", third.method());
        assertEquals("/v1/chat/completions", third.path());
        assertEquals("Bearer " + API_KEY, third.authorization());
        assertEquals(MODEL, third.body().getString("model"));
    }

    @Test
    void linesTypedWhileTheModelThinksAreAskedTogetherAsOneTurn() {
        String customer = TestGateway.newCustomer();
        slowRelease = () -> false;
        try {
            wecom().customerSendsText(ACCOUNT, customer, "a slow first line");
            TestGateway.await("the model is asked the first line", WAIT,
                    () -> asked("a slow first line").size() == 1);
            wecom().customerSendsText(ACCOUNT, customer, "second line");
            wecom().customerSendsText(ACCOUNT, customer, "third line");
            TestGateway.await("both lines stored", WAIT, () -> Turns.of(gateway.server().baseUri(), customer)
                    .handlings().size() == 3);
        } finally {
            slowRelease = () -> true;
        }
        TestGateway.await("every line answered", WAIT,
                () -> Turns.of(gateway.server().baseUri(), customer).allAnswered(3));
        TestGateway.await("two answers", WAIT, () -> delivered(customer).size() >= 2);
        sleep(2000);

        assertEquals(List.of("answer to: a slow first line", "answer to: second line\nthird line"),
                delivered(customer).stream().map(DeliveredMessage::content).toList(),
                "one answer for the line being answered, one for the two that waited behind it");
        assertEquals(1, asked("second line\nthird line").size(), "the model read both lines, once");
        assertEquals(2, Turns.of(gateway.server().baseUri(), customer).turns());
    }

    @Test
    void theModelHandsOverToAReceivingServicerAndStaffAreNotified() {
        String customer = TestGateway.newCustomer();
        wecom().customerSendsText(ACCOUNT, customer, "please hand over to a colleague");
        TestGateway.await("the handover notice", WAIT, () -> !delivered(customer).isEmpty());
        TestGateway.await("a staff notification", WAIT, () -> staffNotificationsAbout(customer) > 0);
        assertEquals(3, wecom().admin().serviceState(ACCOUNT, customer), "the receiving servicer has the session");
        assertEquals(HANDOVER_TEXT, delivered(customer).get(0).content(), "the model's words without the marker");

        wecom().customerSendsText(ACCOUNT, customer, "are you still there");
        sleep(3000);
        assertEquals(1, delivered(customer).size(), "the bot is silent while a human serves");
        assertEquals(0, asked("are you still there").size(), "the model is not even asked");
        assertEquals(1, staffNotificationsAbout(customer), "staff are notified once");
    }

    @Test
    void aSessionWeComGaveToAHumanBeforeWeHeardOfItGetsNoBotAnswer() {
        String customer = TestGateway.newCustomer();
        String question = "a question a receptionist already has";
        // No event tells us: the gate learns it from WeCom, while the model is asked the question.
        gateway.faults().setServiceState(ACCOUNT, customer, 3, TestGateway.SERVICER_ONLINE);
        wecom().customerSendsText(ACCOUNT, customer, question);
        TestGateway.await("the message handled", WAIT, () -> {
            List<String> handlings = Turns.of(gateway.server().baseUri(), customer).handlings();
            return !handlings.isEmpty() && !handlings.contains("PENDING");
        });
        sleep(2000);

        Turns turns = Turns.of(gateway.server().baseUri(), customer);
        assertEquals(List.of("SKIPPED"), turns.handlings(), "not answered: " + turns.notes());
        assertEquals(3, wecom().admin().serviceState(ACCOUNT, customer), "the receptionist keeps the session");
        assertTrue(delivered(customer).isEmpty(), "the bot said nothing: " + delivered(customer));
        assertEquals(1, asked(question).size(), "the model was asked while WeCom was, once");
        assertTrue(turns.notes().get(0).contains("its answer was not sent"), turns.notes().toString());
    }

    @Test
    void aFailingOrHangingModelGetsTheRulesAnswerOutOnceAndHandsOver() throws Exception {
        PrometheusText before = PrometheusText.scrape(gateway.server().baseUri());
        String broken = TestGateway.newCustomer();
        String hanging = TestGateway.newCustomer();
        wecom().customerSendsText(ACCOUNT, broken, "model breaks on this");
        wecom().customerSendsText(ACCOUNT, hanging, "model hangs: 营业时间?");
        TestGateway.await("both fallback answers", WAIT,
                () -> !delivered(broken).isEmpty() && !delivered(hanging).isEmpty());
        TestGateway.await("staff hear of both", WAIT,
                () -> staffNotificationsAbout(broken) > 0 && staffNotificationsAbout(hanging) > 0);
        // Long enough for the recovery timer (every 5 s) to find anything left pending or due.
        sleep(7000);

        assertEquals(1, delivered(broken).size(), "sent once: " + delivered(broken));
        assertTrue(delivered(broken).get(0).content().startsWith(HANDOVER_REPLY_START),
                "handed over, so the handover reply rather than 'I can't answer': " + delivered(broken));
        assertEquals(1, delivered(hanging).size(), "sent once: " + delivered(hanging));
        assertTrue(delivered(hanging).get(0).content().contains("9:00"),
                "the rules answer the question the model could not: " + delivered(hanging));
        for (String customer : List.of(broken, hanging)) {
            assertEquals(3, wecom().admin().serviceState(ACCOUNT, customer), "handed over on failure: " + customer);
            assertEquals(1, staffNotificationsAbout(customer), "staff are notified once about " + customer);
        }
        assertEquals(1, asked("model breaks on this").size(), "the model is not asked again");
        assertEquals(1, asked("model hangs: 营业时间?").size(), "the model is not asked again");

        PrometheusText after = PrometheusText.scrape(gateway.server().baseUri());
        assertTrue(after.value("kf_model_fallbacks_total", null) >= before.value("kf_model_fallbacks_total", null) + 2,
                "both fallbacks counted: " + after);
        assertTrue(after.value("kf_model_seconds_count", null) >= before.value("kf_model_seconds_count", null) + 2,
                "both questions timed: " + after);
        assertTrue(after.value("kf_model_seconds_max", null) >= TIMEOUT_SECONDS,
                "the hanging one took the whole timeout: " + after);
    }

    @Test
    void theLogIsOneJsonObjectPerLineWithOurOwnRecordsInIt() {
        List<String> lines = gateway.server().log().lines()
                .filter(line -> !line.isBlank() && !line.startsWith("=== boot ")).toList();
        List<JsonObject> records = lines.stream()
                .map(line -> assertDoesNotThrow(() -> Json.createReader(new StringReader(line)).readObject(), line))
                .toList();
        // A record of an exception carries it as Throwable (Exception, StackTrace), with or without a message.
        List<JsonObject> incomplete = records.stream().filter(r -> !(r.containsKey("Timestamp")
                && r.containsKey("Level") && r.containsKey("LoggerName")
                && (r.containsKey("LogMessage") || r.containsKey("Throwable")))).toList();
        assertEquals(List.of(), incomplete, "every record has its fields");
        assertTrue(records.stream().anyMatch(r -> r.getString("LoggerName").startsWith("com.kfgateway.")),
                "the product's own records are among them");
    }

    // --- counting at the fakes -----------------------------------------------------------------------------------

    private static WeComSimulator wecom() {
        return gateway.wecom();
    }

    private static List<DeliveredMessage> delivered(String customer) {
        return wecom().delivered(ACCOUNT, customer);
    }

    /** The model requests whose newest customer message is {@code question}. */
    private static List<Received> asked(String question) {
        return model.received.stream().filter(r -> r.lastUserMessage().equals(question)).toList();
    }

    private static long staffNotificationsAbout(String customer) {
        return gateway.probe().staffNotifications().stream().filter(n -> n.content().contains(customer)).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
