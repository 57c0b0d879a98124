package com.kfgateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile Health as a load balancer reads it: alive with the database, ready whatever WeCom thinks. */
@ExtendWith(TestGateway.Extension.class)
class HealthIT {

    private final TestGateway gateway = TestGateway.get();

    @Test
    void aliveWhileTheDatabaseAnswers() throws Exception {
        HttpResponse<String> live = get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", check(live, "database").getString("status"));
    }

    @Test
    void readyWithTheSchemaMigratedAndTheCallbackConfiguredEvenWhileWeComRefusesASecret() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject serving = check(ready, "serving");
        assertEquals("UP", serving.getString("status"));
        assertTrue(serving.getJsonObject("data").getString("schema").startsWith("migrated to "), serving.toString());
        assertEquals("configured", serving.getJsonObject("data").getString("callback"));

        gateway.wecom().admin().kfSecretReset(true);
        try {
            String refused = runChecks();
            assertTrue(refused.contains("40001"), "the doctor saw WeCom refuse the secret: " + refused);
            HttpResponse<String> stillReady = get("/health/ready");
            assertEquals(200, stillReady.statusCode(), "a refused secret is the doctor's, not the load balancer's: "
                    + stillReady.body());
        } finally {
            gateway.wecom().admin().kfSecretReset(false);
            // The refusal paused the credential for the whole gateway; the other tests on it need it lifted again.
            JsonObject kf = Json.createReader(new StringReader(runChecks())).readObject().getJsonArray("checks")
                    .stream().map(JsonObject.class::cast).filter(c -> c.getString("id").equals("token.kf"))
                    .findFirst().orElseThrow();
            assertEquals("GREEN", kf.getString("verdict"), "the secret works again: " + kf);
        }
    }

    private String runChecks() throws Exception {
        String basic = Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER + ":" + TestGateway.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return gateway.http().send(HttpRequest.newBuilder(gateway.uri("/api/admin/diagnostics/refresh"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + basic)
                .header("X-Requested-By", "kf-gateway-tests").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return gateway.http().send(HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject check(HttpResponse<String> response, String name) {
        return Json.createReader(new StringReader(response.body())).readObject().getJsonArray("checks").stream()
                .map(JsonObject.class::cast).filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + response.body()));
    }
}
