package com.kfgateway.wecom.boundary;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.wecom.control.CallbackCrypto;
import com.kfgateway.wecom.control.CallbackXml;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WeCom's side of the callback contract, over HTTP against the real WAR. */
@ExtendWith(TestGateway.Extension.class)
class CallbackIT {

    private final TestGateway gateway = TestGateway.get();

    @Test
    void answersUrlVerificationWithTheBarePlaintext() throws Exception {
        CallbackCrypto crypto = new CallbackCrypto(TestGateway.CALLBACK_TOKEN, TestGateway.AES_KEY,
                TestGateway.CORP_ID);
        String echo = "8124769510345621987";
        String encrypted = crypto.encrypt(echo);
        String timestamp = now();
        String nonce = "5571234";
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(callback(crypto.signature(timestamp, nonce,
                encrypted), timestamp, nonce, encrypted)).GET());

        assertEquals(200, response.statusCode());
        assertEquals(echo, new String(response.body(), StandardCharsets.UTF_8), "no quotes, BOM or newline");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(gateway.wecom().verifyCallbackUrl(), "the simulator's own URL check passes too");
    }

    @Test
    void validCallbackLeadsToSyncWithTheEventTokenAndTheKfCredential() {
        int before = gateway.wecom().calls().size();
        int callbacksBefore = gateway.wecom().callbackResults().size();
        gateway.wecom().customerSendsText(ACCOUNT, TestGateway.newCustomer(), "你好");

        TestGateway.await("a kf/sync_msg call", Duration.ofSeconds(20), () -> syncCallsSince(before).stream()
                .anyMatch(call -> call.errcode() == 0));
        ApiCall sync = syncCallsSince(before).stream().filter(call -> call.errcode() == 0).findFirst().orElseThrow();
        assertTrue(sync.syncToken() != null && !sync.syncToken().isBlank(), "the event's Token is passed on");
        assertEquals("kf", sync.credential(), "kf/* calls use the KF secret's token, never the app's");
        // Only this test's: others in the JVM turn the simulator's callback settings wrong on purpose.
        var results = gateway.wecom().callbackResults();
        assertTrue(results.subList(callbacksBefore, results.size()).stream().allMatch(r -> r.httpStatus() == 200),
                results.toString());
    }

    @Test
    void expiredTokenIsRefreshedAndTheCallRetriedOnce() {
        // First make sure the product holds a long-lived token, so it has no reason to refresh on its own, and that
        // the warm-up's own work (the bot's answer) is done: a leftover send must not meet the expiry below.
        String warmUp = TestGateway.newCustomer();
        gateway.faults().expireAllTokens();
        gateway.wecom().customerSendsText(ACCOUNT, warmUp, "warm up");
        TestGateway.await("the warm-up customer's answer", Duration.ofSeconds(30),
                () -> !gateway.wecom().delivered(ACCOUNT, warmUp).isEmpty());

        int before = gateway.wecom().calls().size();
        int kfTokensBefore = gateway.probe().gettokenCalls("kf");
        gateway.faults().expireAllTokens();
        gateway.wecom().customerSendsText(ACCOUNT, TestGateway.newCustomer(), "hello again");

        TestGateway.await("a successful sync after 42001", Duration.ofSeconds(20), () -> syncCallsSince(before)
                .stream().anyMatch(call -> call.errcode() == 0));
        List<ApiCall> calls = gateway.wecom().calls().subList(before, gateway.wecom().calls().size());
        // The rule, whichever call meets the expiry first (the sync, or work an earlier test left running): that
        // call gets a new token and is repeated, once, successfully.
        int expired = indexOf(calls, 0, c -> c.errcode() == 42001);
        assertTrue(expired >= 0, "a call met the expired token: " + calls);
        String path = calls.get(expired).path();
        int refetch = indexOf(calls, expired + 1, c -> c.path().endsWith("gettoken") && c.errcode() == 0);
        int repeated = refetch < 0 ? -1 : indexOf(calls, refetch + 1, c -> c.path().equals(path));
        assertTrue(refetch > expired && repeated > refetch, "then a new token, then the same call again: " + calls);
        assertEquals(0, calls.get(repeated).errcode(), "the repeated " + path + " succeeded: " + calls);
        assertEquals(kfTokensBefore + 1, gateway.probe().gettokenCalls("kf"), "one new KF token, not one per call");
    }

    @Test
    void timerRefreshesTokensBeforeTheyExpire() {
        gateway.faults().setTokenLifetime(Duration.ofSeconds(20));
        try {
            // One call meets the expired token and fetches a 20-second one; from then on only the timer fetches.
            int start = gateway.wecom().calls().size();
            gateway.faults().expireAllTokens();
            gateway.wecom().customerSendsText(ACCOUNT, TestGateway.newCustomer(), "token refresh");
            TestGateway.await("a short-lived token in use", Duration.ofSeconds(20), () -> syncCallsSince(start)
                    .stream().anyMatch(call -> call.errcode() == 0));
            int mark = gateway.wecom().calls().size();
            int before = gateway.probe().gettokenCalls("kf");

            TestGateway.await("two timer refreshes", Duration.ofSeconds(60),
                    () -> gateway.probe().gettokenCalls("kf") >= before + 2);

            List<ApiCall> since = gateway.wecom().calls().subList(mark, gateway.wecom().calls().size());
            assertTrue(since.stream().noneMatch(call -> call.errcode() == 42001 || call.errcode() == 40014),
                    "each token was replaced before it expired: " + since);
        } finally {
            gateway.faults().setTokenLifetime(Duration.ofSeconds(7200));
        }
    }

    @Test
    void rejectsBadSignatureWithA4xxAndNoSync() throws Exception {
        CallbackCrypto crypto = new CallbackCrypto(TestGateway.CALLBACK_TOKEN, TestGateway.AES_KEY,
                TestGateway.CORP_ID);
        String body = CallbackXml.envelopeXml(TestGateway.CORP_ID, null, crypto.encrypt(CallbackXml.kfEventXml(
                TestGateway.CORP_ID, Long.parseLong(now()), "forged-token", ACCOUNT)));
        int before = gateway.wecom().calls().size();

        HttpResponse<byte[]> response = post(callback("0".repeat(40), now(), "1", "ignored"), body);

        assertEquals(403, response.statusCode());
        assertEquals(0, response.body().length, "no detail for an attacker");
        assertTrue(syncCallsSince(before).isEmpty());
    }

    @Test
    void rejectsCallbackEncryptedForAnotherCorp() throws Exception {
        CallbackCrypto otherCorp = new CallbackCrypto(TestGateway.CALLBACK_TOKEN, TestGateway.AES_KEY,
                "wwanothercorp0000001");
        String timestamp = now();
        String encrypted = otherCorp.encrypt(CallbackXml.kfEventXml("wwanothercorp0000001",
                Long.parseLong(timestamp), "t", ACCOUNT));
        HttpResponse<byte[]> response = post(callback(otherCorp.signature(timestamp, "2", encrypted),
                timestamp, "2", null), CallbackXml.envelopeXml("wwanothercorp0000001", null, encrypted));
        assertEquals(403, response.statusCode());
    }

    @Test
    void rejectsBadBase64EvenWhenSigned() throws Exception {
        CallbackCrypto crypto = new CallbackCrypto(TestGateway.CALLBACK_TOKEN, TestGateway.AES_KEY,
                TestGateway.CORP_ID);
        String encrypted = "abc def==";
        String timestamp = now();
        HttpResponse<byte[]> response = post(callback(crypto.signature(timestamp, "3", encrypted), timestamp,
                "3", null), CallbackXml.envelopeXml(TestGateway.CORP_ID, null, encrypted));
        assertEquals(403, response.statusCode());
    }

    @Test
    void rejectsHostileXmlWithoutA5xx() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Encrypt>&e;</Encrypt></xml>";
        HttpResponse<byte[]> response = post(callback("a".repeat(40), now(), "1", null), xxe);
        assertEquals(400, response.statusCode());
        assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains("root:"));

        HttpResponse<byte[]> garbage = post(callback("a".repeat(40), now(), "1", null), "<xml><Encrypt>");
        assertEquals(400, garbage.statusCode());
    }

    @Test
    void rejectsOversizedBody() throws Exception {
        String huge = "<xml><Encrypt><![CDATA[" + "A".repeat(200_000) + "]]></Encrypt></xml>";
        HttpResponse<byte[]> response = post(callback("a".repeat(40), now(), "1", null), huge);
        assertEquals(413, response.statusCode());
    }

    @Test
    void rejectsRequestsWithoutTheSignatureParameters() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(gateway.uri("/api/wecom/callback")).GET());
        assertEquals(400, response.statusCode());
    }

    @Test
    void logNamesFingerprintsButNeverSecrets() {
        String log = gateway.server().log();
        for (String secret : List.of(TestGateway.APP_SECRET, TestGateway.KF_SECRET, TestGateway.CALLBACK_TOKEN,
                TestGateway.AES_KEY, TestGateway.ADMIN_PASSWORD)) {
            assertFalse(log.contains(secret), "a secret leaked into the log");
        }
        assertTrue(log.contains("sha256:"), "the start-up report names the fingerprints");
    }

    private List<ApiCall> syncCallsSince(int index) {
        List<ApiCall> calls = gateway.wecom().calls();
        return calls.subList(Math.min(index, calls.size()), calls.size()).stream()
                .filter(call -> call.path().endsWith("kf/sync_msg")).toList();
    }

    private static int indexOf(List<ApiCall> calls, int from, java.util.function.Predicate<ApiCall> match) {
        for (int i = from; i < calls.size(); i++) {
            if (match.test(calls.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** WeCom signs with its current time; the product refuses timestamps more than 5 minutes off. */
    static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private URI callback(String signature, String timestamp, String nonce, String echostr) {
        String query = "msg_signature=" + enc(signature) + "&timestamp=" + enc(timestamp) + "&nonce=" + enc(nonce)
                + (echostr == null ? "" : "&echostr=" + enc(echostr));
        return gateway.uri("/api/wecom/callback?" + query);
    }

    private HttpResponse<byte[]> post(URI uri, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return gateway.http().send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
