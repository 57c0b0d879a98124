package com.kfgateway.conversation.control.sync;

import com.kfgateway.wecom.entity.CallbackEvent;
import com.kfgateway.wecom.entity.CallbackLogEntry;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The callback log: each accepted callback, and what the pull it triggered did. Written in batches (a burst of
 * callbacks is one insert transaction and one update per pull, not one of each per callback), short transactions
 * only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class CallbackJournal {

    /** Bounds the id list of one update statement. */
    static final int IDS_PER_UPDATE = 500;

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    /** A callback as it is logged; {@code outcome} RECEIVED until its pull finishes, else final at once. */
    public record Entry(CallbackEvent event, Instant receivedAt, Outcome outcome, String detail) {
    }

    /** Logs every entry in one transaction; their ids, in the same order. */
    public List<Long> received(List<Entry> entries) {
        List<CallbackLogEntry> rows = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            CallbackEvent event = entry.event();
            CallbackLogEntry row = new CallbackLogEntry(entry.receivedAt(),
                    event.event() == null ? String.valueOf(event.msgType()) : event.event(), event.openKfId());
            if (entry.outcome() != Outcome.RECEIVED) {
                row.finish(entry.outcome(), entry.detail());
            }
            em.persist(row);
            rows.add(row);
        }
        em.flush();
        return rows.stream().map(CallbackLogEntry::id).toList();
    }

    public void finish(Collection<Long> ids, Outcome outcome, String detail) {
        List<Long> all = List.copyOf(ids);
        String kept = CallbackLogEntry.detailOf(detail);
        for (int from = 0; from < all.size(); from += IDS_PER_UPDATE) {
            em.createNamedQuery(CallbackLogEntry.FINISH).setParameter("outcome", outcome.name())
                    .setParameter("detail", kept)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + IDS_PER_UPDATE)))
                    .executeUpdate();
        }
    }
}
