package com.kfgateway.wecom.entity;

import java.time.Instant;

/**
 * How many requests of one kind the callback endpoint has seen, and when last ({@code null}: never): {@code kind} is
 * {@code VERIFIED_GET}, {@code VALID_POST} or why one was turned away.
 */
public record CallbackCount(String kind, long total, Instant lastAt) {

    public static final String VERIFIED_GET = "VERIFIED_GET";
    public static final String VALID_POST = "VALID_POST";
    /** Not a callback: new customer messages that a pull found without a callback asking (the safety pull). */
    public static final String UNANNOUNCED_MESSAGES = "UNANNOUNCED_MESSAGES";

    /** Both together: the totals added, the later time kept. */
    public CallbackCount plus(CallbackCount other) {
        Instant last = lastAt == null ? other.lastAt()
                : other.lastAt() == null || lastAt.isAfter(other.lastAt()) ? lastAt : other.lastAt();
        return new CallbackCount(kind, total + other.total(), last);
    }
}
