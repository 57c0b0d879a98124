package com.kfgateway.wecom.entity;

/**
 * What a caller should do after WeCom answered with an errcode. The choice decides whether a send is repeated, so
 * when in doubt a code is {@link #PERMANENT}: a duplicate message to a customer is worse than a missed retry.
 */
public enum ErrorHandling {
    /** errcode 0: nothing went wrong. */
    OK,
    /**
     * Transient (-1, 45009, 45033, and HTTP failures or timeouts that carry no errcode): retry with a growing pause,
     * at most a few times; a retried send_msg keeps its msgid.
     */
    RETRY,
    /** The access token is bad or expired (40001, 40014, 42001): drop the cached token, fetch a new one, retry once. */
    REFRESH_TOKEN,
    /** Repeating the same request can only fail again (95001, 95002, 95018, 95013, 40096, 44004, 45002 …). */
    PERMANENT,
    /** The setup is wrong (corp id, secret, permissions, trusted IP …): alert the operator, do not retry. */
    CONFIGURATION;

    public boolean retryable() {
        return this == RETRY || this == REFRESH_TOKEN;
    }
}
