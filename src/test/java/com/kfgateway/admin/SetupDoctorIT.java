package com.kfgateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSubmitInput;
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
}
