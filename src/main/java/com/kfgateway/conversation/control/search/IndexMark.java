package com.kfgateway.conversation.control.search;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * How far the index has read the message table, by the time a message was stored (then id), and never by id alone:
 * ids come from a sequence in blocks, so a message can commit after one with a higher id, by another transaction or
 * another node. Everything stored at or before {@link #settled()} is in the index; younger messages are read again
 * on every pass for {@link #GRACE} after they were stored, and the ones already indexed are remembered until then,
 * so a message that commits late is still found and none is indexed twice in a run.
 */
final class IndexMark {

    /** Longer than any transaction that stores a message lasts, plus clock skew between nodes. */
    static final Duration GRACE = Duration.ofMinutes(2);

    private Instant settled;
    private long highestId;
    private final Map<Long, Instant> recent = new HashMap<>();

    IndexMark(Instant settled, long highestId) {
        this.settled = settled;
        this.highestId = highestId;
    }

    Instant settled() {
        return settled;
    }

    /** The highest message id indexed so far: messages above it are certainly new. */
    long highestId() {
        return highestId;
    }

    boolean seen(long id) {
        return recent.containsKey(id);
    }

    /** For rows that change (a nickname fetched again): seen only as stored at that very time. */
    boolean seen(long id, Instant storedAt) {
        return storedAt.equals(recent.get(id));
    }

    /** Called for every row read, indexed or not (no text, no conversation): it is done either way. */
    void read(long id, Instant storedAt, Instant horizon) {
        highestId = Math.max(highestId, id);
        if (storedAt.isAfter(horizon)) {
            recent.put(id, storedAt);
        }
    }

    /** The oldest time a pass that starts at {@code now} may still find a message stored but not yet committed. */
    static Instant horizon(Instant now) {
        return now.minus(GRACE);
    }

    /**
     * After a pass read every row up to the one stored at {@code lastRead} (or all of them): messages stored before
     * it and before the horizon can no longer appear.
     */
    void settle(Instant horizon, Instant lastRead) {
        Instant upTo = lastRead == null ? horizon : min(horizon, lastRead.minus(1, ChronoUnit.MICROS));
        if (upTo.isAfter(settled)) {
            settled = upTo;
            recent.values().removeIf(storedAt -> !storedAt.isAfter(settled));
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
