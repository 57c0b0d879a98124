package com.kfgateway.wecom.entity;

import java.util.List;

/**
 * One page of {@code kf/sync_msg}. Keep pulling while {@link #hasMore()}, even when {@link #items()} is empty (WeCom:
 * "可能会出现has_more为1，而msg_list为空的情况"). Unknown message types are items too, with their raw JSON.
 */
public record SyncPage(String nextCursor, boolean hasMore, List<InboundItem> items) {
}
