package com.kfgateway.sandbox.entity;

import java.time.Instant;
import java.util.List;

/**
 * A message/send the simulator accepted.
 *
 * @param recipients the valid recipients (lowercased, as WeCom returns them)
 * @param content    the text for msgtype text, otherwise the JSON of the msgtype's object
 */
public record StaffNotification(List<String> recipients, int agentId, String msgtype, String content, Instant at) {
}
