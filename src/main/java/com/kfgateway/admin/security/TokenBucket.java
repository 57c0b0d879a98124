package com.kfgateway.admin.security;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: up to {@code capacity} attempts at once, refilled continuously at one per {@code perToken}.
 * Not thread-safe; {@link LoginThrottle} guards it.
 */
final class TokenBucket {

    private final int capacity;
    private final long nanosPerToken;
    private double tokens;
    private Instant updated;
    /** Set by the first refusal after the bucket ran dry, so an episode is reported once, not per request. */
    private boolean refusalReported;

    TokenBucket(int capacity, Duration perToken, Instant now) {
        this.capacity = capacity;
        this.nanosPerToken = Math.max(1, perToken.toNanos());
        this.tokens = capacity;
        this.updated = now;
    }

    boolean tryTake(Instant now) {
        refill(now);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        refusalReported = false;
        return true;
    }

    /** Returns a token taken for an attempt that did not happen or did not fail. */
    void giveBack(Instant now) {
        refill(now);
        tokens = Math.min(capacity, tokens + 1);
    }

    void fill() {
        tokens = capacity;
    }

    /** How long until the next attempt is allowed; zero when one is allowed now. */
    Duration untilNext(Instant now) {
        refill(now);
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) * nanosPerToken));
    }

    /** A full bucket says nothing a fresh one would not: it can be forgotten. */
    boolean idle(Instant now) {
        refill(now);
        return tokens >= capacity;
    }

    /** True for the first refusal of an episode. */
    boolean firstRefusal() {
        boolean first = !refusalReported;
        refusalReported = true;
        return first;
    }

    private void refill(Instant now) {
        long elapsed = Duration.between(updated, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + (double) elapsed / nanosPerToken);
            updated = now;
        }
    }
}
