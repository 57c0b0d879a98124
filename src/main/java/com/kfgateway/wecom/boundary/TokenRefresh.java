package com.kfgateway.wecom.boundary;

import com.kfgateway.wecom.control.AccessTokens;
import com.kfgateway.wecom.control.Credential;
import com.kfgateway.wecom.control.TokenFetched;
import com.kfgateway.wecom.control.TokenRenewalFailed;
import com.kfgateway.wecom.control.TokenStatus;
import com.kfgateway.cluster.control.ClusterConfig;
import com.kfgateway.cluster.control.Leases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps configured access tokens fresh so requests rarely wait for gettoken. It only delegates to
 * {@link AccessTokens} and re-arms itself for the soonest refresh due, within 1 s to 10 min (so configuration changes
 * are picked up). Timers are single-action and non-persistent: Payara Micro has no persistent timers.
 *
 * <p>Bean-managed transactions: the timeout calls gettoken, and no transaction may be held across an HTTP call.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class TokenRefresh {

    static final Duration SOONEST = Duration.ofSeconds(1);
    static final Duration LATEST = Duration.ofMinutes(10);
    static final String LEASE_NAME = "timer:token-refresh";
    private static final Logger LOG = Logger.getLogger(TokenRefresh.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AccessTokens tokens;

    @Inject
    Leases leases;

    @Inject
    ClusterConfig cluster;

    @Inject
    Event<TokenRenewalFailed> renewalFailures;

    private final Map<Credential, Instant> failingSince = new ConcurrentHashMap<>();
    private volatile Instant nextRun;
    private volatile Instant lastRun;

    /** Arms for now rather than refreshing here: deployment must not wait for WeCom. */
    @PostConstruct
    void start() {
        arm(Instant.now());
    }

    /**
     * One node of a cluster refreshes for all (the others read the row it stores). The holder runs at least once per
     * cluster lease time (a run with nothing due costs no WeCom call) and so keeps its timer lease, three of those
     * long; the others look as often whether it ran out, and take over then.
     */
    @Timeout
    void refresh(Timer timer) {
        Instant now = Instant.now();
        if (!holdsLease()) {
            arm(now.plus(cluster.workLease()));
            return;
        }
        lastRun = now;
        Instant soonestDue = null;
        try {
            for (Credential credential : Credential.values()) {
                soonestDue = earlier(soonestDue, refreshOne(credential));
            }
        } finally {
            arm(earlier(nextRun(now, soonestDue), now.plus(cluster.workLease())));
        }
    }

    /** A token fetched on demand (after 42001, say) may fall due before the timer's next run: run earlier then. */
    public void onTokenFetched(@Observes TokenFetched fetched) {
        Instant next = nextRun;
        if (next == null || fetched.refreshDue().isBefore(next)) {
            arm(nextRun(Instant.now(), fetched.refreshDue()));
        }
    }

    private boolean holdsLease() {
        try {
            return leases.hold(LEASE_NAME, cluster.workLease().multipliedBy(3));
        } catch (RuntimeException e) {
            // The database is away: tokens are still fetched on demand; try again at the next run.
            LOG.log(Level.FINE, "the token refresh lease could not be read", e);
            return false;
        }
    }

    public Instant nextRun() {
        return nextRun;
    }

    public Instant lastRun() {
        return lastRun;
    }

    private Instant refreshOne(Credential credential) {
        try {
            return tokens.refreshIfDue(credential);
        } catch (RuntimeException e) {
            // AccessTokens has already logged what went wrong with the credential; try again within the bound.
            LOG.log(Level.FINE, e, () -> "Refreshing the " + credential + " token failed");
            return null;
        } finally {
            noticeFailure(credential);
        }
    }

    /** Tells the doctor when a credential starts failing to renew (once, until it renews again). */
    private void noticeFailure(Credential credential) {
        TokenStatus status;
        try {
            status = tokens.status(credential);
        } catch (RuntimeException e) {
            return;
        }
        boolean failing = status.configured() && status.failureCount() > 0;
        if (failing && failingSince.putIfAbsent(credential, Instant.now()) == null) {
            renewalFailures.fireAsync(new TokenRenewalFailed(credential, status.lastErrcode()));
        } else if (!failing) {
            failingSince.remove(credential);
        }
    }

    /** The soonest refresh due, but not sooner than 1 s from now nor later than 10 minutes. */
    static Instant nextRun(Instant now, Instant soonestDue) {
        Instant earliest = now.plus(SOONEST);
        Instant latest = now.plus(LATEST);
        if (soonestDue == null || soonestDue.isAfter(latest)) {
            return latest;
        }
        return soonestDue.isBefore(earliest) ? earliest : soonestDue;
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private synchronized void arm(Instant when) {
        for (Timer pending : timers.getTimers()) {
            try {
                pending.cancel();
            } catch (RuntimeException e) {
                // It fired or was cancelled meanwhile; nothing to cancel.
            }
        }
        long delay = Math.max(0, Duration.between(Instant.now(), when).toMillis());
        timers.createSingleActionTimer(delay, new TimerConfig("access-token-refresh", false));
        nextRun = when;
    }
}
