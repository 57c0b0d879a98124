package com.kfgateway.delivery.control;

import com.kfgateway.delivery.entity.PartStatusChanged;
import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The send log's short transactions around each WeCom call: claim a part (SENDING, attempts + 1) before the call,
 * record the attempt and its outcome after it. No transaction is open while WeCom is asked. Optimistic locking on
 * the entry means two dispatchers (timer, console, another node) never both claim the same attempt. Every status a
 * part settles in is announced with {@link PartStatusChanged} inside the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SendLogStore {

    static final List<SendStatus> OPEN = List.of(SendStatus.PENDING, SendStatus.SENDING, SendStatus.RETRY_WAIT);

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    DeliveryConfig config;

    @Inject
    Event<PartStatusChanged> changed;

    /**
     * What a dispatcher needs for one call, read in the claiming transaction. {@code mayHaveArrived}: an earlier
     * attempt's outcome is unknown (no answer, a node that died mid-call, or -1, which WeCom may answer for a send it
     * carried out), so WeCom may hold the msgid already.
     */
    public record Claim(long entryId, String msgid, SendChannel channel, String eventCode, Instant expiresAt,
            String openKfid, String externalUserid, String text, int attempts, boolean mayHaveArrived) {
    }

    public List<SendLogEntry> open(long conversationId) {
        return em.createNamedQuery(SendLogEntry.OPEN_OF_CONVERSATION, SendLogEntry.class)
                .setParameter("conversationId", conversationId).setParameter("statuses", OPEN).getResultList();
    }

    /**
     * Whether a kf/send_msg part of the same conversation planned before {@code part} is still open (it goes first);
     * in the caller's transaction, which may have just planned {@code part}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean openAhead(SendLogEntry part) {
        // Parts ahead were planned by earlier transactions: no flush of this one's rows is needed to see them, and
        // none is wanted (a group commit's rows go to the database in one JDBC batch).
        return em.createNamedQuery(SendLogEntry.OPEN_OF_CONVERSATION, SendLogEntry.class)
                .setParameter("conversationId", part.getRecipient().conversationId()).setParameter("statuses", OPEN)
                .setFlushMode(FlushModeType.COMMIT).getResultList().stream()
                .anyMatch(other -> other.getChannel() == SendChannel.SEND_MSG
                        && other.getId() < part.getId());
    }

    public SendLogEntry find(long entryId) {
        return em.find(SendLogEntry.class, entryId);
    }

    /** Conversations with a part to send now: pending, retry due, or SENDING so long its dispatcher must have died. */
    public List<Long> conversationsDue(Instant now) {
        return em.createNamedQuery(SendLogEntry.CONVERSATIONS_DUE, Long.class)
                .setParameter("waiting", List.of(SendStatus.PENDING, SendStatus.RETRY_WAIT)).setParameter("now", now)
                .setParameter("sending", SendStatus.SENDING)
                .setParameter("staleBefore", now.minus(config.sendingStaleAfter())).getResultList();
    }

    /**
     * Claims a part planned in this very transaction: nobody else has seen it, so there is nothing to race and no
     * earlier attempt whose outcome could be unknown.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim claimPlanned(SendLogEntry entry, String credentialFingerprint, Instant now) {
        entry.claim(credentialFingerprint, now);
        return claimOf(entry, false);
    }

    private static Claim claimOf(SendLogEntry entry, boolean mayHaveArrived) {
        return new Claim(entry.getId(), entry.getMsgid(), entry.getChannel(), entry.getEventCode(),
                entry.getExpiresAt(), entry.getRecipient().openKfid(), entry.getRecipient().externalUserid(),
                entry.getText(), entry.getAttempts(), mayHaveArrived);
    }

    /** Null when the part is not open any more, not due yet, or being sent by someone else right now. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Claim claim(long entryId, String credentialFingerprint, Instant now) {
        SendLogEntry entry = em.find(SendLogEntry.class, entryId);
        if (entry == null || !due(entry, now)) {
            return null;
        }
        if (entry.getStatus() == SendStatus.SENDING && entry.getAttempts() >= config.maxAttempts()) {
            // Its dispatcher died mid-call as often as a part may be tried: give up instead of trying forever.
            SendStatus before = entry.getStatus();
            entry.failed(null, null, "gave up after " + entry.getAttempts() + " attempts whose outcome never came"
                    + " back (the sending node stopped mid-call) / 已尝试 " + entry.getAttempts() + " 次，均无结果", now);
            announce(entry, before);
            failLaterParts(entry, now);
            return null;
        }
        // Attempts are counted when claimed: a part never claimed has no attempt whose outcome could be unknown.
        boolean mayHaveArrived = entry.getStatus() == SendStatus.SENDING || entry.getAttempts() > 0 && em
                .createNamedQuery(
                        SendAttempt.UNANSWERED_OF_RECORD, Long.class)
                .setParameter("sendLogId", entryId).getSingleResult() > 0;
        entry.claim(credentialFingerprint, now);
        em.flush();
        return claimOf(entry, mayHaveArrived);
    }

    boolean due(SendLogEntry entry, Instant now) {
        return switch (entry.getStatus()) {
            case PENDING -> true;
            case RETRY_WAIT -> entry.getNextAttemptAt() == null || !entry.getNextAttemptAt().isAfter(now);
            case SENDING -> entry.getUpdatedAt().isBefore(now.minus(config.sendingStaleAfter()));
            default -> false;
        };
    }

    /** Stores the attempt and moves the part to SENT, RETRY_WAIT or FAILED; a failed part takes its later parts. */
    @Transactional(Transactional.TxType.REQUIRED)
    public SendLogEntry record(long entryId, SendAttempt attempt, RetryPolicy.Verdict verdict, Integer errcode,
            String errmsg, Instant now) {
        em.persist(attempt);
        SendLogEntry entry = em.find(SendLogEntry.class, entryId);
        SendStatus before = entry.getStatus();
        switch (verdict.kind()) {
            case SENT -> entry.sent(now);
            case RETRY -> entry.retryAt(now.plus(verdict.delay()), errcode, errmsg, verdict.explanation(), now);
            case FAIL -> entry.failed(errcode, errmsg, verdict.explanation(), now);
        }
        announce(entry, before);
        if (verdict.kind() == RetryPolicy.Kind.FAIL) {
            failLaterParts(entry, now);
        }
        return entry;
    }

    /** msg_send_fail: WeCom accepted the part, then could not deliver it. Runs in the caller's (ingest) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliveryFailed(String msgid, int failType, String explanation, Instant now) {
        List<SendLogEntry> found = em.createNamedQuery(SendLogEntry.BY_MSGID, SendLogEntry.class)
                .setParameter("msgid", msgid).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        SendLogEntry entry = found.get(0);
        SendStatus before = entry.getStatus();
        entry.deliveryFailed(failType, explanation, now);
        announce(entry, before);
        return true;
    }

    /** A staff resend: back to PENDING (same msgid). Unchanged when it is already sent; null when unknown. */
    public SendLogEntry requeue(long entryId, String staffUser, Instant now) {
        SendLogEntry entry = em.find(SendLogEntry.class, entryId);
        if (entry == null || entry.getStatus() == SendStatus.SENT) {
            return entry;
        }
        SendStatus before = entry.getStatus();
        entry.requeue(staffUser, now);
        announce(entry, before);
        return entry;
    }

    private void failLaterParts(SendLogEntry failed, Instant now) {
        if (failed.getPartNo() >= failed.getPartCount()) {
            return;
        }
        em.createNamedQuery(SendLogEntry.LATER_PARTS, SendLogEntry.class)
                .setParameter("conversationId", failed.getConversationId()).setParameter("kind", failed.getKind())
                .setParameter("createdAt", failed.getCreatedAt()).setParameter("partNo", failed.getPartNo())
                .setParameter("statuses", OPEN).getResultList().forEach(later -> {
                    SendStatus before = later.getStatus();
                    later.failed(null, null, "not sent: part " + failed.getPartNo() + " failed, and a fragment would"
                            + " confuse the customer / 前一部分发送失败，未发送后续部分", now);
                    announce(later, before);
                });
    }

    private void announce(SendLogEntry entry, SendStatus before) {
        changed.fire(new PartStatusChanged(entry.getConversationId(), entry.getMsgid(), before, entry.getStatus(),
                entry.getError().getExplanation()));
    }
}
