package com.kfgateway.wecom.boundary;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import com.kfgateway.wecom.boundary.SignedCallbacks.Signed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A recorded callback played again: refused within the 5-minute window because it was seen, outside it because of
 * its timestamp, and counted. Refused before the event fires: the callback-log row and the pull come from the one
 * observer of that event, so a replay that wrote no row queued no pull either.
 */
@ExtendWith(TestGateway.Extension.class)
class CallbackReplayIT {

    private static final long FIVE_MINUTES = 300;
    private static final Pattern LOGGED = Pattern.compile("last logged callback: ([^;]*);");
    private static final Pattern OTHER_REJECTIONS = Pattern.compile("other rejections: (\\d+)");

    private final TestGateway gateway = TestGateway.get();
    private final SignedCallbacks signed;

    CallbackReplayIT() throws Exception {
        signed = new SignedCallbacks();
    }

    @Test
    void replayedCallbackIsRefusedBeforeTheEventFiresSoNoRowIsWritten() throws Exception {
        String syncToken = gateway.faults().issueSyncToken();
        Signed callback = signed.event(SignedCallbacks.now(), SignedCallbacks.nonce(), syncToken, ACCOUNT);
        assertEquals(200, post(callback).statusCode());
        Instant accepted = Instant.now();
        TestGateway.await("the pull the callback asked for", Duration.ofSeconds(20), () -> syncsWith(syncToken) > 0);
        // The log shows seconds: once the accepted callback's second is over, a new row would show a new time.
        TestGateway.await("the next second", Duration.ofSeconds(5),
                () -> Instant.now().getEpochSecond() > accepted.getEpochSecond());
        String callbackCheck = callbackFinding();

        HttpResponse<byte[]> replay = post(callback);

        assertEquals(403, replay.statusCode());
        assertEquals(0, replay.body().length, "no detail for an attacker");
        String after = callbackFinding();
        assertEquals(group(LOGGED, callbackCheck), group(LOGGED, after), "the replay wrote no callback-log row");
        assertEquals(Long.parseLong(group(OTHER_REJECTIONS, callbackCheck)) + 1,
                Long.parseLong(group(OTHER_REJECTIONS, after)), "the replay is counted as a rejection");
    }

    @Test
    void callbackSignedMoreThanFiveMinutesAgoOrAheadIsRefused() throws Exception {
        long now = SignedCallbacks.now();
        for (long timestamp : new long[]{now - FIVE_MINUTES - 60, now + FIVE_MINUTES + 60}) {
            String syncToken = gateway.faults().issueSyncToken();
            HttpResponse<byte[]> response = post(signed.event(timestamp, SignedCallbacks.nonce(), syncToken, ACCOUNT));
            assertEquals(403, response.statusCode(), "signed at " + timestamp + ", now " + now);
            assertEquals(0, response.body().length);
        }
    }

    /**
     * The body of a stale callback is never read, so its connection cannot carry another request. Said openly, the
     * sender opens a fresh one; left unsaid, about one request in thirty went down the dying connection and was lost.
     */
    @Test
    void staleCallbacksInARowOnOneClientAreEachRefusedAndNoneIsLost() throws Exception {
        for (int i = 0; i < 100; i++) {
            HttpResponse<byte[]> response = post(signed.event(SignedCallbacks.now() - FIVE_MINUTES - 60,
                    SignedCallbacks.nonce(), "stale-" + i, ACCOUNT));
            assertEquals(403, response.statusCode());
            assertEquals("close", response.headers().firstValue("Connection").orElse(""), "request " + i);
        }
    }

    @Test
    void callbackSignedWithinTheWindowEitherWayIsTaken() throws Exception {
        long now = SignedCallbacks.now();
        for (long timestamp : new long[]{now - FIVE_MINUTES + 60, now + FIVE_MINUTES - 60}) {
            String syncToken = gateway.faults().issueSyncToken();
            HttpResponse<byte[]> response = post(signed.event(timestamp, SignedCallbacks.nonce(), syncToken, ACCOUNT));
            assertEquals(200, response.statusCode(), "signed at " + timestamp + ", now " + now);
        }
    }

    @Test
    void urlCheckSignedMoreThanFiveMinutesAgoIsRefused() throws Exception {
        long stale = SignedCallbacks.now() - FIVE_MINUTES - 60;
        HttpResponse<byte[]> response = get(signed.urlCheck(stale, SignedCallbacks.nonce(), "7261523847561029384"));
        assertEquals(403, response.statusCode());
        assertEquals(0, response.body().length, "the plaintext is not echoed");
    }

    private long syncsWith(String syncToken) {
        return gateway.wecom().calls().stream()
                .filter(call -> call.path().endsWith("kf/sync_msg") && syncToken.equals(call.syncToken())).count();
    }

    /** The setup doctor's callback finding, asked afresh: it reads the callback log and the rejection counters. */
    private String callbackFinding() throws Exception {
        String basic = Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER + ":" + TestGateway.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = gateway.http().send(HttpRequest.newBuilder(
                gateway.uri("/api/admin/diagnostics/refresh")).header("Authorization", "Basic " + basic)
                .header("X-Requested-By", "kf-gateway-tests").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject diagnosis = Json.createReader(new StringReader(response.body())).readObject();
        return diagnosis.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("id").equals("callback")).findFirst().orElseThrow()
                .getString("finding");
    }

    private static String group(Pattern pattern, String text) {
        Matcher match = pattern.matcher(text);
        assertTrue(match.find(), pattern + " in: " + text);
        return match.group(1);
    }

    private HttpResponse<byte[]> post(Signed callback) throws Exception {
        return gateway.http().send(HttpRequest.newBuilder(gateway.uri(callback.pathAndQuery()))
                .header("Content-Type", "text/xml").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(callback.body())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(Signed check) throws Exception {
        return gateway.http().send(HttpRequest.newBuilder(gateway.uri(check.pathAndQuery()))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
