package com.kfgateway.wecom.control;

import java.time.Instant;

/**
 * What {@link AccessTokens} knows about one credential, in memory: the plain token (never shown by
 * {@link #toString()}), its lifetime, and the failure bookkeeping that decides whether gettoken may be called.
 */
record TokenState(String token, TokenLifetime lifetime, int failureCount, Integer lastErrcode, String lastError,
        Instant blockedUntil) {

    static final TokenState NONE = new TokenState(null, null, 0, null, null, null);

    static TokenState fetched(String token, TokenLifetime lifetime) {
        return new TokenState(token, lifetime, 0, null, null, null);
    }

    static TokenState fromStored(StoredToken stored, TokenSeal seal) {
        String token = seal.unseal(stored.tokenSealed(), stored.credentialKey());
        TokenLifetime lifetime = token == null || stored.expiresAt() == null ? null
                : new TokenLifetime(stored.refreshedAt() == null ? stored.expiresAt() : stored.refreshedAt(),
                        stored.expiresAt());
        return new TokenState(lifetime == null ? null : token, lifetime, stored.failureCount(), stored.lastErrcode(),
                stored.lastError(), stored.blockedUntil());
    }

    StoredToken toStored(String credentialKey, TokenSeal seal) {
        return new StoredToken(credentialKey, token == null ? null : seal.seal(token, credentialKey),
                lifetime == null ? null : lifetime.expiresAt(), lifetime == null ? null : lifetime.fetchedAt(),
                failureCount, lastErrcode, lastError, blockedUntil);
    }

    /** A failed fetch keeps a token that is still valid: WeCom accepts it until it expires. */
    TokenState failed(Integer errcode, String error, Instant blockedUntil) {
        return new TokenState(token, lifetime, failureCount + 1, errcode, error, blockedUntil);
    }

    TokenState withoutToken() {
        return new TokenState(null, null, failureCount, lastErrcode, lastError, blockedUntil);
    }

    TokenState unblocked() {
        return new TokenState(token, lifetime, failureCount, lastErrcode, lastError, null);
    }

    boolean usableAt(Instant now) {
        return token != null && lifetime != null && lifetime.usableAt(now);
    }

    boolean refreshDueAt(Instant now) {
        return token == null || lifetime == null || lifetime.refreshDueAt(now);
    }

    boolean blockedAt(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil);
    }

    @Override
    public String toString() {
        return "TokenState[hasToken=" + (token != null) + ", lifetime=" + lifetime + ", failures=" + failureCount
                + ", lastErrcode=" + lastErrcode + ", blockedUntil=" + blockedUntil + "]";
    }
}
