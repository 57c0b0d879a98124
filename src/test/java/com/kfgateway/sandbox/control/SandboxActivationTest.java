package com.kfgateway.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxActivationTest {

    private static SandboxActivation with(Map<String, String> env, Map<String, String> properties) {
        return new SandboxActivation(env::get, properties::get);
    }

    @Test
    void isOnWhenNoCorpIdIsConfigured() {
        assertTrue(with(Map.of(), Map.of()).active());
    }

    @Test
    void isOffWhenTheCorpIdIsInTheEnvironment() {
        assertFalse(with(Map.of("WECOM_CORP_ID", "ww0123456789abcdef"), Map.of()).active());
    }

    @Test
    void isOffWhenTheCorpIdIsASystemProperty() {
        assertFalse(with(Map.of(), Map.of("wecom.corp-id", "ww0123456789abcdef")).active());
    }

    @Test
    void aBlankCorpIdCountsAsUnset() {
        assertTrue(with(Map.of("WECOM_CORP_ID", "  "), Map.of()).active());
    }

    @Test
    void explicitFlagTurnsItOnEvenWithACorp() {
        assertTrue(with(Map.of("WECOM_CORP_ID", "ww0123456789abcdef", "SANDBOX_ENABLED", "TRUE"), Map.of()).active());
    }

    @Test
    void explicitFalseKeepsItOffWithoutACorp() {
        assertFalse(with(Map.of("SANDBOX_ENABLED", "false"), Map.of()).active());
    }

    @Test
    void systemPropertyWinsOverTheEnvironment() {
        assertFalse(with(Map.of("SANDBOX_ENABLED", "true"), Map.of("sandbox.enabled", "false")).active());
    }

    @Test
    void callbackUrlComesFromPropertyOrEnvironment() {
        assertNull(with(Map.of(), Map.of()).configuredCallbackUrl());
        assertEquals("http://127.0.0.1:9000/kf/api/wecom/callback",
                with(Map.of("SANDBOX_CALLBACK_URL", "http://127.0.0.1:9000/kf/api/wecom/callback"), Map.of())
                        .configuredCallbackUrl());
    }
}
