package com.kfgateway.doctor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class QuietCallbackRulesTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Instant STARTED = NOW.minus(Duration.ofDays(1));

    private static Check check(Instant watchingSince, Instant lastCallback, Instant lastUnannounced) {
        return QuietCallbackRules.check(TWO_HOURS, watchingSince, lastCallback, lastUnannounced);
    }

    @Test
    void aMessageOnlyTheSafetyPullFoundAfterTwoHoursWithoutACallbackIsRed() {
        Check check = check(STARTED, NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofMinutes(4)));
        assertEquals(Verdict.RED, check.verdict());
        assertTrue(check.finding(Locale.ENGLISH).contains("more than 2 h without a callback"),
                check.finding(Locale.ENGLISH));
        assertTrue(check.fix(Locale.ENGLISH).contains("回调配置"), check.fix(Locale.ENGLISH));
    }

    @Test
    void neverAnyCallbackSinceTheStartIsSilenceToo() {
        assertEquals(Verdict.RED, check(STARTED, null, NOW.minus(Duration.ofMinutes(4))).verdict());
    }

    @Test
    void aMissedMessageWithinTheWindowAfterACallbackIsOneLostCallbackNotALostUrl() {
        assertEquals(Verdict.GREEN, check(STARTED, NOW.minus(Duration.ofMinutes(90)), NOW.minusSeconds(60))
                .verdict());
    }

    @Test
    void aLongSilenceWithoutMissedMessagesIsJustQuiet() {
        assertEquals(Verdict.GREEN, check(STARTED, NOW.minus(Duration.ofHours(5)), null).verdict());
        assertEquals(Verdict.GREEN, check(STARTED, NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(6)))
                .verdict(), "missed before the last callback: the callback came back since");
    }

    @Test
    void theBacklogFoundRightAfterAStartIsNotEvidenceHoweverOldTheLastCallback() {
        Instant started = NOW.minus(Duration.ofHours(3));
        assertEquals(Verdict.GREEN, check(started, NOW.minus(Duration.ofDays(3)), started.plusSeconds(5))
                .verdict());
        assertEquals(Verdict.RED, check(started, NOW.minus(Duration.ofDays(3)), NOW.minusSeconds(5)).verdict(),
                "but one found two hours into watching is");
    }

    @Test
    void hoursAreShownAsConfigured() {
        assertEquals("2", QuietCallbackRules.hours(TWO_HOURS));
        assertEquals("0.5", QuietCallbackRules.hours(Duration.ofMinutes(30)));
    }
}
