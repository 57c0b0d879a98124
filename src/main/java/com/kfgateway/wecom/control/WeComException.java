package com.kfgateway.wecom.control;

/**
 * WeCom could not be asked or did not answer in JSON: the call's outcome is unknown, unlike an errcode, which is
 * an answer. The message names the URL with {@code access_token} and {@code corpsecret} redacted.
 */
public class WeComException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No connection could be made (refused, DNS, connect timeout). */
        CONNECT,
        /** Connected, but no complete answer within the request timeout. */
        TIMEOUT,
        /** The connection broke while talking. */
        IO,
        /** An HTTP status other than 2xx (a proxy, or WeCom's front end). */
        HTTP_STATUS,
        /** A 2xx answer whose body is not a JSON object. */
        NOT_JSON,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Kind kind;
    private final int httpStatus;

    public WeComException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
