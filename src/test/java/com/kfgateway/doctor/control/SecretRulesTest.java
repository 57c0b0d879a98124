package com.kfgateway.doctor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.SecretVerdict;
import com.kfgateway.doctor.entity.Verdict;
import com.kfgateway.wecom.entity.KfAccount;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SecretRulesTest {

    private static final AccountProbe WORKS = new AccountProbe(true, 0, null,
            List.of(new KfAccount("wk1", "Shop", true)));
    private static final AccountProbe REFUSED = new AccountProbe(true, 48002, null, List.of());

    @Test
    void identicalSecretsAreRightWhenTheAppMayCallKf() {
        assertEquals(SecretVerdict.IDENTICAL_AND_AUTHORISED, SecretRules.verdict("s", "s", WORKS));
    }

    @Test
    void identicalSecretsAreWrongWhenKfIsRefused() {
        assertEquals(SecretVerdict.IDENTICAL_NOT_AUTHORISED, SecretRules.verdict("s", "s", REFUSED));
    }

    @Test
    void differentSecretsAreRightOnlyWhenTheKfSecretWorks() {
        assertEquals(SecretVerdict.DIFFERENT_AND_KF_WORKS, SecretRules.verdict("a", "k", WORKS));
        assertEquals(SecretVerdict.DIFFERENT_KF_REFUSED, SecretRules.verdict("a", "k", REFUSED));
    }

    @Test
    void accountsWithoutManagePrivilegeAreNotEnough() {
        AccountProbe none = new AccountProbe(true, 0, null, List.of(new KfAccount("wk1", "Shop", false)));
        assertEquals(SecretVerdict.NO_MANAGEABLE_ACCOUNT, SecretRules.verdict("s", "s", none));
    }

    @Test
    void anUntrustedIpSaysNothingAboutTheSecretsEitherWay() {
        AccountProbe untrusted = AccountProbe.refused(60020, "not allow to access from your ip, hint: [1-x], "
                + "from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020");
        assertEquals(SecretVerdict.IP_NOT_TRUSTED, SecretRules.verdict("s", "s", untrusted));
        assertEquals(SecretVerdict.IP_NOT_TRUSTED, SecretRules.verdict("a", "k", untrusted));
        assertEquals("203.0.113.7", untrusted.untrustedIp().orElseThrow());
        Check row = SecretRules.check(SecretVerdict.IP_NOT_TRUSTED, "sha256:aaaaaaaa", "sha256:bbbbbbbb", untrusted);
        assertEquals(Verdict.GREY, row.verdict());
        assertTrue(row.finding(Locale.ENGLISH).contains("60020"), row.finding(Locale.ENGLISH));
        assertTrue(row.fix(Locale.CHINESE).contains("企业可信IP"), row.fix(Locale.CHINESE));
    }

    @Test
    void withoutALiveAnswerTheRelationDecidesNothing() {
        assertEquals(SecretVerdict.UNKNOWN, SecretRules.verdict("s", "s", AccountProbe.unreached("timeout")));
        assertEquals(SecretVerdict.NOT_SET, SecretRules.verdict(null, "s", WORKS));
    }

    @Test
    void theRowShowsFingerprintsAndAFixOnlyWhenSomethingIsWrong() {
        Check right = SecretRules.check(SecretVerdict.IDENTICAL_AND_AUTHORISED, "sha256:aaaaaaaa", "sha256:aaaaaaaa",
                WORKS);
        assertEquals(Verdict.GREEN, right.verdict());
        assertNull(right.fix());
        assertTrue(right.finding(Locale.ENGLISH).contains("sha256:aaaaaaaa"));
        Check wrong = SecretRules.check(SecretVerdict.IDENTICAL_NOT_AUTHORISED, "sha256:aaaaaaaa", "sha256:aaaaaaaa",
                REFUSED);
        assertEquals(Verdict.RED, wrong.verdict());
        assertNotNull(wrong.fix());
        assertTrue(wrong.finding(Locale.ENGLISH).contains("48002"));
        assertTrue(wrong.fix(Locale.CHINESE).contains("可调用接口的应用"));
        assertFalse(wrong.fix(Locale.ENGLISH).contains("{"));
    }
}
