package com.kfgateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSubmitInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The setup doctor against the simulator's misconfiguration switches, end to end: the verdict, the cause and the
 * fix, as the console's doctor page and the diagnostics API show them.
 */
@ExtendWith(TestGateway.Extension.class)
class SetupDoctorIT {

    /** The simulator's HTTP server sees the product connect from loopback, and WeCom names what it saw. */
    private static final String ADDRESS_WECOM_SAW = "127.0.0.1";

    private final TestGateway gateway = TestGateway.get();
    private final ConsoleClient console = new ConsoleClient(gateway);

    /**
     * The doctor's own look at start-up comes a few seconds after boot: wait for it, so that a verdict that changes
     * "without anyone asking" below was not that look.
     */
    @BeforeEach
    void afterTheStartUpReport() {
        TestGateway.await("the start-up report", Duration.ofSeconds(30),
                () -> gateway.server().log().contains("Setup doctor: "));
    }

    @Test
    void anUntrustedIpIsExplainedWithTheAddressToAddAndTheSecretsAreNotBlamed() throws Exception {
        try (WebClient browser = console.browser()) {
            HtmlPage doctor = console.loginAsAdmin(browser).getAnchorByText("Setup doctor").click();
            gateway.wecom().admin().untrustedIp(true);
            try {
                HtmlPage red = ((HtmlSubmitInput) doctor.getElementById("run:now")).click();
                String accounts = red.getElementById("check-accounts").asNormalizedText();
                assertEquals("RED", red.getElementById("check-accounts").getAttribute("data-verdict"), accounts);
                assertTrue(accounts.contains("60020"), accounts);
                assertTrue(accounts.contains("Add " + ADDRESS_WECOM_SAW + " under"), "the fix names the address: "
                        + accounts);
                String secrets = red.getElementById("check-secrets").asNormalizedText();
                assertEquals("GREY", red.getElementById("check-secrets").getAttribute("data-verdict"), secrets);
                assertFalse(secrets.contains("WECOM_KF_SECRET must be"), "no advice to change a secret: " + secrets);

                HttpResponse<String> read = console.api("GET", "/api/admin/diagnostics?lang=zh");
                assertEquals(200, read.statusCode(), read.body());
                JsonObject diagnosis = ConsoleClient.parse(read.body());
                assertEquals("IP_NOT_TRUSTED", diagnosis.getString("secretVerdict"));
                JsonObject check = diagnosis.getJsonArray("checks").stream().map(JsonObject.class::cast)
                        .filter(c -> c.getString("id").equals("accounts")).findFirst().orElseThrow();
                assertEquals("RED", check.getString("verdict"));
                assertTrue(check.getString("fix").contains("添加 " + ADDRESS_WECOM_SAW), check.toString());
            } finally {
                gateway.wecom().admin().untrustedIp(false);
            }
            HtmlPage reloaded = browser.getPage(doctor.getUrl());
            HtmlPage again = ((HtmlSubmitInput) reloaded.getElementById("run:now")).click();
            assertNull(again.getElementById("check-accounts"), "the accounts answer again, one row each: "
                    + again.asNormalizedText());
            assertFalse(again.querySelectorAll("[id^='check-account.'][data-verdict='GREEN']").isEmpty());
            assertEquals("GREEN", again.getElementById("check-secrets").getAttribute("data-verdict"));
        }
    }

    @Test
    void aCallbackTokenMismatchAndAWrongAesKeyEachGetTheirOwnVerdict() throws Exception {
        gateway.wecom().admin().callbackTokenMismatch(true);
        try {
            gateway.wecom().customerSendsText(TestGateway.ACCOUNT, TestGateway.newCustomer(), "hello");
            JsonObject check = awaitCallbackCheck("WECOM_CALLBACK_TOKEN differs");
            assertEquals("RED", check.getString("verdict"), check.toString());
            assertFalse(check.getString("fix").contains("WECOM_CALLBACK_AES_KEY differs"), check.toString());
        } finally {
            gateway.wecom().admin().callbackTokenMismatch(false);
        }
        gateway.wecom().admin().callbackAesKeyMismatch(true);
        try {
            gateway.wecom().customerSendsText(TestGateway.ACCOUNT, TestGateway.newCustomer(), "hello");
            JsonObject check = awaitCallbackCheck("WECOM_CALLBACK_AES_KEY differs");
            assertEquals("RED", check.getString("verdict"), check.toString());
            assertTrue(check.getString("fix").contains("the Token is right"), check.toString());
            assertTrue(check.getString("finding").matches(".*not decryptable: [1-9].*"), check.toString());
            try (WebClient browser = console.browser()) {
                HtmlPage doctor = console.loginAsAdmin(browser).getAnchorByText("Setup doctor").click();
                String row = doctor.getElementById("check-callback").asNormalizedText();
                assertEquals("RED", doctor.getElementById("check-callback").getAttribute("data-verdict"), row);
                assertTrue(row.contains("WECOM_CALLBACK_AES_KEY differs"), row);
            }
        } finally {
            gateway.wecom().admin().callbackAesKeyMismatch(false);
        }
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(TestGateway.ACCOUNT, customer, "hello");
        TestGateway.await("an answer once the settings agree again", Duration.ofSeconds(30),
                () -> !gateway.wecom().delivered(TestGateway.ACCOUNT, customer).isEmpty());
        JsonObject check = callbackCheck();
        assertNotEquals("RED", check.getString("verdict"), "valid callbacks arrive again: " + check);
    }

