package com.kfgateway.wecom.control;

import java.util.List;
import jakarta.json.JsonObject;

/**
 * One page of {@code kf/sync_msg}. Keep pulling while {@link #hasMore()}, even when {@link #items()} is empty (WeCom:
 * "可能会出现has_more为1，而msg_list为空的情况"). Items are WeCom's JSON, unknown message types included.
 */
public record SyncPage(String nextCursor, boolean hasMore, List<JsonObject> items, WeComResponse response) {

    public boolean ok() {
        return response.ok();
    }
}
