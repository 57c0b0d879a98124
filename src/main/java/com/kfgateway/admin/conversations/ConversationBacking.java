package com.kfgateway.admin.conversations;

import com.kfgateway.admin.Texts;
import com.kfgateway.admin.control.AuditLog;
import com.kfgateway.admin.control.ConversationHistory;
import com.kfgateway.admin.control.ConversationSearch;
import com.kfgateway.admin.control.StaffActions;
import com.kfgateway.conversation.boundary.Conversations;
import com.kfgateway.admin.control.TimelineItem;
import com.kfgateway.admin.entity.AuditEntry;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.conversation.entity.TransferOutcome;
import com.kfgateway.delivery.entity.SendOutcome;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code admin/conversations/view.xhtml}: one conversation as a chat, its state and history, and the staff
 * actions. A protected view (faces-config.xml): it opens only from a console link, and every action is a POST
 * carrying the session-bound view state. View scoped on purpose: a postback decodes the buttons of the history it
 * rendered (the view parameter is applied only after decoding), so a Resend button always means the row it was on.
 */
@Named
@ViewScoped
public class ConversationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConversationSearch conversations;

    @Inject
    ConversationHistory history;

    @Inject
    StaffActions actions;

    @Inject
    Conversations sessions;

    @Inject
    AuditLog audit;

    @Inject
    Texts texts;

    private Long id;
    private transient Conversation conversation;
    private transient List<TimelineItem> timeline;
    private String reply;
    private String servicer;

    public Conversation getConversation() {
        if (conversation == null && id != null) {
            conversation = conversations.find(id);
        }
        return conversation;
    }

    public List<TimelineItem> getTimeline() {
        if (timeline == null) {
            timeline = getConversation() == null ? List.of() : history.of(id);
        }
        return timeline;
    }

    public List<ServiceStateChange> getStateHistory() {
        return getConversation() == null ? List.of() : history.stateChanges(id);
    }

    public List<AuditEntry> getAudit() {
        return getConversation() == null ? List.of() : audit.ofTarget("conversation", id, 20);
    }

    public boolean isBotMaySend() {
        return getConversation() != null && getConversation().getServiceState().botMaySend();
    }

    public void sendReply() {
        if (reply == null || reply.isBlank()) {
            flash(false, texts.get("conv.reply.empty"));
            return;
        }
        show(actions.reply(id, reply));
        reply = null;
    }

    public void takeOver() {
        if (servicer == null || servicer.isBlank()) {
            flash(false, texts.get("conv.takeOver.needServicer"));
            return;
        }
        show(actions.transfer(id, ServiceState.HUMAN, servicer.trim()));
    }

    public void queue() {
        show(actions.transfer(id, ServiceState.QUEUED, null));
    }

    /** Opening a conversation reads it: its unread count goes back to zero. */
    public void opened() {
        if (id != null) {
            sessions.markRead(id);
        }
    }

    /** Ends the session (state 4); WeCom reopens it as new when the customer writes, and the bot answers then. */
    public void endSession() {
        show(actions.transfer(id, ServiceState.ENDED, null));
    }

    public void resend(long entryId) {
        show(actions.resend(entryId));
    }

    private void show(SendOutcome outcome) {
        flash(outcome.accepted(), outcome.accepted() ? texts.get("action.sent", texts.get("status." + outcome.status()))
                : texts.get("action.refused", outcome.reason() == null ? "" : outcome.reason()));
        reload();
    }

    private void show(TransferOutcome outcome) {
        flash(outcome.done(), outcome.done() ? texts.get("action.transferred", texts.get("state." + outcome.state()))
                : texts.get("action.refused", (outcome.errcode() == null ? "" : outcome.errcode() + " ")
                        + (outcome.reason() == null ? "" : outcome.reason())));
        reload();
    }

    private void reload() {
        conversation = null;
        timeline = null;
    }

    private void flash(boolean ok, String text) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(ok ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, text,
                        null));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getServicer() {
        return servicer;
    }

    public void setServicer(String servicer) {
        this.servicer = servicer;
    }
}
