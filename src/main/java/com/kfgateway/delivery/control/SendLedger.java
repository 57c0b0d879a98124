package com.kfgateway.delivery.control;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendRecord;
import com.kfgateway.delivery.entity.SendRecord.Channel;
import com.kfgateway.delivery.entity.SendStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The send log's short transactions around each WeCom call: claim a part (SENDING, attempts + 1) before the call,
 * record the attempt and its outcome after it. No transaction is open while WeCom is asked. Optimistic locking on
 * the record means two dispatchers (timer, console, another node) never both claim the same attempt.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SendLedger {

    static final List<SendStatus> OPEN = List.of(SendStatus.PENDING, SendStatus.SENDING, SendStatus.RETRY_WAIT);

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    DeliveryConfig config;

    /** What a dispatcher needs for one call, read in the claiming transaction. */
    public record Claim(long recordId, String msgid, Channel channel, String eventCode, Instant expiresAt,
            String openKfid, String externalUserid, String text, int attempts) {
    }

    public List<SendRecord> open(long conversationId) {
        return em.createNamedQuery(SendRecord.OPEN_OF_CONVERSATION, SendRecord.class)
                .setParameter("conversationId", conversationId).setParameter("statuses", OPEN).getResultList();
    }

    public SendRecord find(long recordId) {
        return em.find(SendRecord.class, recordId);
    }

    /** Conversations with a part to send now: pending, retry due, or SENDING so long its dispatcher must have died. */
    public List<Long> conversationsDue(Instant now) {
        return em.createNamedQuery(SendRecord.CONVERSATIONS_DUE, Long.class)
                .setParameter("waiting", List.of(SendStatus.PENDING, SendStatus.RETRY_WAIT)).setParameter("now", now)
                .setParameter("sending", SendStatus.SENDING)
                .setParameter("staleBefore", now.minus(config.sendingStaleAfter())).getResultList();
    }

    /** Null when the part is not open any more, not due yet, or being sent by someone else right now. */
    public Claim claim(long recordId, String credentialFingerprint, Instant now) {
        SendRecord record = em.find(SendRecord.class, recordId);
        if (record == null || !due(record, now)) {
            return null;
        }
        Conversation conversation = em.find(Conversation.class, record.getConversationId());
        record.claim(credentialFingerprint, now);
        em.flush();
        return new Claim(recordId, record.getMsgid(), record.getChannel(), record.getEventCode(),
                record.getExpiresAt(), conversation.getOpenKfid(), conversation.getExternalUserid(), record.getText(),
                record.getAttempts());
    }

    boolean due(SendRecord record, Instant now) {
        return switch (record.getStatus()) {
            case PENDING -> true;
            case RETRY_WAIT -> record.getNextAttemptAt() == null || !record.getNextAttemptAt().isAfter(now);
            case SENDING -> record.getUpdatedAt().isBefore(now.minus(config.sendingStaleAfter()));
            default -> false;
        };
    }

    /** Stores the attempt and moves the part to SENT, RETRY_WAIT or FAILED; a failed part takes its later parts. */
    public SendRecord record(long recordId, SendAttempt attempt, RetryPolicy.Verdict verdict, Integer errcode,
            String errmsg, Instant now) {
        em.persist(attempt);
        SendRecord record = em.find(SendRecord.class, recordId);
        Conversation conversation = em.find(Conversation.class, record.getConversationId());
        switch (verdict.kind()) {
            case SENT -> record.sent(now);
            case RETRY -> record.retryAt(now.plus(verdict.delay()), errcode, errmsg, verdict.explanation(), now);
            case FAIL -> {
                record.failed(errcode, errmsg, verdict.explanation(), now);
                conversation.sendFailed();
                failLaterParts(record, now);
            }
        }
        note(record.getMsgid(), statusNote(record));
        return record;
    }

    /** msg_send_fail: WeCom accepted the part, then could not deliver it. Runs in the caller's (ingest) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliveryFailed(String msgid, int failType, String explanation, Instant now) {
        List<SendRecord> found = em.createNamedQuery(SendRecord.BY_MSGID, SendRecord.class)
                .setParameter("msgid", msgid).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        SendRecord record = found.get(0);
        record.deliveryFailed(failType, explanation, now);
        em.find(Conversation.class, record.getConversationId()).sendFailed();
        note(msgid, statusNote(record));
        return true;
    }

    /** A staff resend: back to PENDING (same msgid). Null when it is already sent or unknown. */
    public SendRecord requeue(long recordId, String staffUser, Instant now) {
        SendRecord record = em.find(SendRecord.class, recordId);
        if (record == null || record.getStatus() == SendStatus.SENT) {
            return record;
        }
        if (record.getStatus() == SendStatus.FAILED) {
            em.find(Conversation.class, record.getConversationId()).failedSendRecovered();
        }
        record.requeue(staffUser, now);
        return record;
    }

    private void failLaterParts(SendRecord failed, Instant now) {
        if (failed.getPartNo() >= failed.getPartCount()) {
            return;
        }
        em.createNamedQuery(SendRecord.LATER_PARTS, SendRecord.class)
                .setParameter("conversationId", failed.getConversationId()).setParameter("kind", failed.getKind())
                .setParameter("createdAt", failed.getCreatedAt()).setParameter("partNo", failed.getPartNo())
                .setParameter("statuses", OPEN).getResultList().forEach(later -> {
                    later.failed(null, null, "not sent: part " + failed.getPartNo() + " failed, and a fragment would"
                            + " confuse the customer / 前一部分发送失败，未发送后续部分", now);
                    note(later.getMsgid(), statusNote(later));
                });
    }

    private void note(String msgid, String note) {
        em.createNamedQuery(Message.BY_MSGID, Message.class).setParameter("msgid", msgid).getResultList()
                .forEach(message -> message.handled(Message.Handling.NONE, note));
    }

    private static String statusNote(SendRecord record) {
        return switch (record.getStatus()) {
            case SENT -> "sent / 已发送";
            case FAILED -> "failed / 发送失败: " + record.getExplanation();
            case RETRY_WAIT -> "retrying / 重试中: " + record.getExplanation();
            default -> "queued / 待发送";
        };
    }
}
