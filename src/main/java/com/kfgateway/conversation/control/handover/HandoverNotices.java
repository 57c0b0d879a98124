package com.kfgateway.conversation.control.handover;

import com.kfgateway.conversation.control.outbox.Outbox;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.HandoverRequest;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.delivery.entity.SendKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Plans the handover notice in the send log, in the same transaction that records it planned (so a crash plans it
 * once): on the trans msg_code when there is one, else as a plain send while the session is still the bot's (a move
 * WeCom refused). A session that moved to the queue or a servicer without a code known to us (a crash lost trans's
 * answer) gets no notice: WeCom refuses plain sends there (95018), and the servicer now speaks for us.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class HandoverNotices {

    /** A queue-notice code works for 48 h while the session stays in the state that produced it. */
    static final Duration NOTICE_CODE_LIFETIME = Duration.ofHours(48);

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    Outbox outbox;

    public void plan(long handoverId) {
        HandoverRequest handover = em.find(HandoverRequest.class, handoverId);
        if (handover.isNoticePlanned()) {
            return;
        }
        handover.noticePlanned(Instant.now());
        String text = handover.getNoticeText();
        if (text == null || text.isBlank()) {
            return;
        }
        Conversation conversation = em.find(Conversation.class, handover.getConversationId());
        Message answered = em.find(Message.class, handover.getMessageId());
        Instant now = Instant.now();
        String code = handover.getMsgCode();
        if ((code == null || code.isBlank()) && handover.getMovedTo() != null
                && !handover.getMovedTo().botMaySend()) {
            handover.noticeSkipped("no notice: the session is in state " + handover.getMovedTo().code()
                    + " and the code"
                    + " trans returned was lost with a crash; WeCom allows no plain send there / 会话已转出且 msg_code"
                    + " 丢失，无法发送提示", now);
            return;
        }
        if (code != null && !code.isBlank()) {
            outbox.onEvent(conversation, answered, SendKind.QUEUE_NOTICE, code, now.plus(NOTICE_CODE_LIFETIME), text,
                    now);
        } else {
            outbox.text(conversation, answered, SendKind.QUEUE_NOTICE, text, now);
        }
    }
}
