package com.kfgateway.wecom.control;

import jakarta.json.Json;

/**
 * Our outbound messages in WeCom's JSON shape, for the conversation's record of what we sent (sync_msg never
 * returns it, so the record is written from our side in the same shape as what it returns).
 */
public final class OutboundJson {

    private OutboundJson() {
    }

    public static String text(String msgid, String content) {
        return Json.createObjectBuilder().add("msgid", msgid).add("msgtype", "text")
                .add("text", Json.createObjectBuilder().add("content", content)).build().toString();
    }
}
