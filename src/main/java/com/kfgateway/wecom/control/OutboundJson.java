package com.kfgateway.wecom.control;

import com.kfgateway.http.Jsons;

/**
 * Our outbound messages in WeCom's JSON shape, for the conversation's record of what we sent (sync_msg never
 * returns it, so the record is written from our side in the same shape as what it returns).
 */
public final class OutboundJson {

    private OutboundJson() {
    }

    public static String text(String msgid, String content) {
        return Jsons.object().add("msgid", msgid).add("msgtype", "text")
                .add("text", Jsons.object().add("content", content)).build().toString();
    }
}
