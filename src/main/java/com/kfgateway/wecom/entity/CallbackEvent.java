package com.kfgateway.wecom.entity;

import java.util.List;

/**
 * One decrypted WeCom callback. For KF it is only a doorbell: {@code kf_msg_or_event} says "pull with this token",
 * {@code kf_account_auth_change} says which accounts this app gained or lost.
 *
 * @param toUserName       the corp id the callback was addressed to
 * @param createTime       seconds since the epoch, 0 when absent
 * @param msgType          {@code event} for KF callbacks; other types are kept as they come
 * @param event            the event type, null for plain messages
 * @param syncToken        the {@code <Token>} for {@code kf/sync_msg} (valid 10 minutes); not the signing token
 * @param openKfId         the account with new messages; null in older callbacks that omit it
 * @param authAddOpenKfIds accounts granted to this app (may repeat in the XML)
 * @param authDelOpenKfIds accounts taken from this app
 * @param rawXml           the decrypted XML as received, for types we do not model
 */
public record CallbackEvent(String toUserName, long createTime, String msgType, String event, String syncToken,
        String openKfId, List<String> authAddOpenKfIds, List<String> authDelOpenKfIds, String rawXml) {

    public static final String KF_MSG_OR_EVENT = "kf_msg_or_event";
    public static final String KF_ACCOUNT_AUTH_CHANGE = "kf_account_auth_change";

    public CallbackEvent {
        authAddOpenKfIds = authAddOpenKfIds == null ? List.of() : List.copyOf(authAddOpenKfIds);
        authDelOpenKfIds = authDelOpenKfIds == null ? List.of() : List.copyOf(authDelOpenKfIds);
    }

    public boolean isKfMsgOrEvent() {
        return KF_MSG_OR_EVENT.equals(event);
    }

    public boolean isKfAccountAuthChange() {
        return KF_ACCOUNT_AUTH_CHANGE.equals(event);
    }

    /** Leaves out the sync token and the raw XML (which contains it): whoever holds it may pull customer messages. */
    @Override
    public String toString() {
        return "CallbackEvent[toUserName=" + toUserName + ", createTime=" + createTime + ", msgType=" + msgType
                + ", event=" + event + ", syncToken=" + (syncToken == null ? "(none)" : "(hidden)")
                + ", openKfId=" + openKfId + ", authAddOpenKfIds=" + authAddOpenKfIds
                + ", authDelOpenKfIds=" + authDelOpenKfIds + "]";
    }
}
