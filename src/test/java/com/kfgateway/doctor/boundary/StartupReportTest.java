package com.kfgateway.doctor.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.wecom.control.SecretFingerprint;
import org.junit.jupiter.api.Test;

class StartupReportTest {

    @Test
    void identicalSecretsAreLoggedAsFingerprintsWithWhatThatMeans() {
        String line = StartupReport.fingerprintLine("app-secret-1234567890", "app-secret-1234567890");
        assertTrue(line.contains(SecretFingerprint.of("app-secret-1234567890")));
        assertTrue(line.contains("IDENTICAL"));
        assertTrue(line.contains("微信客服"));
        assertFalse(line.contains("app-secret"), "the secret itself must never be logged");
        assertFalse(line.contains("1234"), "not even a part of it");
    }

    @Test
    void differentSecretsSayWhenThatIsRight() {
        String line = StartupReport.fingerprintLine("one-secret", "other-secret");
        assertTrue(line.contains("DIFFERENT"));
        assertFalse(line.contains("one-secret") || line.contains("other-secret"));
    }

    @Test
    void missingSecretsAreSaidPlainly() {
        assertTrue(StartupReport.fingerprintLine(null, "x").contains("not both set"));
    }
}
