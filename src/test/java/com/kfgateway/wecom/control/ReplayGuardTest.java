package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private static final long NOW = 1_796_000_000L;
    private static final String SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";

    private final ReplayGuard guard = new ReplayGuard();

    @BeforeEach
    void stopTheClock() {
        at(NOW);
    }

    @Test
    void acceptsTimestampsUpToFiveMinutesOffEitherWay() {
        assertTrue(guard.timely(Long.toString(NOW)));
        assertTrue(guard.timely(Long.toString(NOW - 300)));
        assertTrue(guard.timely(Long.toString(NOW + 300)));
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesOffEitherWay() {
        assertFalse(guard.timely(Long.toString(NOW - 301)), "a recording");
        assertFalse(guard.timely(Long.toString(NOW + 301)), "a callback from the future");
        assertFalse(guard.timely("1"));
    }

    @Test
    void refusesTimestampsThatAreNotPlainSeconds() {
        for (String odd : new String[]{null, "", " " + NOW, "+" + NOW, "-1", NOW + ".5", "1796000000000000",
            "9".repeat(40), "soon"}) {
            assertFalse(guard.timely(odd), String.valueOf(odd));
        }
    }

    @Test
    void acceptsACallbackOnceAndRefusesItsReplay() {
        assertTrue(guard.firstSighting(SIGNATURE, Long.toString(NOW), "1372623149"));
        assertFalse(guard.firstSighting(SIGNATURE, Long.toString(NOW), "1372623149"));
        assertFalse(guard.firstSighting(SIGNATURE.toUpperCase(), Long.toString(NOW), "1372623149"),
                "the signature check ignores case, so must the replay check");
    }

    @Test
    void anotherNonceOrTimestampIsAnotherCallback() {
        assertTrue(guard.firstSighting(SIGNATURE, Long.toString(NOW), "1"));
        assertTrue(guard.firstSighting(SIGNATURE, Long.toString(NOW), "2"));
        assertTrue(guard.firstSighting(SIGNATURE, Long.toString(NOW + 1), "1"));
    }

    @Test
    void forgetsACallbackOnceItsTimestampHasLeftTheWindow() {
        guard.firstSighting(SIGNATURE, Long.toString(NOW), "1");
        at(NOW + 300);
        guard.firstSighting(SIGNATURE, Long.toString(NOW + 300), "2");
        assertEquals(2, guard.size(), "still inside the window: both kept");

        at(NOW + 301);
        guard.firstSighting(SIGNATURE, Long.toString(NOW + 301), "3");

        assertEquals(2, guard.size(), "the first is gone: its timestamp alone now refuses it");
        assertFalse(guard.timely(Long.toString(NOW)));
    }

    @Test
    void keepsAtMostItsCapacityGivingUpTheOldestFirst() {
        for (int i = 0; i <= ReplayGuard.CAPACITY; i++) {
            assertTrue(guard.firstSighting(SIGNATURE, Long.toString(NOW), Integer.toString(i)));
        }
        assertEquals(ReplayGuard.CAPACITY, guard.size());
        assertTrue(guard.firstSighting(SIGNATURE, Long.toString(NOW), "0"), "the oldest gave way");
        assertFalse(guard.firstSighting(SIGNATURE, Long.toString(NOW), Integer.toString(ReplayGuard.CAPACITY)),
                "the newest is still known");
    }

    @Test
    void aForgottenCallbackIsTakenAgain() {
        guard.firstSighting(SIGNATURE, Long.toString(NOW), "1");
        guard.forget(SIGNATURE, Long.toString(NOW), "1");
        assertTrue(guard.firstSighting(SIGNATURE, Long.toString(NOW), "1"), "WeCom's retry after our failure");
    }

    private void at(long epochSecond) {
        guard.clock = Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
