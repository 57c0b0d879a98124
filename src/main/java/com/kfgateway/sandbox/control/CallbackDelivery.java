package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.CallbackResult;
import com.kfgateway.sandbox.entity.SimulatedCorp;
import com.kfgateway.wecom.control.CallbackCrypto;
import com.kfgateway.wecom.control.CallbackXml;
import com.kfgateway.wecom.control.CallbackCryptoException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * WeCom's side of the callback protocol (§3): the encrypted kf_msg_or_event POST and the GET URL check. Delivery is
 * synchronous with WeCom's 5 s timeout and never throws: a dead URL is just a recorded result. The URL check also
 * waits 5 s although WeCom allows 1 s, so a cold application server in a test does not fail it spuriously.
 * Thread-safe: {@link #prepare} runs under the simulator's lock, {@link #deliver} outside it.
 */
final class CallbackDelivery {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A callback ready to send: the URL with its signed query, and the envelope body. */
    record Prepared(URI target, String openKfid, String body, int times) {
    }

    private final CorpState state;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final List<CallbackResult> results = new ArrayList<>();
    private volatile URI url;
    /** How often each callback is delivered; WeCom retries, and tests set this to see the product de-duplicate. */
    volatile int repeat = 1;

    CallbackDelivery(CorpState state) {
        this.state = state;
    }

    void setUrl(URI url) {
        this.url = url;
    }

    /** Issues a fresh sync token and builds the signed callback; null when no callback URL is set. */
    Prepared prepare(String openKfid) {
        if (url == null) {
            return null;
        }
        return prepare(openKfid, CallbackXml.kfEventXml(state.corp.corpId(), state.now().getEpochSecond(),
                state.issueSyncToken(), openKfid));
    }

    /** The kf_account_auth_change WeCom sends when an account is granted to the app or taken from it. */
    Prepared prepareAuthChange(String openKfid, boolean granted) {
        if (url == null) {
            return null;
        }
        List<String> account = List.of(openKfid);
        return prepare(openKfid, CallbackXml.authChangeXml(state.corp.corpId(), state.now().getEpochSecond(),
                granted ? account : List.of(), granted ? List.of() : account));
    }

    private Prepared prepare(String openKfid, String xml) {
        URI target = url;
        if (target == null) {
            return null;
        }
        SimulatedCorp corp = state.corp;
        long now = state.now().getEpochSecond();
        String encrypted = encrypt(xml);
        String nonce = CorpState.randomDigits(10);
        String timestamp = Long.toString(now);
        String query = "msg_signature=" + encode(crypto().signature(timestamp, nonce, encrypted))
                + "&timestamp=" + encode(timestamp) + "&nonce=" + encode(nonce);
        return new Prepared(withQuery(target, query), openKfid, CallbackXml.envelopeXml(corp.corpId(), "", encrypted),
                repeat);
    }

    void deliver(Prepared callback) {
        if (callback == null || state.callbacksLost) {
            return;
        }
        for (int i = 0; i < callback.times(); i++) {
            HttpRequest request = HttpRequest.newBuilder(callback.target())
                    .timeout(TIMEOUT)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(callback.body(), StandardCharsets.UTF_8))
                    .build();
            record(callback, send(request));
        }
    }

    /** WeCom's URL check: true when the answer is HTTP 200 and exactly the plaintext of echostr. */
    boolean verifyUrl() {
        URI target = url;
        if (target == null) {
            return false;
        }
        String plaintext = CorpState.randomDigits(19);
        String echostr = encrypt(plaintext);
        String timestamp = Long.toString(state.now().getEpochSecond());
        String nonce = CorpState.randomDigits(10);
        String query = "msg_signature=" + encode(crypto().signature(timestamp, nonce, echostr))
                + "&timestamp=" + timestamp + "&nonce=" + nonce + "&echostr=" + encode(echostr);
        HttpRequest request = HttpRequest.newBuilder(withQuery(target, query)).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 && plaintext.equals(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<CallbackResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    private Object send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void record(Prepared callback, Object outcome) {
        URI withoutQuery = URI.create(callback.target().toString().split("\\?")[0]);
        CallbackResult result = outcome instanceof Integer status
                ? new CallbackResult(state.now(), withoutQuery, callback.openKfid(), status, null)
                : new CallbackResult(state.now(), withoutQuery, callback.openKfid(), -1, (String) outcome);
        synchronized (results) {
            results.add(result);
        }
    }

    /**
     * Signs with another Token, or encrypts with another EncodingAESKey, when the corp is set to model a callback
     * setting the product does not share.
     */
    private CallbackCrypto crypto() {
        SimulatedCorp corp = state.corp;
        String token = state.callbackTokenMismatch ? corp.callbackToken() + "Mismatch" : corp.callbackToken();
        String aesKey = state.callbackAesKeyMismatch ? otherKey(corp.callbackAesKey()) : corp.callbackAesKey();
        try {
            return new CallbackCrypto(token, aesKey, corp.corpId());
        } catch (CallbackCryptoException e) {
            throw new IllegalStateException("the simulated corp's EncodingAESKey is invalid", e);
        }
    }

    /** Another valid 43-character key: the same one with its characters rotated by one. */
    private static String otherKey(String key) {
        return key.substring(1) + key.charAt(0);
    }

    private String encrypt(String message) {
        try {
            return crypto().encrypt(message);
        } catch (CallbackCryptoException e) {
            throw new IllegalStateException("encrypting a callback failed", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static URI withQuery(URI url, String query) {
        String base = url.toString();
        return URI.create(base + (url.getRawQuery() == null ? "?" : "&") + query);
    }
}
