package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretFingerprintTest {

    @Test
    void isSha256PrefixOfEightHexDigits() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertEquals("sha256:ba7816bf", SecretFingerprint.of("abc"));
    }

    @Test
    void identicalSecretsHaveIdenticalFingerprintsAndDifferentOnesDiffer() {
        assertEquals(SecretFingerprint.of("same-secret"), SecretFingerprint.of("same-secret"));
        assertNotEquals(SecretFingerprint.of("secret-a"), SecretFingerprint.of("secret-b"));
    }

    @Test
    void revealsNoCharacterOfTheSecret() {
        String secret = "Zq9XwY";
        String fingerprint = SecretFingerprint.of(secret);
        assertTrue(fingerprint.matches("sha256:[0-9a-f]{8}"), fingerprint);
        assertFalse(fingerprint.contains("Zq9"), "never a prefix or a masked prefix");
    }

    @Test
    void missingSecretSaysNotSet() {
        assertEquals(SecretFingerprint.NOT_SET, SecretFingerprint.of(null));
        assertEquals(SecretFingerprint.NOT_SET, SecretFingerprint.of(""));
    }
}
