package com.kfgateway.wecom.entity;

import java.time.Instant;

/**
 * CDI event: a verified, decrypted callback arrived. The callback is only a doorbell; observers pull the content
 * with kf/sync_msg. Fired synchronously, so observers must hand the work off and return at once.
 */
public record KfCallbackReceived(CallbackEvent event, Instant receivedAt) {
}
