package com.kfgateway.bench;

import com.kfgateway.it.TestGateway;
import com.kfgateway.wecom.control.CallbackCrypto;
import com.kfgateway.wecom.control.CallbackCryptoException;
import com.kfgateway.wecom.control.CallbackXml;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Valid kf_msg_or_event callbacks for the IT corp, as WeCom signs them: the body is encrypted once per sync token,
 * and each request gets the current timestamp, a fresh nonce and its own signature, so the product's replay guard
 * accepts every one. Cheap per request (one SHA-1), since the benchmarks share the 2 cores with the server.
 */
final class SignedCallbacks {

    /** One callback: the path with its signed query, and the envelope body. */
    record Signed(String pathAndQuery, byte[] body) {
    }

    private final CallbackCrypto crypto;
    private final String path;
    private final Supplier<String> syncTokens;
    private volatile String body;
    private volatile long bodyMadeAt;

    /** @param syncTokens a valid sync token (the simulator's), asked for again every minute */
    SignedCallbacks(String path, Supplier<String> syncTokens) throws CallbackCryptoException {
        this.crypto = new CallbackCrypto(TestGateway.CALLBACK_TOKEN, TestGateway.AES_KEY, TestGateway.CORP_ID);
        this.path = path;
        this.syncTokens = syncTokens;
    }

    Signed next() throws CallbackCryptoException {
        long now = System.currentTimeMillis();
        String encrypted = encrypted(now);
        String timestamp = Long.toString(now / 1000);
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String query = "?msg_signature=" + crypto.signature(timestamp, nonce, encrypted) + "&timestamp=" + timestamp
                + "&nonce=" + nonce;
        return new Signed(path + query, CallbackXml.envelopeXml(TestGateway.CORP_ID, "", encrypted)
                .getBytes(StandardCharsets.UTF_8));
    }

    private String encrypted(long now) throws CallbackCryptoException {
        String current = body;
        if (current == null || now - bodyMadeAt > 60_000) {
            synchronized (this) {
                if (body == null || now - bodyMadeAt > 60_000) {
                    body = crypto.encrypt(CallbackXml.kfEventXml(TestGateway.CORP_ID, now / 1000, syncTokens.get(),
                            TestGateway.ACCOUNT));
                    bodyMadeAt = now;
                }
                current = body;
            }
        }
        return current;
    }
}
