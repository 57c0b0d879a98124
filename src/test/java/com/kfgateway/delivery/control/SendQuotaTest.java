package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendQuotaTest {

    private final Instant now = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void allowsFiveSendsAfterACustomerMessage() {
        SendQuota quota = new SendQuota(0, now.minusSeconds(5), now);
        assertEquals(5, quota.remaining());
        assertNull(quota.refusal());
    }

    @Test
    void subtractsOurSendsSinceTheLastCustomerMessage() {
        assertEquals(2, new SendQuota(3, now.minusSeconds(5), now).remaining());
        assertEquals(0, new SendQuota(7, now.minusSeconds(5), now).remaining());
    }

    @Test
    void refusesWithTheCountReasonWhenFiveAreUsed() {
        assertTrue(new SendQuota(5, now.minusSeconds(5), now).refusal().contains("95001"));
    }

    @Test
    void windowClosesAfter48Hours() {
        SendQuota justInside = new SendQuota(0, now.minus(Duration.ofHours(48)).plusSeconds(1), now);
        SendQuota closed = new SendQuota(0, now.minus(Duration.ofHours(48)), now);
        assertTrue(justInside.windowOpen());
        assertFalse(closed.windowOpen());
        assertEquals(0, closed.remaining());
        assertTrue(closed.refusal().contains("95002"));
    }

    @Test
    void aCustomerWhoNeverWroteCannotBeMessaged() {
        SendQuota quota = new SendQuota(0, null, now);
        assertEquals(0, quota.remaining());
        assertNotNull(quota.refusal());
    }
}
