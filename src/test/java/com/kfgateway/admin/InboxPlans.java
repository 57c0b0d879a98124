package com.kfgateway.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * H2's {@code EXPLAIN ANALYZE} of the SQL the inbox runs (written by hand in the shape EclipseLink generates from
 * {@code ConversationQuery}, parameters inlined; keep the two in step), so the report can say which index each
 * filter uses, whether the ORDER BY comes from the index ("index sorted") and how many rows H2 actually read
 * ("scanCount").
 */
final class InboxPlans {

    private static final String COLUMNS = "select id, created_at, external_userid, failed_sends, "
            + "last_customer_message_at, last_message_at, last_message_preview, nickname, nickname_fetched_at, open_kfid, service_state, "
            + "servicer_userid, state_changed_at, state_confirmed_at, unread, version from conversation";
    private static final String NEWEST = " order by last_message_at desc, id desc limit 26";

    private InboxPlans() {
    }

    /** The SQL of each inbox view, keyed like the load run's scenarios. */
    static Map<String, String> queries(Timestamp cursorAt, long cursorId, String account, int state, Timestamp from,
            Timestamp to) {
        String search = "(lower(nickname) like '%%%1$s%%' escape '\\' or external_userid = '%1$s' or id in "
                + "(select conversation_id from message where lower(text) like '%%%1$s%%' escape '\\'))";
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("first page", COLUMNS + NEWEST);
        sql.put("deep page (keyset)", COLUMNS + " where last_message_at <= " + literal(cursorAt)
                + " and (last_message_at < " + literal(cursorAt)
                + " or (last_message_at = " + literal(cursorAt) + " and id < " + cursorId + "))" + NEWEST);
        sql.put("KF account", COLUMNS + " where open_kfid = '" + account + "' order by open_kfid desc,"
                + NEWEST.substring(" order by".length()));
        sql.put("service state", COLUMNS + " where service_state = " + state + " order by service_state desc,"
                + NEWEST.substring(" order by".length()));
        sql.put("has failed sends", COLUMNS + " where failed_sends >= 1" + NEWEST);
        sql.put("date range (7 days)", COLUMNS + " where last_message_at >= " + literal(from)
                + " and last_message_at < " + literal(to) + NEWEST);
        // The table search, used only until the text index has caught up after start-up (or while it fails); with
        // the index a search is "id in (the ids it found)" read by primary key, plus the user id by its V11 index.
        sql.put("search, common word (table)", COLUMNS + " where " + String.format(search, InboxSeed.COMMON_WORD)
                + NEWEST);
        sql.put("search, one match (table)", COLUMNS + " where " + String.format(search, InboxSeed.RARE_WORD) + NEWEST);
        sql.put("search, one match (index): user id", "select id from conversation where external_userid = '"
                + InboxSeed.RARE_WORD + "'");
        sql.put("account drop-down", "select distinct open_kfid from conversation order by open_kfid limit 200");
        return sql;
    }

    static Map<String, String> explain(String url, Map<String, String> queries) throws SQLException {
        Map<String, String> plans = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                Statement statement = db.createStatement()) {
            for (var query : queries.entrySet()) {
                try (ResultSet plan = statement.executeQuery("explain analyze " + query.getValue())) {
                    plan.next();
                    plans.put(query.getKey(), plan.getString(1).replaceAll("\\s+", " ").trim());
                }
            }
        }
        return plans;
    }

    /** The keyset position after the given number of rows in newest-first order, read straight from the table. */
    static Object[] positionAfter(String url, int rows) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("select last_message_at, id from conversation order by "
                        + "last_message_at desc, id desc offset " + (rows - 1) + " rows fetch next 1 row only")) {
            row.next();
            return new Object[]{row.getTimestamp(1), row.getLong(2)};
        }
    }

    private static String literal(Timestamp at) {
        return "timestamp '" + at + "'";
    }
}
