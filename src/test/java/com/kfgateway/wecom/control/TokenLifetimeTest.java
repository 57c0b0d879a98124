package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {

    private static final Instant FETCHED = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void normalTokenIsRefreshed200SecondsBeforeExpiry() {
        TokenLifetime lifetime = TokenLifetime.of(FETCHED, 7200);
        assertEquals(FETCHED.plusSeconds(7200), lifetime.expiresAt());
        assertEquals(FETCHED.plusSeconds(7000), lifetime.refreshDue());
    }

    @Test
    void shortLifetimeIsRefreshedAQuarterBeforeExpiry() {
        TokenLifetime lifetime = TokenLifetime.of(FETCHED, 40);
        assertEquals(FETCHED.plusSeconds(30), lifetime.refreshDue());
    }

    @Test
    void marginIsTheSmallerOf200SecondsAndAQuarter() {
        assertEquals(FETCHED.plusSeconds(600), TokenLifetime.of(FETCHED, 800).refreshDue());
        assertEquals(FETCHED.plusSeconds(800), TokenLifetime.of(FETCHED, 1000).refreshDue());
    }

    @Test
    void tokenIsUsableUntilAFewSecondsBeforeExpiry() {
        TokenLifetime lifetime = TokenLifetime.of(FETCHED, 7200);
        assertEquals(FETCHED.plusSeconds(7195), lifetime.usableUntil());
        assertTrue(lifetime.usableAt(FETCHED.plusSeconds(7194)));
        assertFalse(lifetime.usableAt(FETCHED.plusSeconds(7195)));
    }

    @Test
    void shortLifetimeStaysUsableForMostOfIt() {
        TokenLifetime lifetime = TokenLifetime.of(FETCHED, 10);
        assertEquals(FETCHED.plusSeconds(9), lifetime.usableUntil());
        assertTrue(lifetime.usableAt(FETCHED.plusSeconds(8)));
    }

    @Test
    void refreshIsDueFromTheDueInstantOn() {
        TokenLifetime lifetime = TokenLifetime.of(FETCHED, 7200);
        assertFalse(lifetime.refreshDueAt(FETCHED.plusSeconds(6999)));
        assertTrue(lifetime.refreshDueAt(FETCHED.plusSeconds(7000)));
    }

    @Test
    void missingOrNonsenseExpiresInMeansTheDocumented7200Seconds() {
        assertEquals(FETCHED.plusSeconds(7200), TokenLifetime.of(FETCHED, 0).expiresAt());
        assertEquals(FETCHED.plusSeconds(7200), TokenLifetime.of(FETCHED, -5).expiresAt());
    }
}
