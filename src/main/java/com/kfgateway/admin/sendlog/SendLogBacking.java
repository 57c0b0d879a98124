package com.kfgateway.admin.sendlog;

import com.kfgateway.admin.Texts;
import com.kfgateway.admin.control.Page;
import com.kfgateway.admin.control.SendLogFilter;
import com.kfgateway.admin.control.SendLogSearch;
import com.kfgateway.admin.control.StaffActions;
import com.kfgateway.delivery.entity.SendOutcome;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.wecom.control.ErrorCatalogue;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backs {@code admin/sendlog/list.xhtml}: every outbound part, filtered by status and errcode, each failure with the
 * catalogue's meaning and fix, and resend for one part or all ticked ones. View scoped so a postback decodes the
 * rows it rendered: a Resend button or a ticked box always means the record shown next to it.
 */
@Named
@ViewScoped
public class SendLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 50;

    /** One send-log part with its failure explained in the session's language. */
    public record Row(SendLogEntry send, String meaning, String fix) {

        public SendLogEntry getSend() {
            return send;
        }

        public String getMeaning() {
            return meaning;
        }

        public String getFix() {
            return fix;
        }

        public boolean isResendable() {
            return send.getStatus() == SendStatus.FAILED;
        }
    }

    @Inject
    SendLogSearch search;

    @Inject
    StaffActions actions;

    @Inject
    ErrorCatalogue catalogue;

    @Inject
    Texts texts;

    private String status;
    private String errcode;
    private String before;
    private transient List<Row> rows;
    private transient Page<SendLogEntry> page;
    private final HashMap<Long, Boolean> selected = new HashMap<>();

    public List<Row> getRows() {
        if (rows == null) {
            page = search.page(new SendLogFilter(parseStatus(status), parseInt(errcode), null, parseLong(before),
                    PAGE_SIZE));
            Locale locale = texts.locale();
            rows = page.rows().stream().map(s -> explain(s, locale)).toList();
        }
        return rows;
    }

    /** "Resend selected" is offered only when a row on this page can be picked: a list of sent parts has none. */
    public boolean isAnyResendable() {
        return getRows().stream().anyMatch(Row::isResendable);
    }

    public Page<SendLogEntry> getPage() {
        getRows();
        return page;
    }

    Row explain(SendLogEntry send, Locale locale) {
        if (send.getStatus() == SendStatus.SENT && send.getError().getFailType() == null) {
            return new Row(send, null, null);
        }
        if (send.getError().getFailType() != null) {
            var reason = catalogue.sendFailReason(send.getError().getFailType());
            return new Row(send, reason.meaning(locale), reason.fix(locale));
        }
        if (send.getError().getErrcode() != null && send.getError().getErrcode() != 0) {
            var error = catalogue.lookup(send.getError().getErrcode());
            return new Row(send, error.meaning(locale), error.fix(locale));
        }
        return new Row(send, send.getError().getExplanation(), null);
    }

    public void resend(long id) {
        report(actions.resend(id), id);
        rows = null;
    }

    public void resendSelected() {
        List<Long> ids = selected.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        if (ids.isEmpty()) {
            flash(false, texts.get("send.noneSelected"));
            return;
        }
        for (Long id : ids) {
            report(actions.resend(id), id);
        }
        selected.clear();
        rows = null;
    }

    private void report(SendOutcome outcome, long id) {
        flash(outcome.accepted(), "#" + id + ": " + (outcome.accepted()
                ? texts.get("action.sent", texts.get("status." + outcome.status()))
                : texts.get("action.refused", outcome.reason() == null ? "" : outcome.reason())));
    }

    private static void flash(boolean ok, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(ok ? FacesMessage.SEVERITY_INFO
                : FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<Integer> getErrcodes() {
        return search.errcodes();
    }

    public SendStatus[] getStatuses() {
        return SendStatus.values();
    }

    static SendStatus parseStatus(String value) {
        try {
            return value == null || value.isBlank() ? null : SendStatus.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Integer parseInt(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getErrcode() {
        return errcode;
    }

    public void setErrcode(String errcode) {
        this.errcode = errcode;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }
}
