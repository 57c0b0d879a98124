package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        AccessTokens tokens = new AccessTokens(config, http, new InMemoryTokenStore(), Clock.systemUTC());
        return new WeComClient(config, http, tokens);
    }

    @Test
    void expiredTokenIsReplacedAndTheCallRepeatedOnce() {
        wecom.script("kf/sync_msg", "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}",
                "{\"errcode\":0,\"errmsg\":\"ok\",\"next_cursor\":\"c2\",\"has_more\":0,\"msg_list\":[]}");

        SyncPage page = client.syncMsg("c1", null, null, 1000);

        assertTrue(page.ok());
        assertEquals("c2", page.nextCursor());
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

        WeComResponse answer = client.serviceStateGet("wk1", "wm1");

        assertEquals(40014, answer.errcode());
        assertEquals(2, wecom.requests("kf/service_state/get").size());
    }

    @Test
    void systemBusyIsRetriedOnIdempotentCalls() {
        wecom.script("kf/sync_msg", "{\"errcode\":-1,\"errmsg\":\"system busy\"}",
                "{\"errcode\":-1,\"errmsg\":\"system busy\"}", "{\"errcode\":0,\"next_cursor\":\"c\",\"has_more\":1}");

        SyncPage page = client.syncMsg(null, null, null, 0);

        assertTrue(page.ok());
        assertTrue(page.hasMore());
        assertEquals(3, wecom.requests("kf/sync_msg").size());
    }

    @Test
    void systemBusyIsRetriedAtMostThreeTimes() {
        wecom.script("kf/servicer/list", "{\"errcode\":-1}", "{\"errcode\":-1}", "{\"errcode\":-1}", "{\"errcode\":-1}",
                "{\"errcode\":0}");

        assertEquals(-1, client.servicerList("wk1").errcode());
        assertEquals(4, wecom.requests("kf/servicer/list").size());
    }

    @Test
    void sendMsgIsNeverRetriedOnSystemBusy() {
        wecom.script("kf/send_msg", "{\"errcode\":-1,\"errmsg\":\"system busy\"}");

        WeComResponse answer = client.sendMsg(Json.createObjectBuilder().add("touser", "wm1").add("open_kfid", "wk1")
                .add("msgid", "fixed-1").add("msgtype", "text")
                .add("text", Json.createObjectBuilder().add("content", "hi")).build());

        assertEquals(-1, answer.errcode());
        assertEquals(1, wecom.requests("kf/send_msg").size());
    }

    @Test
    void stateTransferAndMessageSendAreNeverRetriedOnSystemBusy() {
        wecom.script("kf/service_state/trans", "{\"errcode\":-1}");
        wecom.script("message/send", "{\"errcode\":-1}");

        client.serviceStateTrans("wk1", "wm1", 2, null);
        client.messageSend("alice", "hello");

        assertEquals(1, wecom.requests("kf/service_state/trans").size());
        assertEquals(1, wecom.requests("message/send").size());
    }

    @Test
    void missingErrcodeMeansSuccess() {
        wecom.script("kf/sync_msg", "{\"next_cursor\":\"c9\",\"has_more\":0,\"msg_list\":[{\"msgid\":\"m1\"}]}");

        SyncPage page = client.syncMsg(null, null, null, 0);

        assertTrue(page.ok());
        assertEquals(0, page.response().errcode());
        assertEquals("m1", page.items().get(0).getString("msgid"));
    }

    @Test
    void successIsJudgedByErrcodeNotErrmsg() {
        wecom.script("kf/service_state/get", "{\"errcode\":0,\"errmsg\":\"error: failed\"}",
                "{\"errcode\":95018,\"errmsg\":\"ok\"}");

        assertTrue(client.serviceStateGet("wk1", "wm1").ok());
        assertFalse(client.serviceStateGet("wk1", "wm1").ok());
    }

    @Test
    void unknownFieldsAreKept() {
        wecom.script("kf/service_state/get",
                "{\"errcode\":0,\"service_state\":3,\"servicer_userid\":\"bob\",\"brand_new\":{\"x\":1}}");

        WeComResponse answer = client.serviceStateGet("wk1", "wm1");

        assertEquals(1, answer.body().getJsonObject("brand_new").getInt("x"));
        assertTrue(answer.rawJson().contains("brand_new"));
        assertEquals("bob", answer.string("servicer_userid"));
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

        WeComException failure = assertThrows(WeComException.class, () -> impatient.syncMsg(null, null, null, 0));

        assertEquals(WeComException.Kind.TIMEOUT, failure.kind());
        assertTrue(failure.getMessage().contains("access_token=***"), failure.getMessage());
        assertFalse(failure.getMessage().contains("token-1"), failure.getMessage());
    }

    @Test
    void httpErrorStatusBecomesWeComExceptionWithoutTheToken() {
        wecom.script("kf/account/list", new FakeWeCom.Reply(502, "text/html", Map.of(),
                "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8), 0));

        WeComException failure = assertThrows(WeComException.class, () -> client.accountList());

        assertEquals(WeComException.Kind.HTTP_STATUS, failure.kind());
        assertEquals(502, failure.httpStatus());
        assertFalse(failure.getMessage().contains("token-1"), failure.getMessage());
    }

    @Test
    void nonJsonAnswerBecomesWeComException() {
        wecom.script("kf/service_state/get", new FakeWeCom.Reply(200, "text/html", Map.of(),
                "<html>captive portal</html>".getBytes(StandardCharsets.UTF_8), 0));

        WeComException failure = assertThrows(WeComException.class, () -> client.serviceStateGet("wk1", "wm1"));

        assertEquals(WeComException.Kind.NOT_JSON, failure.kind());
    }

    @Test
    void redactionHidesAccessTokenAndCorpSecret() {
        String shown = WeComHttp.redact("GET http://x/cgi-bin/gettoken?corpid=ww1&corpsecret=s3cr3t&access_token=tok&y=1");

        assertFalse(shown.contains("s3cr3t"));
        assertFalse(shown.contains("tok&"));
        assertTrue(shown.contains("corpid=ww1"));
        assertTrue(shown.contains("access_token=***&y=1"));
    }

    @Test
    void responseToStringHidesTheAccessToken() {
        WeComResponse answer = client.gettoken("wwcorp", KF_SECRET);

        assertTrue(answer.ok());
        assertFalse(answer.toString().contains("token-"), answer.toString());
    }

    @Test
    void unconfiguredCredentialFailsBeforeAnyRequest() {
        WeComClient unconfigured = client(wecom.config(null, APP_SECRET), Duration.ofSeconds(10));

        CredentialNotConfiguredException failure = assertThrows(CredentialNotConfiguredException.class,
                () -> unconfigured.syncMsg(null, null, null, 0));

        assertTrue(failure.getMessage().contains("WECOM_KF_SECRET"));
        assertTrue(wecom.requests().isEmpty());
    }

    @Test
    void messageSendUsesTheAppSecretAndAgentId() {
        client.messageSend("alice|bob", "new conversation waiting");

        assertEquals(APP_SECRET, wecom.requests("gettoken").get(0).query().get("corpsecret"));
        JsonObject sent = Json.createReader(new StringReader(wecom.requests("message/send").get(0).body())).readObject();
        assertEquals(1000002, sent.getInt("agentid"));
        assertEquals("alice|bob", sent.getString("touser"));
        assertEquals("new conversation waiting", sent.getJsonObject("text").getString("content"));
    }

    @Test
    void messageTextIsCutTo2048Utf8BytesWithoutSplittingACharacter() {
        String chinese = "中".repeat(1000);
        String cut = WeComClient.truncateUtf8(chinese, 2048);
        assertEquals(682, cut.length());
        assertEquals(2046, cut.getBytes(StandardCharsets.UTF_8).length);

        String emoji = "a".repeat(2046) + "\uD83D\uDE00";
        assertEquals("a".repeat(2046), WeComClient.truncateUtf8(emoji, 2048));
        assertEquals("short", WeComClient.truncateUtf8("short", 2048));
    }

    @Test
    void accountListPagesThroughAllAccounts() {
        String firstPage = IntStream.range(0, 100).mapToObj(i -> "{\"open_kfid\":\"wk" + i + "\"}")
                .collect(Collectors.joining(",", "{\"errcode\":0,\"account_list\":[", "]}"));
        wecom.script("kf/account/list", firstPage, "{\"errcode\":0,\"account_list\":[{\"open_kfid\":\"wk100\"}]}");

        AccountList accounts = client.accountList();

        assertTrue(accounts.ok());
        assertEquals(101, accounts.accounts().size());
        List<FakeWeCom.Request> calls = wecom.requests("kf/account/list");
        assertEquals(2, calls.size());
        assertTrue(calls.get(1).body().contains("\"offset\":100"));
    }

    @Test
    void mediaGetReturnsTheFile() {
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        wecom.script("media/get", new FakeWeCom.Reply(200, "image/png",
                Map.of("Content-Disposition", "attachment; filename=\"a.png\""), image, 0));

        MediaDownload media = client.mediaGet("MEDIA_ID");

        assertTrue(media.ok());
        assertArrayEquals(image, media.bytes());
        assertEquals("image/png", media.contentType());
        assertEquals("a.png", media.fileName());
        assertEquals("MEDIA_ID", wecom.requests("media/get").get(0).query().get("media_id"));
    }

    @Test
    void mediaGetReturnsWeComsErrorWhenJsonComesBack() {
        wecom.script("media/get", "{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}");

        MediaDownload media = client.mediaGet("EXPIRED");

        assertFalse(media.ok());
        assertEquals(40007, media.errcode());
    }
}
