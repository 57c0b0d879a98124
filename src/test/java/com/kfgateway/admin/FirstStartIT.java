package com.kfgateway.admin;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.TestGateway;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A first start with the defaults an operator gets by setting nothing: no ADMIN_PASSWORD, no
 * CONVERSATION_NOTIFY_TO. Its own Payara and database (the shared gateway sets both).
 */
class FirstStartIT {

    private static final String WORK_DIR = "it-first-start";
    private static GatewayBuilder.Booted gateway;
    private static Path workDir;

    @BeforeAll
    static void bootWithDefaults() throws Exception {
        workDir = GatewayBuilder.sharedWorkDir().resolveSibling(WORK_DIR);
        Files.deleteIfExists(workDir.resolve("data/first-admin-password.txt"));
        // An empty variable is an unset key to MicroProfile Config.
        gateway = GatewayBuilder.inWorkDir(WORK_DIR).env("ADMIN_PASSWORD", "").env("CONVERSATION_NOTIFY_TO", "")
                .env("ADMIN_SECURE_COOKIE", "true").start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theGeneratedPasswordIsInAFileOnlyTheServerUserReadsAndTheLogOnlySaysWhere() throws Exception {
        Path file = workDir.resolve("data/first-admin-password.txt").toAbsolutePath().normalize();
        assertTrue(Files.exists(file), "the password file is written: " + tail());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        assertEquals(20, password.length());
        String log = gateway.server().log();
        assertFalse(log.contains(password), "the password is not in the log");
        assertTrue(log.contains(file.toString()), "the log says where the file is");

        HttpResponse<String> api = http(HttpRequest.newBuilder(gateway.server().baseUri().resolve(
                "/api/admin/conversations")).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(
                                ("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                .GET());
        assertEquals(200, api.statusCode(), "the file's password signs the admin in");
    }

    @Test
    void metricsAndTheApiDescriptionAreClosedUntilAnOperatorOpensThem() throws Exception {
        for (String path : List.of("/metrics", "/metrics?scope=application", "/openapi")) {
            HttpResponse<String> response = http(HttpRequest.newBuilder(gateway.server().baseUri().resolve(path))
                    .GET());
            // Payara answers 403 for a service switched off; either way nothing of it is shown.
            assertTrue(response.statusCode() == 403 || response.statusCode() == 404,
                    path + " answers on a default boot: " + response.statusCode() + " " + response.body());
            assertFalse(response.body().contains("# TYPE") || response.body().contains("openapi:"),
                    path + " shows what it should not: " + response.body());
        }
    }

    @Test
    void aHandoverNotifiesNobodyUntilRecipientsAreConfigured() {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "转人工");
        TestGateway.await("the handover's notification step", Duration.ofSeconds(60),
                () -> gateway.server().log().contains("recipients are not configured") || gateway.wecom().calls()
                        .stream().anyMatch(c -> c.path().endsWith("message/send")));
        assertEquals(3, gateway.wecom().admin().serviceState(ACCOUNT, customer), "the handover itself happened");
        assertTrue(gateway.wecom().calls().stream().noneMatch(c -> c.path().endsWith("message/send")),
                "no message/send, least of all to @all: " + gateway.probe().staffNotifications());
        assertTrue(gateway.probe().staffNotifications().isEmpty());
    }

    @Test
    void withSecureCookieTrueTheSessionCookieIsSecureEvenOverPlainHttp() throws Exception {
        Path file = workDir.resolve("data/first-admin-password.txt");
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        String body = "login=login&next=&username=admin&password=" + URLEncoder.encode(password,
                StandardCharsets.UTF_8) + "&submit=Sign+in&jakarta.faces.ViewState=stateless";
        HttpResponse<String> login = http(HttpRequest.newBuilder(gateway.server().baseUri().resolve("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(302, login.statusCode(), login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(cookie.matches("(?i).*;\\s*secure(;.*|$)"), cookie);
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tail() {
        String log = gateway.server().log();
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }
}
