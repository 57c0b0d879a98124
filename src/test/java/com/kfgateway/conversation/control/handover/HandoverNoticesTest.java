package com.kfgateway.conversation.control.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.control.PipelineFixture;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendLogEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notice is planned once, in the transaction that records it planned, on the code when there is one. */
class HandoverNoticesTest {

    private final PipelineFixture fixture = new PipelineFixture();
    private final HandoverStore store = fixture.handoverStore();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aNoticePlannedTwiceIsInTheSendLogOnce() {
        long id = fixture.asksForHuman("稍等");

        // Two nodes resuming the same handover both read it before either planned the notice.
        fixture.notices.plan(id);
        fixture.notices.plan(id);

        assertEquals(1, fixture.parts().size());
        assertTrue(fixture.handoverRow(id).isNoticePlanned());
    }

    @Test
    void aNoticeOnACodeMayBeSentForFortyEightHoursAndAnswersTheCustomersMessage() {
        long id = fixture.asksForHuman("稍等");
        store.moved(id, ServiceState.QUEUED, null, "CODE7", null);

        fixture.notices.plan(id);

        SendLogEntry notice = fixture.parts().get(0);
        assertEquals(SendChannel.SEND_MSG_ON_EVENT, notice.getChannel());
        assertEquals("CODE7", notice.getEventCode());
        Duration lifetime = Duration.between(notice.getCreatedAt(), notice.getExpiresAt());
        assertEquals(HandoverNotices.NOTICE_CODE_LIFETIME.toHours(), lifetime.toHours());
        assertEquals(fixture.handoverRow(id).getMessageId(), notice.getAnswersMessageId());
    }

    @Test
    void aHandoverWithoutTextPlansNothingButCountsTheStepDone() {
        long id = fixture.asksForHuman(" ");

        fixture.notices.plan(id);

        assertEquals(List.of(), fixture.parts());
        assertTrue(fixture.handoverRow(id).isNoticePlanned());
    }
}
