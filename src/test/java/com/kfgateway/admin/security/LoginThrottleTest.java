package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }, 10, 30);

    @Test
    void refusesTheEleventhAttemptOnOneUserNameFromAnyAddress() {
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.acquire("10.0.0." + i, "admin").isEmpty(), "attempt " + (i + 1));
        }
        var refused = throttle.acquire("10.0.0.99", "Admin ");
        assertTrue(refused.isPresent(), "user names are compared without case and surrounding blanks");
        assertEquals("user", refused.get().limit());
    }

    @Test
    void refusesTheThirtyFirstAttemptFromOneAddressWhateverTheUserName() {
        for (int i = 0; i < 30; i++) {
            assertTrue(throttle.acquire("192.0.2.7", "guess" + i).isEmpty());
        }
        var refused = throttle.acquire("192.0.2.7", "another");
        assertEquals("address", refused.orElseThrow().limit());
        assertTrue(throttle.acquire("192.0.2.8", "another").isEmpty(), "another address is not affected");
    }

    @Test
    void refillsOneAttemptPerMinuteForAUserAndSaysWhen() {
        for (int i = 0; i < 10; i++) {
            throttle.acquire("10.0.0.1", "admin");
        }
        assertEquals(Duration.ofMinutes(1), throttle.acquire("10.0.0.1", "admin").orElseThrow().retryAfter());
        now = now.plusSeconds(45);
        assertEquals(Duration.ofSeconds(15), throttle.acquire("10.0.0.1", "admin").orElseThrow().retryAfter());
        now = now.plusSeconds(15);
        assertTrue(throttle.acquire("10.0.0.1", "admin").isEmpty());
        assertTrue(throttle.acquire("10.0.0.1", "admin").isPresent(), "exactly one came back");
    }

    @Test
    void reportsOnlyTheFirstRefusalOfAnEpisode() {
        for (int i = 0; i < 10; i++) {
            throttle.acquire("10.0.0.1", "admin");
        }
        assertTrue(throttle.acquire("10.0.0.1", "admin").orElseThrow().firstOfEpisode());
        assertFalse(throttle.acquire("10.0.0.1", "admin").orElseThrow().firstOfEpisode());
        now = now.plusSeconds(60);
        throttle.acquire("10.0.0.1", "admin");
        assertTrue(throttle.acquire("10.0.0.1", "admin").orElseThrow().firstOfEpisode(), "a new episode");
    }

    @Test
    void aSuccessfulLoginForgivesTheUsersFailuresButNotOtherUsers() {
        for (int i = 0; i < 9; i++) {
            throttle.acquire("10.0.0.1", "admin");
            throttle.acquire("10.0.0.1", "agent");
        }
        throttle.acquire("10.0.0.1", "admin");
        throttle.succeeded("10.0.0.1", "admin");
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.acquire("10.0.0.2", "admin").isEmpty());
        }
        throttle.acquire("10.0.0.2", "agent");
        assertTrue(throttle.acquire("10.0.0.2", "agent").isPresent());
    }

    @Test
    void anAttemptThatNeverReachedThePasswordCheckCostsNothing() {
        for (int i = 0; i < 50; i++) {
            assertTrue(throttle.acquire("10.0.0.1", "admin").isEmpty());
            throttle.release("10.0.0.1", "admin");
        }
    }

    @Test
    void aRefusedUserDoesNotUseUpTheAddress() {
        for (int i = 0; i < 10; i++) {
            throttle.acquire("10.0.0.1", "admin");
        }
        for (int i = 0; i < 100; i++) {
            throttle.acquire("10.0.0.1", "admin");
        }
        for (int i = 0; i < 20; i++) {
            assertTrue(throttle.acquire("10.0.0.1", "user" + i).isEmpty(), "attempt " + i);
        }
    }

    @Test
    void sprayingUserNamesNeitherGrowsTheMapNorEscapesTheLimit() {
        int refused = 0;
        for (int i = 0; i < LoginThrottle.MAX_KEYS * 2; i++) {
            if (throttle.acquire("198.51.100." + (i % 250) + "/" + (i / 250), "name" + i).isPresent()) {
                refused++;
            }
        }
        assertTrue(throttle.size() <= LoginThrottle.MAX_KEYS + 2, "bounded: " + throttle.size());
        assertTrue(refused > LoginThrottle.MAX_KEYS / 2, "keys without room share one bucket: " + refused);
    }

    @Test
    void oneIpv6ClientIsItsWholeSlash64() {
        assertEquals(LoginThrottle.addressKey("2001:db8:1:2::1"), LoginThrottle.addressKey("2001:db8:1:2:ffff::9"));
        assertFalse(LoginThrottle.addressKey("2001:db8:1:2::1").equals(LoginThrottle.addressKey("2001:db8:1:3::1")));
        assertEquals("a:192.0.2.1", LoginThrottle.addressKey("192.0.2.1"));
    }
}
