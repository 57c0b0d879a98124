package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedBasicLoginsTest {

    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final VerifiedBasicLogins logins = new VerifiedBasicLogins(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void aVerifiedLoginIsRecognisedWithItsRoles() {
        logins.remember("admin", "right password".toCharArray(), Set.of("admin"));
        var known = logins.lookup("admin", "right password".toCharArray()).orElseThrow();
        assertEquals("admin", known.username());
        assertEquals(Set.of("admin"), known.roles());
    }

    @Test
    void anotherPasswordOrAnotherUserIsNotRecognised() {
        logins.remember("admin", "right password".toCharArray(), Set.of("admin"));
        assertTrue(logins.lookup("admin", "wrong password".toCharArray()).isEmpty());
        assertTrue(logins.lookup("agent", "right password".toCharArray()).isEmpty());
        assertTrue(logins.lookup("admi", "nright password".toCharArray()).isEmpty(),
                "user and password cannot be re-split");
    }

    @Test
    void aLoginIsForgottenAfterFiveMinutes() {
        logins.remember("admin", "pw".toCharArray(), Set.of("admin"));
        now = now.plus(VerifiedBasicLogins.KEEP).minusSeconds(1);
        assertTrue(logins.lookup("admin", "pw".toCharArray()).isPresent());
        now = now.plus(Duration.ofSeconds(1));
        assertTrue(logins.lookup("admin", "pw".toCharArray()).isEmpty(),
                "the password is checked against the store again");
    }
}
