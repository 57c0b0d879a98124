package com.kfgateway.delivery.boundary;

import com.kfgateway.delivery.control.ConflictRetry;
import com.kfgateway.delivery.control.Dispatcher;
import com.kfgateway.delivery.control.SendLedger;
import com.kfgateway.delivery.control.StaffDesk;
import com.kfgateway.delivery.entity.SendOutcome;
import com.kfgateway.delivery.entity.SendRecord;
import com.kfgateway.delivery.entity.SendStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** What staff may do with the send log from the console: resend a part, or reply to a customer themselves. */
@ApplicationScoped
public class SendLog {

    @Inject
    StaffDesk desk;

    @Inject
    SendLedger ledger;

    @Inject
    Dispatcher dispatcher;

    /**
     * Staff resend: re-checks session state (0/1), the 48 h window and the quota first; refuses with the reason if it
     * cannot succeed; else sends now with the part's own msgid (so a resend after an unseen success cannot
     * duplicate) and records the attempt with the staff user.
     */
    public SendOutcome resend(long sendRecordId, String staffUser) {
        String refusal = desk.resendRefusal(sendRecordId, Instant.now());
        if (refusal != null) {
            SendRecord record = ledger.find(sendRecordId);
            return SendOutcome.refused(sendRecordId, record == null ? null : record.getStatus(), refusal);
        }
        ConflictRetry.run(() -> ledger.requeue(sendRecordId, staffUser, Instant.now()));
        return outcome(dispatcher.attempt(sendRecordId, staffUser));
    }

    /** Staff typing in the console: sent via kf/send_msg when the state allows it, else refused with why. */
    public SendOutcome staffReply(long conversationId, String text, String staffUser) {
        StaffDesk.Plan plan = desk.planReply(conversationId, text, staffUser, Instant.now());
        if (plan.refusal() != null) {
            return SendOutcome.refused(null, null, plan.refusal());
        }
        if (plan.records().size() == 1 && plan.records().get(0).getStatus() == SendStatus.FAILED) {
            return outcome(plan.records().get(0));
        }
        dispatcher.dispatchConversation(conversationId);
        return outcome(ledger.find(plan.records().get(0).getId()));
    }

    /** A send that went through has no errcode: the record's last errcode is the failure it recovered from. */
    static SendOutcome outcome(SendRecord record) {
        boolean sent = record.getStatus() == SendStatus.SENT;
        return new SendOutcome(sent || record.getStatus().open(), record.getId(), record.getStatus(),
                sent ? null : record.getLastErrcode(), sent ? null : record.getExplanation());
    }
}
