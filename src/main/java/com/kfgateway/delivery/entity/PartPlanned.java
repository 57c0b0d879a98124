package com.kfgateway.delivery.entity;

import java.time.Instant;

/**
 * Fired inside the planning transaction for every part that will be attempted (not for one refused at once), so
 * the sender can keep its own record of what goes out, in the same commit.
 */
public record PartPlanned(Recipient recipient, String msgid, Long answersMessageId, String text, String requestedBy,
        Instant at) {
}
