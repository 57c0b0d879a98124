package com.kfgateway.conversation.control;

import com.kfgateway.delivery.control.ConflictRetry;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.WeComResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;

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
    WeComClient client;

    @Inject
    StateLog states;

    @Inject
    ErrorCatalogue catalogue;

    @Inject
    ConversationConfig config;

    public Verdict check(Conversation conversation) {
        ServiceState state = conversation.getServiceState();
        String servicer = conversation.getServicerUserid();
        String note = null;
        Instant confirmed = conversation.getStateConfirmedAt();
        if (confirmed == null || confirmed.isBefore(Instant.now().minus(config.stateMaxAge()))) {
            WeComResponse answer = readState(conversation, "read before answering");
            if (answer.ok() && answer.body().containsKey("service_state")) {
                state = ServiceState.of(answer.body().getInt("service_state"));
                servicer = state == ServiceState.HUMAN ? answer.string("servicer_userid") : null;
            } else {
                note = "service_state/get failed (" + answer.errcode() + "), trusting the stored state " + state.code();
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

    /**
     * Asks WeCom for the session's state with kf/service_state/get and records what it says; the answer is returned
     * as it came (not ok when WeCom could not be asked, and then nothing is recorded).
     */
    public WeComResponse readState(Conversation conversation, String why) {
        WeComResponse answer = call(() -> client.serviceStateGet(conversation.getOpenKfid(),
                conversation.getExternalUserid()));
        if (answer.ok() && answer.body().containsKey("service_state")) {
            ServiceState read = ServiceState.of(answer.body().getInt("service_state"));
            String servicer = read == ServiceState.HUMAN ? answer.string("servicer_userid") : null;
            ConflictRetry.run(() -> states.moveNow(conversation.getId(), read, servicer, Source.SERVICE_STATE_GET,
                    why));
        }
        return answer;
    }

    private String claim(Conversation conversation) {
        WeComResponse answer = call(() -> client.serviceStateTrans(conversation.getOpenKfid(),
                conversation.getExternalUserid(), ServiceState.BOT.code(), null));
        if (answer.ok()) {
            ConflictRetry.run(() -> states.moveNow(conversation.getId(), ServiceState.BOT, null, Source.TRANS,
                    "the bot claimed the session"));
            return null;
        }
        return "trans 0→1 failed (" + (answer.rawJson() == null ? answer.errmsg() : catalogue.lookup(answer.errcode()).describe(Locale.ENGLISH))
                + "); answered anyway, state 0 allows sending";
    }

    /** A transport failure counts as an answer without data: the gate then trusts what it has. */
    static WeComResponse call(java.util.function.Supplier<WeComResponse> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            return new WeComResponse(-1, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    jakarta.json.JsonValue.EMPTY_JSON_OBJECT, null);
        }
    }
}
