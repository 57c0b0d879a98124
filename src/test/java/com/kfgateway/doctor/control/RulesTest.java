package com.kfgateway.doctor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.doctor.entity.Verdict;
import com.kfgateway.wecom.entity.KfAccount;
import com.kfgateway.wecom.entity.Servicer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final KfAccount SHOP = new KfAccount("wk1", "Shop", true);

    @Test
    void receivingReceptionistsAreAWarningThatExplains95018() {
        var check = ServicerRules.check(SHOP, 0, null, List.of(new Servicer("alice", true),
                new Servicer("bob", false)));
        assertEquals(Verdict.AMBER, check.verdict());
        assertTrue(check.finding(Locale.ENGLISH).contains("alice"));
        assertTrue(check.finding(Locale.ENGLISH).contains("95018"));
    }

    @Test
    void nobodyReceivingLeavesSessionsToTheBot() {
        assertEquals(Verdict.GREEN, ServicerRules.check(SHOP, 0, null,
                List.of(new Servicer("bob", false))).verdict());
    }

    @Test
    void signatureFailuresWithoutAnyValidPostMeanAWrongToken() {
        var check = CallbackRules.check(true, null, null, null, new CallbackRules.Rejections(3, 0, 0, 0));
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).contains("WECOM_CALLBACK_TOKEN"));
    }

    @Test
    void callbacksThatVerifyButDoNotDecryptMeanAWrongAesKeyNotAWrongToken() {
        var check = CallbackRules.check(true, NOW.minusSeconds(60), null, null, new CallbackRules.Rejections(0, 4, 0,
                0));
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).contains("WECOM_CALLBACK_AES_KEY differs"), check.fix(Locale.ENGLISH));
        assertTrue(check.fix(Locale.ENGLISH).contains("the Token is right"));
        assertTrue(check.finding(Locale.ENGLISH).contains("not decryptable: 4"), check.finding(Locale.ENGLISH));
    }

    @Test
    void callbacksForAnotherCorpMeanAWrongCorpId() {
        var check = CallbackRules.check(true, null, null, null, new CallbackRules.Rejections(0, 0, 2, 0));
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).contains("WECOM_CORP_ID differs"), check.fix(Locale.ENGLISH));
    }

    @Test
    void theLatestCauseIsNamedWhenSeveralHappened() {
        var tokenThenKey = new CallbackRules.Rejections(1, 1, 0, 0, NOW.minusSeconds(30), NOW, null);
        assertTrue(CallbackRules.check(true, null, null, null, tokenThenKey).fix(Locale.ENGLISH)
                .contains("WECOM_CALLBACK_AES_KEY differs"));
        var keyThenToken = new CallbackRules.Rejections(1, 1, 0, 0, NOW, NOW.minusSeconds(30), null);
        assertTrue(CallbackRules.check(true, null, null, null, keyThenToken).fix(Locale.ENGLISH)
                .contains("WECOM_CALLBACK_TOKEN differs"));
        assertTrue(CallbackRules.check(true, null, null, null, new CallbackRules.Rejections(1, 1, 0, 0))
                .fix(Locale.ENGLISH).contains("WECOM_CALLBACK_TOKEN differs"), "without times: the Token first");
    }

    @Test
    void rejectionsBeforeTheLastValidCallbackAreOnlyAWarning() {
        var earlier = new CallbackRules.Rejections(2, 3, 0, 0, NOW.minusSeconds(90), NOW.minusSeconds(60), null);
        assertEquals(Verdict.AMBER, CallbackRules.check(true, null, NOW, null, earlier).verdict());
    }

    @Test
    void aTokenChangedAfterCallbacksWorkedIsRedAgain() {
        var since = new CallbackRules.Rejections(1, 0, 0, 0, NOW, null, null);
        var check = CallbackRules.check(true, null, NOW.minusSeconds(600), null, since);
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).contains("WECOM_CALLBACK_TOKEN differs"));
    }

    @Test
    void aCallbackLoggedBeforeARestartStillCountsAsWorking() {
        assertEquals(Verdict.GREEN, CallbackRules.check(true, null, null, NOW.minusSeconds(3600),
                CallbackRules.Rejections.none()).verdict());
    }

    @Test
    void silenceIsAWarningWithSetupSteps() {
        var check = CallbackRules.check(true, null, null, null, CallbackRules.Rejections.none());
        assertEquals(Verdict.AMBER, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).contains("/api/wecom/callback"));
    }

    @Test
    void unconfiguredCallbackIsRed() {
        assertEquals(Verdict.RED,
                CallbackRules.check(false, null, null, null, CallbackRules.Rejections.none()).verdict());
    }

    @Test
    void timerWithANextRunAheadIsHealthyAndOverdueIsNot() {
        assertEquals(Verdict.GREEN, TimerRules.check(NOW.minusSeconds(60), NOW.plusSeconds(300), NOW).verdict());
        assertEquals(Verdict.RED, TimerRules.check(NOW.minusSeconds(900), NOW.minusSeconds(600), NOW).verdict());
        assertEquals(Verdict.RED, TimerRules.check(null, null, NOW).verdict());
    }
}
