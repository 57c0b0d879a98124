package com.kfgateway.delivery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendOutcome;
import com.kfgateway.delivery.entity.SendRecord;
import com.kfgateway.delivery.entity.SendStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendLogTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final SendRecord record = new SendRecord("kfd1", 7L, 3L, SendKind.ANSWER, SendRecord.Channel.SEND_MSG,
            1, 1, "Hello! How can I help you?", null, NOW);

    @Test
    void aResendThatGoesThroughReportsNoErrcodeOfTheFailureItRecoveredFrom() {
        record.failed(95018, "no right", "the session's state does not allow sending", NOW);
        record.requeue("admin", NOW.plusSeconds(60));
        record.sent(NOW.plusSeconds(61));

        SendOutcome outcome = SendLog.outcome(record);

        assertTrue(outcome.accepted());
        assertEquals(SendStatus.SENT, outcome.status());
        assertNull(outcome.errcode(), "the send that went through had no errcode");
        assertNull(outcome.reason());
    }

    @Test
    void aFailedSendReportsItsErrcodeAndExplanation() {
        record.failed(95018, "no right", "the session's state does not allow sending", NOW);

        SendOutcome outcome = SendLog.outcome(record);

        assertFalse(outcome.accepted());
        assertEquals(95018, outcome.errcode());
        assertEquals("the session's state does not allow sending", outcome.reason());
    }
}
