package com.kfgateway.wecom.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which token a credential uses: the hex SHA-256 of corp id and secret, so apps sharing a secret share one token and
 * a new secret is a new key. Carries the secret for gettoken and for sealing the stored token; {@code toString}
 * shows only the hash.
 */
record TokenKey(String value, String secret) {

    static TokenKey of(String corpId, String secret) {
        return new TokenKey(hash(corpId, secret), secret);
    }

    static String hash(String corpId, String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((corpId + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    TokenSeal seal() {
        return new TokenSeal(secret);
    }

    @Override
    public String toString() {
        return "TokenKey[" + value + "]";
    }
}
