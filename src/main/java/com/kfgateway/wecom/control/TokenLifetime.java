package com.kfgateway.wecom.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a fetched access token should be refreshed and until when it may still be used.
 *
 * <p>Refresh is due {@code min(200 s, lifetime / 4)} before expiry: early enough that the timer replaces a normal
 * 7200 s token with minutes to spare, proportional for the short lifetimes tests use. Use stops a few seconds before
 * expiry so a request in flight does not arrive with a token that just expired.
 */
public record TokenLifetime(Instant fetchedAt, Instant expiresAt) {

    /** What WeCom documents ("正常情况下为7200秒"), used when expires_in is missing or nonsense. */
    static final long DEFAULT_EXPIRES_IN_SECONDS = 7200;
    private static final Duration MAX_REFRESH_MARGIN = Duration.ofSeconds(200);
    private static final Duration MAX_USE_MARGIN = Duration.ofSeconds(5);

    public static TokenLifetime of(Instant fetchedAt, long expiresInSeconds) {
        long seconds = expiresInSeconds > 0 ? expiresInSeconds : DEFAULT_EXPIRES_IN_SECONDS;
        return new TokenLifetime(fetchedAt, fetchedAt.plusSeconds(seconds));
    }

    public Duration lifetime() {
        Duration lifetime = Duration.between(fetchedAt, expiresAt);
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }

    public Instant refreshDue() {
        Duration margin = min(MAX_REFRESH_MARGIN, lifetime().dividedBy(4));
        return expiresAt.minus(margin);
    }

    public Instant usableUntil() {
        Duration margin = min(MAX_USE_MARGIN, lifetime().dividedBy(10));
        return expiresAt.minus(margin);
    }

    public boolean usableAt(Instant now) {
        return now.isBefore(usableUntil());
    }

    public boolean refreshDueAt(Instant now) {
        return !now.isBefore(refreshDue());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
