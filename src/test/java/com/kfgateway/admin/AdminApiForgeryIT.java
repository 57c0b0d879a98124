package com.kfgateway.admin;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser that once answered the API's Basic prompt sends those credentials with any request to it, including one
 * that a page on another site starts with a plain form. Such requests must change nothing.
 */
@ExtendWith(TestGateway.Extension.class)
class AdminApiForgeryIT {

    private final TestGateway gateway = TestGateway.get();
    private final ConsoleClient console = new ConsoleClient(gateway);

    @Test
    void aCrossSiteFormPostToResendIsRefusedAndSendsNothing() {
        String customer = TestGateway.newCustomer();
        gateway.faults().failNextFor("kf/send_msg", customer, 95018, 1);
        gateway.wecom().customerSendsText(ACCOUNT, customer, "forge a resend for me");
        long id = console.conversationOf(customer);
        TestGateway.await("a failed send", Duration.ofSeconds(30), () -> !console
                .json("/api/admin/send-log?status=FAILED&conversation=" + id).getJsonArray("items").isEmpty());
        long sendId = console.json("/api/admin/send-log?status=FAILED&conversation=" + id).getJsonArray("items")
                .getJsonObject(0).getJsonNumber("id").longValue();
        long sendsBefore = sendsTo(customer);
        String resend = "/api/admin/send-log/" + sendId + "/resend";

        for (String[] form : new String[][]{{"application/x-www-form-urlencoded", "a=b"},
            {"text/plain", "{\"looks\":\"like json\"}"}, {"multipart/form-data; boundary=x", "--x--"}}) {
            HttpResponse<String> forged = post(resend, form[0], form[1]);
            assertEquals(403, forged.statusCode(), form[0] + ": " + forged.body());
            assertTrue(forged.body().contains("X-Requested-By"), "the refusal says what a script must send");
        }
        assertEquals(sendsBefore, sendsTo(customer), "WeCom was not asked to send");
        assertEquals("FAILED", console.json("/api/admin/send-log?conversation=" + id).getJsonArray("items")
                .getJsonObject(0).getString("status"));

        HttpResponse<String> json = post(resend, "application/json", "{}");
        assertEquals(200, json.statusCode(), "a JSON body is what a page on another site cannot send: " + json.body());
    }

    @Test
    void diagnosticsGetOnlyReadsAndRunningTheChecksIsAPost() {
        // The start-up report runs the checks once on its own, shortly after boot: not during this test.
        TestGateway.await("the start-up setup check", Duration.ofSeconds(60),
                () -> gateway.server().log().contains("Setup doctor: "));
        String first = console.json("/api/admin/diagnostics").getString("at");
        assertEquals(first, console.json("/api/admin/diagnostics").getString("at"), "a GET runs nothing");
        HttpResponse<String> oldRefresh = console.api("GET", "/api/admin/diagnostics?refresh=true");
        assertEquals(400, oldRefresh.statusCode());
        assertTrue(oldRefresh.body().contains("POST /api/admin/diagnostics/refresh"), oldRefresh.body());
        assertEquals(403, post("/api/admin/diagnostics/refresh", "application/x-www-form-urlencoded", "")
                .statusCode());
        assertEquals(first, console.json("/api/admin/diagnostics").getString("at"), "the forged POST ran nothing");

        HttpResponse<String> refreshed = console.api("POST", "/api/admin/diagnostics/refresh");
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String second = ConsoleClient.parse(refreshed.body()).getString("at");
        assertNotEquals(first, second);
        assertEquals(second, console.json("/api/admin/diagnostics").getString("at"));
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        return console.send(HttpRequest.newBuilder(console.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER + ":"
                        + TestGateway.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private long sendsTo(String customer) {
        return gateway.wecom().calls().stream().filter(c -> c.path().endsWith("kf/send_msg")
                && c.requestJson() != null && c.requestJson().contains(customer)).count();
    }
}
