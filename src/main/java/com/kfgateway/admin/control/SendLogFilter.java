package com.kfgateway.admin.control;

import com.kfgateway.delivery.entity.SendStatus;

/** What the send log shows: optional status, errcode and conversation; newest first, from before {@code beforeId}. */
public record SendLogFilter(SendStatus status, Integer errcode, Long conversationId, Long beforeId, int pageSize) {

    public static final int MAX_PAGE = 200;

    public SendLogFilter {
        pageSize = Math.max(1, Math.min(MAX_PAGE, pageSize));
    }

    public static SendLogFilter ofStatus(SendStatus status, int pageSize) {
        return new SendLogFilter(status, null, null, null, pageSize);
    }
}
