package com.kfgateway.delivery.control;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.delivery.entity.SendKind;
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
 * The checks behind the console's send buttons, each in its own short transaction: a send WeCom would refuse
 * (session not 0/1, 48 h passed, quota used, code expired) is refused here with the reason, without calling WeCom.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class StaffDesk {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    SendPlanner planner;

    /** The parts of a staff reply, or the reason none may be sent. */
    public record Plan(List<SendRecord> records, String refusal) {
    }

    public Plan planReply(long conversationId, String text, String staffUser, Instant now) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null) {
            return new Plan(List.of(), "no conversation " + conversationId);
        }
        if (text == null || text.isBlank()) {
            return new Plan(List.of(), "the reply is empty / 回复内容为空");
        }
        String refusal = stateRefusal(conversation);
        if (refusal == null) {
            refusal = planner.quota(conversation, now).refusal();
        }
        if (refusal != null) {
            return new Plan(List.of(), refusal);
        }
        return new Plan(planner.planText(conversation, null, SendKind.STAFF_REPLY, text, staffUser, now), null);
    }

    /** Why the part cannot be resent now, or null when it can. */
    public String resendRefusal(long recordId, Instant now) {
        SendRecord record = em.find(SendRecord.class, recordId);
        if (record == null) {
            return "no send record " + recordId;
        }
        if (record.getStatus() == SendStatus.SENT) {
            return "already sent: WeCom accepted this part; sending it again could reach the customer twice"
                    + " / 已发送成功，再次发送可能重复";
        }
        if (record.getChannel() == Channel.SEND_MSG_ON_EVENT) {
            return record.getExpiresAt() != null && now.isAfter(record.getExpiresAt())
                    ? "the single-use event code expired at " + record.getExpiresAt() + " / 事件 code 已过期" : null;
        }
        Conversation conversation = em.find(Conversation.class, record.getConversationId());
        String refusal = stateRefusal(conversation);
        if (refusal != null || record.getStatus().open()) {
            return refusal;
        }
        return planner.quota(conversation, now).refusal();
    }

    private static String stateRefusal(Conversation conversation) {
        return conversation.getServiceState().botMaySend() ? null
                : "WeCom allows API sends only in session state 0 or 1; this session is in state "
                        + conversation.getServiceState().code() + " (" + conversation.getServiceState() + ", servicer "
                        + conversation.getServicerUserid() + "): reply from the WeCom client, or return the session"
                        + " to the bot first / 当前会话状态不允许通过 API 发送";
    }
}
