package com.kfgateway.wecom.entity;

import java.time.Instant;

/**
 * One kf/sync_msg item in our terms. Events carry open_kfid and external_userid inside {@code event}; they are lifted
 * here so every item names its customer the same way (servicer_status_change names none: externalUserid is null).
 *
 * @param msgid   WeCom's msgid, or a stable stand-in derived from the raw JSON when WeCom sent none
 * @param origin  3 customer, 4 event, 5 servicer in the WeCom client; null when absent
 * @param text    a readable summary for every type (the full original stays in {@code rawJson})
 * @param event   the event's fields for msgtype=event, else null
 * @param rawJson the item exactly as WeCom sent it, kept whole because WeCom keeps adding types and fields
 */
public record InboundItem(String msgid, String openKfid, String externalUserid, Integer origin, String servicerUserid,
        String msgtype, String text, String mediaId, Instant sentAt, InboundEvent event, String rawJson) {

    public static final int ORIGIN_CUSTOMER = 3;
    public static final int ORIGIN_EVENT = 4;
    public static final int ORIGIN_SERVICER = 5;

    /** Written by the customer in WeChat (not an event). */
    public boolean fromCustomer() {
        return origin != null && origin == ORIGIN_CUSTOMER && event == null;
    }

    /** Written by a servicer from the WeCom client. */
    public boolean fromServicer() {
        return origin != null && origin == ORIGIN_SERVICER;
    }

    public boolean isEvent() {
        return event != null;
    }

    public String eventType() {
        return event == null ? null : event.eventType();
    }

    public boolean hasCustomer() {
        return openKfid != null && externalUserid != null;
    }
}
