package com.kfgateway.wecom.boundary;

import com.kfgateway.it.TestGateway;
import com.kfgateway.wecom.control.CallbackCrypto;
import com.kfgateway.wecom.control.CallbackCryptoException;
import com.kfgateway.wecom.control.CallbackXml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Callbacks as WeCom signs them for the IT corp, built by the test itself (not by the simulator), so a test can send
 * the very same one twice or sign it with another time.
 */
final class SignedCallbacks {

    /** A signed request: the path with its query, and the POST body (null for the URL check). */
    record Signed(String pathAndQuery, String body) {
    }

    private final CallbackCrypto crypto;

    SignedCallbacks() throws CallbackCryptoException {
        crypto = new CallbackCrypto(TestGateway.CALLBACK_TOKEN, TestGateway.AES_KEY, TestGateway.CORP_ID);
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static String nonce() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /** A kf_msg_or_event POST for {@code openKfid}, signed at {@code timestamp}. */
    Signed event(long timestamp, String nonce, String syncToken, String openKfid) throws CallbackCryptoException {
        String encrypted = crypto.encrypt(CallbackXml.kfEventXml(TestGateway.CORP_ID, timestamp, syncToken, openKfid));
        String query = query(crypto.signature(Long.toString(timestamp), nonce, encrypted), timestamp, nonce);
        return new Signed(query, CallbackXml.envelopeXml(TestGateway.CORP_ID, null, encrypted));
    }

    /** WeCom's GET URL check, signed at {@code timestamp}; the answer must be {@code plaintext}. */
    Signed urlCheck(long timestamp, String nonce, String plaintext) throws CallbackCryptoException {
        String echostr = crypto.encrypt(plaintext);
        return new Signed(query(crypto.signature(Long.toString(timestamp), nonce, echostr), timestamp, nonce)
                + "&echostr=" + encode(echostr), null);
    }

    private static String query(String signature, long timestamp, String nonce) {
        return "/api/wecom/callback?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + encode(nonce);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