    /** Runs the checks until the callback row's fix says {@code fix} (the simulator posts the callback soon after). */
    private JsonObject awaitCallbackCheck(String fix) {
        TestGateway.await("the callback row to say: " + fix, Duration.ofSeconds(30),
                () -> callbackCheck().getString("fix", "").contains(fix));
        return callbackCheck();
    }

    private JsonObject callbackCheck() {
        HttpResponse<String> refreshed = console.api("POST", "/api/admin/diagnostics/refresh");
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        return ConsoleClient.parse(refreshed.body()).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals("callback")).findFirst().orElseThrow();
    }

    @Test
    void aWrongCorpIdIsNamedOnTheTokenRows() throws Exception {
        gateway.wecom().admin().wrongCorpId(true);
        try {
            JsonObject diagnosis = refresh();
            JsonObject kf = check(diagnosis, "token.kf");
            assertEquals("RED", kf.getString("verdict"), kf.toString());
            assertTrue(kf.getString("finding").contains("40013"), kf.toString());
            assertTrue(kf.getString("fix").contains("WECOM_CORP_ID is wrong"), kf.toString());
            assertConsoleRow("token.kf", "RED", "40013", "WECOM_CORP_ID is wrong");
        } finally {
            gateway.wecom().admin().wrongCorpId(false);
        }
        assertEquals("GREEN", check(refresh(), "token.kf").getString("verdict"), "paused no longer once it is fixed");
    }

    @Test
    void aResetKfSecretIsNamedWithItsVariable() throws Exception {
        gateway.wecom().admin().kfSecretReset(true);
        try {
            JsonObject kf = check(refresh(), "token.kf");
            assertEquals("RED", kf.getString("verdict"), kf.toString());
            assertTrue(kf.getString("finding").contains("40001"), kf.toString());
            assertTrue(kf.getString("fix").contains("The secret in WECOM_KF_SECRET is wrong"), kf.toString());
            assertEquals("GREEN", check(refresh(), "token.app").getString("verdict"), "the app's secret still works");
            assertConsoleRow("token.kf", "RED", "40001", "The secret in WECOM_KF_SECRET is wrong");
        } finally {
            gateway.wecom().admin().kfSecretReset(false);
        }
        assertEquals("GREEN", check(refresh(), "token.kf").getString("verdict"));
    }

    @Test
    void aTokenThatFailsToRenewInTheBackgroundTurnsTheDoctorRedWithoutAnyoneAsking() throws Exception {
        // Tokens that live 40 s: the refresh timer renews them 10 s before they expire.
        gateway.faults().setTokenLifetime(Duration.ofSeconds(40));
        try {
            assertEquals("GREEN", check(refresh(), "token.kf").getString("verdict"), "a fresh 40-second token");
            gateway.wecom().admin().kfSecretReset(true);
            TestGateway.await("the doctor's own look after the failed renewal", Duration.ofSeconds(60),
                    () -> check(latest(), "token.kf").getString("verdict").equals("RED"));
            JsonObject kf = check(latest(), "token.kf");
            // "renewing it failed" while the old token lasts, "paused" once it has expired: either way, 40001.
            assertTrue(kf.getString("finding").contains("errcode 40001"), kf.toString());
            assertTrue(kf.getString("fix").contains("WECOM_KF_SECRET"), kf.toString());
            assertConsoleRow("token.kf", "RED", "errcode 40001", "WECOM_KF_SECRET");
        } finally {
            gateway.wecom().admin().kfSecretReset(false);
            gateway.faults().setTokenLifetime(Duration.ofSeconds(7200));
        }
        assertEquals("GREEN", check(refresh(), "token.kf").getString("verdict"));
    }

    /**
     * A receptionist left on 接待中 with WeCom's automatic routing: new sessions go to her (state 3), so the bot must
     * stay silent, and the doctor warns before anyone wonders why, naming who is receiving and how to stop it.
     */
    @Test
    void receptionistsReceivingAreAWarningNamedWithTheFixAndTheSessionsRoutedToThemGetNoBotAnswer() throws Exception {
        String row = "servicers." + TestGateway.ACCOUNT;
        String customer = TestGateway.newCustomer();
        gateway.wecom().admin().setRouteToOnlineServicers(true);
        try {
            gateway.wecom().customerSendsText(TestGateway.ACCOUNT, customer, "where is my parcel?");
            long conversation = console.conversationOf(customer);
            TestGateway.await("the conversation with the receptionist", Duration.ofSeconds(30),
                    () -> console.json("/api/admin/conversations?q=" + customer).getJsonArray("items")
                            .getJsonObject(0).getInt("serviceStateCode") == 3);
            assertEquals(3, gateway.wecom().admin().serviceState(TestGateway.ACCOUNT, customer));

            JsonObject servicers = check(refresh(), row);
            assertEquals("AMBER", servicers.getString("verdict"), servicers.toString());
            assertTrue(servicers.getString("finding").contains(TestGateway.SERVICER_ONLINE), servicers.toString());
            assertTrue(servicers.getString("finding").contains("95018"), "what it leads to: " + servicers);
            assertTrue(servicers.getString("fix").contains("停止接待"), "how to stop it: " + servicers);
            JsonObject zh = check(ConsoleClient.parse(console.api("GET", "/api/admin/diagnostics?lang=zh").body()),
                    row);
            assertTrue(zh.getString("finding").contains("接待中"), zh.toString());
            try (WebClient browser = console.browser()) {
                HtmlPage doctor = console.loginAsAdmin(browser).getAnchorByText("Setup doctor").click();
                String shown = doctor.getElementById("check-" + row).asNormalizedText();
                assertEquals("AMBER", doctor.getElementById("check-" + row).getAttribute("data-verdict"), shown);
                assertTrue(shown.contains(TestGateway.SERVICER_ONLINE) && shown.contains("停止接待"), shown);
            }
            assertTrue(gateway.wecom().delivered(TestGateway.ACCOUNT, customer).isEmpty(),
                    "the bot left the receptionist's customer alone (conversation " + conversation + ")");
        } finally {
            gateway.wecom().admin().setRouteToOnlineServicers(false);
        }
    }

    @Test
    void anAccountTakenFromTheAppIsRedWithoutAnyoneAskingAndGreenWhenGrantedAgain() throws Exception {
        String row = "account." + TestGateway.SECOND_ACCOUNT;
        assertEquals("GREEN", check(refresh(), row).getString("verdict"));
        gateway.wecom().authoriseAccount(TestGateway.SECOND_ACCOUNT, false);
        try {
            // WeCom's kf_account_auth_change makes the doctor look again by itself.
            TestGateway.await("the doctor's own look after kf_account_auth_change", Duration.ofSeconds(30),
                    () -> check(latest(), row).getString("verdict").equals("RED"));
            JsonObject account = check(latest(), row);
            assertTrue(account.getString("fix").contains("API-managed accounts"), account.toString());
            assertEquals("GREEN", check(latest(), "account." + TestGateway.ACCOUNT).getString("verdict"),
                    "the other account is still the app's");
            assertEquals("DIFFERENT_AND_KF_WORKS", latest().getString("secretVerdict"),
                    "one manageable account left: the secrets are not to blame");
            try (WebClient browser = console.browser()) {
                HtmlPage doctor = console.loginAsAdmin(browser).getAnchorByText("Setup doctor").click();
                String taken = doctor.getElementById("check-" + row).asNormalizedText();
                assertEquals("RED", doctor.getElementById("check-" + row).getAttribute("data-verdict"), taken);
                assertTrue(taken.contains("manage_privilege = false") && taken.contains("API-managed accounts"),
                        taken);
                assertEquals("GREEN", doctor.getElementById("check-account." + TestGateway.ACCOUNT)
                        .getAttribute("data-verdict"));
            }
        } finally {
            gateway.wecom().authoriseAccount(TestGateway.SECOND_ACCOUNT, true);
        }
        TestGateway.await("green again once granted back", Duration.ofSeconds(30),
                () -> check(latest(), row).getString("verdict").equals("GREEN"));
    }

    /** The doctor page's row {@code id} as staff see it (the last look, not a new one): its verdict and texts. */
    private void assertConsoleRow(String id, String verdict, String... texts) throws Exception {
        try (WebClient browser = console.browser()) {
            HtmlPage doctor = ConsoleClient.doctorPage(browser, gateway.baseUri());
            String row = doctor.getElementById("check-" + id).asNormalizedText();
            assertEquals(verdict, doctor.getElementById("check-" + id).getAttribute("data-verdict"), row);
            for (String text : texts) {
                assertTrue(row.contains(text), "'" + text + "' in: " + row);
            }
        }
    }

    /** The doctor's last diagnosis, without running the checks. */
    private JsonObject latest() {
        HttpResponse<String> read = console.api("GET", "/api/admin/diagnostics");
        assertEquals(200, read.statusCode(), read.body());
        return ConsoleClient.parse(read.body());
    }

    private JsonObject refresh() {
        HttpResponse<String> refreshed = console.api("POST", "/api/admin/diagnostics/refresh");
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        return ConsoleClient.parse(refreshed.body());
    }

    private static JsonObject check(JsonObject diagnosis, String id) {
        return diagnosis.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + diagnosis));
    }
}
