package com.kfgateway.doctor.entity;

import java.time.Instant;
import java.util.List;

/**
 * One run of the setup doctor: the two secrets' fingerprints (never the secrets), whether they are identical and
 * what that means here, and every check.
 */
public record Diagnosis(Instant at, String appFingerprint, String kfFingerprint, boolean identicalSecrets,
        SecretVerdict secretVerdict, List<Check> checks) {

    public boolean healthy() {
        return checks.stream().noneMatch(c -> c.verdict().broken());
    }

    public long count(Verdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).count();
    }
}
