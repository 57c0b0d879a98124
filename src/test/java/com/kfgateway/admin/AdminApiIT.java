package com.kfgateway.admin;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.wecom.control.SecretFingerprint;
import com.kfgateway.it.TestGateway;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API: the console's data and actions as JSON behind HTTP Basic. */
@ExtendWith(TestGateway.Extension.class)
class AdminApiIT {

    private final TestGateway gateway = TestGateway.get();
    private final ConsoleClient console = new ConsoleClient(gateway);

    @Test
    void listsConversationsWithFiltersAndTheirMessages() {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "api question");
        long id = console.conversationOf(customer);
        JsonObject page = console.json("/api/admin/conversations?account=" + ACCOUNT + "&q=" + customer);
        assertEquals(customer, page.getJsonArray("items").getJsonObject(0).getString("externalUserid"));
        assertTrue(console.json("/api/admin/conversations?account=nope&q=" + customer).getJsonArray("items")
                .isEmpty());
        JsonObject messages = console.json("/api/admin/conversations/" + id + "/messages");
        assertTrue(messages.getJsonArray("items").stream().map(JsonObject.class::cast)
                .anyMatch(m -> "api question".equals(m.getString("text", null))));
        var badState = console.api("GET", "/api/admin/conversations?state=nonsense");
        assertEquals(400, badState.statusCode());
        assertTrue(badState.body().contains("unknown state nonsense"),
                "the 400 says what was wrong: " + badState.body());
        var badDate = console.api("GET", "/api/admin/conversations?from=yesterday");
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("yyyy-MM-dd"), badDate.body());
    }

    @Test
    void pagesByKeysetWithoutRepeatingRows() {
        for (int i = 0; i < 3; i++) {
            gateway.wecom().customerSendsText(ACCOUNT, TestGateway.newCustomer(), "paging " + i);
        }
        TestGateway.await("three conversations", Duration.ofSeconds(30),
                () -> console.json("/api/admin/conversations?limit=3").getJsonArray("items").size() == 3);
        JsonObject first = console.json("/api/admin/conversations?limit=2");
        String next = first.getString("next");
        JsonObject second = console.json("/api/admin/conversations?limit=2&after=" + next);
        assertNotEquals(first.getJsonArray("items").getJsonObject(1).getJsonNumber("id"),
                second.getJsonArray("items").getJsonObject(0).getJsonNumber("id"));
    }

    @Test
    void resendAnswers200WithTheNewStatusOr409WithTheReason() {
        String customer = TestGateway.newCustomer();
        gateway.faults().failNextFor("kf/send_msg", customer, 95018, 1);
        gateway.wecom().customerSendsText(ACCOUNT, customer, "resend me");
        long id = console.conversationOf(customer);
        TestGateway.await("a failed send", Duration.ofSeconds(30), () -> !console
                .json("/api/admin/send-log?status=FAILED&conversation=" + id).getJsonArray("items").isEmpty());
        long sendId = console.json("/api/admin/send-log?status=FAILED&conversation=" + id).getJsonArray("items")
                .getJsonObject(0).getJsonNumber("id").longValue();

        HttpResponse<String> resent = console.api("POST", "/api/admin/send-log/" + sendId + "/resend");
        assertEquals(200, resent.statusCode(), resent.body());
        assertEquals("SENT", ConsoleClient.parse(resent.body()).getString("status"));

        gateway.faults().setServiceState(ACCOUNT, customer, 3, TestGateway.SERVICER_ONLINE);
        gateway.faults().failNextFor("kf/send_msg", customer, 95018, 1);
        HttpResponse<String> again = console.api("POST", "/api/admin/send-log/" + sendId + "/resend");
        // Already SENT, or now with a human: either way the pipeline must refuse and say why.
        assertEquals(409, again.statusCode(), again.body());
        assertFalse(ConsoleClient.parse(again.body()).getString("reason", "").isBlank());
        assertEquals(404, console.api("POST", "/api/admin/send-log/999999999/resend").statusCode());
    }

    @Test
    void resendIsJudgedByWeComsCurrentStateNotTheStoredOne() {
        String customer = TestGateway.newCustomer();
        gateway.faults().failNextFor("kf/send_msg", customer, -1, 10);
        gateway.wecom().customerSendsText(ACCOUNT, customer, "answer me later");
        long id = console.conversationOf(customer);
        TestGateway.await("the answer given up on", Duration.ofSeconds(60), () -> !console
                .json("/api/admin/send-log?status=FAILED&conversation=" + id).getJsonArray("items").isEmpty());
        long sendId = console.json("/api/admin/send-log?status=FAILED&conversation=" + id).getJsonArray("items")
                .getJsonObject(0).getJsonNumber("id").longValue();
        // A receptionist picked the session up in WeCom; no event has told the gateway yet.
        gateway.faults().setServiceState(ACCOUNT, customer, 3, TestGateway.SERVICER_ONLINE);
        int sendsBefore = (int) gateway.wecom().calls().stream().filter(c -> c.path().endsWith("kf/send_msg")
                && c.requestJson() != null && c.requestJson().contains(customer)).count();

        HttpResponse<String> refused = console.api("POST", "/api/admin/send-log/" + sendId + "/resend");

        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(ConsoleClient.parse(refused.body()).getString("reason", "").contains("state 3"), refused.body());
        assertEquals(sendsBefore, gateway.wecom().calls().stream().filter(c -> c.path().endsWith("kf/send_msg")
                && c.requestJson() != null && c.requestJson().contains(customer)).count(),
                "WeCom was not asked to send");
    }

    @Test
    void diagnosticsShowFingerprintsAndTheChecks() {
        HttpResponse<String> refreshed = console.api("POST", "/api/admin/diagnostics/refresh");
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonObject diagnostics = ConsoleClient.parse(refreshed.body());
        assertEquals(SecretFingerprint.of(TestGateway.APP_SECRET), diagnostics.getJsonObject("fingerprints")
                .getString("app"));
        assertEquals(SecretFingerprint.of(TestGateway.KF_SECRET), diagnostics.getJsonObject("fingerprints")
                .getString("kf"));
        assertFalse(diagnostics.getBoolean("identicalSecrets"));
        assertEquals("DIFFERENT_AND_KF_WORKS", diagnostics.getString("secretVerdict"));
        assertTrue(diagnostics.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .anyMatch(c -> c.getString("id").equals("servicers." + ACCOUNT)
                        && c.getString("verdict").equals("AMBER")),
                "an online receptionist is a warning");
    }
}
