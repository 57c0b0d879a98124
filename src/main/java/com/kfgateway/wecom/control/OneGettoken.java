package com.kfgateway.wecom.control;

import com.kfgateway.cluster.control.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The one gettoken of a cluster for a token key. The stored row is read again first: another node may have fetched
 * a token meanwhile (then it is used), or been refused (then this node is paused as well, without asking WeCom).
 * Otherwise the fetch runs under the key's lease; a node that finds the lease held waits for the holder's result,
 * at most until the holder's gettoken would have timed out twice, and then asks WeCom itself.
 */
final class OneGettoken {

    /** Longer than a gettoken can take (two HTTP timeouts): how long the others wait for the node fetching. */
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration WAIT_STEP = Duration.ofMillis(100);
    private static final Logger LOG = Logger.getLogger(OneGettoken.class.getName());

    private final Leases leases;
    private final Clock clock;

    OneGettoken(Leases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    /** Called with the key's in-JVM lock held, so one thread per node gets here at a time. */
    TokenState fetch(Credential credential, TokenKey key, Supplier<TokenState> stored,
            Predicate<TokenState> goodEnough, UnaryOperator<TokenState> gettoken) {
        String lease = "token:" + key.value();
        Instant giveUp = clock.instant().plus(LEASE);
        for (boolean first = true;; first = false) {
            TokenState latest = stored.get();
            if (goodEnough.test(latest)) {
                return latest;
            }
            if (latest.blockedAt(clock.instant())) {
                throw GetToken.blocked(credential, latest);
            }
            if (leases.take(lease, LEASE) || clock.instant().isAfter(giveUp)) {
                try {
                    // The holder may have stored its token and let go between the read above and the take.
                    TokenState now = stored.get();
                    return goodEnough.test(now) ? now : gettoken.apply(now);
                } finally {
                    leases.release(lease);
                }
            }
            if (first) {
                LOG.fine(() -> "another node is fetching the " + credential + " token; waiting for it");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_STEP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another node fetched a token", e);
        }
    }
}
