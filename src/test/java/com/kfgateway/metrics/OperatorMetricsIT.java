package com.kfgateway.metrics;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.PrometheusText;
import com.kfgateway.it.TestGateway;
import com.kfgateway.wecom.control.CallbackCrypto;
import com.kfgateway.wecom.control.CallbackXml;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The figures an operator scrapes from /metrics (opened as README says): each one moves when what it counts
 * happens on the real WAR, read as Prometheus text the way a scraper reads it.
 */
@ExtendWith(TestGateway.Extension.class)
class OperatorMetricsIT {

    private final TestGateway gateway = TestGateway.get();

    @Test
    void callbacksSendsPullLagAndPendingAnswersAreCountedForOperators() throws Exception {
        double accepted = value("kf_callbacks_total", "outcome=\"accepted\"");
        double forged = value("kf_callbacks_total", "outcome=\"bad_signature\"");
        double sent = value("kf_sends_total", "errcode=\"0\"");
        double pulls = value("kf_pull_lag_seconds_count", null);

        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "你好");
        TestGateway.await("the answer", Duration.ofSeconds(30),
                () -> !gateway.wecom().delivered(ACCOUNT, customer).isEmpty());
        assertEquals(403, forgedCallback().statusCode());

        PrometheusText text = scrape();
        assertTrue(text.value("kf_callbacks_total", "outcome=\"accepted\"") > accepted, text.text());
        assertTrue(text.value("kf_callbacks_total", "outcome=\"bad_signature\"") > forged, text.text());
        assertTrue(text.value("kf_sends_total", "errcode=\"0\"") > sent, text.text());
        assertTrue(text.value("kf_pull_lag_seconds_count", null) > pulls, text.text());
        assertTrue(Pattern.compile("(?m)^kf_answers_pending(\\{[^}]*})? [0-9.]+$").matcher(text.text()).find(),
                "a count, and not the -1 of no count yet: " + text);
        assertTrue(text.text().contains("# HELP kf_sends_total"), "described for whoever reads it: " + text);
    }

    private HttpResponse<String> forgedCallback() throws Exception {
        CallbackCrypto crypto = new CallbackCrypto(TestGateway.CALLBACK_TOKEN, TestGateway.AES_KEY,
                TestGateway.CORP_ID);
        long now = Instant.now().getEpochSecond();
        String body = CallbackXml.envelopeXml(TestGateway.CORP_ID, null, crypto.encrypt(CallbackXml.kfEventXml(
                TestGateway.CORP_ID, now, "forged-token", ACCOUNT)));
        return gateway.http().send(HttpRequest.newBuilder(gateway.uri("/api/wecom/callback?msg_signature="
                + "0".repeat(40) + "&timestamp=" + now + "&nonce=1")).header("Content-Type", "text/xml")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private PrometheusText scrape() throws Exception {
        return PrometheusText.scrape(gateway.server().baseUri());
    }

    private double value(String name, String label) throws Exception {
        return scrape().value(name, label);
    }
}
