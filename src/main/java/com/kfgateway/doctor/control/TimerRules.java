package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.Verdict;
import java.time.Duration;
import java.time.Instant;

/** The token refresh timer must have a next run in the near future; a next run in the past means it died. */
public final class TimerRules {

    /** TokenRefresh re-arms at most 10 minutes ahead; anything overdue by more than a minute is stuck. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private TimerRules() {
    }

    public static Check check(Instant lastRun, Instant nextRun, Instant now) {
        Phrase title = Phrase.of("timer.title");
        Phrase finding = Phrase.of("timer.finding", lastRun, nextRun);
        if (nextRun == null) {
            return new Check("timer", Verdict.RED, title, finding, Phrase.of("timer.missing.fix"));
        }
        if (nextRun.plus(GRACE).isBefore(now)) {
            return new Check("timer", Verdict.RED, title, finding, Phrase.of("timer.overdue.fix"));
        }
        return Check.green("timer", title, finding);
    }
}
