package com.kfgateway.delivery.control;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.Message.Sender;
import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendRecord;
import com.kfgateway.delivery.entity.SendRecord.Channel;
import com.kfgateway.delivery.entity.SendStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what is about to be sent into the send log, inside the caller's transaction (so "the message is answered"
 * and "these parts will go out" commit together). Every part gets its own msgid now and keeps it for every retry.
 * Text for kf/send_msg is split by bytes and fitted into the customer's remaining quota; when nothing may be sent,
 * one FAILED record says why and WeCom is not called.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SendPlanner {

    static final List<SendStatus> USING_QUOTA = List.of(SendStatus.PENDING, SendStatus.SENDING,
            SendStatus.RETRY_WAIT, SendStatus.SENT);

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    private final AnswerCondenser condenser = new AnswerCondenser();

    /** kf/send_msg parts for {@code text}; empty for a blank text. */
    public List<SendRecord> planText(Conversation conversation, Long answersMessageId, SendKind kind, String text,
            String requestedBy, Instant now) {
        SendQuota quota = quota(conversation, now);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String refusal = quota.refusal();
        if (refusal != null) {
            return List.of(refused(conversation, answersMessageId, kind, text, requestedBy, refusal, now));
        }
        List<String> parts = condenser.parts(text, quota.remaining());
        List<SendRecord> records = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            SendRecord record = new SendRecord(msgid(answersMessageId, kind, i + 1, now), conversation.getId(), answersMessageId, kind,
                    Channel.SEND_MSG, i + 1, parts.size(), parts.get(i), requestedBy, now);
            em.persist(record);
            storeOutbound(conversation, record, requestedBy, now);
            records.add(record);
        }
        return records;
    }

    /** One kf/send_msg_on_event part with a single-use code (welcome, queue notice) valid until {@code expiresAt}. */
    public SendRecord planOnEvent(Conversation conversation, Long answersMessageId, SendKind kind, String code,
            Instant expiresAt, String text, Instant now) {
        SendRecord record = new SendRecord(msgid(answersMessageId, kind, 1, now), conversation.getId(),
                answersMessageId, kind, Channel.SEND_MSG_ON_EVENT, 1, 1, new TextSplitter().first(text), null, now);
        record.setEventCode(code);
        record.setExpiresAt(expiresAt);
        em.persist(record);
        storeOutbound(conversation, record, null, now);
        return record;
    }

    /** Derived from the answered message when there is one (see {@link MsgIds#derived}), else random. */
    private String msgid(Long answersMessageId, SendKind kind, int partNo, Instant now) {
        Message answered = answersMessageId == null ? null : em.find(Message.class, answersMessageId);
        return answered == null ? MsgIds.next(now) : MsgIds.derived(answered.getMsgid(), kind.name(), partNo);
    }

    public SendQuota quota(Conversation conversation, Instant now) {
        Instant since = conversation.getLastCustomerMessageAt();
        long used = since == null ? 0 : em.createNamedQuery(SendRecord.COUNT_SINCE, Long.class)
                .setParameter("conversationId", conversation.getId()).setParameter("channel", Channel.SEND_MSG)
                .setParameter("statuses", USING_QUOTA).setParameter("since", since).getSingleResult();
        return new SendQuota((int) used, since, now);
    }

    private SendRecord refused(Conversation conversation, Long answersMessageId, SendKind kind, String text,
            String requestedBy, String refusal, Instant now) {
        String kept = text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
        SendRecord record = new SendRecord(MsgIds.next(now), conversation.getId(), answersMessageId, kind,
                Channel.SEND_MSG, 1, 1, kept, requestedBy, now);
        record.failed(null, null, "not sent / 未发送: " + refusal, now);
        em.persist(record);
        em.flush();
        em.persist(new SendAttempt(record.getId(), 0, now, SendAttempt.Outcome.REFUSED, null, null, 0, null,
                requestedBy));
        conversation.sendFailed();
        return record;
    }

    /** sync_msg never returns what we send, so the history shows our parts only because we store them here. */
    private void storeOutbound(Conversation conversation, SendRecord record, String requestedBy, Instant now) {
        String raw = Json.createObjectBuilder().add("msgid", record.getMsgid()).add("msgtype", "text")
                .add("text", Json.createObjectBuilder().add("content", record.getText())).build().toString();
        Message message = new Message(record.getMsgid(), conversation.getId(), conversation.getOpenKfid(),
                Message.Direction.OUT, requestedBy == null ? Sender.BOT : Sender.STAFF_CONSOLE, null, "text", raw,
                now, now, Message.Handling.NONE);
        message.setText(record.getText());
        message.setServicerUserid(requestedBy);
        message.handled(Message.Handling.NONE, "queued / 待发送");
        em.persist(message);
        conversation.messageStored(now, record.getText(), false);
    }
}
