package com.kfgateway.admin.conversations;

import com.kfgateway.admin.Formats;
import com.kfgateway.admin.control.ConversationFilter;
import com.kfgateway.admin.control.ConversationSearch;
import com.kfgateway.admin.control.KeysetCursor;
import com.kfgateway.admin.control.Page;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Backs {@code admin/conversations/list.xhtml}: the inbox. All filters are GET parameters, so a filtered view can be
 * bookmarked and the back button works; paging is by keyset ({@code after}/{@code before} tokens).
 */
@Named
@RequestScoped
public class ConversationsBacking {

    static final int PAGE_SIZE = 25;

    @Inject
    ConversationSearch search;

    @Inject
    Formats formats;

    private String account;
    private String state;
    private String failed;
    private String from;
    private String to;
    private String q;
    private String order;
    private String after;
    private String before;
    private Page<Conversation> page;

    public void load() {
        KeysetCursor cursor = KeysetCursor.decode(before != null ? before : after).orElse(null);
        page = search.page(new ConversationFilter(account, parseState(state), isFailedOnly(), startOf(from), endOf(to),
                q,
                "oldest".equals(order) ? ConversationFilter.Order.OLDEST : ConversationFilter.Order.NEWEST, cursor,
                before != null && cursor != null, PAGE_SIZE));
    }

    static ServiceState parseState(String value) {
        try {
            return value == null || value.isBlank() ? null : ServiceState.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Instant startOf(String date) {
        LocalDate day = parseDate(date);
        return day == null ? null : day.atStartOfDay(formats.zone()).toInstant();
    }

    /** "to" is inclusive for people: the whole day, so the bound is the next midnight. */
    private Instant endOf(String date) {
        LocalDate day = parseDate(date);
        return day == null ? null : day.plusDays(1).atStartOfDay(formats.zone()).toInstant();
    }

    static LocalDate parseDate(String date) {
        try {
            return date == null || date.isBlank() ? null : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public Page<Conversation> getPage() {
        return page;
    }

    public List<String> getAccounts() {
        return search.accounts();
    }

    public ServiceState[] getStates() {
        return ServiceState.values();
    }

    public boolean isFiltered() {
        return account != null || state != null || isFailedOnly() || from != null || to != null || q != null;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** A browser sends "on" for a ticked checkbox without a value; links send "true". */
    public boolean isFailedOnly() {
        return "on".equals(failed) || "true".equals(failed);
    }

    public String getFailed() {
        return failed;
    }

    public void setFailed(String failed) {
        this.failed = failed;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }
}
