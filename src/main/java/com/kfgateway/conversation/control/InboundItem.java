package com.kfgateway.conversation.control;

import com.kfgateway.conversation.entity.Message.Sender;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * One kf/sync_msg item in our terms. Events carry open_kfid and external_userid inside {@code event}; they are lifted
 * here so every item names its customer the same way (servicer_status_change names none: externalUserid is null).
 *
 * @param msgid          WeCom's msgid, or a stable stand-in derived from the raw JSON when WeCom sent none
 * @param origin         3 customer, 4 event, 5 servicer in the WeCom client; null when absent
 * @param eventType      for msgtype=event, e.g. enter_session; else null
 * @param text           a readable summary for every type (the full original stays in {@code raw})
 * @param event          the {@code event} object, or null
 */
public record InboundItem(String msgid, String openKfid, String externalUserid, Integer origin, String servicerUserid,
        String msgtype, String eventType, String text, String mediaId, Instant sentAt, JsonObject event,
        JsonObject raw) {

    public static final int ORIGIN_CUSTOMER = 3;
    public static final int ORIGIN_EVENT = 4;
    public static final int ORIGIN_STAFF = 5;

    public Sender sender() {
        if (origin != null && origin == ORIGIN_CUSTOMER && event == null) {
            return Sender.CUSTOMER;
        }
        if (origin != null && origin == ORIGIN_STAFF) {
            return Sender.STAFF_CLIENT;
        }
        return Sender.SYSTEM;
    }

    public boolean fromCustomer() {
        return sender() == Sender.CUSTOMER;
    }

    public boolean isEvent() {
        return event != null;
    }

    public boolean hasCustomer() {
        return openKfid != null && externalUserid != null;
    }

    public String eventString(String field) {
        return event == null ? null : ItemReader.string(event, field);
    }
}
