package com.kfgateway.wecom.control;

import java.time.Duration;
import java.util.Set;

/**
 * How long gettoken stays untried after the secret or corp id was refused. WeCom bans the calling IP for an hour
 * after repeated bad-secret calls ("如果应用的secret错误多次，会导致同一个IP被禁用一小时"), so we wait 10 minutes after
 * the first refusal, doubling up to 60, instead of asking again on every request.
 */
final class CredentialBlock {

    /** 不合法的secret参数, 不合法的CorpID, secret不合法: retrying cannot help until the configuration changes. */
    static final Set<Integer> CREDENTIAL_ERRCODES = Set.of(40001, 40013, 40091);

    private static final Duration FIRST = Duration.ofMinutes(10);
    private static final Duration LONGEST = Duration.ofMinutes(60);

    private CredentialBlock() {
    }

    static boolean blocks(int errcode) {
        return CREDENTIAL_ERRCODES.contains(errcode);
    }

    /** The block after the given number of consecutive failures (1 for the first). */
    static Duration after(int consecutiveFailures) {
        int doublings = Math.max(0, Math.min(consecutiveFailures - 1, 3));
        Duration block = FIRST.multipliedBy(1L << doublings);
        return block.compareTo(LONGEST) > 0 ? LONGEST : block;
    }

    /**
     * The wait before the refresh timer tries again after a failure that does not block (network, rate limit):
     * 15 s doubling up to 5 minutes, so an outage is not hammered every second.
     */
    static Duration retryAfter(int consecutiveFailures) {
        int doublings = Math.max(0, Math.min(consecutiveFailures - 1, 5));
        Duration wait = Duration.ofSeconds(15).multipliedBy(1L << doublings);
        return wait.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : wait;
    }
}
