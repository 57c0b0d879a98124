package com.kfgateway.conversation.control.answering;

import com.kfgateway.conversation.control.ConversationConfig;
import com.kfgateway.conversation.control.state.SessionStates;
import com.kfgateway.conversation.control.state.SessionTransfer;
import com.kfgateway.conversation.control.state.StateRules;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.conversation.entity.TransferOutcome;
import com.kfgateway.wecom.entity.SessionState;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Decides, before the assistant is asked, whether the bot may answer: only in state 0 or 1. A state WeCom has not
 * confirmed recently is re-read with kf/service_state/get; a new session (0) is claimed for the bot (0 → 1) with
 * kf/service_state/trans, and if that fails the answer is still sent (0 allows it) and the reason is noted.
 * WeCom calls happen outside transactions; each result is recorded in a short one.
 */
@ApplicationScoped
public class SessionGate {

    /** {@code silence} non-null: do not answer, and why; else {@code note} says what the gate did, if anything. */
    public record Verdict(String silence, String note) {
    }

    @Inject
    SessionStates sessions;

    @Inject
    SessionTransfer transfer;

    @Inject
    ConversationConfig config;

    public Verdict check(Conversation conversation) {
        ServiceState state = conversation.getServiceState();
        String servicer = conversation.getServicerUserid();
        String note = null;
        Instant confirmed = conversation.getStateConfirmedAt();
        if (confirmed == null || confirmed.isBefore(Instant.now().minus(config.stateMaxAge()))) {
            WeComReply<SessionState> answer = sessions.read(conversation, "read before answering");
            if (answer.ok() && answer.value() != null) {
                state = ServiceState.of(answer.value().code());
                servicer = answer.value().servicerUserid();
            } else {
                note = "service_state/get failed (" + answer.describe() + "), trusting the stored state "
                        + state.code();
            }
        }
        String silence = StateRules.silenceReason(state, servicer);
        if (silence != null) {
            return new Verdict(silence, note);
        }
        if (state == ServiceState.NEW) {
            note = claim(conversation);
        }
        return new Verdict(null, note);
    }

    private String claim(Conversation conversation) {
        TransferOutcome claimed = transfer.move(conversation, ServiceState.BOT, null, Source.TRANS,
                "the bot claimed the session");
        return claimed.done() ? null
                : "trans 0→1 failed (" + claimed.reason() + "); answered anyway, state 0 allows sending";
    }
}
