package com.kfgateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The setup doctor on a gateway configured wrongly from the start, read from the diagnostics API and the console: what only a
 * configuration of its own can show (the shared gateway is configured right).
 */
class SetupDoctorConfigIT {

    /** One character short: pasted without its last character, as happens. */
    private static final String SHORT_AES_KEY = TestGateway.AES_KEY.substring(0, 42);

    private static GatewayBuilder.Booted gateway;

    @BeforeAll
    static void boot() throws Exception {
        gateway = GatewayBuilder.inWorkDir("it-doctor-config").env("WECOM_CALLBACK_AES_KEY", SHORT_AES_KEY).start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void anAesKeyThatIsNot43CharactersLongIsNamedWithItsLength() throws Exception {
        JsonObject diagnosis = diagnostics();
        List<JsonObject> checks = diagnosis.getJsonArray("checks").stream().map(JsonObject.class::cast).toList();
        JsonObject config = checks.stream().filter(c -> c.getString("finding", "")
                .contains("WECOM_CALLBACK_AES_KEY is malformed")).findFirst()
                .orElseThrow(() -> new AssertionError("no row names the AES key: " + diagnosis));
        assertEquals("RED", config.getString("verdict"));
        assertTrue(config.getString("finding").contains("it has 42 characters"), config.toString());
        assertTrue(config.getString("fix").contains("restart"), config.toString());
        JsonObject callback = checks.stream().filter(c -> c.getString("id").equals("callback")).findFirst()
                .orElseThrow();
        assertEquals("RED", callback.getString("verdict"), "no callback can be decrypted with it: " + callback);
        assertTrue(callback.getString("fix").contains("WECOM_CALLBACK_AES_KEY"), callback.toString());
        assertFalse(diagnosis.getBoolean("healthy"));
        try (WebClient browser = ConsoleClient.newBrowser()) {
            HtmlPage doctor = ConsoleClient.doctorPage(browser, gateway.server().baseUri());
            String page = doctor.asNormalizedText();
            assertTrue(page.contains("WECOM_CALLBACK_AES_KEY is malformed") && page.contains("it has 42 characters"),
                    "the console names the key and its length: " + page);
            assertEquals("RED", doctor.getElementById("check-callback").getAttribute("data-verdict"), page);
            assertFalse(page.contains(SHORT_AES_KEY), "the key itself is never shown");
        }
    }

    @Test
    void aCallbackThatCannotBeDecryptedKeepsTheNodeOutOfTheLoadBalancerButAlive() throws Exception {
        HttpResponse<String> ready = health("/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        JsonObject serving = ConsoleClient.parse(ready.body()).getJsonArray("checks").stream()
                .map(JsonObject.class::cast).filter(c -> c.getString("name").equals("serving")).findFirst()
                .orElseThrow(() -> new AssertionError(ready.body()));
        assertEquals("DOWN", serving.getString("status"));
        assertTrue(serving.getJsonObject("data").getString("callback").contains("WECOM_CALLBACK_AES_KEY"),
                serving.toString());
        assertFalse(ready.body().contains(SHORT_AES_KEY), "the key itself is never shown");
        assertEquals(200, health("/health/live").statusCode(), "the database answers: alive");
    }

    private static HttpResponse<String> health(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.server().baseUri() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject diagnostics() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.server().baseUri() + "/api/admin/diagnostics"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER + ":"
                        + TestGateway.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return ConsoleClient.parse(response.body());
    }
}
