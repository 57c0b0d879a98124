package com.kfgateway.admin.control;

import com.kfgateway.admin.entity.AuditEntry.Action;
import com.kfgateway.conversation.boundary.Conversations;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.TransferOutcome;
import com.kfgateway.delivery.entity.SendOutcome;
import com.kfgateway.doctor.boundary.SetupDoctor;
import com.kfgateway.doctor.entity.Diagnosis;
import com.kfgateway.doctor.entity.Verdict;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import com.kfgateway.knowledge.boundary.KnowledgeBase;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every staff action of the console and the admin API, done by the pipeline's boundaries and written to the audit
 * log with who did it, whether it went through, and why not. An unexpected failure is recorded and reported as a
 * refusal rather than a broken page.
 */
@RequestScoped
public class StaffActions {

    private static final Logger LOG = Logger.getLogger(StaffActions.class.getName());

    @Inject
    Conversations conversations;

    @Inject
    AuditLog audit;

    @Inject
    SendLogSearch sendLogSearch;

    @Inject
    SetupDoctor doctor;

    @Inject
    SecurityContext security;

    @Inject
    KnowledgeBase knowledge;

    public SendOutcome resend(long entryId) {
        var entry = sendLogSearch.find(entryId);
        SendOutcome outcome;
        try {
            outcome = conversations.resend(entryId, who());
        } catch (RuntimeException e) {
            outcome = SendOutcome.refused(entryId, null, failure("resend", e));
        }
        // Filed under the conversation, so its page shows who resent what.
        audit.record(who(), Action.RESEND, "conversation", entry == null ? null : entry.getConversationId(),
                outcome.accepted(), "resend " + describe(outcome));
        return outcome;
    }

    public SendOutcome reply(long conversationId, String text) {
        SendOutcome outcome;
        try {
            outcome = conversations.reply(conversationId, text, who());
        } catch (RuntimeException e) {
            outcome = SendOutcome.refused(null, null, failure("staff reply", e));
        }
        audit.record(who(), Action.REPLY, "conversation", conversationId, outcome.accepted(),
                describe(outcome) + " text=" + abbreviate(text));
        return outcome;
    }

    /**
     * Runs every setup check now. It also lets a credential that WeCom refused try gettoken again, which WeCom bans
     * an IP for if hammered: a staff action, so POST only, and audited.
     */
    public Diagnosis runChecks() {
        Diagnosis diagnosis;
        try {
            diagnosis = doctor.examine(true);
        } catch (RuntimeException e) {
            audit.record(who(), Action.RUN_CHECKS, "doctor", null, false, failure("setup check", e));
            throw e;
        }
        audit.record(who(), Action.RUN_CHECKS, "doctor", null, true, diagnosis.count(Verdict.RED) + " red");
        return diagnosis;
    }

    /** Adds an FAQ file to an account's knowledge base or replaces it; the entries it gave, audited. */
    public int putFaq(String openKfid, String name, String markdown) {
        try {
            int entries = knowledge.putFaq(openKfid, name, markdown, who());
            audit.record(who(), Action.KNOWLEDGE_PUT, "knowledge", null, true, openKfid + " " + name + ": " + entries
                    + " entries");
            return entries;
        } catch (IllegalArgumentException e) {
            audit.record(who(), Action.KNOWLEDGE_PUT, "knowledge", null, false, openKfid + " " + name + ": "
                    + e.getMessage());
            throw e;
        }
    }

    public TransferOutcome transfer(long conversationId, ServiceState target, String servicerUserid) {
        TransferOutcome outcome;
        try {
            outcome = conversations.transfer(conversationId, target, servicerUserid, who());
        } catch (RuntimeException e) {
            outcome = TransferOutcome.refused(null, failure("transfer", e));
        }
        Action action = switch (target) {
            case HUMAN -> Action.TAKE_OVER;
            case QUEUED -> Action.QUEUE;
            default -> Action.END_SESSION;
        };
        audit.record(who(), action, "conversation", conversationId, outcome.done(), "target=" + target
                + (servicerUserid == null ? "" : " servicer=" + servicerUserid) + " state=" + outcome.state()
                + (outcome.errcode() == null ? "" : " errcode=" + outcome.errcode())
                + (outcome.reason() == null ? "" : " reason=" + outcome.reason()));
        return outcome;
    }

    private String who() {
        return security.getCallerPrincipal() == null ? "?" : security.getCallerPrincipal().getName();
    }

    private static String failure(String what, RuntimeException e) {
        LOG.log(Level.WARNING, "Console " + what + " failed", e);
        return what + " failed unexpectedly (" + e.getClass().getSimpleName() + "); see the server log";
    }

    static String describe(SendOutcome outcome) {
        return "status=" + outcome.status() + (outcome.entryId() == null ? "" : " send=" + outcome.entryId())
                + (outcome.errcode() == null ? "" : " errcode=" + outcome.errcode())
                + (outcome.reason() == null ? "" : " reason=" + outcome.reason());
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
