package com.kfgateway.conversation.control.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What storing one page left to do once its transaction committed. Filled inside the transaction. */
public final class Ingested {

    final Set<Long> toAnswer = new LinkedHashSet<>();
    final List<Long> eventSends = new ArrayList<>();
    final List<Long> images = new ArrayList<>();
    final Set<Long> nicknames = new LinkedHashSet<>();
    int stored;
    int duplicates;
    int quarantined;
    int fromCustomers;

    /** Adds what storing one more item left to do (the item-by-item fallback). */
    void absorb(Ingested other) {
        toAnswer.addAll(other.toAnswer);
        eventSends.addAll(other.eventSends);
        images.addAll(other.images);
        nicknames.addAll(other.nicknames);
        stored += other.stored;
        duplicates += other.duplicates;
        quarantined += other.quarantined;
        fromCustomers += other.fromCustomers;
    }

    public Set<Long> toAnswer() {
        return toAnswer;
    }

    /** Send-log ids of welcome parts: sent at once after the commit, never behind a model call. */
    public List<Long> eventSends() {
        return eventSends;
    }

    public List<Long> images() {
        return images;
    }

    public Set<Long> nicknames() {
        return nicknames;
    }

    public int stored() {
        return stored;
    }

    public int duplicates() {
        return duplicates;
    }

    /** New messages written by customers (not events, not staff). */
    public int fromCustomers() {
        return fromCustomers;
    }

    /** Items set aside because they could not be stored (see QuarantinedItem). */
    public int quarantined() {
        return quarantined;
    }
}
