package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.Verdict;
import java.time.Duration;
import java.time.Instant;

/**
 * Customers kept writing, yet no callback came for the configured hours: WeCom no longer reaches the callback URL
 * (it moved, its certificate expired, a firewall) while everything else works, so the messages arrive only through
 * the safety pull, minutes late, and nothing else looks wrong. The evidence is a customer's message that the safety
 * pull found (no callback announced it) when the callback had already been silent that long. Silence is counted
 * from this server's start at the earliest: an old last callback says nothing about a server that just came back.
 */
public final class QuietCallbackRules {

    private QuietCallbackRules() {
    }

    /**
     * @param lastCallback           the last valid callback POST, stored or logged (null: never)
     * @param lastUnannouncedMessage when a customer's message that no callback announced was last stored (null:
     *                               never)
     */
    public static Check check(Duration window, Instant watchingSince, Instant lastCallback,
            Instant lastUnannouncedMessage) {
        Phrase title = Phrase.of("callback.quiet.title");
        String hours = hours(window);
        Instant quietSince = lastCallback == null || lastCallback.isBefore(watchingSince) ? watchingSince
                : lastCallback;
        if (lastUnannouncedMessage != null && lastUnannouncedMessage.isAfter(quietSince.plus(window))) {
            return new Check("callback.quiet", Verdict.RED, title, Phrase.of("callback.quiet.red", hours,
                    lastCallback, lastUnannouncedMessage), Phrase.of("callback.quiet.fix"));
        }
        return Check.green("callback.quiet", title, Phrase.of("callback.quiet.ok", hours, lastCallback,
                lastUnannouncedMessage));
    }

    /** "6", "0.5": hours as the setting was written. */
    static String hours(Duration window) {
        double hours = window.toMillis() / 3_600_000.0;
        return hours == Math.rint(hours) ? Long.toString((long) hours) : Double.toString(hours);
    }
}
