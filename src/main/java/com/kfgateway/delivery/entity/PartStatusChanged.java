package com.kfgateway.delivery.entity;

/**
 * Fired inside the send log's transaction whenever a part settles or comes back: sent, waiting for a retry,
 * failed (after the call, at planning, behind a failed earlier part, or later through msg_send_fail), or put back
 * for a resend. {@code from} is null for a part refused at planning.
 */
public record PartStatusChanged(long conversationId, String msgid, SendStatus from, SendStatus to,
        String explanation) {

    /** The part has just become FAILED. */
    public boolean failedNow() {
        return to == SendStatus.FAILED && from != SendStatus.FAILED;
    }

    /** A FAILED part was put back to be sent again. */
    public boolean recovered() {
        return from == SendStatus.FAILED && to != SendStatus.FAILED;
    }
}
