package com.kfgateway.conversation.boundary;

import com.kfgateway.conversation.control.outbox.Outbox;
import com.kfgateway.conversation.control.state.SessionStates;
import com.kfgateway.conversation.control.state.SessionTransfer;
import com.kfgateway.conversation.control.state.StateRules;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.conversation.entity.TransferOutcome;
import com.kfgateway.database.ConflictRetry;
import com.kfgateway.delivery.boundary.SendLog;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * What staff may do to a conversation from the console and the admin API: move its session, reply, resend a part,
 * mark it read. Sends are judged by WeCom's current word on the session (re-read first), then by the send log.
 */
@ApplicationScoped
public class Conversations {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    SessionTransfer transfer;

    @Inject
    SessionStates sessions;

    @Inject
    SendLog sendLog;

    @Inject
    Conversations self;

    /**
     * Take over (→3 with a receiving servicer), put in queue (→2), end (→4: the bot answers the customer's next
     * message) via kf/service_state/trans; records a ServiceStateChange with source CONSOLE.
     */
    public TransferOutcome transfer(long conversationId, ServiceState target, String servicerUserid,
            String staffUser) {
        Conversation conversation = self.find(conversationId);
        if (conversation == null) {
            return TransferOutcome.refused(null, "no conversation " + conversationId);
        }
        if (target == ServiceState.HUMAN && (servicerUserid == null || servicerUserid.isBlank())) {
            return TransferOutcome.refused(conversation.getServiceState(),
                    "taking over needs a servicer who is receiving (state 3 requires servicer_userid)");
        }
        return transfer.move(conversation, target, servicerUserid, Source.CONSOLE, "by " + staffUser);
    }

    /** A staff member's reply, sent when WeCom's current state (0/1) and the quota allow it, else refused with why. */
    public SendOutcome reply(long conversationId, String text, String staffUser) {
        Conversation conversation = confirmed(conversationId);
        if (conversation == null) {
            return SendOutcome.refused(null, null, "no conversation " + conversationId);
        }
        String refusal = StateRules.staffSendRefusal(conversation.getServiceState(),
                conversation.getServicerUserid());
        if (refusal != null) {
            return SendOutcome.refused(null, null, refusal);
        }
        return sendLog.staffReply(Outbox.request(conversation, null, SendKind.STAFF_REPLY, staffUser), text,
                conversation.getLastCustomerMessageAt());
    }

    /** A staff resend of one part; an event-code part depends on its code, not on the session state. */
    public SendOutcome resend(long entryId, String staffUser) {
        SendLogEntry entry = sendLog.find(entryId);
        if (entry == null) {
            return SendOutcome.refused(entryId, null, "no send log entry " + entryId);
        }
        Conversation conversation = confirmed(entry.getConversationId());
        if (entry.getChannel() == SendChannel.SEND_MSG) {
            String refusal = StateRules.staffSendRefusal(conversation.getServiceState(),
                    conversation.getServicerUserid());
            if (refusal != null) {
                return SendOutcome.refused(entryId, entry.getStatus(), refusal);
            }
        }
        return sendLog.resend(entryId, staffUser, conversation.getLastCustomerMessageAt());
    }

    /** Staff opened the conversation: nothing in it is unread any more. */
    public void markRead(long conversationId) {
        ConflictRetry.run(() -> self.clearUnread(conversationId));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void clearUnread(long conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation != null && conversation.getUnread() > 0) {
            conversation.markRead();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Conversation find(long conversationId) {
        return em.find(Conversation.class, conversationId);
    }

    /**
     * The conversation after asking WeCom for the session's state, so a staff send is judged by WeCom's current word
     * rather than by what we last heard; the stored state stays when WeCom cannot be asked.
     */
    private Conversation confirmed(long conversationId) {
        Conversation conversation = self.find(conversationId);
        if (conversation == null) {
            return null;
        }
        sessions.read(conversation, "read before a staff send");
        return self.find(conversationId);
    }
}
