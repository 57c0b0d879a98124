package com.kfgateway.wecom.control;

import java.time.Instant;

/**
 * What the doctor shows about one credential's access token: no token, secret or fingerprint, only its state.
 * {@code hasToken} means a token usable now; times are {@code null} when unknown.
 */
public record TokenStatus(Credential credential, boolean configured, boolean hasToken, Instant expiresAt,
        Instant refreshedAt, Instant refreshDue, Integer lastErrcode, String lastError, Instant blockedUntil,
        int failureCount) {

    static TokenStatus notConfigured(Credential credential) {
        return new TokenStatus(credential, false, false, null, null, null, null, null, null, 0);
    }

    static TokenStatus of(Credential credential, TokenState state, Instant now) {
        TokenLifetime lifetime = state.lifetime();
        return new TokenStatus(credential, true, state.usableAt(now), lifetime == null ? null : lifetime.expiresAt(),
                lifetime == null ? null : lifetime.fetchedAt(), lifetime == null ? null : lifetime.refreshDue(),
                state.lastErrcode(), state.lastError(), state.blockedAt(now) ? state.blockedUntil() : null,
                state.failureCount());
    }

    public boolean blocked() {
        return blockedUntil != null;
    }
}
