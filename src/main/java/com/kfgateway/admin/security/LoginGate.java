package com.kfgateway.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The one way to a password check, for Basic and the login form alike. A check costs about 0.6 s of CPU on purpose
 * (PBKDF2), so before it: the per-address and per-user {@link LoginThrottle}, then a bulkhead of a few concurrent
 * checks. A refused attempt costs microseconds and never hashes; without these, 40 parallel guessers kept every core
 * busy and WeCom's callback (which must be answered within 5 s) waited behind them.
 */
@ApplicationScoped
public class LoginGate {

    /** How the credentials arrived, for the record. */
    public enum Channel {
        BASIC("basic"), FORM("form");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * The store's verdict, or, when the password was not checked at all, when to try again and whether that was the
     * throttle (too many attempts) or the bulkhead (others being checked right now).
     */
    public record Outcome(CredentialValidationResult result, Duration retryAfter, boolean busy) {

        public boolean throttled() {
            return retryAfter != null;
        }

        public boolean valid() {
            return result != null && result.getStatus() == CredentialValidationResult.Status.VALID;
        }

        /** Whole seconds, at least one, as Retry-After wants them. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Half the cores, at least one: however many guessers, hashing never takes more than half the CPU. */
    static final int CONCURRENT_CHECKS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    @Inject
    LoginThrottle throttle;

    @Inject
    IdentityStoreHandler stores;

    @Inject
    LoginJournal journal;

    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS);

    public Outcome attempt(Channel channel, String address, String username, char[] password) {
        var refusal = throttle.acquire(address, username);
        if (refusal.isPresent()) {
            if (refusal.get().firstOfEpisode()) {
                journal.throttled(channel, address, username, refusal.get());
            }
            return new Outcome(null, refusal.get().retryAfter(), false);
        }
        if (!checks.tryAcquire()) {
            // Waiting would hold a request thread that the WeCom callback may need; the client retries instead.
            throttle.release(address, username);
            return new Outcome(null, BUSY_RETRY, true);
        }
        CredentialValidationResult result;
        try {
            result = stores.validate(new UsernamePasswordCredential(username, new Password(password)));
        } finally {
            checks.release();
        }
        Outcome outcome = new Outcome(result, null, false);
        if (outcome.valid()) {
            throttle.succeeded(address, username);
            journal.succeeded(channel, address, result.getCallerPrincipal().getName());
        } else {
            journal.failed(channel, address, username);
        }
        return outcome;
    }
}
