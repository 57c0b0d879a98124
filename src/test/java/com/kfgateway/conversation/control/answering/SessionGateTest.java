package com.kfgateway.conversation.control.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.control.PipelineFixture;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.wecom.entity.WeComReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bot speaks only in state 0 or 1; a stale state is asked of WeCom first; a new session is claimed 0 → 1. */
class SessionGateTest {

    private final PipelineFixture fixture = new PipelineFixture();
    private final SessionGate gate = fixture.gate;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRecentlyConfirmedBotSessionIsAnsweredWithoutAskingWeCom() {
        fixture.stored(ServiceState.BOT, null, Instant.now());

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertNull(verdict.silence());
        assertNull(verdict.note());
        assertEquals(List.of(), fixture.wecom.calls);
    }

    @ParameterizedTest
    @EnumSource(value = ServiceState.class, names = {"QUEUED", "HUMAN", "ENDED"})
    void theBotIsSilentInEveryStateButNewAndBot(ServiceState state) {
        fixture.stored(state, state == ServiceState.HUMAN ? "alice" : null, Instant.now());

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertTrue(verdict.silence().contains("state " + state.code()), verdict.silence());
        assertEquals(List.of(), fixture.wecom.calls("trans"), "a silent gate claims nothing");
    }

    @Test
    void aStaleStateIsReadFromWeComAndWhatItSaysDecidesAndIsRecorded() {
        fixture.stored(ServiceState.BOT, null, Instant.now().minus(Duration.ofMinutes(11)));
        // Meanwhile a servicer took the session in the WeCom client, and no event told us.
        fixture.wecom.state = 3;
        fixture.wecom.servicer = "alice";

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertEquals(List.of("get wmCustomer"), fixture.wecom.calls);
        assertTrue(verdict.silence().contains("servicer alice"), verdict.silence());
        assertEquals(ServiceState.HUMAN, fixture.conversation().getServiceState());
        ServiceStateChange change = fixture.stateChanges().get(fixture.stateChanges().size() - 1);
        assertEquals(Source.SERVICE_STATE_GET, change.getSource());
        assertEquals("read before answering", change.getNote());
        assertTrue(fixture.conversation().getStateConfirmedAt().isAfter(Instant.now().minusSeconds(60)));
    }

    @Test
    void aStateNeverConfirmedIsReadToo() {
        fixture.stored(ServiceState.BOT, null, null);

        gate.check(fixture.conversation());

        assertEquals(List.of("get wmCustomer"), fixture.wecom.calls);
    }

    @Test
    void whenTheReadFailsTheStoredStateIsTrustedAndTheNoteSaysSo() {
        fixture.stored(ServiceState.BOT, null, null);
        fixture.wecom.stateReplies.add(WeComReply.unreachable("connect timed out", 0));

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertNull(verdict.silence());
        assertTrue(verdict.note().startsWith("service_state/get failed (WeCom not reached"), verdict.note());
        assertTrue(verdict.note().endsWith("trusting the stored state 1"), verdict.note());
    }

    @Test
    void aNewSessionIsClaimedForTheBotThroughTrans() {
        fixture.stored(ServiceState.NEW, null, Instant.now());

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertNull(verdict.silence());
        assertNull(verdict.note());
        assertEquals(List.of("trans wmCustomer 1"), fixture.wecom.calls);
        assertEquals(ServiceState.BOT, fixture.conversation().getServiceState());
        ServiceStateChange change = fixture.stateChanges().get(fixture.stateChanges().size() - 1);
        assertEquals(ServiceState.NEW, change.getFromState());
        assertEquals(ServiceState.BOT, change.getToState());
        assertEquals(Source.TRANS, change.getSource());
    }

    @Test
    void aStaleStateThatWeComSaysIsNewIsClaimedAfterTheRead() {
        fixture.stored(ServiceState.ENDED, null, null);
        fixture.wecom.state = 0;

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertNull(verdict.silence(), "WeCom's answer wins over the stored 4");
        assertEquals(List.of("get wmCustomer", "trans wmCustomer 1"), fixture.wecom.calls);
        assertEquals(ServiceState.BOT, fixture.conversation().getServiceState());
    }

    @Test
    void aFailedClaimStillAnswersBecauseStateZeroAllowsSendingAndSaysWhy() {
        fixture.stored(ServiceState.NEW, null, Instant.now());
        fixture.wecom.transReplies.add(WeComReply.errcode(95016, "invalid state transfer"));

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertNull(verdict.silence());
        assertTrue(verdict.note().startsWith("trans 0→1 failed (95016"), verdict.note());
        assertEquals(ServiceState.NEW, fixture.conversation().getServiceState(), "nothing recorded for a refusal");
    }

    @Test
    void aCustomerWeKnowNothingAboutIsClaimedInOneCallWithoutARead() {
        fixture.stored(ServiceState.NEW, null, null);

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertNull(verdict.silence());
        assertNull(verdict.note());
        assertEquals(List.of("trans wmCustomer 1"), fixture.wecom.calls);
        assertEquals(ServiceState.BOT, fixture.conversation().getServiceState());
    }

    @Test
    void whenClaimingWithoutAReadIsRefusedTheStateIsReadAndDecides() {
        fixture.stored(ServiceState.NEW, null, null);
        fixture.wecom.transReplies.add(WeComReply.errcode(95016, "invalid state transfer"));
        fixture.wecom.state = 3;
        fixture.wecom.servicer = "alice";

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertEquals(List.of("trans wmCustomer 1", "get wmCustomer"), fixture.wecom.calls);
        assertTrue(verdict.silence().contains("servicer alice"), verdict.silence());
        assertEquals(ServiceState.HUMAN, fixture.conversation().getServiceState(), "what the read said is kept");
    }

    @Test
    void whenTheReadAfterARefusedClaimSaysNewTheBotAnswersWithoutClaimingTwice() {
        fixture.stored(ServiceState.NEW, null, null);
        fixture.wecom.transReplies.add(WeComReply.errcode(95016, "invalid state transfer"));
        fixture.wecom.state = 0;

        SessionGate.Verdict verdict = gate.check(fixture.conversation());

        assertNull(verdict.silence(), "state 0 allows sending");
        assertEquals(List.of("trans wmCustomer 1", "get wmCustomer"), fixture.wecom.calls);
        assertTrue(verdict.note().startsWith("claiming without a read failed (95016"), verdict.note());
    }
}
