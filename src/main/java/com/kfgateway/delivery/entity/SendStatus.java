package com.kfgateway.delivery.entity;

/**
 * PENDING: written, not yet tried. SENDING: claimed by a dispatcher (a crash leaves it here; the retry resends with
 * the same msgid, which WeCom de-duplicates). RETRY_WAIT: a transient failure, tried again at next_attempt_at.
 * SENT: WeCom accepted it (delivery may still fail later: msg_send_fail). FAILED: will not succeed as it is.
 */
public enum SendStatus {
    PENDING, SENDING, RETRY_WAIT, SENT, FAILED;

    public boolean open() {
        return this == PENDING || this == SENDING || this == RETRY_WAIT;
    }
}
