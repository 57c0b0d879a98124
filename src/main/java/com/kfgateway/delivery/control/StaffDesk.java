package com.kfgateway.delivery.control;

import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The send-log checks behind the console's send buttons, each in its own short transaction: a send WeCom would
 * refuse for delivery's reasons (already sent, code expired, 48 h passed, quota used) is refused here with the
 * reason, without calling WeCom. Whether the session allows the bot to speak is the conversation's to decide first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class StaffDesk {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    SendPlanner planner;

    /** The parts of a staff reply, or the reason none may be sent. */
    public record Plan(List<SendLogEntry> entries, String refusal) {
    }

    public Plan planReply(SendRequest request, String text, Instant lastCustomerMessageAt, Instant now) {
        if (text == null || text.isBlank()) {
            return new Plan(List.of(), "the reply is empty / 回复内容为空");
        }
        String refusal = planner.quota(request.recipient().conversationId(), lastCustomerMessageAt, now).refusal();
        if (refusal != null) {
            return new Plan(List.of(), refusal);
        }
        return new Plan(planner.planText(request, text, lastCustomerMessageAt, now), null);
    }

    /** Why the part cannot be resent now, or null when it can. */
    public String resendRefusal(long entryId, Instant lastCustomerMessageAt, Instant now) {
        SendLogEntry entry = em.find(SendLogEntry.class, entryId);
        if (entry == null) {
            return "no send log entry " + entryId;
        }
        String refusal = refusalOf(entry, now);
        if (refusal != null || entry.getChannel() == SendChannel.SEND_MSG_ON_EVENT || entry.getStatus().open()) {
            return refusal;
        }
        return planner.quota(entry.getConversationId(), lastCustomerMessageAt, now).refusal();
    }

    /**
     * What the part's own state forbids: a part WeCom accepted, a part being sent right now (a second send with the
     * same msgid would race the first), a retry already scheduled, an expired event code.
     */
    static String refusalOf(SendLogEntry entry, Instant now) {
        return switch (entry.getStatus()) {
            case SENT -> "already sent: WeCom accepted this part; sending it again could reach the customer twice"
                    + " / 已发送成功，再次发送可能重复";
            case SENDING -> "being sent right now (attempt " + entry.getAttempts() + "): wait for its outcome"
                    + " / 正在发送，请等待结果";
            case RETRY_WAIT -> entry.getNextAttemptAt() != null && entry.getNextAttemptAt().isAfter(now)
                    ? "a retry is already scheduled for " + entry.getNextAttemptAt() + " / 已安排自动重试" : null;
            default -> entry.getChannel() == SendChannel.SEND_MSG_ON_EVENT && entry.getExpiresAt() != null
                    && now.isAfter(entry.getExpiresAt())
                            ? "the single-use event code expired at " + entry.getExpiresAt() + " / 事件 code 已过期" : null;
        };
    }
}
