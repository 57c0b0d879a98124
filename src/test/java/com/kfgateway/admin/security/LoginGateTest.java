package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoginGateTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final List<String> journal = new ArrayList<>();
    private final LoginGate gate = new LoginGate();

    LoginGateTest() {
        gate.throttle = new LoginThrottle(Clock.systemUTC(), 3, 30);
        gate.stores = credential -> {
            checks.incrementAndGet();
            var login = (UsernamePasswordCredential) credential;
            return login.compareTo("admin", "right") ? new CredentialValidationResult("admin", Set.of("admin"))
                    : CredentialValidationResult.INVALID_RESULT;
        };
        gate.journal = new LoginJournal() {
            @Override
            public synchronized void succeeded(LoginGate.Channel channel, String address, String username) {
                journal.add("ok " + username);
            }

            @Override
            public synchronized void failed(LoginGate.Channel channel, String address, String username) {
                journal.add("failed " + username);
            }

            @Override
            public synchronized void throttled(LoginGate.Channel channel, String address, String username,
                    LoginThrottle.Refusal refusal) {
                journal.add("throttled " + username + " per " + refusal.limit());
            }
        };
    }

    @Test
    void neverChecksAPasswordOnceTheUserIsThrottled() {
        for (int i = 0; i < 3; i++) {
            assertFalse(attempt("admin", "guess").throttled());
        }
        for (int i = 0; i < 5; i++) {
            var refused = attempt("admin", "right");
            assertTrue(refused.throttled(), "even the right password waits: checking it would be the oracle");
            assertTrue(refused.retryAfterSeconds() >= 1);
        }
        assertEquals(3, checks.get(), "only the three allowed attempts were hashed");
        assertEquals(List.of("failed admin", "failed admin", "failed admin", "throttled admin per user"), journal,
                "every check is on record, the throttling once");
    }

    @Test
    void recordsASuccessAndForgivesEarlierMistakes() {
        attempt("admin", "typo");
        attempt("admin", "typo");
        assertTrue(attempt("admin", "right").valid());
        assertEquals(List.of("failed admin", "failed admin", "ok admin"), journal);
        for (int i = 0; i < 3; i++) {
            assertFalse(attempt("admin", "typo").throttled(), "a fresh start after signing in");
        }
    }

    @Test
    void whenEveryCheckerIsBusyTheNextLoginIsToldToRetryWithoutBeingCharged() throws Exception {
        CountDownLatch inside = new CountDownLatch(LoginGate.CONCURRENT_CHECKS);
        CountDownLatch release = new CountDownLatch(1);
        IdentityStoreHandler slow = credential -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CredentialValidationResult.INVALID_RESULT;
        };
        gate.stores = slow;
        gate.throttle = new LoginThrottle(Clock.systemUTC(), 100, 100);
        ExecutorService pool = Executors.newFixedThreadPool(LoginGate.CONCURRENT_CHECKS);
        try {
            for (int i = 0; i < LoginGate.CONCURRENT_CHECKS; i++) {
                int n = i;
                pool.submit(() -> attempt("user" + n, "x"));
            }
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            var busy = attempt("someone", "x");
            assertTrue(busy.throttled());
            assertEquals(1, busy.retryAfterSeconds());
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    private LoginGate.Outcome attempt(String user, String password) {
        return gate.attempt(LoginGate.Channel.BASIC, "192.0.2.1", user, password.toCharArray());
    }
}
