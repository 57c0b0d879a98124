package com.kfgateway.conversation.control.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.control.PipelineFixture;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.wecom.entity.WeComReply;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Staff read who wants a human, where the session is, and the customer's last three messages, oldest first. */
class StaffNotifierTest {

    private final PipelineFixture fixture = new PipelineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theSummaryHasTheCustomersLastThreeMessagesOldestFirstEachShortened() {
        Instant now = Instant.now();
        fixture.customerSays("first", now.minusSeconds(40));
        fixture.customerSays("second", now.minusSeconds(30));
        fixture.customerSays("长".repeat(300), now.minusSeconds(20));
        fixture.customerSays("转人工", now.minusSeconds(10));

        String summary = fixture.staff.summary(fixture.conversation, ServiceState.HUMAN, "alice");

        assertTrue(summary.startsWith("客户 wmCustomer 请求人工服务"), summary);
        assertTrue(summary.contains("assigned to alice"), summary);
        assertFalse(summary.contains("first"), "only the last " + StaffNotifier.LAST_CUSTOMER_MESSAGES);
        String said = summary.substring(summary.indexOf("last messages:\n") + "last messages:\n".length());
        assertEquals("- second\n- " + "长".repeat(199) + "…\n- 转人工", said);
    }

    @Test
    void aMoveWeComRefusedTellsStaffNobodyHasTheCustomerNotThatTheyWaitInTheQueue() {
        fixture.customerSays("转人工");

        String summary = fixture.staff.summary(fixture.conversation, ServiceState.BOT, null);

        assertTrue(summary.contains("could not be moved (state 1)"), summary);
        assertFalse(summary.contains("queue"), summary);
    }

    @Test
    void aNotificationThatCannotGoOutIsAnsweredNotThrown() {
        fixture.customerSays("转人工");
        fixture.wecom.staffReplies.add(WeComReply.unreachable("HTTP 502", 502));

        WeComReply<Void> told = fixture.staff.handoverRequested(fixture.conversation, ServiceState.QUEUED, null);

        assertEquals(WeComReply.Outcome.UNREACHABLE, told.outcome());
        assertTrue(fixture.wecom.calls("notify").get(0).contains("waiting in the queue (state 2)"));
    }

    @Test
    void withoutRecipientsNobodyIsToldAndTheReplySaysItIsNotConfigured() {
        fixture.nobodyToNotify();

        WeComReply<Void> told = fixture.staff.handoverRequested(fixture.conversation, ServiceState.QUEUED, null);

        assertEquals(WeComReply.Outcome.NOT_CONFIGURED, told.outcome());
        assertEquals(0, fixture.wecom.calls.size());
    }
}
