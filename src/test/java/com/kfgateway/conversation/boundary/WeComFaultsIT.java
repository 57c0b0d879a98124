package com.kfgateway.conversation.boundary;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.TestGateway;
import com.kfgateway.it.Turns;
import com.kfgateway.sandbox.control.Chaos;
import com.kfgateway.sandbox.control.Hold;
import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a bad day at WeCom, on a gateway of its own: faults on a share of every call, and every token
 * invalidated while a burst is being answered. Counted at the simulator's side: what reached each customer, and how
 * often gettoken was asked.
 */
class WeComFaultsIT {

    private static final Logger LOG = Logger.getLogger(WeComFaultsIT.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(240);
    /** As GatewayBuilder configures the product (WECOM_HTTP_TIMEOUT_SECONDS). */
    private static final Duration PRODUCT_TIMEOUT = Duration.ofSeconds(3);
    private static final List<String> STUCK_OR_FAILED = List.of("PENDING", "SENDING", "RETRY_WAIT", "FAILED");

    private static GatewayBuilder.Booted gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void boot() throws Exception {
        // Ten attempts: at 30 % faults, five failures of one part in a row happen about once in 400 parts, and the
        // suite is about what the product does with faults, not about its give-up rule (RetryPolicyTest).
        gateway = GatewayBuilder.inWorkDir("it-faults").env("DELIVERY_MAX_ATTEMPTS", "10")
                .env("CONVERSATION_SAFETY_PULL_MINUTES", "1").start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void underFaultsOnThirtyPercentOfAllCallsEveryMessageIsAnsweredOnceInOrderAndNothingIsStuck() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            customers.add(TestGateway.newCustomer());
        }
        Chaos chaos = new Chaos(0.3, 20261203L, PRODUCT_TIMEOUT);
        gateway.faults().chaos(chaos);
        try {
            for (String customer : customers) {
                gateway.wecom().customerSendsText(ACCOUNT, customer, "营业时间");
                gateway.wecom().customerSendsText(ACCOUNT, customer, "hello");
            }
            for (String customer : customers) {
                TestGateway.await("both messages of " + customer + " answered and sent (" + chaos.summary() + ")",
                        WAIT, () -> {
                            Turns turns = Turns.of(gateway.server().baseUri(), customer);
                            return turns.allAnswered(2) && delivered(customer).size() >= turns.turns();
                        });
            }
        } finally {
            gateway.faults().chaos(null);
            LOG.info(() -> "chaos: " + chaos.summary());
        }
        Thread.sleep(PRODUCT_TIMEOUT.multipliedBy(3).toMillis());
        for (String customer : customers) {
            // Both lines may be one turn (one answer, decided by "hello"), or two: either way one answer per turn.
            Turns turns = Turns.of(gateway.server().baseUri(), customer);
            List<DeliveredMessage> answers = delivered(customer);
            assertEquals(turns.turns(), answers.size(), "exactly one answer per turn for " + customer + ": " + answers);
            assertEquals(answers.size(), answers.stream().map(DeliveredMessage::msgid).distinct().count());
            if (answers.size() == 2) {
                assertTrue(answers.get(0).content().contains("9:00"), "the first answer answers the first message");
            }
        }
        for (String status : STUCK_OR_FAILED) {
            assertEquals(0, sendLog(status).getJsonArray("items").size(), "no part left " + status);
        }
        assertTrue(chaos.summary().contains("CONNECTION_DROPPED") && chaos.summary().contains("TIMEOUT"),
                "every kind of fault struck: " + chaos.summary());
    }

    @Test
    void tokensInvalidatedMidBurstCostOneGettokenAndNoFailedSend() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            customers.add(TestGateway.newCustomer());
        }
        // One send is held at WeCom while the burst goes on; the tokens go bad while it waits, so it and every call
        // after it meet 42001 (the simulator checks the token when the held call goes on).
        Hold first = gateway.faults().holdNext("kf/send_msg");
        for (String customer : customers) {
            gateway.wecom().customerSendsText(ACCOUNT, customer, "hello");
        }
        assertTrue(first.awaitArrival(60), "a send reached WeCom");
        int callsBefore = gateway.wecom().calls().size();
        gateway.faults().expireAllTokens();
        first.release();

        for (String customer : customers) {
            TestGateway.await("the answer for " + customer, WAIT, () -> delivered(customer).size() == 1);
        }
        Thread.sleep(2000);
        List<ApiCall> since = gateway.wecom().calls().subList(callsBefore, gateway.wecom().calls().size());
        long gettokens = since.stream().filter(c -> c.path().endsWith("gettoken")).count();
        long rejected = since.stream().filter(c -> c.errcode() == 42001).count();
        assertTrue(rejected > 0, "calls met the invalidated token");
        // Only the KF secret's token is needed here (no staff are notified): one gettoken for all those calls.
        assertEquals(1, gettokens, rejected + " calls met 42001");
        assertEquals(0, sendLog("FAILED").getJsonArray("items").size());
        customers.forEach(c -> assertEquals(1, delivered(c).size(), "one answer for " + c));
    }

    private static List<DeliveredMessage> delivered(String customer) {
        return gateway.wecom().delivered(ACCOUNT, customer);
    }

    private JsonObject sendLog(String status) throws Exception {
        String basic = Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER + ":" + TestGateway.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.server().baseUri()
                .resolve("/api/admin/send-log?status=" + status)).header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
