package com.kfgateway.doctor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Verdict;
import com.kfgateway.wecom.control.Credential;
import com.kfgateway.wecom.control.ErrorCatalogue;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TokenRulesTest {

    private final ErrorCatalogue catalogue = new ErrorCatalogue();

    @Test
    void aTokenIsGreenWithItsExpiry() {
        Check check = TokenRules.check(Credential.KF, true, true, null, null, Instant.parse("2026-11-29T12:00:00Z"),
                null, null);
        assertEquals(Verdict.GREEN, check.verdict());
        assertEquals("token.kf", check.id());
        assertNull(check.fix());
    }

    @Test
    void wrongSecretNamesTheVariableToFix() {
        Check check = refused(Credential.KF, 40001);
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).contains("WECOM_KF_SECRET"), check.fix(Locale.ENGLISH));
    }

    @Test
    void wrongCorpIdPointsAtTheCorpId() {
        assertTrue(refused(Credential.APP, 40013).fix(Locale.ENGLISH).contains("WECOM_CORP_ID"));
    }

    @Test
    void untrustedIpSaysToAddTheServerToTrustedIps() {
        Check check = refused(Credential.APP, 60020);
        assertTrue(check.fix(Locale.ENGLISH).contains("trusted IPs"));
        assertTrue(check.fix(Locale.CHINESE).contains("企业可信IP"));
    }

    @Test
    void aTokenThatStillWorksButCannotBeRenewedIsRedWithTheFixForItsErrcode() {
        Instant expires = Instant.parse("2026-12-04T10:00:00Z");
        Check check = TokenRules.renewalFailing(Credential.KF, 40001, "invalid credential", expires,
                catalogue.lookup(40001));
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.finding(Locale.ENGLISH).contains("renewing it failed: gettoken answered errcode 40001"),
                check.finding(Locale.ENGLISH));
        assertTrue(check.fix(Locale.ENGLISH).contains("WECOM_KF_SECRET"), check.fix(Locale.ENGLISH));
        Check away = TokenRules.renewalFailing(Credential.APP, null, "connection refused", expires, null);
        assertTrue(away.finding(Locale.ENGLISH).contains("could not be reached (connection refused)"),
                away.finding(Locale.ENGLISH));
    }

    @Test
    void aPausedCredentialSaysUntilWhen() {
        Instant until = Instant.parse("2026-11-29T13:00:00Z");
        Check check = TokenRules.check(Credential.KF, true, false, 40001, null, null, until, catalogue.lookup(40001));
        assertTrue(check.finding(Locale.ENGLISH).contains("paused"));
    }

    @Test
    void unknownCodesFallBackToTheCataloguesFix() {
        Check check = refused(Credential.KF, 45009);
        assertEquals(catalogue.lookup(45009).fixEn(), check.fix(Locale.ENGLISH));
    }

    @Test
    void unreachableWeComIsRedWithANetworkFix() {
        Check check = TokenRules.check(Credential.KF, true, false, null, "WeCom not reached: TIMEOUT", null, null,
                null);
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.finding(Locale.ENGLISH).contains("TIMEOUT"));
    }

    @Test
    void missingSecretIsRedAndNamesTheVariable() {
        Check check = TokenRules.check(Credential.APP, false, false, null, null, null, null, null);
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.finding(Locale.ENGLISH).contains("WECOM_SECRET"));
    }

    private Check refused(Credential credential, int code) {
        return TokenRules.check(credential, true, false, code, null, null, null, catalogue.lookup(code));
    }
}
