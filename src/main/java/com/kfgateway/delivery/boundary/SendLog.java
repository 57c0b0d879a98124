package com.kfgateway.delivery.boundary;

import com.kfgateway.database.ConflictRetry;
import com.kfgateway.delivery.control.Dispatcher;
import com.kfgateway.delivery.control.SendLogStore;
import com.kfgateway.delivery.control.SendPlanner;
import com.kfgateway.delivery.control.StaffDesk;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendOutcome;
import com.kfgateway.delivery.entity.SendRequest;
import com.kfgateway.delivery.entity.SendStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The send log as other components use it: plan parts inside the caller's transaction, send what is due, resend a
 * part, send a staff reply. The caller has already decided that the session allows it; this checks what delivery
 * knows (quota, 48 h window, code expiry, already sent).
 */
@ApplicationScoped
public class SendLog {

    @Inject
    StaffDesk desk;

    @Inject
    SendLogStore store;

    @Inject
    SendPlanner planner;

    @Inject
    Dispatcher dispatcher;

    /** kf/send_msg parts of {@code text} within the customer's quota; in the caller's transaction. */
    public List<SendLogEntry> planText(SendRequest request, String text, Instant lastCustomerMessageAt, Instant now) {
        return planner.planText(request, text, lastCustomerMessageAt, now);
    }

    /** One part on a single-use event code; in the caller's transaction. */
    public SendLogEntry planOnEvent(SendRequest request, String code, Instant expiresAt, String text, Instant now) {
        return planner.planOnEvent(request, code, expiresAt, text, now);
    }

    /** msg_send_fail named {@code msgid}: false when it is not ours. In the caller's transaction. */
    public boolean deliveryFailed(String msgid, int failType, String explanation, Instant now) {
        return store.deliveryFailed(msgid, failType, explanation, now);
    }

    /** Sends what is due for the conversation, in order; returns when its next waiting retry is due, or null. */
    public Instant dispatch(long conversationId) {
        return dispatcher.dispatchConversation(conversationId);
    }

    /**
     * In the caller's transaction, right after {@link #planText}: claims the first part when nothing is ahead of it,
     * to be sent with {@link #dispatch(long, Dispatcher.Started)} once that transaction has committed; else null.
     */
    public Dispatcher.Started claimFirst(List<SendLogEntry> planned, Instant now) {
        return dispatcher.claimFirst(planned, now);
    }

    /** Like {@link #dispatch(long)}, starting with the part {@link #claimFirst} claimed. */
    public Instant dispatch(long conversationId, Dispatcher.Started started) {
        return dispatcher.dispatchStarted(conversationId, started);
    }

    /** One attempt at one part now (a welcome right after its page committed). */
    public SendLogEntry attempt(long entryId) {
        return dispatcher.attempt(entryId, null);
    }

    public SendLogEntry find(long entryId) {
        return store.find(entryId);
    }

    /** Conversations with a part to send now (pending, retry due, or claimed by a dispatcher that died). */
    public List<Long> conversationsDue(Instant now) {
        return store.conversationsDue(now);
    }

    /**
     * Staff resend: re-checks the 48 h window and the quota; refuses with the reason if it cannot succeed; else sends
     * now with the part's own msgid (so a resend after an unseen success cannot duplicate) and records the attempt
     * with the staff user.
     */
    public SendOutcome resend(long entryId, String staffUser, Instant lastCustomerMessageAt) {
        String refusal = desk.resendRefusal(entryId, lastCustomerMessageAt, Instant.now());
        if (refusal != null) {
            SendLogEntry entry = store.find(entryId);
            return SendOutcome.refused(entryId, entry == null ? null : entry.getStatus(), refusal);
        }
        ConflictRetry.run(() -> store.requeue(entryId, staffUser, Instant.now()));
        return outcome(dispatcher.attempt(entryId, staffUser));
    }

    /** Staff typing in the console: sent via kf/send_msg within the quota, else refused with why. */
    public SendOutcome staffReply(SendRequest request, String text, Instant lastCustomerMessageAt) {
        StaffDesk.Plan plan = desk.planReply(request, text, lastCustomerMessageAt, Instant.now());
        if (plan.refusal() != null) {
            return SendOutcome.refused(null, null, plan.refusal());
        }
        if (plan.entries().size() == 1 && plan.entries().get(0).getStatus() == SendStatus.FAILED) {
            return outcome(plan.entries().get(0));
        }
        dispatcher.dispatchConversation(request.recipient().conversationId());
        return outcome(store.find(plan.entries().get(0).getId()));
    }

    /** A send that went through has no errcode: the entry's last errcode is the failure it recovered from. */
    static SendOutcome outcome(SendLogEntry entry) {
        boolean sent = entry.getStatus() == SendStatus.SENT;
        return new SendOutcome(sent || entry.getStatus().open(), entry.getId(), entry.getStatus(),
                sent ? null : entry.getError().getErrcode(), sent ? null : entry.getError().getExplanation());
    }
}
