package com.kfgateway.doctor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.SetupMode;
import com.kfgateway.doctor.entity.Verdict;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SetupModeRulesTest {

    private static final List<String> ALL = List.of("WECOM_CORP_ID", "WECOM_SECRET", "WECOM_AGENT_ID",
            "WECOM_KF_SECRET", "WECOM_CALLBACK_TOKEN", "WECOM_CALLBACK_AES_KEY");

    private static Check only(List<Check> checks) {
        assertEquals(1, checks.size(), checks.toString());
        return checks.get(0);
    }

    @Test
    void theSandboxWithNothingConfiguredIsGreenAndSaysWhereToTryIt() {
        Check check = only(SetupModeRules.checks(new SetupMode(true, List.of(), ALL, List.of(), null, false)));
        assertEquals(Verdict.GREEN, check.verdict());
        assertTrue(check.finding(Locale.ENGLISH).contains("/sandbox/customer.xhtml"));
    }

    @Test
    void aCompleteCorpIsGreen() {
        assertEquals(Verdict.GREEN, only(SetupModeRules.checks(new SetupMode(false, ALL, List.of(), List.of(), null,
                true))).verdict());
    }

    @Test
    void aMisspeltWeComVariableIsRedAndNamed() {
        Check check = only(SetupModeRules.checks(new SetupMode(false, List.of(), ALL,
                List.of("WECOM_CORPID (WECOM_CORP_ID?)"), null, false)));
        assertEquals(Verdict.RED, check.verdict());
        assertEquals("setup.unknown", check.id());
        assertTrue(check.finding(Locale.ENGLISH).startsWith("WECOM_CORPID (WECOM_CORP_ID?)"));
        assertTrue(check.finding(Locale.CHINESE).startsWith("WECOM_CORPID (WECOM_CORP_ID?)"));
    }

    @Test
    void someWeComSettingsWithoutTheOthersAreRedAndNameTheMissingOnes() {
        Check check = only(SetupModeRules.checks(new SetupMode(false, List.of("WECOM_CORP_ID"), ALL.subList(1, 6),
                List.of(), null, false)));
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).startsWith("Set WECOM_SECRET, WECOM_AGENT_ID"), check.fix(Locale.ENGLISH));
    }

    @Test
    void sandboxEnabledBesideACorpIsRedAndEveryMistakeGetsItsRow() {
        List<Check> checks = SetupModeRules.checks(new SetupMode(false, List.of("WECOM_CORP_ID"), ALL.subList(1, 6),
                List.of("WECOM_KFSECRET (WECOM_KF_SECRET?)"), "true", false));
        assertEquals(List.of("setup.unknown", "setup.forced", "setup.partial"),
                checks.stream().map(Check::id).toList());
        assertTrue(checks.stream().allMatch(c -> c.verdict() == Verdict.RED));
    }

    @Test
    void switchedOffWithoutACorpIsAWarning() {
        Check check = only(SetupModeRules.checks(new SetupMode(false, List.of(), ALL, List.of(), "false", false)));
        assertEquals(Verdict.AMBER, check.verdict());
        assertTrue(check.finding(Locale.ENGLISH).contains("SANDBOX_ENABLED=false"));
    }

    @Test
    void anotherDatabaseWithoutACorpIsAWarningThatOffersTheSandbox() {
        Check check = only(SetupModeRules.checks(new SetupMode(false, List.of(), ALL, List.of(), null, true)));
        assertEquals(Verdict.AMBER, check.verdict());
        assertTrue(check.fix(Locale.ENGLISH).contains("SANDBOX_ENABLED=true"));
    }
}
