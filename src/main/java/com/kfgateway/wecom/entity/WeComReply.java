package com.kfgateway.wecom.entity;

/**
 * What one WeCom call came to, in our terms. WeCom either answered (OK, or an errcode it chose) or it did not: an
 * unreachable WeCom (no connection, timeout, HTTP error, not JSON) is its own outcome and never pretends to be
 * errcode -1, which is WeCom's real "system busy". A call may also stop before any request: no token could be had,
 * or the credential is not configured.
 *
 * @param value      the typed answer for OK; null otherwise
 * @param errcode    WeCom's errcode for ERRCODE; for NO_TOKEN the gettoken errcode, or 0 when gettoken was not reached
 * @param detail     errmsg for ERRCODE; for the other failures a redacted description (never a secret)
 * @param httpStatus for UNREACHABLE, the HTTP status when one came back (else 0)
 */
public record WeComReply<T>(Outcome outcome, T value, int errcode, String detail, int httpStatus) {

    public enum Outcome {
        OK,
        /** WeCom answered with a non-zero errcode. */
        ERRCODE,
        /** WeCom could not be asked or gave no usable answer: the effect of the call is unknown. */
        UNREACHABLE,
        /** No access token could be had (gettoken refused or paused, or not reached). */
        NO_TOKEN,
        /** A credential or setting this call needs is not configured; nothing was sent. */
        NOT_CONFIGURED
    }

    public static <T> WeComReply<T> ok(T value) {
        return new WeComReply<>(Outcome.OK, value, 0, null, 0);
    }

    public static <T> WeComReply<T> errcode(int errcode, String errmsg) {
        return new WeComReply<>(Outcome.ERRCODE, null, errcode, errmsg, 0);
    }

    public static <T> WeComReply<T> unreachable(String detail, int httpStatus) {
        return new WeComReply<>(Outcome.UNREACHABLE, null, 0, detail, httpStatus);
    }

    public static <T> WeComReply<T> noToken(int gettokenErrcode, String detail) {
        return new WeComReply<>(Outcome.NO_TOKEN, null, gettokenErrcode, detail, 0);
    }

    public static <T> WeComReply<T> notConfigured(String detail) {
        return new WeComReply<>(Outcome.NOT_CONFIGURED, null, 0, detail, 0);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /** True when WeCom answered this very call with {@code code}. */
    public boolean is(int code) {
        return outcome == Outcome.ERRCODE && errcode == code;
    }

    /** The same failure carrying another value type (a failure has no value). */
    @SuppressWarnings("unchecked")
    public <U> WeComReply<U> failure() {
        if (ok()) {
            throw new IllegalStateException("an OK reply is not a failure");
        }
        return (WeComReply<U>) this;
    }

    /** One line for logs and notes: "errcode 95018 …", "unreachable: …", and so on. */
    public String describe() {
        return switch (outcome) {
            case OK -> "ok";
            case ERRCODE -> "errcode " + errcode + (detail == null ? "" : " " + detail);
            case UNREACHABLE -> "WeCom not reached: " + detail;
            case NO_TOKEN -> "no access token: " + detail;
            case NOT_CONFIGURED -> "not configured: " + detail;
        };
    }

    @Override
    public String toString() {
        return "WeComReply[" + describe() + "]";
    }
}
