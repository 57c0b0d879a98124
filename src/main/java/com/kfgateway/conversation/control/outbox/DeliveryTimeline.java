package com.kfgateway.conversation.control.outbox;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.Message.Sender;
import com.kfgateway.delivery.entity.PartPlanned;
import com.kfgateway.delivery.entity.PartStatusChanged;
import com.kfgateway.wecom.control.OutboundJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Keeps the conversation's own record of what we send, in the send log's transaction: sync_msg never returns what
 * we send, so the timeline shows our parts only because a row is stored here when one is planned; its note follows
 * the part's status, and the conversation counts its failed parts for the inbox.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliveryTimeline {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    void planned(@Observes PartPlanned part) {
        Conversation conversation = em.find(Conversation.class, part.recipient().conversationId());
        String raw = OutboundJson.text(part.msgid(), part.text());
        Message message = new Message(part.msgid(), conversation.getId(), conversation.getOpenKfid(),
                Message.Direction.OUT, part.requestedBy() == null ? Sender.BOT : Sender.STAFF_CONSOLE, null, "text",
                raw, part.at(), part.at(), Message.Handling.NONE);
        message.setText(part.text());
        message.setServicerUserid(part.requestedBy());
        message.setAnswersMessageId(part.answersMessageId());
        message.handled(Message.Handling.NONE, "queued / 待发送");
        em.persist(message);
        conversation.messageStored(part.at(), part.text(), false);
    }

    void changed(@Observes PartStatusChanged change) {
        em.createNamedQuery(Message.BY_MSGID, Message.class).setParameter("msgid", change.msgid()).getResultList()
                .forEach(message -> message.handled(Message.Handling.NONE, note(change)));
        if (change.failedNow() || change.recovered()) {
            Conversation conversation = em.find(Conversation.class, change.conversationId());
            if (change.failedNow()) {
                conversation.sendFailed();
            } else {
                conversation.failedSendRecovered();
            }
        }
    }

    static String note(PartStatusChanged change) {
        return switch (change.to()) {
            case SENT -> "sent / 已发送";
            case FAILED -> "failed / 发送失败: " + change.explanation();
            case RETRY_WAIT -> "retrying / 重试中: " + change.explanation();
            default -> "queued / 待发送";
        };
    }
}
