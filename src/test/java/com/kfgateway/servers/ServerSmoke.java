package com.kfgateway.servers;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static com.kfgateway.it.TestGateway.ADMIN_PASSWORD;
import static com.kfgateway.it.TestGateway.ADMIN_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.assistant.control.FakeChatModel;
import com.kfgateway.assistant.control.FakeChatModel.Reply;
import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.TestGateway;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What every server must do with the unchanged WAR, set up as README says: pass WeCom's URL check, answer a
 * customer (and a burst of them), report itself alive and ready, and let staff sign in to see that conversation. Each server's IT boots it once for all three.
 */
abstract class ServerSmoke {

    private static final int BURST_CUSTOMERS = 12;
    private static final int BURST_MESSAGES = 3;
    private static final Pattern BOOT_COMMAND_FAILED = Pattern.compile("Boot Command \\S+ failed");

    private static final String ANSWER = "answer to: ";

    static GatewayBuilder.Booted gateway;
    private static FakeChatModel model;

    /**
     * The gateway set up in {@code workDir}, answering through an OpenAI-compatible fake that names the lines each
     * answer answers: so that a test sees every message answered once and in order, and the server's HTTP client
     * is exercised too.
     */
    static GatewayBuilder withEchoingModel(String workDir) throws IOException {
        model = new FakeChatModel();
        model.responder = request -> Reply.content(ANSWER + request.lastUserMessage());
        return GatewayBuilder.inWorkDir(workDir).env("ASSISTANT_BASE_URL", model.baseUrl())
                .env("ASSISTANT_API_KEY", "smoke-key").env("ASSISTANT_MODEL", "smoke-model");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        if (model != null) {
            model.close();
            model = null;
        }
    }

    @Test
    void passesWeComsUrlCheck() {
        assertTrue(gateway.wecom().verifyCallbackUrl(), "the signed GET with echostr answered with the plaintext");
    }

    @Test
    void answersACustomerAndShowsTheConversationToStaff() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "hello");
        TestGateway.await("the bot's answer", Duration.ofSeconds(60),
                () -> !gateway.wecom().delivered(ACCOUNT, customer).isEmpty());
        List<DeliveredMessage> answers = gateway.wecom().delivered(ACCOUNT, customer);
        assertEquals(1, answers.size(), "one answer: " + answers);
        assertEquals(ANSWER + "hello", answers.get(0).content());

        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            browser.addRequestHeader("Accept-Language", "en");
            HtmlPage login = browser.getPage(gateway.server().baseUri().resolve("/admin/index.xhtml").toURL());
            HtmlForm form = login.getFormByName("login");
            form.getInputByName("username").setValue(ADMIN_USER);
            form.getInputByName("password").setValue(ADMIN_PASSWORD);
            HtmlPage dashboard = form.getInputByName("submit").click();
            assertEquals("/admin/index.xhtml", dashboard.getUrl().getPath(), dashboard.asNormalizedText());
            assertEquals(ADMIN_USER, dashboard.getElementById("current-user").getTextContent().trim());
            HtmlPage list = browser.getPage(gateway.server().baseUri()
                    .resolve("/admin/conversations/list.xhtml?q=" + customer).toURL());
            assertTrue(list.asNormalizedText().contains(customer), list.asNormalizedText());
        }
    }

    /** Many customers at once make the ingest, the answering and the dispatch race for rows: lost races retried. */
    @Test
    void answersABurstOfCustomersEachMessageOnceAndInOrder() {
        List<String> customers = IntStream.range(0, BURST_CUSTOMERS).mapToObj(i -> TestGateway.newCustomer())
                .toList();
        List<String> questions = IntStream.rangeClosed(1, BURST_MESSAGES).mapToObj(n -> "question " + n).toList();
        for (String question : questions) {
            for (String customer : customers) {
                gateway.wecom().customerSendsText(ACCOUNT, customer, question);
            }
        }
        TestGateway.await("every message answered", Duration.ofSeconds(90),
                () -> customers.stream().allMatch(customer -> answeredLines(customer).size() >= BURST_MESSAGES));
        for (String customer : customers) {
            assertEquals(questions, answeredLines(customer), "each answered once, in order, for " + customer);
        }
    }

    /** Quick lines are one turn, answered together: the lines the customer's answers answer, in arrival order. */
    private static List<String> answeredLines(String customer) {
        return gateway.wecom().delivered(ACCOUNT, customer).stream()
                .flatMap(answer -> Stream.of(answer.content().substring(ANSWER.length()).split("\n"))).toList();
    }

    @Test
    void reportsItselfAliveAndReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String probe : List.of("/live", "/ready")) {
            URI uri = URI.create(gateway.server().healthUri() + probe);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), uri + ": " + health.body());
            assertTrue(health.body().contains(probe.equals("/live") ? "\"database\"" : "\"serving\""),
                    "the WAR's own check answers at " + uri + ": " + health.body());
        }
    }

    @Test
    void logsNoSevereError() {
        String log = gateway.server().log();
        assertFalse(log.contains("SEVERE") || log.contains(" ERROR "), "the server logged an error:\n" + log);
        assertFalse(BOOT_COMMAND_FAILED.matcher(log).find(), "a boot command of server-config/ failed:\n" + log);
    }
}
