package com.kfgateway.admin.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link SendLogFilter} as JPQL over the (status, id) and (last_errcode, id) indexes, newest first by id. */
public final class SendLogQuery {

    private SendLogQuery() {
    }

    public static JpqlQuery of(SendLogFilter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.status() != null) {
            where.add("s.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.errcode() != null) {
            where.add("s.error.errcode = :errcode");
            parameters.put("errcode", filter.errcode());
        }
        if (filter.conversationId() != null) {
            where.add("s.conversationId = :conversationId");
            parameters.put("conversationId", filter.conversationId());
        }
        if (filter.beforeId() != null) {
            where.add("s.id < :beforeId");
            parameters.put("beforeId", filter.beforeId());
        }
        return new JpqlQuery("select s from SendLogEntry s" + (where.isEmpty() ? "" : " where "
                + String.join(" and ", where)) + " order by s.id desc", parameters);
    }
}
