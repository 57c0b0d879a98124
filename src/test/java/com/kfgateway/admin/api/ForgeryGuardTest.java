package com.kfgateway.admin.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForgeryGuardTest {

    @Test
    void refusesWhatACrossSiteFormCanSend() {
        assertFalse(ForgeryGuard.allows("POST", "application/x-www-form-urlencoded", null));
        assertFalse(ForgeryGuard.allows("POST", "multipart/form-data; boundary=x", null));
        assertFalse(ForgeryGuard.allows("POST", "text/plain", null), "even when the body looks like JSON");
        assertFalse(ForgeryGuard.allows("POST", null, " "));
        assertFalse(ForgeryGuard.allows("DELETE", null, null));
    }

    @Test
    void acceptsAJsonBodyOrTheCustomHeader() {
        assertTrue(ForgeryGuard.allows("POST", "application/json", null));
        assertTrue(ForgeryGuard.allows("POST", "Application/JSON; charset=UTF-8", null));
        assertTrue(ForgeryGuard.allows("POST", null, "curl"));
    }

    @Test
    void readsNeedNeither() {
        assertTrue(ForgeryGuard.allows("GET", null, null));
        assertTrue(ForgeryGuard.allows("HEAD", null, null));
    }
}
