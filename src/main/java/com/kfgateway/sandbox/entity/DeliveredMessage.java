package com.kfgateway.sandbox.entity;

import java.time.Instant;

/**
 * A message that kf/send_msg or kf/send_msg_on_event really delivered to a customer.
 *
 * @param content the text for msgtype text, otherwise the JSON of the msgtype's object
 * @param via     "send_msg" or "send_msg_on_event"
 */
public record DeliveredMessage(String openKfid, String externalUserid, String msgid, String msgtype, String content,
        Instant at, String via) {
}
