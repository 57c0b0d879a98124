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
 * kf/service_state/trans, and if that fails the answer is still sent (0 allows it) and the reason is noted. A
 * customer we know nothing about yet (stored 0, never confirmed) is claimed first and read only if that fails.
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
        Verdict stored = fromStoredState(conversation);
        if (stored != null) {
            return stored;
        }
        if (conversation.getStateConfirmedAt() == null && conversation.getServiceState() == ServiceState.NEW) {
            // A customer WeCom never told us about: claiming at once asks "is it 0?" and takes it in one call
            // (trans to 1 is refused with 95016 from 2, 3 and 4), where a read first would cost two.
            TransferOutcome claimed = claimOutcome(conversation);
            if (claimed.done()) {
                return new Verdict(null, null);
            }
            return decide(conversation, true, "claiming without a read failed (" + claimed.reason() + ")", false);
        }
        return decide(conversation, stale(conversation), null, true);
    }

    /**
     * The verdict when the stored state decides it without asking WeCom: confirmed recently, and not a new session
     * to claim. Null when {@link #check} has to call WeCom, which a slow assistant's caller may do while it waits.
     */
    public Verdict fromStoredState(Conversation conversation) {
        if (conversation.getStateConfirmedAt() == null || stale(conversation)
                || conversation.getServiceState() == ServiceState.NEW) {
            return null;
        }
        return new Verdict(StateRules.silenceReason(conversation.getServiceState(),
                conversation.getServicerUserid()), null);
    }

    private boolean stale(Conversation conversation) {
        Instant confirmed = conversation.getStateConfirmedAt();
        return confirmed == null || confirmed.isBefore(Instant.now().minus(config.stateMaxAge()));
    }

    private Verdict decide(Conversation conversation, boolean read, String earlier, boolean mayClaim) {
        ServiceState state = conversation.getServiceState();
        String servicer = conversation.getServicerUserid();
        String note = earlier;
        if (read) {
            WeComReply<SessionState> answer = sessions.read(conversation, "read before answering");
            if (answer.ok() && answer.value() != null) {
                state = ServiceState.of(answer.value().code());
                servicer = answer.value().servicerUserid();
            } else {
                note = join(note, "service_state/get failed (" + answer.describe() + "), trusting the stored state "
                        + state.code());
            }
        }
        String silence = StateRules.silenceReason(state, servicer);
        if (silence != null) {
            return new Verdict(silence, note);
        }
        if (state == ServiceState.NEW && mayClaim) {
            note = join(note, claim(conversation));
        }
        return new Verdict(null, note);
    }

    private String claim(Conversation conversation) {
        TransferOutcome claimed = claimOutcome(conversation);
        return claimed.done() ? null
                : "trans 0→1 failed (" + claimed.reason() + "); answered anyway, state 0 allows sending";
    }

    private TransferOutcome claimOutcome(Conversation conversation) {
        return transfer.move(conversation, ServiceState.BOT, null, Source.TRANS, "the bot claimed the session");
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }
}
