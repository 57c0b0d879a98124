package com.kfgateway.delivery.control;

import com.kfgateway.wecom.entity.ErrorHandling;
import com.kfgateway.wecom.entity.WeComError;
import java.time.Duration;

/**
 * Whether a failed send is tried again, and when. Only what can succeed later is repeated (-1, 45009, 45033, token
 * errors that survived the client's own refresh, timeouts, broken connections, 5xx); everything else fails at once
 * with the errcode explained, because repeating a refused send cannot help and may annoy the customer. Retries
 * reuse the part's msgid, so a send whose answer was lost is not delivered twice; WeCom then refuses the msgid as
 * used, and that refusal, after an attempt whose answer was lost, means the part arrived.
 */
public final class RetryPolicy {

    public enum Kind { SENT, RETRY, FAIL }

    /** What to do next; {@code delay} only for RETRY, {@code explanation} for RETRY and FAIL. */
    public record Verdict(Kind kind, Duration delay, String explanation) {
    }

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /**
     * WeCom documents only that a msgid used before in the account "returns an error"; the simulator answers 40058
     * (invalid parameter), and we assume WeCom does (UNCONFIRMED). Our msgids always have the allowed form, so after
     * an attempt whose answer was lost, 40058 can only mean that attempt got through.
     */
    static final int MSGID_ALREADY_USED = 40058;

    private final int maxAttempts;

    public RetryPolicy(int maxAttempts) {
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** WeCom answered with {@code error}'s errcode after {@code attempts} attempts (this one included). */
    public Verdict afterErrcode(WeComError error, int attempts) {
        return afterErrcode(error, attempts, false);
    }

    /** As above; {@code mayHaveArrived}: an earlier attempt's answer was lost, so WeCom may have the part already. */
    public Verdict afterErrcode(WeComError error, int attempts, boolean mayHaveArrived) {
        if (error.code() == 0 || error.handling() == ErrorHandling.OK) {
            return new Verdict(Kind.SENT, Duration.ZERO, null);
        }
        if (mayHaveArrived && error.code() == MSGID_ALREADY_USED) {
            return new Verdict(Kind.SENT, Duration.ZERO, "WeCom already has this msgid from an attempt whose answer"
                    + " was lost: the part arrived / 企业微信已收到此 msgid（此前一次发送的应答丢失），视为已发送");
        }
        return error.retryable() ? retryOrGiveUp(attempts, explain(error)) : fail(explain(error));
    }

    /** The call had no WeCom answer (no connection, timeout, broken, an HTTP status, not JSON). */
    public Verdict afterTransportFailure(String detail, int httpStatus, int attempts) {
        String explanation = "no answer from WeCom (" + (httpStatus > 0 ? "HTTP " + httpStatus : detail) + "): the"
                + " outcome is unknown, so the part is repeated with the same msgid / 企业微信无应答，使用同一 msgid 重发";
        boolean clientError = httpStatus >= 400 && httpStatus < 500 && httpStatus != 429;
        return clientError ? fail(explanation) : retryOrGiveUp(attempts, explanation);
    }

    /** No token could be had (gettoken failing or paused): may recover once the token service does. */
    public Verdict afterNoToken(String reason, int attempts) {
        return retryOrGiveUp(attempts, "no access token: " + reason + " / 无法获取 access_token");
    }

    /** 1 s, 2 s, 4 s, 8 s … after the 1st, 2nd, 3rd, 4th failed attempt. */
    public static Duration pauseAfter(int attempts) {
        return FIRST_PAUSE.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    private Verdict retryOrGiveUp(int attempts, String explanation) {
        if (attempts >= maxAttempts) {
            return fail(explanation + " — gave up after " + attempts + " attempts / 已重试 " + attempts + " 次，放弃");
        }
        return new Verdict(Kind.RETRY, pauseAfter(attempts), explanation);
    }

    private static Verdict fail(String explanation) {
        return new Verdict(Kind.FAIL, Duration.ZERO, explanation);
    }

    /** One readable paragraph: code, meaning in both languages, then cause and fix in English. */
    public static String explain(WeComError error) {
        return error.code() + " " + error.meaningZh() + " / " + error.meaningEn() + ". Cause: " + error.causeEn()
                + " Fix: " + error.fixEn();
    }
}
