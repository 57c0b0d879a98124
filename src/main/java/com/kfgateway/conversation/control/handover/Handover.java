package com.kfgateway.conversation.control.handover;

import com.kfgateway.conversation.control.state.SessionTransfer;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.conversation.entity.TransferOutcome;
import com.kfgateway.database.ConflictRetry;
import com.kfgateway.delivery.boundary.SendLog;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.Servicer;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
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
    SessionTransfer transfer;

    @Inject
    HandoverNotices notices;

    @Inject
    SendLog sendLog;

    @Inject
    StaffNotifier staff;

    public void start(Conversation conversation, Message answered, String noticeText) {
        Optional<String> servicer = receivingServicer(conversation.getOpenKfid());
        ServiceState target = servicer.isPresent() ? ServiceState.HUMAN : ServiceState.QUEUED;
        TransferOutcome moved = transfer.move(conversation, target, servicer.orElse(null), Source.TRANS,
                "handover requested by the assistant");
        ConflictRetry.run(() -> notices.plan(conversation.getId(), answered, noticeText, moved.msgCode(),
                NOTICE_CODE_LIFETIME));
        sendLog.dispatch(conversation.getId());
        staff.handoverRequested(conversation.getId(), moved.done() ? target : conversation.getServiceState(),
                servicer.orElse(null));
    }

    private Optional<String> receivingServicer(String openKfid) {
        WeComReply<List<Servicer>> answer = client.servicers(openKfid);
        return answer.ok() ? answer.value().stream().filter(Servicer::receiving).map(Servicer::userid).findFirst()
                : Optional.empty();
    }
}
