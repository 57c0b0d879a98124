package com.kfgateway.conversation.control.handover;

import com.kfgateway.conversation.control.outbox.Outbox;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.delivery.entity.SendKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/** Plans the handover notice in the send log: on the trans msg_code when there is one, else as a plain send. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class HandoverNotices {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    Outbox outbox;

    public void plan(long conversationId, Message answered, String text, String code, Duration codeLifetime) {
        if (text == null || text.isBlank()) {
            return;
        }
        Conversation conversation = em.find(Conversation.class, conversationId);
        Instant now = Instant.now();
        if (code != null && !code.isBlank()) {
            outbox.onEvent(conversation, answered, SendKind.QUEUE_NOTICE, code, now.plus(codeLifetime), text, now);
        } else {
            outbox.text(conversation, answered, SendKind.QUEUE_NOTICE, text, now);
        }
    }
}
