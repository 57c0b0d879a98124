package com.kfgateway.delivery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.delivery.entity.Recipient;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendRequest;
import com.kfgateway.delivery.entity.SendOutcome;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendLogTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final SendLogEntry entry = new SendLogEntry("kfd1", new SendRequest(new Recipient(7L, "wk1", "wm1"), 3L,
            "m3", SendKind.ANSWER, null), SendChannel.SEND_MSG, 1, 1, "Hello! How can I help you?", NOW);

    @Test
    void aResendThatGoesThroughReportsNoErrcodeOfTheFailureItRecoveredFrom() {
        entry.failed(95018, "no right", "the session's state does not allow sending", NOW);
        entry.requeue("admin", NOW.plusSeconds(60));
        entry.sent(NOW.plusSeconds(61));

        SendOutcome outcome = SendLog.outcome(entry);

        assertTrue(outcome.accepted());
        assertEquals(SendStatus.SENT, outcome.status());
        assertNull(outcome.errcode(), "the send that went through had no errcode");
        assertNull(outcome.reason());
    }

    @Test
    void aFailedSendReportsItsErrcodeAndExplanation() {
        entry.failed(95018, "no right", "the session's state does not allow sending", NOW);

        SendOutcome outcome = SendLog.outcome(entry);

        assertFalse(outcome.accepted());
        assertEquals(95018, outcome.errcode());
        assertEquals("the session's state does not allow sending", outcome.reason());
    }
}
