package com.kfgateway.doctor.entity;

/**
 * What the two secrets' relation means (reference §1.3): identical secrets are right for a self-built app that is
 * authorised for 微信客服, and wrong otherwise; only a live kf/account/list tells which.
 */
public enum SecretVerdict {
    /** Identical, and kf/account/list works with at least one manageable account: one app does both jobs. */
    IDENTICAL_AND_AUTHORISED(Verdict.GREEN),
    /** Identical, but the app may not call kf/*: the app is not in 「微信客服-可调用接口的应用」. */
    IDENTICAL_NOT_AUTHORISED(Verdict.RED),
    /** Different, and the KF secret works for kf/*: a separate KF-capable app (or the legacy KF secret). */
    DIFFERENT_AND_KF_WORKS(Verdict.GREEN),
    /** Different, and the KF secret is refused for kf/*. */
    DIFFERENT_KF_REFUSED(Verdict.RED),
    /** kf/account/list answers, but no account may be managed by this app. */
    NO_MANAGEABLE_ACCOUNT(Verdict.RED),
    /** WeCom refused this server's IP (60020) before looking at the secret: the relation cannot be judged yet. */
    IP_NOT_TRUSTED(Verdict.GREY),
    /** WeCom could not be asked (not configured, token unavailable, network): the relation alone decides nothing. */
    UNKNOWN(Verdict.GREY),
    /** One or both secrets are not set. */
    NOT_SET(Verdict.RED);

    private final Verdict verdict;

    SecretVerdict(Verdict verdict) {
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }
}
