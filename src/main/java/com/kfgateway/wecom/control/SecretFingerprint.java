package com.kfgateway.wecom.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The only form in which a secret may be shown: {@code sha256:} and the first 8 hex digits of its SHA-256. Two
 * fingerprints can be compared by eye; neither reveals a single character of the secret (unlike a masked prefix).
 */
public final class SecretFingerprint {

    public static final String NOT_SET = "(not set)";

    private SecretFingerprint() {
    }

    public static String of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return NOT_SET;
        }
        return "sha256:" + HexFormat.of().formatHex(sha256(secret)).substring(0, 8);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
