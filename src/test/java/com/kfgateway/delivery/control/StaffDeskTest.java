package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.delivery.entity.Recipient;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendRequest;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendChannel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaffDeskTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static SendLogEntry part(SendChannel channel) {
        return new SendLogEntry("kfd1", new SendRequest(new Recipient(7L, "wk1", "wm1"), 3L, "m3", SendKind.ANSWER,
                null), channel, 1, 1, "hello", NOW.minusSeconds(30));
    }

    @Test
    void aPartBeingSentRightNowIsNotResent() {
        SendLogEntry entry = part(SendChannel.SEND_MSG);
        entry.claim("sha256:00000000", NOW.minusSeconds(1));

        String refusal = StaffDesk.refusalOf(entry, NOW);

        assertTrue(refusal != null && refusal.contains("being sent right now"), refusal);
    }

    @Test
    void aPartWhoseRetryIsScheduledIsNotResentBeforeIt() {
        SendLogEntry entry = part(SendChannel.SEND_MSG);
        entry.claim("sha256:00000000", NOW.minusSeconds(2));
        entry.retryAt(NOW.plusSeconds(4), -1, "system busy", "busy", NOW.minusSeconds(1));

        String refusal = StaffDesk.refusalOf(entry, NOW);

        assertTrue(refusal != null && refusal.contains("retry is already scheduled"), refusal);
        assertNull(StaffDesk.refusalOf(entry, NOW.plusSeconds(5)), "once due, a staff resend may take its turn");
    }

    @Test
    void aSentPartIsNeverResent() {
        SendLogEntry entry = part(SendChannel.SEND_MSG);
        entry.sent(NOW);

        assertTrue(StaffDesk.refusalOf(entry, NOW).contains("already sent"));
    }

    @Test
    void aFailedPartMayBeResent() {
        SendLogEntry entry = part(SendChannel.SEND_MSG);
        entry.failed(95018, "state", "not allowed", NOW);

        assertNull(StaffDesk.refusalOf(entry, NOW));
    }

    @Test
    void anExpiredEventCodeCannotBeResent() {
        SendLogEntry entry = part(SendChannel.SEND_MSG_ON_EVENT);
        entry.useEventCode("CODE", NOW.minusSeconds(1));
        entry.failed(40058, "code", "expired", NOW);

        assertTrue(StaffDesk.refusalOf(entry, NOW).contains("expired"));
    }
}
