package com.kfgateway.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API clients send their password with every request, and PBKDF2 is slow on purpose (≈ 0.6 s here): checking it
 * each time made every admin API call that slow. A user name and password that passed the identity store are
 * remembered for a few minutes, as an HMAC under a key that lives only in this process — never the password itself.
 * Failures are not remembered, so guessing still pays the full PBKDF2 price every time.
 */
@ApplicationScoped
public class VerifiedBasicLogins {

    static final Duration KEEP = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 1_000;

    /** Who the remembered login is and which roles the store gave it. */
    public record Verified(String username, Set<String> roles, Instant until) {
    }

    private final byte[] key = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedBasicLogins() {
        this(Clock.systemUTC());
    }

    VerifiedBasicLogins(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    public Optional<Verified> lookup(String username, char[] password) {
        String id = fingerprint(username, password);
        Verified known = verified.get(id);
        if (known == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(known.until())) {
            verified.remove(id, known);
            return Optional.empty();
        }
        return Optional.of(known);
    }

    public void remember(String username, char[] password, Set<String> roles) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(fingerprint(username, password), new Verified(username, Set.copyOf(roles),
                clock.instant().plus(KEEP)));
    }

    private String fingerprint(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
            mac.update(bytes);
            java.util.Arrays.fill(bytes.array(), (byte) 0);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
