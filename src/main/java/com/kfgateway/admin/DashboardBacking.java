package com.kfgateway.admin;

import com.kfgateway.admin.control.Dashboard;
import com.kfgateway.admin.control.ConversationSearch;
import com.kfgateway.admin.control.ConversationFilter;
import com.kfgateway.admin.control.SendLogSearch;
import com.kfgateway.admin.control.SendLogFilter;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.QuarantinedItem;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs {@code admin/index.xhtml}: today's figures, the newest conversations, the newest failures, and sync items the
 * pipeline had to set aside.
 */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    Dashboard dashboard;

    @Inject
    ConversationSearch conversations;

    @Inject
    SendLogSearch sendLog;

    @Inject
    Formats formats;

    private Dashboard.Figures figures;
    private List<Conversation> recent;
    private List<SendLogEntry> failures;
    private List<QuarantinedItem> setAside;

    @PostConstruct
    void load() {
        figures = dashboard.since(formats.startOfToday());
        recent = conversations.page(ConversationFilter.newest(8)).rows();
        failures = sendLog.page(SendLogFilter.ofStatus(SendStatus.FAILED, 5)).rows();
        setAside = conversations.setAside(10);
    }

    public Dashboard.Figures getFigures() {
        return figures;
    }

    public String getMedianReply() {
        return Formats.duration(figures.medianFirstReply());
    }

    public List<Conversation> getRecent() {
        return recent;
    }

    public List<SendLogEntry> getFailures() {
        return failures;
    }

    /** Sync items that could not be stored; shown only when there are any. */
    public List<QuarantinedItem> getSetAside() {
        return setAside;
    }
}
