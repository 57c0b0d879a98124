package com.kfgateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.TestGateway;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The callback counts the doctor shows survive a restart. On a gateway of its own, because it restarts it (the
 * shared one's other tests keep their connections).
 */
class CallbackCountsIT {

    private static final Pattern SIGNATURE_FAILURES = Pattern.compile("signature failures: (\\d+)");

    private static GatewayBuilder.Booted gateway;

    @BeforeAll
    static void boot() throws Exception {
        gateway = GatewayBuilder.inWorkDir("it-callback-counts").start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theCallbackCountsSurviveARestart() throws Exception {
        long before = signatureFailures();
        gateway.wecom().admin().callbackTokenMismatch(true);
        try {
            gateway.wecom().customerSendsText(TestGateway.ACCOUNT, TestGateway.newCustomer(), "hello");
            TestGateway.await("the rejected callback counted", Duration.ofSeconds(30),
                    () -> signatureFailures() > before);
        } finally {
            gateway.wecom().admin().callbackTokenMismatch(false);
        }
        long counted = signatureFailures();
        gateway.server().stop();
        gateway.server().start();
        assertEquals(counted, signatureFailures(), "kept across the restart");
    }

    /** Runs the checks (which store this node's counts first) and reads the callback row's signature failures. */
    private static long signatureFailures() {
        // A new client each time: the restart closes the connections of the one before.
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.server().baseUri()
                    + "/api/admin/diagnostics/refresh")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER
                            + ":" + TestGateway.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("X-Requested-By", "kf-gateway-tests").POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonObject callback = ConsoleClient.parse(response.body()).getJsonArray("checks").stream()
                    .map(JsonObject.class::cast).filter(c -> c.getString("id").equals("callback")).findFirst()
                    .orElseThrow();
            Matcher count = SIGNATURE_FAILURES.matcher(callback.getString("finding"));
            assertTrue(count.find(), callback.toString());
            return Long.parseLong(count.group(1));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
