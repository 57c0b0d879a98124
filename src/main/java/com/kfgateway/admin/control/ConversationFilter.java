package com.kfgateway.admin.control;

import com.kfgateway.conversation.entity.ServiceState;
import java.time.Instant;

/**
 * What the inbox shows: optional KF account, service state, "has failed sends", a range on the last message time
 * [from, to), a search over customer name and message text, the order, and where the page starts.
 */
public record ConversationFilter(String openKfid, ServiceState state, boolean failedOnly, Instant from, Instant to,
        String search, Order order, KeysetCursor cursor, boolean backwards, int pageSize) {

    public enum Order { NEWEST, OLDEST }

    public static final int MAX_PAGE = 200;

    public ConversationFilter {
        openKfid = blankToNull(openKfid);
        search = blankToNull(search);
        order = order == null ? Order.NEWEST : order;
        pageSize = Math.max(1, Math.min(MAX_PAGE, pageSize));
    }

    public static ConversationFilter newest(int pageSize) {
        return new ConversationFilter(null, null, false, null, null, null, Order.NEWEST, null, false, pageSize);
    }

    /** The same filter without the search, from another position: a stretch of the inbox to test row by row. */
    ConversationFilter withoutSearchFrom(KeysetCursor position) {
        return new ConversationFilter(openKfid, state, failedOnly, from, to, null, order, position, backwards,
                pageSize);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
