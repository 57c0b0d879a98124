package com.kfgateway.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.entity.ServiceState;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class StateRulesTest {

    private static StateRules.Move change(int type) {
        return StateRules.afterSessionStatusChange(Json.createObjectBuilder().add("change_type", type)
                .add("old_servicer_userid", "old").add("new_servicer_userid", "new").build()).orElseThrow();
    }

    @Test
    void takingTransferringAndReopeningMeanAHumanServes() {
        for (int type : new int[] {1, 2, 4}) {
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
        assertTrue(StateRules.afterSessionStatusChange(Json.createObjectBuilder().add("change_type", 9).build())
                .isEmpty());
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
