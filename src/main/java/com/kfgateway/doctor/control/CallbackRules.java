package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.Verdict;
import java.time.Instant;

/**
 * Whether WeCom reaches the callback: counters since start (in memory) and the last logged callback (durable, so a
 * restart does not look like a broken callback).
 */
public final class CallbackRules {

    private CallbackRules() {
    }

    public static Check check(boolean configured, Instant lastVerifiedGet, Instant lastValidPost,
            Instant lastLoggedCallback, long signatureFailures, long otherRejections) {
        Phrase title = Phrase.of("callback.title");
        Instant lastHeard = latest(lastValidPost, lastLoggedCallback);
        Phrase finding = Phrase.of("callback.finding", lastVerifiedGet, lastValidPost, lastLoggedCallback,
                signatureFailures, otherRejections);
        if (!configured) {
            return new Check("callback", Verdict.RED, title, finding, Phrase.of("callback.notConfigured.fix"));
        }
        if (signatureFailures > 0 && lastValidPost == null) {
            return new Check("callback", Verdict.RED, title, finding, Phrase.of("callback.signature.fix"));
        }
        if (lastHeard == null && lastVerifiedGet == null) {
            return new Check("callback", Verdict.AMBER, title, finding, Phrase.of("callback.silent.fix"));
        }
        if (signatureFailures > 0) {
            return new Check("callback", Verdict.AMBER, title, finding, Phrase.of("callback.someFailures.fix"));
        }
        return Check.green("callback", title, finding);
    }

    static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
