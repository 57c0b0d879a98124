package com.kfgateway.doctor.control;

import com.kfgateway.wecom.entity.UntrustedIp;
import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.SecretVerdict;
import com.kfgateway.doctor.entity.Verdict;

/**
 * What identical or different secrets mean, decided by what kf/account/list answered (reference §1.3). Identical is
 * right only for a self-built app authorised for 微信客服; different is right only if the KF secret can call kf/*.
 */
public final class SecretRules {

    public static final String CHECK_ID = "secrets";

    private SecretRules() {
    }

    public static SecretVerdict verdict(String appSecret, String kfSecret, AccountProbe probe) {
        if (appSecret == null || kfSecret == null) {
            return SecretVerdict.NOT_SET;
        }
        if (probe == null || !probe.reached()) {
            return SecretVerdict.UNKNOWN;
        }
        boolean identical = appSecret.equals(kfSecret);
        if (probe.errcode() == UntrustedIp.ERRCODE) {
            // WeCom checks the address before the token's rights: a refusal says nothing about the secret.
            return SecretVerdict.IP_NOT_TRUSTED;
        }
        if (!probe.ok()) {
            return identical ? SecretVerdict.IDENTICAL_NOT_AUTHORISED : SecretVerdict.DIFFERENT_KF_REFUSED;
        }
        if (probe.manageable() == 0) {
            return SecretVerdict.NO_MANAGEABLE_ACCOUNT;
        }
        return identical ? SecretVerdict.IDENTICAL_AND_AUTHORISED : SecretVerdict.DIFFERENT_AND_KF_WORKS;
    }

    public static Check check(SecretVerdict verdict, String appFingerprint, String kfFingerprint, AccountProbe probe) {
        String key = "secrets." + verdict.name();
        Object code = probe == null ? null : probe.errcode();
        Phrase fix = verdict.verdict() == Verdict.GREEN ? null : Phrase.of(key + ".fix", code);
        return new Check(CHECK_ID, verdict.verdict(), Phrase.of("secrets.title"),
                Phrase.of(key, appFingerprint, kfFingerprint, code,
                        probe == null || probe.problem() == null ? "" : probe.problem()),
                fix);
    }
}
