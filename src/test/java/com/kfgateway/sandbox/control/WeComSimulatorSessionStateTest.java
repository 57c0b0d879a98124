package com.kfgateway.sandbox.control;

import static com.kfgateway.sandbox.control.RunningSimulator.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeComSimulatorSessionStateTest {

    private final RunningSimulator wecom = new RunningSimulator();
    private final String token = wecom.kfToken();

    @AfterEach
    void stop() {
        wecom.close();
    }

    private JsonObject trans(int state, String servicer) {
        return wecom.post("kf/service_state/trans", token, body("{'open_kfid':'" + KF + "','external_userid':'"
                + CUSTOMER + "','service_state':" + state + (servicer == null ? "" : ",'servicer_userid':'"
                        + servicer + "'")
                + "}"));
    }

    private JsonObject get() {
        return wecom.post("kf/service_state/get", token,
                body("{'open_kfid':'" + KF + "','external_userid':'" + CUSTOMER + "'}"));
    }

    @Test
    void aCustomerWithoutMessageIsInStateFourAndCannotBeMoved() {
        assertEquals(4, get().getInt("service_state"));
        assertEquals(95013, trans(1, null).getInt("errcode"));
    }

    @Test
    void theCustomersMessageOpensStateZero() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertEquals(0, get().getInt("service_state"));
        assertFalse(get().containsKey("servicer_userid"));
    }

    @Test
    void movesBotToPoolToServicerReturningAReplyCodeOnlyOnTheFirstMove() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        JsonObject toBot = trans(1, null);
        assertEquals(0, toBot.getInt("errcode"));
        assertFalse(toBot.containsKey("msg_code"));
        JsonObject toPool = trans(2, null);
        assertTrue(toPool.containsKey("msg_code"), toPool.toString());
        JsonObject toHuman = trans(3, ALICE);
        assertEquals(0, toHuman.getInt("errcode"));
        assertFalse(toHuman.containsKey("msg_code"));
        assertEquals(3, get().getInt("service_state"));
        assertEquals(ALICE, get().getString("servicer_userid"));
    }

    @Test
    void endingReturnsAClosingCode() {
        wecom.faults.setServiceState(KF, CUSTOMER, 3, ALICE);
        JsonObject ended = trans(4, null);
        assertEquals(0, ended.getInt("errcode"));
        assertTrue(ended.containsKey("msg_code"));
        assertEquals(4, wecom.simulator.admin().serviceState(KF, CUSTOMER));
    }

    @Test
    void rejectsIllegalMovesWith95016() {
        wecom.faults.setServiceState(KF, CUSTOMER, 2, null);
        assertEquals(95016, trans(1, null).getInt("errcode"));
        assertEquals(95016, trans(0, null).getInt("errcode"));
        wecom.faults.setServiceState(KF, CUSTOMER, 1, null);
        assertEquals(95016, trans(1, null).getInt("errcode"));
        wecom.faults.setServiceState(KF, CUSTOMER, 3, ALICE);
        assertEquals(95016, trans(2, null).getInt("errcode"));
        assertEquals(3, wecom.simulator.admin().serviceState(KF, CUSTOMER));
    }

    @Test
    void assigningAServicerWhoStoppedReceivingAnswers95019() {
        wecom.faults.setServiceState(KF, CUSTOMER, 1, null);
        assertEquals(95019, trans(3, BOB).getInt("errcode"));
        wecom.simulator.admin().setServicerOnline(KF, BOB, true);
        assertEquals(0, trans(3, BOB).getInt("errcode"));
    }

    @Test
    void assigningSomeoneWhoIsNoServicerAnswers95014() {
        wecom.faults.setServiceState(KF, CUSTOMER, 0, null);
        assertEquals(95014, trans(3, "mallory").getInt("errcode"));
        assertEquals(95014, trans(3, null).getInt("errcode"));
        assertEquals(0, wecom.simulator.admin().serviceState(KF, CUSTOMER));
    }

    @Test
    void unknownAndMalformedAccountsAnswer95004And95000() {
        assertEquals(95004, wecom.post("kf/service_state/get", token,
                body("{'open_kfid':'wkUnknownAccount','external_userid':'" + CUSTOMER + "'}")).getInt("errcode"));
        assertEquals(95000, wecom.post("kf/service_state/get", token,
                body("{'open_kfid':'nope','external_userid':'" + CUSTOMER + "'}")).getInt("errcode"));
    }

    @Test
    void routingToOnlineServicersHandsTheNewSessionToAliceWithAnEvent() {
        wecom.simulator.admin().setRouteToOnlineServicers(true);
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertEquals(3, get().getInt("service_state"));
        assertEquals(ALICE, get().getString("servicer_userid"));
        JsonObject event = wecom.post("kf/sync_msg", token, "{}").getJsonArray("msg_list").getJsonObject(1)
                .getJsonObject("event");
        assertEquals("session_status_change", event.getString("event_type"));
        assertEquals(1, event.getInt("change_type"));
        assertEquals(ALICE, event.getString("new_servicer_userid"));
        assertTrue(event.containsKey("msg_code"));
    }

    @Test
    void aServicerWritingInAnEndedSessionTakesItOver() {
        wecom.simulator.staffSendsText(KF, CUSTOMER, ALICE, "I am back");
        assertEquals(3, wecom.simulator.admin().serviceState(KF, CUSTOMER));
        JsonObject event = wecom.post("kf/sync_msg", token, "{}").getJsonArray("msg_list").getJsonObject(1)
                .getJsonObject("event");
        assertEquals(4, event.getInt("change_type"));
    }
}
