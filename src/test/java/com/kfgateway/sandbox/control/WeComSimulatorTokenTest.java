package com.kfgateway.sandbox.control;

import static com.kfgateway.sandbox.control.RunningSimulator.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.sandbox.entity.SimulatedCorp;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeComSimulatorTokenTest {

    private final RunningSimulator wecom = new RunningSimulator();

    @AfterEach
    void stop() {
        wecom.close();
    }

    @Test
    void issuesADistinctTokenWithTheConfiguredLifetime() {
        wecom.faults.setTokenLifetime(Duration.ofSeconds(600));
        JsonObject first = wecom.getToken(CORP_ID, KF_SECRET);
        JsonObject second = wecom.getToken(CORP_ID, KF_SECRET);
        assertEquals(0, first.getInt("errcode"));
        assertEquals(600, first.getInt("expires_in"));
        assertNotEquals(first.getString("access_token"), second.getString("access_token"));
    }

    @Test
    void lifetimeDefaultsToTwoHours() {
        assertEquals(7200, wecom.getToken(CORP_ID, APP_SECRET).getInt("expires_in"));
    }

    @Test
    void rejectsAnotherCorpIdWith40013() {
        assertEquals(40013, wecom.getToken("wwOtherCorp", KF_SECRET).getInt("errcode"));
    }

    @Test
    void wrongCorpIdSwitchAnswers40013AndInvalidatesTokensAlreadyIssued() {
        String old = wecom.kfToken();
        wecom.simulator.admin().wrongCorpId(true);
        assertEquals(42001, wecom.post("kf/account/list", old, "{}").getInt("errcode"));
        assertEquals(40013, wecom.getToken(CORP_ID, KF_SECRET).getInt("errcode"));
        assertTrue(wecom.simulator.admin().switches().wrongCorpId());
        wecom.simulator.admin().wrongCorpId(false);
        assertEquals(0, wecom.getToken(CORP_ID, KF_SECRET).getInt("errcode"));
    }

    @Test
    void rejectsAWrongSecretWith40001() {
        assertEquals(40001, wecom.getToken(CORP_ID, "not-the-secret").getInt("errcode"));
    }

    @Test
    void countsTokenFetchesPerSecretKind() {
        wecom.kfToken();
        wecom.kfToken();
        wecom.appToken();
        wecom.getToken(CORP_ID, "not-the-secret");
        assertEquals(2, wecom.probe.gettokenCalls("kf"));
        assertEquals(1, wecom.probe.gettokenCalls("app"));
    }

    @Test
    void aSecretSharedByBothRightsFetchesOneTokenForBoth() {
        try (RunningSimulator shared = new RunningSimulator(
                new SimulatedCorp(CORP_ID, APP_SECRET, AGENT_ID, APP_SECRET, CALLBACK_TOKEN, AES_KEY))) {
            String token = shared.appToken();
            assertEquals(0, shared.post("kf/account/list", token, "{}").getInt("errcode"));
            assertEquals(0, shared.post("message/send", token, body(
                    "{'touser':'alice','msgtype':'text','agentid':1000002,'text':{'content':'hi'}}"))
                    .getInt("errcode"));
            assertEquals(1, shared.probe.gettokenCalls("kf"));
            assertEquals(1, shared.probe.gettokenCalls("app"));
            assertEquals("both", shared.simulator.calls().get(1).credential());
        }
    }

    @Test
    void aCallWithoutTokenAnswers41001() {
        assertEquals(41001, RunningSimulator.json(wecom.send("POST", "kf/account/list", Map.of(), "{}"))
                .getInt("errcode"));
    }

    @Test
    void anUnknownTokenAnswers40014() {
        assertEquals(40014, wecom.post("kf/account/list", "forged", "{}").getInt("errcode"));
    }

    @Test
    void aTokenPastItsLifetimeAnswers42001() {
        String token = wecom.kfToken();
        wecom.clock.advance(Duration.ofSeconds(7199));
        assertEquals(0, wecom.post("kf/account/list", token, "{}").getInt("errcode"));
        wecom.clock.advance(Duration.ofSeconds(1));
        assertEquals(42001, wecom.post("kf/account/list", token, "{}").getInt("errcode"));
    }

    @Test
    void expireAllTokensInvalidatesTokensEarlyButNotLaterOnes() {
        String old = wecom.kfToken();
        wecom.faults.expireAllTokens();
        assertEquals(42001, wecom.post("kf/account/list", old, "{}").getInt("errcode"));
        assertEquals(0, wecom.post("kf/account/list", wecom.kfToken(), "{}").getInt("errcode"));
    }

    @Test
    void anAppOnlyTokenMayNotCallKfApis() {
        assertEquals(48002, wecom.post("kf/account/list", wecom.appToken(), "{}").getInt("errcode"));
    }

    @Test
    void recordsEachCallWithItsCredentialKindAndErrcodeButNoSecret() {
        String token = wecom.kfToken();
        wecom.post("kf/account/list", token, "{\"offset\":0}");
        wecom.post("kf/account/list", "forged", "{}");
        List<ApiCall> calls = wecom.simulator.calls();
        assertEquals(3, calls.size());
        assertEquals("gettoken", calls.get(0).path());
        assertNull(calls.get(0).requestJson());
        assertEquals("kf", calls.get(1).credential());
        assertEquals("{\"offset\":0}", calls.get(1).requestJson());
        assertEquals(0, calls.get(1).errcode());
        assertNull(calls.get(2).credential());
        assertEquals(40014, calls.get(2).errcode());
    }
}
