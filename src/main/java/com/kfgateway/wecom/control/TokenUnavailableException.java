package com.kfgateway.wecom.control;

import java.time.Instant;

/**
 * No access token can be had for a credential right now: gettoken failed, or it is paused after WeCom refused the
 * secret (then {@link #blockedUntil()} says until when). The message names the credential and errcode, never the
 * secret.
 */
public class TokenUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Credential credential;
    private final Integer errcode;
    private final Instant blockedUntil;

    public TokenUnavailableException(Credential credential, Integer errcode, Instant blockedUntil, String message,
            Throwable cause) {
        super(message, cause);
        this.credential = credential;
        this.errcode = errcode;
        this.blockedUntil = blockedUntil;
    }

    public Credential credential() {
        return credential;
    }

    /** WeCom's errcode from gettoken, or {@code null} when WeCom was not reached. */
    public Integer errcode() {
        return errcode;
    }

    /** When gettoken may be tried again, or {@code null} when it is not paused. */
    public Instant blockedUntil() {
        return blockedUntil;
    }
}
