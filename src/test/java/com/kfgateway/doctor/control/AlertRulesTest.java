package com.kfgateway.doctor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Diagnosis;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.SecretVerdict;
import com.kfgateway.doctor.entity.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static Check check(String id, Verdict verdict) {
        return new Check(id, verdict, Phrase.of("t"), Phrase.of("f"), verdict == Verdict.GREEN ? null : Phrase.of("x"));
    }

    private static Diagnosis diagnosis(Check... checks) {
        return new Diagnosis(Instant.parse("2026-12-04T05:00:00Z"), "app", "kf", false,
                SecretVerdict.DIFFERENT_AND_KF_WORKS,
                List.of(checks));
    }

    private static List<String> ids(List<Check> checks) {
        return checks.stream().map(Check::id).toList();
    }

    @Test
    void aCheckRedNowThatStaffWereNotToldAboutTurnedRed() {
        AlertRules.Changes changes = AlertRules.changes(diagnosis(check("token.kf", Verdict.RED),
                check("callback", Verdict.GREEN), check("accounts", Verdict.AMBER)), Set.of());
        assertEquals(List.of("token.kf"), ids(changes.turnedRed()));
        assertEquals(List.of(), ids(changes.recovered()));
    }

    @Test
    void aCheckStillRedIsNotToldAgain() {
        AlertRules.Changes changes = AlertRules.changes(diagnosis(check("token.kf", Verdict.RED)), Set.of("token.kf"));
        assertEquals(List.of(), ids(changes.turnedRed()));
        assertEquals(List.of(), ids(changes.recovered()));
    }

    @Test
    void aToldCheckGreenOrAmberNowRecoveredButGreyOrMissingHasNot() {
        AlertRules.Changes changes = AlertRules.changes(diagnosis(check("token.kf", Verdict.GREEN),
                check("callback", Verdict.AMBER), check("secrets", Verdict.GREY)),
                Set.of("token.kf", "callback", "secrets", "account.wkGone"));
        assertEquals(List.of(), ids(changes.turnedRed()));
        assertEquals(List.of("token.kf", "callback"), ids(changes.recovered()));
    }
}
