package com.kfgateway.conversation.control.state;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;

/**
 * Changes a conversation's service state and writes the history row with its source, in the caller's transaction,
 * or in its own one for changes learned outside the ingest (service_state/get, trans, console).
 */
@ApplicationScoped
public class StateLog {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    /** Inside the caller's transaction. {@code confirmed}: WeCom said so (not our inference). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Conversation conversation, ServiceState to, String servicer, Source source, String note,
            Instant at, boolean confirmed) {
        ServiceState from = conversation.getServiceState();
        if (confirmed) {
            conversation.stateConfirmed(at);
        }
        if (from == to && Objects.equals(servicer, conversation.getServicerUserid()) && source != Source.TRANS
                && source != Source.CONSOLE) {
            return;
        }
        conversation.changeState(to, servicer, at);
        em.persist(new ServiceStateChange(conversation.getId(), from, to, servicer, source, note, at));
    }

    /** After a WeCom call: in a transaction of its own, or in a commit group's ({@code GroupCommit}). */
    @Transactional(Transactional.TxType.REQUIRED)
    public Conversation moveNow(long conversationId, ServiceState to, String servicer, Source source, String note) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        move(conversation, to, servicer, source, note, Instant.now(), true);
        return conversation;
    }
}
