package com.kfgateway.admin.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link ConversationFilter} into one JPQL query that the indexes of V3, V4 and V6 can answer: equality
 * filters and the inbox order (last_message_at, id) share an index, the page starts at a keyset position, and
 * nothing counts all rows. Asks for one row more than a page to learn whether another page follows.
 *
 * <p>Two shapes exist only for the planner (H2 in particular; the InboxLoadRun measures them): the keyset condition
 * carries a plain bound on last_message_at so the index scan starts at the cursor instead of at the newest row, and
 * an account or state filter is repeated at the head of the ORDER BY, because H2 skips the sort only when the
 * ORDER BY matches an index from its first column.
 */
public final class ConversationQuery {

    private ConversationQuery() {
    }

    /** The filter with its search read from the message table (when the text index cannot answer). */
    public static JpqlQuery of(ConversationFilter filter) {
        return of(filter, null);
    }

    /**
     * The filter with the conversations that match its search already known (from the text index and the user id):
     * the search becomes a list of ids, read by primary key.
     */
    public static JpqlQuery of(ConversationFilter filter, Collection<Long> matches) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.openKfid() != null) {
            where.add("c.openKfid = :openKfid");
            parameters.put("openKfid", filter.openKfid());
        }
        if (filter.state() != null) {
            where.add("c.serviceState = :state");
            parameters.put("state", filter.state().code());
        }
        if (filter.failedOnly()) {
            // ">= 1", not "> 0": H2 seeks to the first 1 in the index; "> 0" walked every 0 first (EXPLAIN ANALYZE).
            where.add("c.failedSends >= 1");
        }
        if (filter.from() != null) {
            where.add("c.lastMessageAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("c.lastMessageAt < :to");
            parameters.put("to", filter.to());
        }
        if (filter.search() != null && matches != null) {
            where.add("c.id in :matches");
            parameters.put("matches", List.copyOf(matches));
        } else if (filter.search() != null) {
            where.add("(lower(c.nickname) like :pattern escape '\\' or c.externalUserid = :exact or c.id in "
                    + "(select m.conversationId from Message m where lower(m.text) like :pattern escape '\\'))");
            parameters.put("pattern", containsPattern(filter.search()));
            parameters.put("exact", filter.search());
        }
        // Walking forward in NEWEST order means going down in time; walking backwards from a page means going up.
        boolean descending = (filter.order() == ConversationFilter.Order.NEWEST) != filter.backwards();
        if (filter.cursor() != null) {
            String beyond = descending ? "<" : ">";
            where.add("c.lastMessageAt " + beyond + "= :cursorAt");
            where.add("(c.lastMessageAt " + beyond + " :cursorAt or (c.lastMessageAt = :cursorAt and c.id " + beyond
                    + " :cursorId))");
            parameters.put("cursorAt", filter.cursor().at());
            parameters.put("cursorId", filter.cursor().id());
        }
        String direction = descending ? " desc" : " asc";
        String jpql = "select c from Conversation c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + indexPrefix(filter, direction) + "c.lastMessageAt" + direction + ", c.id" + direction;
        return new JpqlQuery(jpql, parameters);
    }

    /** The equality-filtered column that leads an index in inbox order, or nothing; constant within the result. */
    private static String indexPrefix(ConversationFilter filter, String direction) {
        if (filter.openKfid() != null) {
            return "c.openKfid" + direction + ", ";
        }
        return filter.state() != null ? "c.serviceState" + direction + ", " : "";
    }

    /** A LIKE pattern matching the text anywhere, with the user's own % and _ taken literally. */
    static String containsPattern(String search) {
        String escaped = search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
