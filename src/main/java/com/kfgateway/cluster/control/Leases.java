package com.kfgateway.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Named leases in the shared database: work that must run on one node at a time is done under one. A lease runs
 * out by itself ({@code ttl}), so a node that dies never blocks the others for longer; a holder whose work may take
 * longer renews it. Nodes' clocks must agree to well within the shortest ttl (NTP does).
 * <p>
 * Two uses: {@link #take}/{@link #release} for work that comes and goes (a turn, a pull), where a node that finds
 * the work held leaves a "wanted" note and the holder runs it once more before letting go, so no request is lost
 * between nodes; and {@link #hold} for a timer that one node runs for all, renewed on every tick and never let go
 * until its node stops ticking. When the database is this JVM's alone ({@link Node#alone()}), every call succeeds
 * at once without a statement.
 */
@ApplicationScoped
public class Leases {

    /** A race that a lost primary-key insert or a release in between can cause is settled within a few tries. */
    static final int TRIES = 3;
    private static final Logger LOG = Logger.getLogger(Leases.class.getName());

    @Inject
    LeaseRows rows;

    @Inject
    Node node;

    /**
     * True when this node now holds {@code name}; false when another live node does, which then runs the work once
     * more after its current run (the note stays with the lease).
     */
    public boolean take(String name, Duration ttl) {
        return take(name, ttl, null);
    }

    /** As {@link #take(String, Duration)}; the holder gets {@code note} with the mark (the newest note wins). */
    public boolean take(String name, Duration ttl, String note) {
        if (node.alone()) {
            return true;
        }
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            if (acquire(name, ttl)) {
                return true;
            }
            if (rows.markWanted(name, node.name(), Instant.now(), note)) {
                return false;
            }
            // Neither: the holder let go in between. Take it, then.
        }
        LOG.fine(() -> "the lease " + name + " changed hands " + TRIES + " times in a row; the timer retries");
        return false;
    }

    /** For a timer: true when this node runs it (it held or took the lease); another node's live lease is left be. */
    public boolean hold(String name, Duration ttl) {
        return node.alone() || acquire(name, ttl);
    }

    /** Keeps a lease this node holds; false when it ran out and another node took it (stop the work then). */
    public boolean renew(String name, Duration ttl) {
        return node.alone() || rows.extend(name, node.name(), Instant.now().plus(ttl));
    }

    /** What letting go of a lease found: whether another node wanted the work meanwhile, and its latest note. */
    public record Released(boolean wanted, String note) {
        static final Released UNWANTED = new Released(false, null);
    }

    /** Lets go of {@code name}; when another node wanted the work while this one ran it, take it and run once more. */
    public Released release(String name) {
        if (node.alone()) {
            return Released.UNWANTED;
        }
        try {
            if (rows.deleteUnwanted(name, node.name())) {
                return Released.UNWANTED;
            }
            Released wanted = rows.deleteWanted(name, node.name());
            if (wanted == null) {
                LOG.warning(() -> "The lease " + name + " ran out before its work ended; another node may have run it"
                        + " too (a longer CLUSTER_LEASE_SECONDS would avoid that)");
                return Released.UNWANTED;
            }
            return wanted;
        } catch (RuntimeException e) {
            // It runs out by itself; until then the others wait, which is safe.
            LOG.log(Level.WARNING, "The lease " + name + " could not be let go; it runs out by itself", e);
            return Released.UNWANTED;
        }
    }

    private boolean acquire(String name, Duration ttl) {
        Instant now = Instant.now();
        Instant until = now.plus(ttl);
        try {
            return rows.insertFree(name, node.name(), until) || rows.takeOver(name, node.name(), now, until);
        } catch (RuntimeException e) {
            if (!duplicateKey(e)) {
                throw e;
            }
            // Another node inserted the same name a moment before: it holds the lease.
            LOG.log(Level.FINE, e, () -> "lost the race for " + name);
            return false;
        }
    }

    /** SQLSTATE class 23, integrity constraint violation, somewhere in the cause chain. */
    static boolean duplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

}
