package com.kfgateway.conversation.control;

import com.kfgateway.delivery.control.ConflictRetry;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.delivery.control.Dispatcher;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.WeComResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * Passes a customer to a human: a servicer who is receiving (servicer/list status 0) gets the session (state 3),
 * otherwise it goes to the queue (2). The answer's text becomes the handover notice through send_msg_on_event with
 * the msg_code trans returned (or through send_msg when there is none), and staff are notified.
 */
@ApplicationScoped
public class Handover {

    /** A queue-notice code works for 48 h while the session stays in the state that produced it. */
    static final Duration NOTICE_CODE_LIFETIME = Duration.ofHours(48);

    @Inject
    WeComClient client;

    @Inject
    StateLog states;

    @Inject
    HandoverNotices notices;

    @Inject
    Dispatcher dispatcher;

    @Inject
    StaffNotifier staff;

    public void start(Conversation conversation, long messageId, String noticeText) {
        Optional<String> servicer = receivingServicer(conversation.getOpenKfid());
        ServiceState target = servicer.isPresent() ? ServiceState.HUMAN : ServiceState.QUEUED;
        WeComResponse answer = SessionGate.call(() -> client.serviceStateTrans(conversation.getOpenKfid(),
                conversation.getExternalUserid(), target.code(), servicer.orElse(null)));
        String code = null;
        if (answer.ok()) {
            ConflictRetry.run(() -> states.moveNow(conversation.getId(), target, servicer.orElse(null), Source.TRANS,
                    "handover requested by the assistant"));
            code = answer.string("msg_code");
        }
        String noticeCode = code;
        ConflictRetry.run(() -> notices.plan(conversation.getId(), messageId, noticeText, noticeCode,
                NOTICE_CODE_LIFETIME));
        dispatcher.dispatchConversation(conversation.getId());
        staff.handoverRequested(conversation.getId(), answer.ok() ? target : conversation.getServiceState(),
                servicer.orElse(null));
    }

    private Optional<String> receivingServicer(String openKfid) {
        WeComResponse answer = SessionGate.call(() -> client.servicerList(openKfid));
        if (!answer.ok() || !(answer.body().get("servicer_list") instanceof JsonArray list)) {
            return Optional.empty();
        }
        return list.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(s -> s.containsKey("userid") && s.getInt("status", 1) == 0)
                .map(s -> s.getString("userid")).findFirst();
    }
}
