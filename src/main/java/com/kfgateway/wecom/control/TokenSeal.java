package com.kfgateway.wecom.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts an access token for storage with AES-256-GCM under a key derived from the credential's own secret, so the
 * database alone never yields a usable token. The credential key is bound in as associated data: a sealed token
 * copied to another row does not open.
 */
final class TokenSeal {

    private static final String FORMAT = "v1:";
    private static final String KEY_PURPOSE = "kf-gateway/token-seal";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    TokenSeal(String secret) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            key = new SecretKeySpec(hmac.doFinal(KEY_PURPOSE.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    String seal(String token, String credentialKey) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, credentialKey);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, stored, 0, IV_BYTES);
            System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
            return FORMAT + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    /** The token, or {@code null} when the sealed form is damaged or was sealed with another secret or row. */
    String unseal(String sealed, String credentialKey) {
        if (sealed == null || !sealed.startsWith(FORMAT)) {
            return null;
        }
        try {
            byte[] stored = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
            if (stored.length <= IV_BYTES) {
                return null;
            }
            byte[] iv = java.util.Arrays.copyOf(stored, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, credentialKey);
            byte[] token = cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
            return new String(token, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    private Cipher cipher(int mode, byte[] iv, String credentialKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(credentialKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
