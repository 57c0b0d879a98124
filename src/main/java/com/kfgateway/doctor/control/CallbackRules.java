package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * Whether WeCom reaches the callback: the stored counts of every node and run, and the last logged callback (so a
 * restart does not look like a broken callback). Each way of being turned away has its own advice: a signature that
 * does not verify means the Token differs; one that verifies on a message that does not decrypt means the
 * EncodingAESKey differs; one that decrypts for another corp means WECOM_CORP_ID differs.
 */
public final class CallbackRules {

    /**
     * Requests turned away since start, by what their cause says about the settings, with when each cause was last
     * seen (null: never).
     */
    public record Rejections(long signature, long decryption, long otherCorp, long other, Instant lastSignature,
            Instant lastDecryption, Instant lastOtherCorp) {

        public Rejections(long signature, long decryption, long otherCorp, long other) {
            this(signature, decryption, otherCorp, other, null, null, null);
        }

        public static Rejections none() {
            return new Rejections(0, 0, 0, 0);
        }
    }

    private CallbackRules() {
    }

    public static Check check(boolean configured, Instant lastVerifiedGet, Instant lastValidPost,
            Instant lastLoggedCallback, Rejections rejected) {
        Phrase title = Phrase.of("callback.title");
        Instant lastHeard = latest(lastValidPost, lastLoggedCallback);
        Phrase finding = Phrase.of("callback.finding", lastVerifiedGet, lastValidPost, lastLoggedCallback,
                rejected.signature(), rejected.other(), rejected.decryption(), rejected.otherCorp());
        if (!configured) {
            return new Check("callback", Verdict.RED, title, finding, Phrase.of("callback.notConfigured.fix"));
        }
        // Rejected since the last valid callback (a setting changed on one side), or nothing got through at all: the
        // latest such cause names the setting to copy again. Earlier rejections beside valid callbacks only warn.
        String fix = null;
        Instant latestCause = null;
        for (Cause cause : List.of(new Cause("callback.signature.fix", rejected.signature(), rejected.lastSignature()),
                new Cause("callback.aesKey.fix", rejected.decryption(), rejected.lastDecryption()),
                new Cause("callback.corpId.fix", rejected.otherCorp(), rejected.lastOtherCorp()))) {
            if (cause.currentSince(lastValidPost) && (fix == null || cause.last() != null
                    && (latestCause == null || cause.last().isAfter(latestCause)))) {
                fix = cause.fix();
                latestCause = cause.last();
            }
        }
        if (fix != null) {
            return new Check("callback", Verdict.RED, title, finding, Phrase.of(fix));
        }
        if (lastHeard == null && lastVerifiedGet == null) {
            return new Check("callback", Verdict.AMBER, title, finding, Phrase.of("callback.silent.fix"));
        }
        if (rejected.signature() > 0 || rejected.decryption() > 0 || rejected.otherCorp() > 0) {
            return new Check("callback", Verdict.AMBER, title, finding, Phrase.of("callback.someFailures.fix"));
        }
        return Check.green("callback", title, finding);
    }

    /** One way of being turned away, and the fix it points to. */
    private record Cause(String fix, long count, Instant last) {

        boolean currentSince(Instant lastValidPost) {
            return count > 0 && (lastValidPost == null || last != null && last.isAfter(lastValidPost));
        }
    }

    public static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
