package com.kfgateway.conversation.control.handover;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.HandoverRequest;
import com.kfgateway.conversation.entity.ServiceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The handover's short transactions: read what is open, record each step once it is done. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class HandoverStore {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    /** Open handovers of the conversation, oldest first, detached (steps are recorded by id). */
    public List<HandoverRequest> open(long conversationId) {
        List<HandoverRequest> open = em.createNamedQuery(HandoverRequest.OPEN_OF_CONVERSATION, HandoverRequest.class)
                .setParameter("conversationId", conversationId).getResultList();
        open.forEach(em::detach);
        return open;
    }

    /** The conversation as it is now, detached: the handover's WeCom calls happen outside any transaction. */
    public Conversation conversation(long conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        em.detach(conversation);
        return conversation;
    }

    /** Conversations with a handover to carry on now. */
    public List<Long> conversationsDue(Instant now) {
        return em.createNamedQuery(HandoverRequest.CONVERSATIONS_DUE, Long.class).setParameter("now", now)
                .getResultList();
    }

    public void moving(long id) {
        em.find(HandoverRequest.class, id).moving();
    }

    public void moved(long id, ServiceState to, String servicer, String code, String refusal) {
        em.find(HandoverRequest.class, id).moved(to, servicer, code, refusal, Instant.now());
    }

    public void staffNotified(long id) {
        em.find(HandoverRequest.class, id).staffNotified(Instant.now());
    }

    public void done(long id) {
        em.find(HandoverRequest.class, id).done(Instant.now());
    }

    public void retryLater(long id, String error) {
        em.find(HandoverRequest.class, id).retryLater(error, Instant.now());
    }
}
