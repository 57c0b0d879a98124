package com.kfgateway.wecom.control;

import com.kfgateway.wecom.control.CallbackStats.Rejection;
import com.kfgateway.wecom.entity.CallbackCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the callback endpoint has seen, for the doctor: the stored counts of every node and every run. This node's
 * own counts are stored every few seconds by a timer and before each reading (the doctor runs off the request path,
 * so no request writes). When the database is away, this node's counts since start alone.
 */
@ApplicationScoped
public class CallbackTally {

    private static final Logger LOG = Logger.getLogger(CallbackTally.class.getName());

    @Inject
    CallbackStats stats;

    @Inject
    CallbackCounters counters;

    /** The counts as of now, this node's stored first. */
    public Counts now() {
        store();
        Map<String, CallbackCount> counts = new HashMap<>();
        try {
            counts.putAll(counters.totals());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the stored callback counts could not be read; this node's alone", e);
            return new Counts(sinceStart());
        }
        stats.pending().forEach(count -> counts.merge(count.kind(), count, CallbackCount::plus));
        return new Counts(counts);
    }

    /** Adds what this node counted since it last did to the stored counts; kept for the next try if that fails. */
    public synchronized void store() {
        List<CallbackCount> pending = stats.pending();
        if (pending.isEmpty()) {
            return;
        }
        try {
            counters.add(pending);
            stats.stored(pending);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "callback counts not stored now; they are kept for the next try", e);
        }
    }

    private Map<String, CallbackCount> sinceStart() {
        Map<String, CallbackCount> counts = new HashMap<>();
        counts.put(CallbackCount.VERIFIED_GET, new CallbackCount(CallbackCount.VERIFIED_GET, 0,
                stats.lastVerifiedGet()));
        counts.put(CallbackCount.VALID_POST, new CallbackCount(CallbackCount.VALID_POST, stats.validPosts(),
                stats.lastValidPost()));
        counts.put(CallbackCount.UNANNOUNCED_MESSAGES, new CallbackCount(CallbackCount.UNANNOUNCED_MESSAGES, 0,
                stats.lastUnannouncedMessage()));
        for (Rejection reason : Rejection.values()) {
            counts.put(reason.name(), new CallbackCount(reason.name(), stats.rejections(reason),
                    stats.lastRejected(Set.of(reason))));
        }
        return counts;
    }

    /** Counts by kind, with the sums and latest times the doctor asks for. */
    public record Counts(Map<String, CallbackCount> byKind) {

        public long count(Set<Rejection> reasons) {
            return reasons.stream().mapToLong(reason -> total(reason.name())).sum();
        }

        public Instant last(Set<Rejection> reasons) {
            Instant last = null;
            for (Rejection reason : reasons) {
                Instant at = lastAt(reason.name());
                if (at != null && (last == null || at.isAfter(last))) {
                    last = at;
                }
            }
            return last;
        }

        public long rejections() {
            return count(Set.of(Rejection.values()));
        }

        public Instant lastVerifiedGet() {
            return lastAt(CallbackCount.VERIFIED_GET);
        }

        public Instant lastValidPost() {
            return lastAt(CallbackCount.VALID_POST);
        }

        /** When a customer's message that no callback announced was last stored, by any node. */
        public Instant lastUnannouncedMessage() {
            return lastAt(CallbackCount.UNANNOUNCED_MESSAGES);
        }

        private long total(String kind) {
            CallbackCount count = byKind.get(kind);
            return count == null ? 0 : count.total();
        }

        private Instant lastAt(String kind) {
            CallbackCount count = byKind.get(kind);
            return count == null ? null : count.lastAt();
        }
    }
}
