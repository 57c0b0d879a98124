package com.kfgateway.conversation.control.sync;

import com.kfgateway.wecom.entity.CallbackEvent;
import com.kfgateway.wecom.entity.CallbackLogEntry;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;

/** The callback log: each accepted callback, and what the pull it triggered did. Short transactions only. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class CallbackJournal {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    public long received(CallbackEvent event, Instant receivedAt, Outcome outcome, String detail) {
        CallbackLogEntry entry = new CallbackLogEntry(receivedAt,
                event.event() == null ? String.valueOf(event.msgType()) : event.event(), event.openKfId());
        if (outcome != Outcome.RECEIVED) {
            entry.finish(outcome, detail);
        }
        em.persist(entry);
        em.flush();
        return entry.id();
    }

    public void finish(Collection<Long> ids, Outcome outcome, String detail) {
        for (Long id : ids) {
            CallbackLogEntry entry = em.find(CallbackLogEntry.class, id);
            if (entry != null) {
                entry.finish(outcome, detail);
            }
        }
    }
}
