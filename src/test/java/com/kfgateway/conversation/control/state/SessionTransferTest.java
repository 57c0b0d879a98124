package com.kfgateway.conversation.control.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.control.PipelineFixture;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.conversation.entity.TransferOutcome;
import com.kfgateway.wecom.entity.WeComReply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** trans, then the new state recorded with its source; a refusal or an unreachable WeCom records nothing. */
class SessionTransferTest {

    private final PipelineFixture fixture = new PipelineFixture();

    @BeforeEach
    void theBotServesTheCustomer() {
        fixture.stored(ServiceState.BOT, null, Instant.now());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aDoneMoveIsRecordedWithItsSourceAndHandsBackWeComsMsgCode() {
        TransferOutcome outcome = fixture.transfer.move(fixture.conversation(), ServiceState.HUMAN, "alice",
                Source.CONSOLE, "taken over by alice");

        assertEquals(new TransferOutcome(true, ServiceState.HUMAN, null, null, "MSGCODE1"), outcome);
        assertEquals(List.of("trans wmCustomer 3 alice"), fixture.wecom.calls);
        ServiceStateChange change = last();
        assertEquals(ServiceState.BOT, change.getFromState());
        assertEquals(ServiceState.HUMAN, change.getToState());
        assertEquals("alice", change.getServicerUserid());
        assertEquals(Source.CONSOLE, change.getSource());
        assertEquals("taken over by alice", change.getNote());
        assertEquals("alice", fixture.conversation().getServicerUserid());
    }

    @Test
    void aServicerIsSentOnlyForStateThree() {
        fixture.transfer.move(fixture.conversation(), ServiceState.QUEUED, "alice", Source.TRANS, "to the queue");

        assertEquals(List.of("trans wmCustomer 2"), fixture.wecom.calls);
        assertNull(fixture.conversation().getServicerUserid());
    }

    @Test
    void aRefusalKeepsTheStateAndExplainsTheErrcodeInBothLanguages() {
        fixture.wecom.transReplies.add(WeComReply.errcode(95016, "invalid state transfer"));
        int changes = fixture.stateChanges().size();

        TransferOutcome outcome = fixture.transfer.move(fixture.conversation(), ServiceState.HUMAN, "alice",
                Source.CONSOLE, "taken over");

        assertFalse(outcome.done());
        assertEquals(ServiceState.BOT, outcome.state());
        assertEquals(95016, outcome.errcode());
        assertTrue(outcome.reason().contains("不允许这种状态转移") && outcome.reason().contains("not allowed"),
                outcome.reason());
        assertEquals(changes, fixture.stateChanges().size());
        assertEquals(ServiceState.BOT, fixture.conversation().getServiceState());
    }

    @Test
    void anUnreachableWeComHasNoErrcodeSoTheCallerKnowsToTryAgain() {
        fixture.wecom.transReplies.add(WeComReply.unreachable("connect timed out", 0));

        TransferOutcome outcome = fixture.transfer.move(fixture.conversation(), ServiceState.QUEUED, null,
                Source.TRANS, "handover");

        assertFalse(outcome.done());
        assertNull(outcome.errcode());
        assertTrue(outcome.reason().startsWith("WeCom could not be asked: WeCom not reached"), outcome.reason());
    }

    private ServiceStateChange last() {
        List<ServiceStateChange> changes = fixture.stateChanges();
        return changes.get(changes.size() - 1);
    }
}
