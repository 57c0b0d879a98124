package com.kfgateway.wecom.entity;

/**
 * The {@code event} object of a kf/sync_msg item of msgtype {@code event}, the fields this gateway reads (shared
 * reference §2.2). Numbers WeCom sends as strings or numbers are read either way; absent fields are null.
 *
 * @param eventType  enter_session, msg_send_fail, session_status_change, servicer_status_change, user_recall_msg, …
 * @param scene      enter_session: the entry scene, may be empty
 * @param welcomeCode enter_session: the 20-second code for the welcome, when WeCom grants one
 * @param failMsgid  msg_send_fail: our msgid that could not be delivered
 * @param failType   msg_send_fail: why (0 unknown … 13 security)
 * @param changeType session_status_change: 1 taken from the queue, 2 transferred, 3 ended, 4 re-opened
 * @param msgCode    session_status_change 1 and 3: the code for a reply or closing message
 * @param status     servicer_status_change: 1 receiving, 2 stopped
 * @param recallMsgid user_recall_msg / servicer_recall_msg: the recalled message
 */
public record InboundEvent(String eventType, String scene, String sceneParam, String welcomeCode, String failMsgid,
        Integer failType, Integer changeType, String oldServicerUserid, String newServicerUserid, String msgCode,
        String servicerUserid, Integer status, String recallMsgid) {
}
