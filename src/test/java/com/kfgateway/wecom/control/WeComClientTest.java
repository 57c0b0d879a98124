package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.cluster.control.TestLeases;
import com.kfgateway.wecom.entity.KfAccount;
import com.kfgateway.wecom.entity.MediaFile;
import com.kfgateway.wecom.entity.Servicer;
import com.kfgateway.wecom.entity.SessionState;
import com.kfgateway.wecom.entity.SyncPage;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeComClientTest {

    private static final String KF_SECRET = "kf-secret-value-123";
    private static final String APP_SECRET = "app-secret-value-456";

    private FakeWeCom wecom;
    private WeComClient client;

    @BeforeEach
    void start() throws Exception {
        wecom = new FakeWeCom();
        client = client(wecom.config(KF_SECRET, APP_SECRET), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    private static WeComClient client(WeComConfig config, Duration timeout) {
        WeComHttp http = new WeComHttp(config, timeout);
        AccessTokens tokens = new AccessTokens(config, http, new InMemoryTokenStore(), TestLeases.alone(),
                Clock.systemUTC());
        WeComCalls calls = new WeComCalls();
        calls.http = http;
        calls.tokens = tokens;
        WeComClient client = new WeComClient();
        client.calls = calls;
        client.config = config;
        return client;
    }

    @Test
    void expiredTokenIsReplacedAndTheCallRepeatedOnce() {
        wecom.script("kf/sync_msg", "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}",
                "{\"errcode\":0,\"errmsg\":\"ok\",\"next_cursor\":\"c2\",\"has_more\":0,\"msg_list\":[]}");

        WeComReply<SyncPage> page = client.syncMsg("c1", null, null, 1000);

        assertTrue(page.ok());
        assertEquals("c2", page.value().nextCursor());
        List<FakeWeCom.Request> calls = wecom.requests("kf/sync_msg");
        assertEquals(2, calls.size());
        assertEquals("token-1", calls.get(0).query().get("access_token"));
        assertEquals("token-2", calls.get(1).query().get("access_token"));
        assertEquals(2, wecom.requests("gettoken").size());
    }

    @Test
    void tokenRejectedTwiceIsReturnedAfterOneRetry() {
        wecom.script("kf/service_state/get", "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}",
                "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");

        WeComReply<SessionState> answer = client.serviceState("wk1", "wm1");

        assertTrue(answer.is(40014));
        assertEquals(2, wecom.requests("kf/service_state/get").size());
    }

    @Test
    void systemBusyIsRetriedOnIdempotentCalls() {
        wecom.script("kf/sync_msg", "{\"errcode\":-1,\"errmsg\":\"system busy\"}",
                "{\"errcode\":-1,\"errmsg\":\"system busy\"}", "{\"errcode\":0,\"next_cursor\":\"c\",\"has_more\":1}");

        WeComReply<SyncPage> page = client.syncMsg(null, null, null, 0);

        assertTrue(page.ok());
        assertTrue(page.value().hasMore());
        assertEquals(3, wecom.requests("kf/sync_msg").size());
    }

    @Test
    void systemBusyIsRetriedAtMostThreeTimes() {
        wecom.script("kf/servicer/list", "{\"errcode\":-1}", "{\"errcode\":-1}", "{\"errcode\":-1}", "{\"errcode\":-1}",
                "{\"errcode\":0}");

        assertTrue(client.servicers("wk1").is(-1), "WeCom's own busy is an errcode, not an unreachable WeCom");
        assertEquals(4, wecom.requests("kf/servicer/list").size());
    }

    @Test
    void sendMsgIsNeverRetriedOnSystemBusy() {
        wecom.script("kf/send_msg", "{\"errcode\":-1,\"errmsg\":\"system busy\"}");

        WeComReply<Void> answer = client.sendText("wk1", "wm1", "fixed-1", "hi");

        assertTrue(answer.is(-1));
        assertEquals(1, wecom.requests("kf/send_msg").size());
        JsonObject sent = Json.createReader(new StringReader(wecom.requests("kf/send_msg").get(0).body())).readObject();
        assertEquals("wm1", sent.getString("touser"));
        assertEquals("fixed-1", sent.getString("msgid"));
        assertEquals("hi", sent.getJsonObject("text").getString("content"));
    }

    @Test
    void stateTransferAndMessageSendAreNeverRetriedOnSystemBusy() {
        wecom.script("kf/service_state/trans", "{\"errcode\":-1}");
        wecom.script("message/send", "{\"errcode\":-1}");

        client.transferSession("wk1", "wm1", 2, null);
        client.notifyStaff("alice", "hello");

        assertEquals(1, wecom.requests("kf/service_state/trans").size());
        assertEquals(1, wecom.requests("message/send").size());
    }

    @Test
    void missingErrcodeMeansSuccess() {
        wecom.script("kf/sync_msg", "{\"next_cursor\":\"c9\",\"has_more\":0,\"msg_list\":[{\"msgid\":\"m1\"}]}");

        WeComReply<SyncPage> page = client.syncMsg(null, null, null, 0);

        assertTrue(page.ok());
        assertEquals("m1", page.value().items().get(0).msgid());
    }

    @Test
    void successIsJudgedByErrcodeNotErrmsg() {
        wecom.script("kf/service_state/get", "{\"errcode\":0,\"errmsg\":\"error: failed\"}",
                "{\"errcode\":95018,\"errmsg\":\"ok\"}");

        assertTrue(client.serviceState("wk1", "wm1").ok());
        assertFalse(client.serviceState("wk1", "wm1").ok());
    }

    @Test
    void serviceStateNamesTheServicerOnlyInStateThree() {
        wecom.script("kf/service_state/get",
                "{\"errcode\":0,\"service_state\":3,\"servicer_userid\":\"bob\",\"brand_new\":{\"x\":1}}",
                "{\"errcode\":0,\"service_state\":1,\"servicer_userid\":\"bob\"}");

        assertEquals(new SessionState(3, "bob"), client.serviceState("wk1", "wm1").value());
        assertEquals(new SessionState(1, null), client.serviceState("wk1", "wm1").value());
    }

    @Test
    void transferReturnsWeComsMsgCode() {
        wecom.script("kf/service_state/trans", "{\"errcode\":0,\"msg_code\":\"MSG_CODE\"}");

        WeComReply<String> moved = client.transferSession("wk1", "wm1", 3, "alice");

        assertEquals("MSG_CODE", moved.value());
        JsonObject sent = Json.createReader(new StringReader(wecom.requests("kf/service_state/trans").get(0).body()))
                .readObject();
        assertEquals(3, sent.getInt("service_state"));
        assertEquals("alice", sent.getString("servicer_userid"));
    }

    @Test
    void servicersAreReceivingOnlyWithStatusZero() {
        wecom.script("kf/servicer/list", "{\"errcode\":0,\"servicer_list\":[{\"userid\":\"alice\",\"status\":0},"
                + "{\"userid\":\"bob\",\"status\":1},{\"department_id\":7}]}");

        assertEquals(List.of(new Servicer("alice", true), new Servicer("bob", false)),
                client.servicers("wk1").value());
    }

    @Test
    void syncMsgLeavesOutEmptyOptionalFields() {
        client.syncMsg("", "sync-token", "wk1", 500);

        JsonObject sent = Json.createReader(new StringReader(wecom.requests("kf/sync_msg").get(0).body())).readObject();
        assertFalse(sent.containsKey("cursor"));
        assertEquals("sync-token", sent.getString("token"));
        assertEquals("wk1", sent.getString("open_kfid"));
        assertEquals(500, sent.getInt("limit"));
    }

    @Test
    void slowAnswerBecomesTimeoutWithoutTheToken() {
        WeComClient impatient = client(wecom.config(KF_SECRET, APP_SECRET), Duration.ofSeconds(1));
        wecom.script("kf/sync_msg", FakeWeCom.Reply.json("{\"errcode\":0}").delayed(2500));

        WeComReply<SyncPage> failure = impatient.syncMsg(null, null, null, 0);

        assertEquals(WeComReply.Outcome.UNREACHABLE, failure.outcome());
        assertTrue(failure.detail().contains("no answer within"), failure.detail());
        assertTrue(failure.detail().contains("access_token=***"), failure.detail());
        assertFalse(failure.detail().contains("token-1"), failure.detail());
    }

    @Test
    void httpErrorStatusBecomesWeComExceptionWithoutTheToken() {
        wecom.script("kf/account/list", new FakeWeCom.Reply(502, "text/html", Map.of(),
                "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8), 0));

        WeComReply<List<KfAccount>> failure = client.accounts();

        assertEquals(WeComReply.Outcome.UNREACHABLE, failure.outcome());
        assertEquals(502, failure.httpStatus());
        assertFalse(failure.detail().contains("token-1"), failure.detail());
    }

    @Test
    void nonJsonAnswerBecomesWeComException() {
        wecom.script("kf/service_state/get", new FakeWeCom.Reply(200, "text/html", Map.of(),
                "<html>captive portal</html>".getBytes(StandardCharsets.UTF_8), 0));

        WeComReply<SessionState> failure = client.serviceState("wk1", "wm1");

        assertEquals(WeComReply.Outcome.UNREACHABLE, failure.outcome());
        assertTrue(failure.detail().contains("not a JSON object"), failure.detail());
    }

    @Test
    void redactionHidesAccessTokenAndCorpSecret() {
        String shown = WeComHttp
                .redact("GET http://x/cgi-bin/gettoken?corpid=ww1&corpsecret=s3cr3t&access_token=tok&y=1");

        assertFalse(shown.contains("s3cr3t"));
        assertFalse(shown.contains("tok&"));
        assertTrue(shown.contains("corpid=ww1"));
        assertTrue(shown.contains("access_token=***&y=1"));
    }

    @Test
    void responseToStringHidesTheAccessToken() {
        WeComResponse answer = new WeComHttp(wecom.config(KF_SECRET, APP_SECRET), Duration.ofSeconds(10))
                .gettoken("wwcorp", KF_SECRET);

        assertTrue(answer.ok());
        assertFalse(answer.toString().contains("token-"), answer.toString());
    }

    @Test
    void unconfiguredCredentialFailsBeforeAnyRequest() {
        WeComClient unconfigured = client(wecom.config(null, APP_SECRET), Duration.ofSeconds(10));

        WeComReply<SyncPage> failure = unconfigured.syncMsg(null, null, null, 0);

        assertEquals(WeComReply.Outcome.NOT_CONFIGURED, failure.outcome());
        assertTrue(failure.detail().contains("WECOM_KF_SECRET"));
        assertTrue(wecom.requests().isEmpty());
    }

    @Test
    void messageSendUsesTheAppSecretAndAgentId() {
        assertTrue(client.notifyStaff("alice|bob", "new conversation waiting").ok());

        assertEquals(APP_SECRET, wecom.requests("gettoken").get(0).query().get("corpsecret"));
        JsonObject sent = Json.createReader(new StringReader(wecom.requests("message/send").get(0).body()))
                .readObject();
        assertEquals(1000002, sent.getInt("agentid"));
        assertEquals("alice|bob", sent.getString("touser"));
        assertEquals("new conversation waiting", sent.getJsonObject("text").getString("content"));
        assertEquals(1, sent.getInt("enable_duplicate_check"), "a repeat after a crash is dropped by WeCom");
        assertEquals(1800, sent.getInt("duplicate_check_interval"));
    }

    @Test
    void messageTextIsCutTo2048Utf8BytesWithoutSplittingACharacter() {
        String chinese = "中".repeat(1000);
        String cut = WeComReplies.truncateUtf8(chinese, 2048);
        assertEquals(682, cut.length());
        assertEquals(2046, cut.getBytes(StandardCharsets.UTF_8).length);

        String emoji = "a".repeat(2046) + "\uD83D\uDE00";
        assertEquals("a".repeat(2046), WeComReplies.truncateUtf8(emoji, 2048));
        assertEquals("short", WeComReplies.truncateUtf8("short", 2048));
    }

    @Test
    void accountListPagesThroughAllAccounts() {
        String firstPage = IntStream.range(0, 100).mapToObj(i -> "{\"open_kfid\":\"wk" + i + "\"}")
                .collect(Collectors.joining(",", "{\"errcode\":0,\"account_list\":[", "]}"));
        wecom.script("kf/account/list", firstPage, "{\"errcode\":0,\"account_list\":[{\"open_kfid\":\"wk100\"}]}");

        WeComReply<List<KfAccount>> accounts = client.accounts();

        assertTrue(accounts.ok());
        assertEquals(101, accounts.value().size());
        List<FakeWeCom.Request> calls = wecom.requests("kf/account/list");
        assertEquals(2, calls.size());
        assertTrue(calls.get(1).body().contains("\"offset\":100"));
    }

    @Test
    void mediaGetReturnsTheFile() {
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        wecom.script("media/get", new FakeWeCom.Reply(200, "image/png",
                Map.of("Content-Disposition", "attachment; filename=\"a.png\""), image, 0));

        WeComReply<MediaFile> media = client.media("MEDIA_ID");

        assertTrue(media.ok());
        assertArrayEquals(image, media.value().bytes());
        assertEquals("image/png", media.value().contentType());
        assertEquals("a.png", media.value().fileName());
        assertEquals("MEDIA_ID", wecom.requests("media/get").get(0).query().get("media_id"));
    }

    @Test
    void mediaGetReturnsWeComsErrorWhenJsonComesBack() {
        wecom.script("media/get", "{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}");

        WeComReply<MediaFile> media = client.media("EXPIRED");

        assertFalse(media.ok());
        assertTrue(media.is(40007));
    }
}
