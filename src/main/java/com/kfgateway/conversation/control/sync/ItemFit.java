package com.kfgateway.conversation.control.sync;

import com.kfgateway.wecom.entity.InboundEvent;
import com.kfgateway.wecom.entity.InboundItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Makes a sync item fit our columns (sql/V3) before it is stored, so a field WeCom sent longer than we expected
 * cannot fail the whole page: a long msgid becomes a stable stand-in (de-duplication still holds), labels are cut,
 * a code that long is useless and dropped. The raw JSON keeps the original. An item whose customer cannot be named
 * within the columns cannot be answered either: {@link #unaddressable} says why, and it is set aside.
 */
final class ItemFit {

    static final int MSGID = 128;
    static final int ID = 64;
    static final int MSGTYPE = 40;
    static final int MEDIA_ID = 256;
    static final int CODE = 256;

    private ItemFit() {
    }

    static InboundItem fit(InboundItem item) {
        return new InboundItem(msgid(item.msgid()), item.openKfid(), item.externalUserid(), item.origin(),
                cut(item.servicerUserid(), ID), cut(item.msgtype(), MSGTYPE), item.text(),
                item.mediaId() != null && item.mediaId().length() > MEDIA_ID ? null : item.mediaId(), item.sentAt(),
                item.event() == null ? null : fit(item.event()), item.rawJson());
    }

    /** Why the item cannot be stored against a customer, or null when it can. */
    static String unaddressable(InboundItem item) {
        if (item.openKfid() != null && item.openKfid().length() > ID) {
            return "open_kfid is " + item.openKfid().length() + " characters (at most " + ID + " fit)";
        }
        if (item.externalUserid() != null && item.externalUserid().length() > ID) {
            return "external_userid is " + item.externalUserid().length() + " characters (at most " + ID + " fit)";
        }
        return null;
    }

    /** WeCom's msgid when it fits; else a stand-in derived from it, the same every time the item is served. */
    static String msgid(String msgid) {
        if (msgid == null || msgid.length() <= MSGID) {
            return msgid;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(msgid.getBytes(StandardCharsets.UTF_8));
            return "long-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static InboundEvent fit(InboundEvent event) {
        return new InboundEvent(cut(event.eventType(), ID), event.scene(), event.sceneParam(),
                tooLong(event.welcomeCode(), CODE) ? null : event.welcomeCode(), event.failMsgid(), event.failType(),
                event.changeType(), cut(event.oldServicerUserid(), ID), cut(event.newServicerUserid(), ID),
                tooLong(event.msgCode(), CODE) ? null : event.msgCode(), cut(event.servicerUserid(), ID),
                event.status(), event.recallMsgid());
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
