package com.kfgateway.conversation.boundary;

import com.kfgateway.delivery.control.ConflictRetry;
import com.kfgateway.conversation.control.SessionGate;
import com.kfgateway.conversation.control.StateLog;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.conversation.entity.TransferOutcome;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.WeComException;
import com.kfgateway.wecom.control.WeComResponse;
import com.kfgateway.wecom.entity.WeComError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;

/** What staff may do to a conversation's session from the console. */
@ApplicationScoped
public class Conversations {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    WeComClient client;

    @Inject
    StateLog states;

    @Inject
    ErrorCatalogue catalogue;

    @Inject
    SessionGate gate;

    @Inject
    Conversations self;

    /**
     * Take over (→3 with a receiving servicer), put in queue (→2), end / return to bot (→4: the bot answers the
     * customer's next message) via kf/service_state/trans; records a ServiceStateChange with source CONSOLE.
     */
    public TransferOutcome transfer(long conversationId, ServiceState target, String servicerUserid,
            String staffUser) {
        Conversation conversation = self.find(conversationId);
        if (conversation == null) {
            return new TransferOutcome(false, null, null, "no conversation " + conversationId);
        }
        if (target == ServiceState.HUMAN && (servicerUserid == null || servicerUserid.isBlank())) {
            return new TransferOutcome(false, conversation.getServiceState(), null,
                    "taking over needs a servicer who is receiving (state 3 requires servicer_userid)");
        }
        WeComResponse answer;
        try {
            answer = client.serviceStateTrans(conversation.getOpenKfid(), conversation.getExternalUserid(),
                    target.code(), target == ServiceState.HUMAN ? servicerUserid : null);
        } catch (WeComException | IllegalStateException e) {
            return new TransferOutcome(false, conversation.getServiceState(), null,
                    "WeCom could not be asked: " + e.getMessage());
        }
        if (!answer.ok()) {
            WeComError error = catalogue.lookup(answer.errcode());
            return new TransferOutcome(false, conversation.getServiceState(), answer.errcode(),
                    error.describe(Locale.CHINESE) + " / " + error.describe(Locale.ENGLISH));
        }
        ConflictRetry.run(() -> states.moveNow(conversationId, target,
                target == ServiceState.HUMAN ? servicerUserid : null, Source.CONSOLE, "by " + staffUser));
        return new TransferOutcome(true, target, null, null);
    }

    /**
     * Refreshes the stored service state from WeCom before a staff send is checked against it, so a resend or reply
     * is judged by WeCom's current word rather than by what we last heard. Quietly keeps the stored state when
     * WeCom cannot be asked.
     */
    public void confirmState(long conversationId) {
        Conversation conversation = self.find(conversationId);
        if (conversation != null) {
            gate.readState(conversation, "read before a staff send");
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Conversation find(long conversationId) {
        return em.find(Conversation.class, conversationId);
    }
}
