package com.kfgateway.admin.control;

import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendLogEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the send log and its attempts. */
@Stateless
public class SendLogSearch {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    public Page<SendLogEntry> page(SendLogFilter filter) {
        JpqlQuery query = SendLogQuery.of(filter);
        TypedQuery<SendLogEntry> typed = em.createQuery(query.jpql(), SendLogEntry.class);
        query.parameters().forEach(typed::setParameter);
        List<SendLogEntry> rows = new ArrayList<>(typed.setMaxResults(filter.pageSize() + 1).getResultList());
        boolean more = rows.size() > filter.pageSize();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        String next = more ? String.valueOf(rows.get(rows.size() - 1).getId()) : null;
        return new Page<>(rows, filter.beforeId() == null ? null : "", next);
    }

    /** The errcodes that occur in the log, for the filter links; answered from the (last_errcode, id) index. */
    public List<Integer> errcodes() {
        return em.createQuery("select distinct s.error.errcode from SendLogEntry s where s.error.errcode is not null "
                + "and s.error.errcode <> 0 order by s.error.errcode", Integer.class).setMaxResults(40).getResultList();
    }

    public SendLogEntry find(long id) {
        return em.find(SendLogEntry.class, id);
    }

    public List<SendLogEntry> ofConversation(long conversationId) {
        return em.createNamedQuery(SendLogEntry.OF_CONVERSATION, SendLogEntry.class)
                .setParameter("conversationId", conversationId).getResultList();
    }

    /** The attempts of several records at once, grouped by record id in attempt order. */
    public Map<Long, List<SendAttempt>> attemptsOf(Collection<Long> sendLogIds) {
        Map<Long, List<SendAttempt>> byRecord = new LinkedHashMap<>();
        if (sendLogIds.isEmpty()) {
            return byRecord;
        }
        em.createQuery("select a from SendAttempt a where a.sendLogId in :ids order by a.sendLogId, a.attemptNo",
                SendAttempt.class).setParameter("ids", sendLogIds).getResultList()
                .forEach(a -> byRecord.computeIfAbsent(a.getSendLogId(), k -> new ArrayList<>()).add(a));
        return byRecord;
    }
}
