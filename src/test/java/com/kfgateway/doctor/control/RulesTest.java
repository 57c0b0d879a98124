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
        var check = CallbackRules.check(true, null, null, null, 3, 0);
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).contains("WECOM_CALLBACK_TOKEN"));
    }

    @Test
    void aCallbackLoggedBeforeARestartStillCountsAsWorking() {
        assertEquals(Verdict.GREEN, CallbackRules.check(true, null, null, NOW.minusSeconds(3600), 0, 0).verdict());
    }

    @Test
    void silenceIsAWarningWithSetupSteps() {
        var check = CallbackRules.check(true, null, null, null, 0, 0);
        assertEquals(Verdict.AMBER, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).contains("/api/wecom/callback"));
    }

    @Test
    void unconfiguredCallbackIsRed() {
        assertEquals(Verdict.RED, CallbackRules.check(false, null, null, null, 0, 0).verdict());
    }

    @Test
    void timerWithANextRunAheadIsHealthyAndOverdueIsNot() {
        assertEquals(Verdict.GREEN, TimerRules.check(NOW.minusSeconds(60), NOW.plusSeconds(300), NOW).verdict());
        assertEquals(Verdict.RED, TimerRules.check(NOW.minusSeconds(900), NOW.minusSeconds(600), NOW).verdict());
        assertEquals(Verdict.RED, TimerRules.check(null, null, NOW).verdict());
    }
}
