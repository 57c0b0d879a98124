package com.kfgateway.conversation.control.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.wecom.entity.InboundEvent;
import org.junit.jupiter.api.Test;

class StateRulesTest {

    private static InboundEvent event(int changeType, String oldServicer, String newServicer) {
        return new InboundEvent("session_status_change", null, null, null, null, null, changeType, oldServicer,
                newServicer, null, null, null, null);
    }

    private static StateRules.Move change(int type) {
        return StateRules.afterSessionStatusChange(event(type, "old", "new")).orElseThrow();
    }

    @Test
    void takingTransferringAndReopeningMeanAHumanServes() {
        for (int type : new int[]{1, 2, 4}) {
            assertEquals(ServiceState.HUMAN, change(type).to());
            assertEquals("new", change(type).servicerUserid());
        }
    }

    @Test
    void endingTheSessionMeansEndedWithoutServicer() {
        assertEquals(ServiceState.ENDED, change(3).to());
        assertNull(change(3).servicerUserid());
    }

    @Test
    void unknownChangeTypeChangesNothing() {
        assertTrue(StateRules.afterSessionStatusChange(event(9, null, null)).isEmpty());
    }

    @Test
    void customerWritingToAnEndedSessionMakesItNew() {
        assertEquals(ServiceState.NEW, StateRules.afterCustomerMessage(ServiceState.ENDED).orElseThrow().to());
        assertTrue(StateRules.afterCustomerMessage(ServiceState.HUMAN).isEmpty());
        assertTrue(StateRules.afterCustomerMessage(ServiceState.BOT).isEmpty());
    }

    @Test
    void staffWritingFromTheClientMeansAHumanServes() {
        StateRules.Move move = StateRules.afterStaffMessage(ServiceState.BOT, null, "li").orElseThrow();
        assertEquals(ServiceState.HUMAN, move.to());
        assertEquals("li", move.servicerUserid());
        assertTrue(StateRules.afterStaffMessage(ServiceState.HUMAN, "li", "li").isEmpty());
    }

    @Test
    void botIsSilentUnlessNewOrBot() {
        assertNull(StateRules.silenceReason(ServiceState.NEW, null));
        assertNull(StateRules.silenceReason(ServiceState.BOT, null));
        assertEquals("a human owns the session (state 3, servicer li)",
                StateRules.silenceReason(ServiceState.HUMAN, "li"));
        assertTrue(StateRules.silenceReason(ServiceState.QUEUED, null).contains("state 2"));
        assertTrue(StateRules.silenceReason(ServiceState.ENDED, null).contains("state 4"));
    }
}
