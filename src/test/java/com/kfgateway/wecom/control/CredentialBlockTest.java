package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialBlockTest {

    @Test
    void blockStartsAtTenMinutesAndDoublesUpToAnHour() {
        assertEquals(Duration.ofMinutes(10), CredentialBlock.after(1));
        assertEquals(Duration.ofMinutes(20), CredentialBlock.after(2));
        assertEquals(Duration.ofMinutes(40), CredentialBlock.after(3));
        assertEquals(Duration.ofMinutes(60), CredentialBlock.after(4));
        assertEquals(Duration.ofMinutes(60), CredentialBlock.after(50));
    }

    @Test
    void onlyBadSecretAndCorpIdErrorsBlock() {
        assertTrue(CredentialBlock.blocks(40001));
        assertTrue(CredentialBlock.blocks(40013));
        assertTrue(CredentialBlock.blocks(40091));
        assertFalse(CredentialBlock.blocks(-1));
        assertFalse(CredentialBlock.blocks(45009));
        assertFalse(CredentialBlock.blocks(42001));
    }

    @Test
    void retryAfterOtherFailuresGrowsFrom15SecondsToFiveMinutes() {
        assertEquals(Duration.ofSeconds(15), CredentialBlock.retryAfter(1));
        assertEquals(Duration.ofSeconds(30), CredentialBlock.retryAfter(2));
        assertEquals(Duration.ofMinutes(5), CredentialBlock.retryAfter(40));
    }
}
