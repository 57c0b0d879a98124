package com.kfgateway.wecom.control;

import com.kfgateway.cluster.control.Leases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Access tokens per (corp id, secret), cached in memory and, sealed, in the database so a restart reuses a valid
 * token. Concurrent callers needing a fetch wait for one gettoken (per-key lock, checked again once held); across the
 * nodes of a cluster, the stored row is read again first (another node may have fetched, or been refused) and the
 * fetch runs under the key's lease, so one node asks WeCom for all. After WeCom refuses the secret or corp id,
 * gettoken is paused (see {@link CredentialBlock}), for every node, and callers get a
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

    @Inject
    Leases leases;

    /** Tells the refresh timer about tokens fetched on demand, which may be due sooner than its next run. */
    @Inject
    Event<TokenFetched> fetchedEvents;

    Clock clock = Clock.systemUTC();

    private final Map<String, TokenState> states = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public AccessTokens() {
    }

    AccessTokens(WeComConfig config, WeComHttp http, TokenStore store, Leases leases, Clock clock) {
        this.config = config;
        this.http = http;
        this.store = store;
        this.leases = leases;
        this.clock = clock;
    }

    /** A token usable now, fetched only when none is cached or the cached one is about to expire. */
    public String token(Credential credential) {
        TokenKey key = keyOf(credential);
        TokenState known = states.get(key.value());
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
                throw GetToken.blocked(credential, state);
            }
            return fetchOnce(credential, key, latest -> latest.usableAt(clock.instant())).token();
        });
    }

    /**
     * For a staff member's "Run checks now": asks WeCom again although a token is cached, because WeCom may no longer
     * accept it (a corp id or a secret changed on its side) while the cache still calls it valid.
     */
    public String fetchAnew(Credential credential) {
        TokenKey key = keyOf(credential);
        locked(key, () -> {
            TokenState state = current(key);
            if (state.token() != null) {
                remember(key, state.withoutToken());
            }
            return null;
        });
        return token(credential);
    }

    /** WeCom rejected {@code badToken}; forget it unless another caller has already replaced it. */
    public void invalidate(Credential credential, String badToken) {
        TokenKey key = keyOf(credential);
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
        TokenKey key = keyOf(credential);
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
                return fetchOnce(credential, key, latest -> !latest.refreshDueAt(clock.instant())).lifetime()
                        .refreshDue();
            } catch (TokenUnavailableException e) {
                TokenState failed = current(key);
                return failed.blockedAt(now) ? failed.blockedUntil()
                        : now.plus(CredentialBlock.retryAfter(failed.failureCount()));
            }
        });
    }

    /** Lets gettoken be tried again at once ("run checks now"); the failure count keeps growing the next block. */
    public void resetBlock(Credential credential) {
        TokenKey key = keyOf(credential);
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
        TokenKey key = keyOf(credential);
        TokenState state = states.get(key.value());
        if (state == null) {
            state = load(key);
        }
        return TokenStatus.of(credential, state, clock.instant());
    }

    private TokenState fetchOnce(Credential credential, TokenKey key, Predicate<TokenState> goodEnough) {
        return new OneGettoken(leases, clock).fetch(credential, key, () -> reload(key), goodEnough,
                latest -> fetch(credential, key, latest));
    }

    /** The stored row, which another node may have changed since this one cached it. */
    private TokenState reload(TokenKey key) {
        TokenState stored = load(key);
        TokenState cached = states.get(key.value());
        if (cached != null && stored == TokenState.NONE) {
            return cached;
        }
        states.put(key.value(), stored);
        return stored;
    }

    private TokenState fetch(Credential credential, TokenKey key, TokenState before) {
        GetToken.Outcome outcome = GetToken.ask(http, config.corpId(), credential, key, before, clock);
        remember(key, outcome.state());
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        if (fetchedEvents != null) {
            fetchedEvents.fire(new TokenFetched(credential, outcome.state().lifetime().refreshDue()));
        }
        return outcome.state();
    }

    /** Memory first; the database once per key (a restart keeps a valid token). Called with the key's lock held. */
    private TokenState current(TokenKey key) {
        TokenState state = states.get(key.value());
        if (state == null) {
            state = load(key);
            states.put(key.value(), state);
        }
        return state;
    }

    private TokenState load(TokenKey key) {
        try {
            return store.find(key.value()).map(stored -> TokenState.fromStored(stored, key.seal()))
                    .orElse(TokenState.NONE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stored access token could not be read; continuing without it", e);
            return TokenState.NONE;
        }
    }

    private void remember(TokenKey key, TokenState state) {
        states.put(key.value(), state);
        try {
            store.save(state.toStored(key.value(), key.seal()));
        } catch (RuntimeException e) {
            // The token still works from memory; only a restart would have to fetch again.
            LOG.log(Level.WARNING, "Access token state could not be stored", e);
        }
    }

    private <T> T locked(TokenKey key, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(key.value(), k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private TokenKey keyOf(Credential credential) {
        String corpId = config.corpId();
        if (corpId == null) {
            throw new CredentialNotConfiguredException(credential, "WECOM_CORP_ID");
        }
        String secret = credential.secret(config);
        if (secret == null) {
            throw new CredentialNotConfiguredException(credential, credential.secretVariable());
        }
        return TokenKey.of(corpId, secret);
    }
}
