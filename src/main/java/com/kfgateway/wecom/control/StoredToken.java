package com.kfgateway.wecom.control;

import java.time.Instant;

/**
 * One credential's row as {@link TokenStore} reads and writes it; the token is only ever in sealed form here.
 * {@code lastError} never contains a secret or token.
 */
public record StoredToken(String credentialKey, String tokenSealed, Instant expiresAt, Instant refreshedAt,
        int failureCount, Integer lastErrcode, String lastError, Instant blockedUntil) {

    static StoredToken empty(String credentialKey) {
        return new StoredToken(credentialKey, null, null, null, 0, null, null, null);
    }

    @Override
    public String toString() {
        return "StoredToken[" + credentialKey + ", expiresAt=" + expiresAt + ", failures=" + failureCount
                + ", lastErrcode=" + lastErrcode + ", blockedUntil=" + blockedUntil + "]";
    }
}
