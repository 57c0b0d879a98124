package com.kfgateway.wecom.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Access tokens per (corp id, secret), cached in memory and, sealed, in the database so a restart reuses a valid
 * token. Concurrent callers needing a fetch wait for one gettoken (per-key lock, checked again once held). After
 * WeCom refuses the secret or corp id, gettoken is paused (see {@link CredentialBlock}) and callers get a
 * {@link TokenUnavailableException} without WeCom being asked.
 *
 * <p>Database access goes through {@link TokenStore}, one short transaction each, never around gettoken.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    @Inject
    WeComConfig config;

    @Inject
    WeComHttp http;

    @Inject
    TokenStore store;

    /** Tells the refresh timer about tokens fetched on demand, which may be due sooner than its next run. */
    @Inject
    Event<TokenFetched> fetchedEvents;

    Clock clock = Clock.systemUTC();

    private final Map<String, TokenState> states = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public AccessTokens() {
    }

    AccessTokens(WeComConfig config, WeComHttp http, TokenStore store, Clock clock) {
        this.config = config;
        this.http = http;
        this.store = store;
        this.clock = clock;
    }

    /** A token usable now, fetched only when none is cached or the cached one is about to expire. */
    public String token(Credential credential) {
        Key key = keyOf(credential);
        TokenState known = states.get(key.value);
        if (known != null && known.usableAt(clock.instant())) {
            return known.token();
        }
        return locked(key, () -> {
            TokenState state = current(key);
            Instant now = clock.instant();
            if (state.usableAt(now)) {
                return state.token();
            }
            if (state.blockedAt(now)) {
                throw blocked(credential, state);
            }
            return fetch(credential, key, state).token();
        });
    }

    /** WeCom rejected {@code badToken}; forget it unless another caller has already replaced it. */
    public void invalidate(Credential credential, String badToken) {
        Key key = keyOf(credential);
        locked(key, () -> {
            TokenState state = current(key);
            if (badToken != null && badToken.equals(state.token())) {
                remember(key, state.withoutToken());
            }
            return null;
        });
    }

    /**
     * For the refresh timer: fetches a new token when the cached one is due (or missing) and says when this
     * credential next needs attention; {@code null} when it is not configured.
     */
    public Instant refreshIfDue(Credential credential) {
        if (!credential.configured(config)) {
            return null;
        }
        Key key = keyOf(credential);
        return locked(key, () -> {
            TokenState state = current(key);
            Instant now = clock.instant();
            if (state.blockedAt(now)) {
                return state.blockedUntil();
            }
            if (!state.refreshDueAt(now)) {
                return state.lifetime().refreshDue();
            }
            try {
                return fetch(credential, key, state).lifetime().refreshDue();
            } catch (TokenUnavailableException e) {
                TokenState failed = current(key);
                return failed.blockedAt(now) ? failed.blockedUntil()
                        : now.plus(CredentialBlock.retryAfter(failed.failureCount()));
            }
        });
    }

    /** Lets gettoken be tried again at once ("run checks now"); the failure count keeps growing the next block. */
    public void resetBlock(Credential credential) {
        Key key = keyOf(credential);
        locked(key, () -> {
            TokenState state = current(key);
            if (state.blockedUntil() != null) {
                remember(key, state.unblocked());
                LOG.info(() -> credential + " credential unblocked by request: gettoken will be tried again");
            }
            return null;
        });
    }

    public boolean configured(Credential credential) {
        return credential.configured(config);
    }

    public TokenStatus status(Credential credential) {
        if (!credential.configured(config)) {
            return TokenStatus.notConfigured(credential);
        }
        Key key = keyOf(credential);
        TokenState state = states.get(key.value);
        if (state == null) {
            state = load(key);
        }
        return TokenStatus.of(credential, state, clock.instant());
    }

    private TokenState fetch(Credential credential, Key key, TokenState before) {
        Instant started = clock.instant();
        WeComResponse answer;
        try {
            answer = http.gettoken(config.corpId(), key.secret);
        } catch (WeComException e) {
            TokenState failed = before.failed(null, "gettoken " + e.kind() + ": " + e.getMessage(), null);
            remember(key, failed);
            logFailure(credential, failed, e.getMessage());
            throw new TokenUnavailableException(credential, null, null, credential + " access token unavailable: "
                    + e.getMessage(), e);
        }
        String token = answer.string("access_token");
        if (answer.ok() && token != null && !token.isBlank()) {
            TokenLifetime lifetime = TokenLifetime.of(started, expiresIn(answer));
            TokenState fresh = TokenState.fetched(token, lifetime);
            remember(key, fresh);
            if (fetchedEvents != null) {
                fetchedEvents.fire(new TokenFetched(credential, lifetime.refreshDue()));
            }
            if (before.failureCount() > 0) {
                LOG.info(() -> credential + " access token fetched again after " + before.failureCount()
                        + " failure(s)");
            }
            return fresh;
        }
        int errcode = answer.ok() ? -1 : answer.errcode();
        String error = "gettoken errcode " + answer.errcode()
                + (answer.errmsg() == null ? "" : ": " + WeComHttp.redact(answer.errmsg()))
                + (answer.ok() ? " (no access_token in the answer)" : "");
        Instant blockedUntil = CredentialBlock.blocks(errcode)
                ? clock.instant().plus(CredentialBlock.after(before.failureCount() + 1)) : null;
        TokenState failed = before.failed(errcode, error, blockedUntil);
        remember(key, failed);
        if (blockedUntil != null) {
            LOG.severe(() -> "WeCom refused the " + credential + " credential (" + error + "). gettoken is paused until "
                    + blockedUntil + " because repeated bad-secret calls get this server's IP banned for an hour. "
                    + "Check WECOM_CORP_ID and " + credential.secretVariable() + ", then run the checks again.");
        } else {
            logFailure(credential, failed, error);
        }
        throw blockedUntil != null ? blocked(credential, failed)
                : new TokenUnavailableException(credential, errcode, null, credential + " access token unavailable: "
                        + error, null);
    }

    private static long expiresIn(WeComResponse answer) {
        return answer.body().get("expires_in") instanceof JsonNumber seconds ? seconds.longValue() : 0;
    }

    private static void logFailure(Credential credential, TokenState failed, String error) {
        // The first failure of a run is news; the rest of an outage is noise.
        Level level = failed.failureCount() == 1 ? Level.WARNING : Level.FINE;
        LOG.log(level, () -> credential + " access token could not be fetched (failure " + failed.failureCount()
                + "): " + error);
    }

    private static TokenUnavailableException blocked(Credential credential, TokenState state) {
        return new TokenUnavailableException(credential, state.lastErrcode(), state.blockedUntil(), credential
                + " access token unavailable: WeCom refused the credential (errcode " + state.lastErrcode()
                + "); gettoken is paused until " + state.blockedUntil(), null);
    }

    /** Memory first; the database once per key (a restart keeps a valid token). Called with the key's lock held. */
    private TokenState current(Key key) {
        TokenState state = states.get(key.value);
        if (state == null) {
            state = load(key);
            states.put(key.value, state);
        }
        return state;
    }

    private TokenState load(Key key) {
        try {
            return store.find(key.value).map(stored -> TokenState.fromStored(stored, key.seal()))
                    .orElse(TokenState.NONE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stored access token could not be read; continuing without it", e);
            return TokenState.NONE;
        }
    }

    private void remember(Key key, TokenState state) {
        states.put(key.value, state);
        try {
            store.save(state.toStored(key.value, key.seal()));
        } catch (RuntimeException e) {
            // The token still works from memory; only a restart would have to fetch again.
            LOG.log(Level.WARNING, "Access token state could not be stored", e);
        }
    }

    private <T> T locked(Key key, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(key.value, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private Key keyOf(Credential credential) {
        String corpId = config.corpId();
        if (corpId == null) {
            throw new CredentialNotConfiguredException(credential, "WECOM_CORP_ID");
        }
        String secret = credential.secret(config);
        if (secret == null) {
            throw new CredentialNotConfiguredException(credential, credential.secretVariable());
        }
        return new Key(credentialKey(corpId, secret), secret);
    }

    /** Hex SHA-256 of corp id and secret: apps sharing a secret share one token, a new secret is a new key. */
    static String credentialKey(String corpId, String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((corpId + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private record Key(String value, String secret) {

        TokenSeal seal() {
            return new TokenSeal(secret);
        }

        @Override
        public String toString() {
            return "Key[" + value + "]";
        }
    }
}
