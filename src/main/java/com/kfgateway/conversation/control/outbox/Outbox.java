package com.kfgateway.conversation.control.outbox;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.delivery.boundary.SendLog;
import com.kfgateway.delivery.control.Dispatcher;
import com.kfgateway.delivery.entity.Recipient;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What the conversation side hands to the send log, in its own transaction: the recipient and the answered message
 * as delivery needs them (so the send log never reads our rows), and when the customer last wrote (WeCom's quota
 * counts from there).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    @Inject
    SendLog sendLog;

    public static Recipient recipient(Conversation conversation) {
        return new Recipient(conversation.getId(), conversation.getOpenKfid(), conversation.getExternalUserid());
    }

    /** {@code answered} null for a part that answers no message (a staff reply); {@code staff} null for the bot. */
    public static SendRequest request(Conversation conversation, Message answered, SendKind kind, String staff) {
        return new SendRequest(recipient(conversation), answered == null ? null : answered.getId(),
                answered == null ? null : answered.getMsgid(), kind, staff);
    }

    public List<SendLogEntry> text(Conversation conversation, Message answered, SendKind kind, String text,
            Instant now) {
        return sendLog.planText(request(conversation, answered, kind, null), text,
                conversation.getLastCustomerMessageAt(), now);
    }

    /** Right after {@link #text}, in the same transaction: see {@link SendLog#claimFirst}. */
    public Dispatcher.Started claimFirst(List<SendLogEntry> planned, Instant now) {
        return sendLog.claimFirst(planned, now);
    }

    public SendLogEntry onEvent(Conversation conversation, Message answered, SendKind kind, String code,
            Instant expiresAt, String text, Instant now) {
        return sendLog.planOnEvent(request(conversation, answered, kind, null), code, expiresAt, text, now);
    }
}
