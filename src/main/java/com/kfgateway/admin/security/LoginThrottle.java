package com.kfgateway.admin.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Limits password checks per client address and per user name, before any hashing: a token bucket per key that
 * holds {@code admin.login-attempts-per-user} (per address: {@code …-per-address}) attempts and refills them over
 * {@link #REFILL_WINDOW}. Every attempt takes a token from both buckets; a successful login gives the address's
 * back and refills the user's. In memory, per node: a restart forgets, which costs an attacker one burst.
 *
 * <p>The map is bounded: at {@link #MAX_KEYS} keys idle buckets are dropped, and keys that still find no room share
 * one overflow bucket per kind, so spraying user names or addresses can neither exhaust memory nor escape the limit.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration REFILL_WINDOW = Duration.ofMinutes(10);
    static final int MAX_KEYS = 10_000;
    static final Duration PURGE_INTERVAL = Duration.ofSeconds(1);

    /** Why an attempt was refused: which limit, and when the next attempt would be allowed. */
    public record Refusal(String limit, Duration retryAfter, boolean firstOfEpisode) {
    }

    @Inject
    AdminConfig config;

    private final Map<String, TokenBucket> buckets = new HashMap<>();
    private Instant lastPurge = Instant.EPOCH;
    private Clock clock = Clock.systemUTC();
    private int perUser;
    private int perAddress;

    public LoginThrottle() {
    }

    LoginThrottle(Clock clock, int perUser, int perAddress) {
        this.clock = clock;
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    @PostConstruct
    void configure() {
        perUser = config.attemptsPerUser();
        perAddress = config.attemptsPerAddress();
    }

    /** Takes one attempt from both buckets, or refuses without taking any. */
    public synchronized Optional<Refusal> acquire(String address, String username) {
        Instant now = clock.instant();
        TokenBucket byAddress = bucket(addressKey(address), perAddress, now);
        if (!byAddress.tryTake(now)) {
            return Optional.of(new Refusal("address", byAddress.untilNext(now), byAddress.firstRefusal()));
        }
        TokenBucket byUser = bucket(userKey(username), perUser, now);
        if (!byUser.tryTake(now)) {
            byAddress.giveBack(now);
            return Optional.of(new Refusal("user", byUser.untilNext(now), byUser.firstRefusal()));
        }
        return Optional.empty();
    }

    /** The attempt never reached the password check: both tokens go back. */
    public synchronized void release(String address, String username) {
        Instant now = clock.instant();
        bucket(addressKey(address), perAddress, now).giveBack(now);
        bucket(userKey(username), perUser, now).giveBack(now);
    }

    /** The right password: its owner starts afresh, and the address is not charged for it. */
    public synchronized void succeeded(String address, String username) {
        Instant now = clock.instant();
        bucket(addressKey(address), perAddress, now).giveBack(now);
        bucket(userKey(username), perUser, now).fill();
    }

    synchronized int size() {
        return buckets.size();
    }

    private TokenBucket bucket(String key, int capacity, Instant now) {
        TokenBucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_KEYS && !now.isBefore(lastPurge.plus(PURGE_INTERVAL))) {
            // At most once a second: a scan per attempt would make a spray of new keys costly in its own right.
            lastPurge = now;
            buckets.values().removeIf(b -> b.idle(now));
        }
        String room = buckets.size() < MAX_KEYS ? key : key.substring(0, 2) + "*";
        return buckets.computeIfAbsent(room, k -> new TokenBucket(capacity, REFILL_WINDOW.dividedBy(capacity), now));
    }

    static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    /** An IPv6 client usually holds a whole /64, so that is what one address means here. */
    static String addressKey(String address) {
        if (address != null && address.indexOf(':') >= 0) {
            try {
                InetAddress parsed = InetAddress.getByName(address);
                byte[] bytes = parsed.getAddress();
                return bytes.length == 16 ? "a:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64"
                        : "a:" + parsed.getHostAddress();
            } catch (UnknownHostException e) {
                // not a literal: fall through and use it as it is
            }
        }
        return "a:" + address;
    }
}
