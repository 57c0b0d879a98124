package com.kfgateway.conversation.control.handover;

import com.kfgateway.conversation.control.state.SessionStates;
import com.kfgateway.conversation.control.state.SessionTransfer;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.HandoverRequest;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.conversation.entity.TransferOutcome;
import com.kfgateway.database.ConflictRetry;
import com.kfgateway.delivery.boundary.SendLog;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.Servicer;
import com.kfgateway.wecom.entity.SessionState;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Carries out a conversation's open handovers ({@link HandoverRequest}, written with the answer that asked for
 * one), step by step, each step recorded when done: the session goes to a servicer who is receiving (state 3) or to
 * the queue (2); the answer's text becomes the notice, on the msg_code trans returned (or a plain send when there
 * is none); staff are told. A step WeCom could not be asked for is tried again later by recovery; a crash between
 * steps resumes at the first step not recorded. A move repeated after a crash first asks WeCom whether the session
 * already moved, so it is not moved twice (its notice code is then lost with the crash, and there is no notice:
 * WeCom allows plain sends only in states 0/1, and the servicer or the queue speaks now).
 */
@ApplicationScoped
public class Handover {

    /** WeCom's session window: after it, the customer's request belongs to a session that is over. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(48);

    @Inject
    WeComClient client;

    @Inject
    SessionTransfer transfer;

    @Inject
    SessionStates sessions;

    @Inject
    HandoverStore store;

    @Inject
    HandoverNotices notices;

    @Inject
    SendLog sendLog;

    @Inject
    StaffNotifier staff;

    /** Every open handover of the conversation, oldest first; returns once each is done or waits for a retry. */
    public void resume(long conversationId) {
        List<HandoverRequest> open = store.open(conversationId);
        if (open.isEmpty()) {
            return;
        }
        Conversation conversation = store.conversation(conversationId);
        for (HandoverRequest handover : open) {
            if (!carryOut(conversation, handover)) {
                return;
            }
        }
    }

    private boolean carryOut(Conversation conversation, HandoverRequest handover) {
        if (handover.getRequestedAt().isBefore(Instant.now().minus(GIVE_UP_AFTER))) {
            // The session this customer asked in is over; a notice or a move now would only confuse.
            ConflictRetry.run(() -> store.retryLater(handover.getId(), "gave up: not done within 48 h"));
            ConflictRetry.run(() -> store.done(handover.getId()));
            return true;
        }
        Moved moved = new Moved(handover.getMovedTo(), handover.getServicerUserid());
        if (!handover.isMoved()) {
            Optional<Moved> now = move(conversation, handover);
            if (now.isEmpty()) {
                return false;
            }
            moved = now.get();
        }
        ServiceState state = moved.state();
        String servicer = moved.servicer();
        if (!handover.isNoticePlanned()) {
            ConflictRetry.run(() -> notices.plan(handover.getId()));
            sendLog.dispatch(conversation.getId());
        }
        if (!handover.isStaffNotified()) {
            WeComReply<Void> told = staff.handoverRequested(conversation.getId(), state, servicer);
            if (told.outcome() == WeComReply.Outcome.UNREACHABLE) {
                ConflictRetry.run(() -> store.retryLater(handover.getId(), "staff notification: " + told.describe()));
                return false;
            }
            ConflictRetry.run(() -> store.staffNotified(handover.getId()));
        }
        ConflictRetry.run(() -> store.done(handover.getId()));
        return true;
    }

    /** Where the session is after the move step, and who has it in state 3. */
    private record Moved(ServiceState state, String servicer) {
    }

    /** Empty when WeCom could not be asked (retry later); otherwise where the session went, recorded. */
    private Optional<Moved> move(Conversation conversation, HandoverRequest handover) {
        if (handover.getAttempts() > 0) {
            WeComReply<SessionState> now = sessions.read(conversation, "handover: did the session already move?");
            if (now.ok() && now.value() != null && (now.value().code() == ServiceState.QUEUED.code()
                    || now.value().code() == ServiceState.HUMAN.code())) {
                ServiceState already = ServiceState.of(now.value().code());
                ConflictRetry.run(() -> store.moved(handover.getId(), already, now.value().servicerUserid(), null,
                        null));
                return Optional.of(new Moved(already, now.value().servicerUserid()));
            }
        }
        WeComReply<List<Servicer>> servicers = client.servicers(conversation.getOpenKfid());
        Optional<String> servicer = servicers.ok()
                ? servicers.value().stream().filter(Servicer::receiving).map(Servicer::userid).findFirst()
                : Optional.empty();
        ServiceState target = servicer.isPresent() ? ServiceState.HUMAN : ServiceState.QUEUED;
        ConflictRetry.run(() -> store.moving(handover.getId()));
        TransferOutcome moved = transfer.move(conversation, target, servicer.orElse(null), Source.TRANS,
                "handover requested by the assistant");
        if (!moved.done() && moved.errcode() == null) {
            ConflictRetry.run(() -> store.retryLater(handover.getId(), moved.reason()));
            return Optional.empty();
        }
        String holder = moved.done() ? servicer.orElse(null) : conversation.getServicerUserid();
        ConflictRetry.run(() -> store.moved(handover.getId(), moved.state(), holder, moved.msgCode(),
                moved.done() ? null : moved.reason()));
        return Optional.of(new Moved(moved.state(), holder));
    }
}
