package com.kfgateway.sandbox.control;

import static com.kfgateway.sandbox.control.RunningSimulator.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeComSimulatorTest {

    private static final String SEND_HELLO = "{'touser':'" + CUSTOMER + "','open_kfid':'" + KF
            + "','msgtype':'text','text':{'content':'hello'}}";

    private final RunningSimulator wecom = new RunningSimulator();
    private final String token = wecom.kfToken();

    @AfterEach
    void stop() {
        wecom.close();
    }

    private JsonObject staffMessage(String accessToken, String touser, int agentId) {
        return wecom.post("message/send", accessToken, body("{'touser':'" + touser + "','msgtype':'text','agentid':"
                + agentId + ",'text':{'content':'Customer waiting'}}"));
    }

    @Test
    void observationsShowAccountsServicersCustomersAndOnlyStartedSessions() {
        wecom.simulator.addCustomer("wmQuiet", "Li");
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        wecom.simulator.admin().setServicerOnline(KF, BOB, true);
        assertEquals(Map.of(ALICE, true, BOB, true), wecom.simulator.admin().accounts().get(0).servicers());
        assertEquals(List.of(CUSTOMER, "wmQuiet"), List.copyOf(wecom.simulator.customers().keySet()));
        assertEquals(List.of(new com.kfgateway.sandbox.entity.SimulatedSession(KF, CUSTOMER, 0, null)),
                wecom.simulator.admin().sessions());
    }

    @Test
    void listsAccountsWithManagePrivilegeAndPaging() {
        wecom.simulator.admin().addAccount("wkSecond", "Sales", false);
        JsonObject all = wecom.post("kf/account/list", token, body("{'offset':0,'limit':100}"));
        assertEquals(2, all.getJsonArray("account_list").size());
        JsonObject first = all.getJsonArray("account_list").getJsonObject(0);
        assertEquals(KF, first.getString("open_kfid"));
        assertEquals("Support", first.getString("name"));
        assertTrue(first.getBoolean("manage_privilege"));
        assertFalse(all.getJsonArray("account_list").getJsonObject(1).getBoolean("manage_privilege"));
        JsonObject second = wecom.post("kf/account/list", token, body("{'offset':1,'limit':1}"));
        assertEquals("wkSecond", second.getJsonArray("account_list").getJsonObject(0).getString("open_kfid"));
    }

    @Test
    void listsServicersWithReceivingStatusByGet() {
        JsonObject answer = wecom.get("kf/servicer/list", Map.of("access_token", token, "open_kfid", KF));
        assertEquals(0, answer.getInt("errcode"));
        var servicers = answer.getJsonArray("servicer_list").getValuesAs(JsonObject.class);
        assertEquals(ALICE, servicers.get(0).getString("userid"));
        assertEquals(0, servicers.get(0).getInt("status"));
        assertEquals(1, servicers.get(1).getInt("status"));
    }

    @Test
    void answersTheWrongHttpMethodWith43001Or43002() {
        assertEquals(43001, wecom.post("kf/servicer/list", token, "{}").getInt("errcode"));
        assertEquals(43002, wecom.get("kf/send_msg", Map.of("access_token", token)).getInt("errcode"));
    }

    @Test
    void batchgetSeparatesKnownFromInvalidCustomersAndAddsTheEnterContext() {
        wecom.simulator.enterSession(KF, CUSTOMER, "qr", "campaign-7");
        JsonObject answer = wecom.post("kf/customer/batchget", token, body("{'external_userid_list':['"
                + CUSTOMER + "','wmNobody'],'need_enter_session_context':1}"));
        JsonObject customer = answer.getJsonArray("customer_list").getJsonObject(0);
        assertEquals("Wang", customer.getString("nickname"));
        assertEquals("campaign-7", customer.getJsonObject("enter_session_context").getString("scene_param"));
        assertEquals(List.of("wmNobody"), answer.getJsonArray("invalid_external_userid").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void kfSecretWithoutKfRightsLetsTheProductReadButNotActOrSend() {
        wecom.simulator.admin().kfSecretWithoutKfRights(true);
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertEquals(0, wecom.getToken(CORP_ID, KF_SECRET).getInt("errcode"));
        assertFalse(wecom.post("kf/account/list", token, "{}").getJsonArray("account_list").getJsonObject(0)
                .getBoolean("manage_privilege"));
        assertEquals(1, wecom.post("kf/sync_msg", token, "{}").getJsonArray("msg_list").size());
        assertEquals(95018, wecom.post("kf/send_msg", token, body(SEND_HELLO)).getInt("errcode"));
        assertEquals(95018, wecom.post("kf/service_state/trans", token, body("{'open_kfid':'" + KF
                + "','external_userid':'" + CUSTOMER + "','service_state':1}")).getInt("errcode"));
        assertEquals(95018, wecom.post("kf/send_msg_on_event", token, body("{'code':'"
                + wecom.simulator.staffEndsSession(KF, CUSTOMER, ALICE)
                + "','msgtype':'text','text':{'content':'bye'}}")).getInt("errcode"));
        assertEquals(0, wecom.probe.deliveredCount());
    }

    @Test
    void untrustedIpAnswers60020EverywhereButGettoken() {
        wecom.simulator.admin().untrustedIp(true);
        assertEquals(0, wecom.getToken(CORP_ID, KF_SECRET).getInt("errcode"));
        JsonObject refused = wecom.post("kf/account/list", token, "{}");
        assertEquals(60020, refused.getInt("errcode"));
        assertTrue(refused.getString("errmsg").contains(", from ip: 127.0.0.1, "), "WeCom names the address it saw: "
                + refused.getString("errmsg"));
        assertEquals(60020, staffMessage(wecom.appToken(), ALICE, AGENT_ID).getInt("errcode"));
    }

    @Test
    void messageSendWithTheDuplicateCheckDeliversTheSameRequestOncePerWindow() {
        String checked = "{'touser':'alice','msgtype':'text','agentid':" + AGENT_ID + ",'text':{'content':'again'},"
                + "'enable_duplicate_check':1,'duplicate_check_interval':600}";
        assertEquals(0, wecom.post("message/send", wecom.appToken(), body(checked)).getInt("errcode"));
        assertEquals(0, wecom.post("message/send", wecom.appToken(), body(checked)).getInt("errcode"),
                "a duplicate is answered as sent");
        assertEquals(1, wecom.probe.staffNotifications().size(), "and not delivered again");
        staffMessage(wecom.appToken(), ALICE, AGENT_ID);
        staffMessage(wecom.appToken(), ALICE, AGENT_ID);
        assertEquals(3, wecom.probe.staffNotifications().size(), "without the check every request is delivered");

        wecom.clock.advance(java.time.Duration.ofSeconds(601));
        wecom.post("message/send", wecom.appToken(), body(checked));
        assertEquals(4, wecom.probe.staffNotifications().size(), "after the window it goes out again");
    }

    @Test
    void messageSendRecordsTheNotificationAndReportsInvalidUsers() {
        wecom.simulator.admin().addMember("Admin");
        JsonObject answer = staffMessage(wecom.appToken(), "alice|admin|ghost", AGENT_ID);
        assertEquals(0, answer.getInt("errcode"));
        assertEquals("ghost", answer.getString("invaliduser"));
        assertEquals(List.of("alice", "admin"), wecom.probe.staffNotifications().get(0).recipients());
        assertEquals("Customer waiting", wecom.probe.staffNotifications().get(0).content());
    }

    @Test
    void messageSendWithAnotherAgentIdOrTheKfAppsTokenAnswers301002() {
        assertEquals(301002, staffMessage(wecom.appToken(), ALICE, 1000003).getInt("errcode"));
        assertEquals(301002, staffMessage(token, ALICE, AGENT_ID).getInt("errcode"));
        assertTrue(wecom.probe.staffNotifications().isEmpty());
    }

    @Test
    void messageSendToOnlyUnknownUsersAnswers81013() {
        assertEquals(81013, staffMessage(wecom.appToken(), "ghost|phantom", AGENT_ID).getInt("errcode"));
    }

    @Test
    void mediaGetServesPngForIssuedMediaAnd40007Otherwise() {
        wecom.simulator.customerSendsImage(KF, CUSTOMER);
        String mediaId = wecom.post("kf/sync_msg", token, "{}").getJsonArray("msg_list").getJsonObject(0)
                .getJsonObject("image").getString("media_id");
        HttpResponse<byte[]> image = wecom.send("GET", "media/get", Map.of("access_token", token, "media_id", mediaId),
                null);
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(image.body(), 4));
        assertEquals(40007, wecom.get("media/get", Map.of("access_token", token, "media_id", "unknown"))
                .getInt("errcode"));
    }

    @Test
    void failNextAnswersTheErrcodeWithoutEffectThenRecovers() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        wecom.faults.failNext("/cgi-bin/kf/send_msg", -1, 2);
        assertEquals(-1, wecom.post("kf/send_msg", token, body(SEND_HELLO)).getInt("errcode"));
        assertEquals(-1, wecom.post("kf/send_msg", token, body(SEND_HELLO)).getInt("errcode"));
        assertEquals(0, wecom.probe.deliveredCount());
        assertEquals(0, wecom.post("kf/send_msg", token, body(SEND_HELLO)).getInt("errcode"));
        assertEquals(1, wecom.probe.deliveredCount());
    }

    @Test
    void failNextForOneCustomerIsNotConsumedByAnother() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        wecom.faults.failNextFor("kf/send_msg", "wmSomeoneElse", -1, 1);
        assertEquals(0, wecom.post("kf/send_msg", token, body(SEND_HELLO)).getInt("errcode"),
                "a fault queued for another customer leaves this one alone");
        wecom.faults.failNextFor("kf/send_msg", CUSTOMER, 95018, 1);
        assertEquals(95018, wecom.post("kf/send_msg", token, body(SEND_HELLO)).getInt("errcode"));
    }

    @Test
    void failAfterEffectDeliversButAnswersTheError() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        wecom.faults.failAfterEffectNext("kf/send_msg", -1);
        String send = "{'touser':'" + CUSTOMER + "','open_kfid':'" + KF
                + "','msgid':'reply-1','msgtype':'text','text':{'content':'hello'}}";
        assertEquals(-1, wecom.post("kf/send_msg", token, body(send)).getInt("errcode"));
        assertEquals(1, wecom.probe.deliveredCount());
        assertEquals(40058, wecom.post("kf/send_msg", token, body(send)).getInt("errcode"), "the msgid is used");
        assertEquals(1, wecom.probe.deliveredCount());
    }

    @Test
    void httpStatusNextAnswersABadGatewayOnce() {
        wecom.faults.httpStatusNext("kf/account/list", 502);
        HttpResponse<byte[]> bad = wecom.send("POST", "kf/account/list", Map.of("access_token", token), "{}");
        assertEquals(502, bad.statusCode());
        assertEquals(502, wecom.simulator.calls().get(1).httpStatus());
        assertEquals(0, wecom.post("kf/account/list", token, "{}").getInt("errcode"));
    }

    @Test
    void delayNextHoldsTheAnswerBack() {
        wecom.faults.delayNext("kf/account/list", Duration.ofMillis(300));
        long start = System.nanoTime();
        wecom.post("kf/account/list", token, "{}");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }

    @Test
    void malformedJsonAnswers47001AndUnknownPaths404() {
        assertEquals(47001, wecom.post("kf/send_msg", token, "{not json").getInt("errcode"));
        assertEquals(404, wecom.send("POST", "kf/nothing_here", Map.of("access_token", token), "{}").statusCode());
    }
}
