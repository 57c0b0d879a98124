package com.kfgateway.delivery.control;

import com.kfgateway.delivery.entity.PartPlanned;
import com.kfgateway.delivery.entity.PartStatusChanged;
import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendRequest;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.metrics.boundary.OperatorMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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
 * one FAILED entry says why and WeCom is not called. Each planned part is announced with {@link PartPlanned}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SendPlanner {

    static final List<SendStatus> USING_QUOTA = List.of(SendStatus.PENDING, SendStatus.SENDING,
            SendStatus.RETRY_WAIT, SendStatus.SENT);

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    Event<PartPlanned> planned;

    @Inject
    Event<PartStatusChanged> changed;

    @Inject
    OperatorMetrics metrics;

    private final AnswerCondenser condenser = new AnswerCondenser();

    /**
     * kf/send_msg parts for {@code text}; empty for a blank text. {@code lastCustomerMessageAt} is when the customer
     * last wrote: WeCom's quota counts from there.
     */
    public List<SendLogEntry> planText(SendRequest request, String text, Instant lastCustomerMessageAt, Instant now) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        SendQuota quota = quota(request.recipient().conversationId(), lastCustomerMessageAt, now);
        String refusal = quota.refusal();
        if (refusal != null) {
            return List.of(refused(request, text, refusal, now));
        }
        List<String> parts = condenser.parts(text, quota.remaining());
        List<SendLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            entries.add(persist(new SendLogEntry(msgid(request, i + 1, now), request, SendChannel.SEND_MSG, i + 1,
                    parts.size(), parts.get(i), now), now));
        }
        return entries;
    }

    /** One kf/send_msg_on_event part with a single-use code (welcome, queue notice) valid until {@code expiresAt}. */
    public SendLogEntry planOnEvent(SendRequest request, String code, Instant expiresAt, String text, Instant now) {
        SendLogEntry entry = new SendLogEntry(msgid(request, 1, now), request, SendChannel.SEND_MSG_ON_EVENT, 1, 1,
                new TextSplitter().first(text), now);
        entry.useEventCode(code, expiresAt);
        return persist(entry, now);
    }

    public SendQuota quota(long conversationId, Instant lastCustomerMessageAt, Instant now) {
        long used = lastCustomerMessageAt == null ? 0 : em.createNamedQuery(SendLogEntry.COUNT_SINCE, Long.class)
                .setParameter("conversationId", conversationId).setParameter("channel", SendChannel.SEND_MSG)
                .setParameter("statuses", USING_QUOTA).setParameter("since", lastCustomerMessageAt).getSingleResult();
        return new SendQuota((int) used, lastCustomerMessageAt, now);
    }

    private SendLogEntry persist(SendLogEntry entry, Instant now) {
        em.persist(entry);
        planned.fire(new PartPlanned(entry.getRecipient(), entry.getMsgid(), entry.getAnswersMessageId(),
                entry.getText(), entry.getRequestedBy(), now));
        return entry;
    }

    /** Derived from the answered message when there is one (see {@link MsgIds#derived}), else random. */
    private static String msgid(SendRequest request, int partNo, Instant now) {
        return request.answersMsgid() == null ? MsgIds.next(now)
                : MsgIds.derived(request.answersMsgid(), request.kind().name(), partNo);
    }

    private SendLogEntry refused(SendRequest request, String text, String refusal, Instant now) {
        String kept = text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
        SendLogEntry entry = new SendLogEntry(MsgIds.next(now), request, SendChannel.SEND_MSG, 1, 1, kept, now);
        entry.failed(null, null, "not sent / 未发送: " + refusal, now);
        em.persist(entry);
        em.flush();
        em.persist(new SendAttempt(entry.getId(), 0, now, SendAttempt.Outcome.REFUSED, null, null, 0, null,
                request.requestedBy()));
        metrics.send(null, false);
        changed.fire(new PartStatusChanged(entry.getConversationId(), entry.getMsgid(), null, SendStatus.FAILED,
                entry.getError().getExplanation()));
        return entry;
    }
}
