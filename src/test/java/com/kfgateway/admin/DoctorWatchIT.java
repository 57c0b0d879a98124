package com.kfgateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.TestGateway;
import com.kfgateway.sandbox.entity.StaffNotification;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The doctor keeps looking by itself: it tells staff once when a check turns red and once when it recovers, with
 * the fix and a link, however many looks come in between and across a restart; and it notices a callback that went
 * quiet while customers write. On a gateway of its own: it looks every 3 s, calls 18 s without a callback quiet,
 * pulls every minute for safety and alerts a recipient, none of which the shared gateway's tests may see.
 */
class DoctorWatchIT {

    private static final String RECIPIENT = TestGateway.SERVICER_ONLINE;
    private static final String CONSOLE = "https://kf.example.test";
    /** Added with manage_privilege false, without the callback WeCom sends on a change: only a look finds it. */
    private static final String ACCOUNT = "wkDoctorAlertsIt01";
    private static final String CHECK = "account." + ACCOUNT;
    private static final String QUIET = "callback.quiet";
    /** Longer than two of the 3 s intervals, even jittered. */
    private static final Duration TWO_LOOKS = Duration.ofSeconds(7);

    private static GatewayBuilder.Booted gateway;

    @BeforeAll
    static void boot() throws Exception {
        gateway = GatewayBuilder.inWorkDir("it-doctor-watch").env("DOCTOR_ALERT_TO", RECIPIENT)
                .env("DOCTOR_INTERVAL_MINUTES", "0.05").env("CONSOLE_PUBLIC_URL", CONSOLE)
                .env("DOCTOR_CALLBACK_SILENCE_HOURS", "0.005").env("CONVERSATION_SAFETY_PULL_MINUTES", "1").start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.wecom().admin().callbacksLost(false);
            gateway.close();
        }
    }

    @Test
    void aCheckTurningRedIsToldOnceWithItsFixAndOnceMoreWhenItRecoversAcrossManyLooksAndARestart()
            throws Exception {
        awaitLookAfter(Instant.now());
        assertEquals("missing", verdict(CHECK));

        gateway.wecom().admin().addAccount(ACCOUNT, "Doctor alerts IT", false);
        // Nobody presses "Run checks", and WeCom sent no callback: the periodic look finds it.
        TestGateway.await("the staff alert for the new account", Duration.ofSeconds(60), () -> alerts().size() == 1);
        assertEquals("RED", verdict(CHECK));
        StaffNotification alert = alerts().get(0);
        assertEquals(List.of(RECIPIENT), alert.recipients());
        assertTrue(alert.content().contains("turned red") && alert.content().contains("设置检查变红"), alert.content());
        assertTrue(alert.content().contains("API-managed accounts"), "the fix: " + alert.content());
        assertTrue(alert.content().contains(CONSOLE + "/admin/doctor/index.xhtml"), alert.content());

        awaitLookAfter(Instant.now().plus(TWO_LOOKS));
        gateway.server().stop();
        gateway.server().start();
        awaitLookAfter(Instant.now().plus(TWO_LOOKS));
        assertEquals("RED", verdict(CHECK));
        assertEquals(1, alerts().size(), "told once while it stayed red, the restart included: " + alerts());

        gateway.wecom().authoriseAccount(ACCOUNT, true);
        TestGateway.await("the recovery told", Duration.ofSeconds(60), () -> alerts().size() == 2);
        StaffNotification recovered = alerts().get(1);
        assertTrue(recovered.content().contains("fine again") && recovered.content().contains("已恢复"),
                recovered.content());
        awaitLookAfter(Instant.now().plus(TWO_LOOKS));
        assertEquals("GREEN", verdict(CHECK));
        assertEquals(2, alerts().size(), "and nothing more: " + alerts());
    }

    @Test
    void customersWritingWhileNoCallbackComesTurnTheQuietCallbackRowRedWithItsFix() throws Exception {
        // The safety pull pulls the accounts pulled before: one callback first, while WeCom still reaches us.
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(TestGateway.ACCOUNT, customer, "hello");
        TestGateway.await("the answer after the callback", Duration.ofSeconds(30),
                () -> gateway.wecom().delivered(TestGateway.ACCOUNT, customer).size() == 1);
        gateway.wecom().admin().callbacksLost(true);
        // Longer than the 18 s of silence the doctor allows: the customer writes into a callback already quiet.
        Thread.sleep(20_000);
        gateway.wecom().customerSendsText(TestGateway.ACCOUNT, customer, "anyone there?");
        TestGateway.await("the safety pull's answer, without a callback", Duration.ofSeconds(120),
                () -> gateway.wecom().delivered(TestGateway.ACCOUNT, customer).size() == 2);
        TestGateway.await("the quiet callback found by a look", Duration.ofSeconds(60),
                () -> verdict(QUIET).equals("RED"));

        JsonObject quiet = check(latest(), QUIET);
        assertTrue(quiet.getString("finding").contains("more than 0.005 h without a callback"), quiet.toString());
        assertTrue(quiet.getString("fix").contains("回调配置"), quiet.toString());
        try (WebClient browser = ConsoleClient.newBrowser()) {
            HtmlPage doctor = ConsoleClient.doctorPage(browser, gateway.server().baseUri());
            HtmlElement row = doctor.getHtmlElementById("check-" + QUIET);
            assertEquals("RED", row.getAttribute("data-verdict"), row.asNormalizedText());
            assertTrue(row.asNormalizedText().contains("safety pull"), row.asNormalizedText());
        }

        gateway.wecom().admin().callbacksLost(false);
        gateway.wecom().customerSendsText(TestGateway.ACCOUNT, customer, "hello again");
        TestGateway.await("green once a callback comes again", Duration.ofSeconds(60),
                () -> verdict(QUIET).equals("GREEN"));
    }

    /** The staff notifications about the new account's check. */
    private static List<StaffNotification> alerts() {
        return gateway.probe().staffNotifications().stream().filter(n -> n.content().contains(ACCOUNT)).toList();
    }

    /** Waits for a look by the doctor that began after {@code instant}, which nobody asked for. */
    private static void awaitLookAfter(Instant instant) {
        TestGateway.await("a look after " + instant, Duration.ofSeconds(60), () -> {
            JsonObject latest = latest();
            return latest != null && Instant.parse(latest.getString("at")).isAfter(instant);
        });
    }

    private static String verdict(String id) {
        JsonObject latest = latest();
        if (latest == null) {
            return "unread";
        }
        JsonObject check = check(latest, id);
        return check == null ? "missing" : check.getString("verdict");
    }

    private static JsonObject check(JsonObject diagnosis, String id) {
        return diagnosis.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals(id)).findFirst().orElse(null);
    }

    /** The doctor's latest diagnosis, without making it look; null while the server cannot be read. */
    private static JsonObject latest() {
        // A new client each time: the restart closes the connections of the one before.
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.server().baseUri()
                    + "/api/admin/diagnostics")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER
                            + ":" + TestGateway.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? ConsoleClient.parse(response.body()) : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
