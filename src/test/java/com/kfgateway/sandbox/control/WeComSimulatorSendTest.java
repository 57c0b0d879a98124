package com.kfgateway.sandbox.control;

import static com.kfgateway.sandbox.control.RunningSimulator.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.kfgateway.sandbox.entity.DeliveredMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeComSimulatorSendTest {

    private final RunningSimulator wecom = new RunningSimulator();
    private final String token;

    WeComSimulatorSendTest() {
        // The clock crosses 48 h windows here; the token must outlive them.
        wecom.faults.setTokenLifetime(Duration.ofDays(30));
        token = wecom.kfToken();
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    private JsonObject sendText(String text) {
        return sendText(text, null);
    }

    private JsonObject sendText(String text, String msgid) {
        var body = Json.createObjectBuilder().add("touser", CUSTOMER).add("open_kfid", KF).add("msgtype", "text")
                .add("text", Json.createObjectBuilder().add("content", text));
        if (msgid != null) {
            body.add("msgid", msgid);
        }
        return wecom.post("kf/send_msg", token, body.build());
    }

    private JsonObject onEvent(String code, String text) {
        return wecom.post("kf/send_msg_on_event", token, Json.createObjectBuilder().add("code", code)
                .add("msgtype", "text").add("text", Json.createObjectBuilder().add("content", text)).build());
    }

    @Test
    void deliversATextAndRecordsIt() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        JsonObject answer = sendText("你好");
        assertEquals(0, answer.getInt("errcode"));
        List<DeliveredMessage> delivered = wecom.simulator.delivered(KF, CUSTOMER);
        assertEquals(1, delivered.size());
        assertEquals("你好", delivered.get(0).content());
        assertEquals("send_msg", delivered.get(0).via());
        assertEquals(answer.getString("msgid"), delivered.get(0).msgid());
    }

    @Test
    void allowsFiveSendsPerCustomerMessageThen95001() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        for (int i = 0; i < 5; i++) {
            assertEquals(0, sendText("answer " + i).getInt("errcode"));
        }
        assertEquals(95001, sendText("sixth").getInt("errcode"));
        assertEquals(5, wecom.probe.deliveredCount());
        wecom.simulator.customerSendsText(KF, CUSTOMER, "more please");
        assertEquals(0, sendText("sixth, now allowed").getInt("errcode"));
    }

    @Test
    void answers95002FortyEightHoursAfterTheCustomersLastMessage() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        wecom.clock.advance(Duration.ofHours(48).minusSeconds(1));
        assertEquals(0, sendText("just in time").getInt("errcode"));
        wecom.clock.advance(Duration.ofSeconds(1));
        assertEquals(95002, sendText("late").getInt("errcode"));
    }

    @Test
    void answers95018WhenAHumanHoldsTheSession() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        wecom.faults.setServiceState(KF, CUSTOMER, 3, ALICE);
        assertEquals(95018, sendText("bot reply").getInt("errcode"));
        assertEquals(0, wecom.probe.deliveredCount());
    }

    @Test
    void acceptsExactly2048Utf8BytesAndRejects2049With45002() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertEquals(45002, sendText("好".repeat(682) + "ab" + "c").getInt("errcode"));
        assertEquals(0, sendText("好".repeat(682) + "ab").getInt("errcode"));
    }

    @Test
    void rejectsEmptyTextWith44004() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertEquals(44004, sendText("").getInt("errcode"));
    }

    @Test
    void aReusedMsgidAnswersAnErrorWithoutDeliveringAgain() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertEquals("reply-1", sendText("first", "reply-1").getString("msgid"));
        JsonObject again = sendText("first", "reply-1");
        assertEquals(40058, again.getInt("errcode"));
        assertTrue(again.getString("errmsg").contains("msgid"));
        assertEquals(1, wecom.probe.deliveredCount());
    }

    @Test
    void rejectsAMsgidWithForbiddenCharactersOrOver32Bytes() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertEquals(40058, sendText("x", "has space").getInt("errcode"));
        assertEquals(40058, sendText("x", "a".repeat(33)).getInt("errcode"));
        assertEquals(0, sendText("x", "a".repeat(32)).getInt("errcode"));
    }

    @Test
    void welcomeCodeWorksOnceWithinTwentySeconds() {
        String code = wecom.simulator.enterSession(KF, CUSTOMER, "qr", "campaign");
        assertNotNull(code);
        assertEquals(0, onEvent(code, "Welcome!").getInt("errcode"));
        assertEquals(40058, onEvent(code, "Welcome again").getInt("errcode"));
        assertEquals("send_msg_on_event", wecom.simulator.delivered(KF, CUSTOMER).get(0).via());

        wecom.clock.advance(Duration.ofHours(49));
        String late = wecom.simulator.enterSession(KF, CUSTOMER, "qr", "");
        wecom.clock.advance(Duration.ofSeconds(20));
        assertEquals(40058, onEvent(late, "Too late").getInt("errcode"));
        assertEquals(1, wecom.probe.deliveredCount());
    }

    @Test
    void noWelcomeCodeWithinFortyEightHoursOfAWelcomeOrACustomerMessage() {
        onEvent(wecom.simulator.enterSession(KF, CUSTOMER, "", ""), "Welcome");
        assertNull(wecom.simulator.enterSession(KF, CUSTOMER, "", ""));
        wecom.simulator.addCustomer("wmOther", "Li");
        wecom.simulator.customerSendsText(KF, "wmOther", "hi");
        assertNull(wecom.simulator.enterSession(KF, "wmOther", "", ""));
    }

    @Test
    void aPoolCodeWorksOnlyWhileTheSessionWaitsInThePool() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "human please");
        String code = wecom.post("kf/service_state/trans", token, body("{'open_kfid':'" + KF
                + "','external_userid':'" + CUSTOMER + "','service_state':2}")).getString("msg_code");
        wecom.simulator.staffTakesFromPool(KF, CUSTOMER, ALICE);
        assertEquals(40058, onEvent(code, "You are in the queue").getInt("errcode"));
    }

    @Test
    void aClosingCodeFromTheServicerDeliversTheClosingMessage() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        String code = wecom.simulator.staffEndsSession(KF, CUSTOMER, ALICE);
        assertEquals(0, onEvent(code, "Thanks, bye").getInt("errcode"));
        assertEquals("Thanks, bye", wecom.simulator.delivered(KF, CUSTOMER).get(0).content());
    }
}
