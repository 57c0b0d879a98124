package com.kfgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A corp id given any way MicroProfile Config accepts, or a WeCom variable with a typo, keeps the simulator off: the
 * real WAR boots on the built-in database with no WECOM_CORP_ID in its environment, and still no sandbox page
 * answers, no simulator starts, the log says what is wrong as SEVERE and the setup doctor shows it red. (Sandbox mode
 * once looked at WECOM_CORP_ID alone and would have started here, overriding the real settings.)
 */
class SandboxStaysOffIT {

    private static final String ADMIN_PASSWORD = "sandbox-off-it-Passw0rd!";
    private static final String SIMULATOR_STARTED = "Sandbox mode: the built-in WeCom simulator";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aLowercaseCorpIdVariableKeepsTheSandboxOffAndTheHalfSetupIsRed() throws Exception {
        PayaraProcess server = boot("it-sandbox-lowercase", Map.of("wecom_corp_id", "ww0123456789abcdef"));
        try {
            assertSandboxUnreachable(server);
            assertSevere(server, "Sandbox mode is OFF because WeCom settings are configured (WECOM_CORP_ID), but "
                    + "WECOM_SECRET, WECOM_AGENT_ID, WECOM_KF_SECRET");
            JsonObject check = check(server, "setup.partial");
            assertEquals("RED", check.getString("verdict"), check.toString());
            assertTrue(check.getString("finding").contains("WECOM_CORP_ID"), check.toString());
        } finally {
            server.stop();
        }
    }

    @Test
    void aMisspeltCorpIdVariableKeepsTheSandboxOffAndIsNamedRed() throws Exception {
        PayaraProcess server = boot("it-sandbox-typo", Map.of("WECOM_CORPID", "ww0123456789abcdef"));
        try {
            assertSandboxUnreachable(server);
            assertSevere(server, "Sandbox mode is OFF: WECOM_CORPID (WECOM_CORP_ID?) looks like a WeCom setting");
            JsonObject check = check(server, "setup.unknown");
            assertEquals("RED", check.getString("verdict"), check.toString());
            assertTrue(check.getString("finding").startsWith("WECOM_CORPID (WECOM_CORP_ID?)"), check.toString());
        } finally {
            server.stop();
        }
    }

    /** The built-in database (no DB_URL: ./data under the work directory), so only the WeCom settings decide. */
    private static PayaraProcess boot(String name, Map<String, String> wecom) throws IOException, InterruptedException {
        Path workDir = GatewayBuilder.sharedWorkDir().resolveSibling(name);
        PayaraProcess.deleteRecursively(workDir.resolve("data"));
        Map<String, String> env = new java.util.HashMap<>(wecom);
        env.put("ADMIN_USERNAME", "admin");
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        PayaraProcess server = new PayaraProcess(workDir, env);
        server.start();
        return server;
    }

    private void assertSandboxUnreachable(PayaraProcess server) throws IOException, InterruptedException {
        for (String page : new String[]{"/sandbox/customer.xhtml", "/sandbox/wecom.xhtml", "/sandbox/sandbox.css"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.baseUri().resolve(page))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, answer.statusCode(), page);
        }
        assertFalse(server.log().contains(SIMULATOR_STARTED), "no simulator may start:\n" + tail(server.log()));
    }

    /** ODL records put the level in the header and the message on the lines after it. */
    private static void assertSevere(PayaraProcess server, String text) {
        String log = server.log();
        int at = log.indexOf(text);
        assertTrue(at >= 0, "the log says: " + text + "\n" + tail(log));
        String header = log.substring(Math.max(0, log.lastIndexOf("\n[", at)), at);
        assertTrue(header.contains("SEVERE"), "as SEVERE: " + header + text);
    }

    /** The setup doctor's row, asked afresh through the admin API. */
    private JsonObject check(PayaraProcess server, String id) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                server.baseUri().resolve("/api/admin/diagnostics/refresh"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + basic)
                .header("X-Requested-By", "kf-gateway-it").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> check.getString("id").equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no doctor row " + id + " in " + answer.body()));
        }
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }
}
