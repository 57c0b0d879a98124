package com.kfgateway.wecom.control;

import static com.kfgateway.wecom.control.CallbackCryptoTest.AES_KEY;
import static com.kfgateway.wecom.control.CallbackCryptoTest.CORP_ID;
import static com.kfgateway.wecom.control.CallbackCryptoTest.TOKEN;
import static com.kfgateway.wecom.control.CallbackCryptoTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.wecom.entity.CallbackEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and honest callback XML: the first is refused with -40002, the second becomes a {@link CallbackEvent}. */
class CallbackXmlTest {

    private static final int PARSE_XML = -40002;
    private static final String SYNC_TOKEN = "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR";

    @Test
    void readsEncryptFromTheOfficialPostBody() throws Exception {
        String body = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA["
                + CallbackCryptoTest.A2_ENCRYPT + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
        assertEquals(CallbackCryptoTest.A2_ENCRYPT, CallbackXml.encryptField(body));
    }

    @Test
    void rejectsExternalEntityPointingAtALocalFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><Encrypt>&xxe;</Encrypt><Token>&xxe;</Token></xml>";
        assertError(PARSE_XML, () -> CallbackXml.encryptField(xxe));
        assertError(PARSE_XML, () -> CallbackXml.event(xxe));
    }

    @Test
    void rejectsBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String bomb = dtd.append("]><xml><Encrypt>&lol9;</Encrypt></xml>").toString();
        assertError(PARSE_XML, () -> CallbackXml.encryptField(bomb));
        assertError(PARSE_XML, () -> CallbackXml.event(bomb));
    }

    @Test
    void rejectsAnyDoctypeEvenAHarmlessOne() {
        String withDoctype = "<!DOCTYPE xml><xml><Encrypt>abc</Encrypt></xml>";
        assertError(PARSE_XML, () -> CallbackXml.encryptField(withDoctype));
        assertError(PARSE_XML, () -> CallbackXml.event(withDoctype));
    }

    @Test
    void reusedParsersReadEachDocumentOnItsOwnAlsoAfterAFailureAndAcrossThreads() throws Exception {
        assertError(PARSE_XML, () -> CallbackXml.event("<xml><Token>half"));
        assertError(PARSE_XML, () -> CallbackXml.event("<!DOCTYPE xml><xml/>"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> tokens = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String token = "T" + i;
                tokens.add(pool.submit(() -> CallbackXml.event(CallbackXml.kfEventXml("ww1", 1, token, "wk" + token))
                        .syncToken()));
            }
            for (int i = 0; i < tokens.size(); i++) {
                assertEquals("T" + i, tokens.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsMalformedXml() {
        assertError(PARSE_XML, () -> CallbackXml.encryptField("<xml><Encrypt>abc</Encrypt>"));
        assertError(PARSE_XML, () -> CallbackXml.encryptField("not xml at all"));
        assertError(PARSE_XML, () -> CallbackXml.encryptField(""));
        assertError(PARSE_XML, () -> CallbackXml.encryptField(null));
        assertError(PARSE_XML, () -> CallbackXml.event("<xml><MsgType>event</MsgType"));
    }

    @Test
    void rejectsRootOtherThanXml() {
        assertError(PARSE_XML, () -> CallbackXml.encryptField("<envelope><Encrypt>abc</Encrypt></envelope>"));
        assertError(PARSE_XML, () -> CallbackXml.event("<envelope><MsgType>event</MsgType></envelope>"));
    }

    @Test
    void rejectsEnvelopeWithoutEncryptOrWithABlankOne() {
        assertError(PARSE_XML, () -> CallbackXml.encryptField("<xml><ToUserName>ww1</ToUserName></xml>"));
        assertError(PARSE_XML, () -> CallbackXml.encryptField("<xml><Encrypt><![CDATA[  ]]></Encrypt></xml>"));
        assertError(PARSE_XML, () -> CallbackXml.encryptField("<xml><Other><Encrypt>abc</Encrypt></Other></xml>"));
    }

    @Test
    void rejectsEnvelopeWithTwoEncrypts() {
        assertError(PARSE_XML,
                () -> CallbackXml.encryptField("<xml><Encrypt>abc</Encrypt><Encrypt>def</Encrypt></xml>"));
    }

    @Test
    void parsesTheOfficialDecryptedTextMessage() throws Exception {
        CallbackEvent event = CallbackXml.event(CallbackCryptoTest.A2_MESSAGE);
        assertEquals("text", event.msgType());
        assertEquals(CORP_ID, event.toUserName());
        assertEquals(1409659813L, event.createTime());
        assertNull(event.event());
        assertNull(event.syncToken());
        assertFalse(event.isKfMsgOrEvent());
        assertEquals(CallbackCryptoTest.A2_MESSAGE, event.rawXml());
    }

    @Test
    void parsesKfMsgOrEventWithOpenKfId() throws Exception {
        String xml = "<xml>\n  <ToUserName><![CDATA[ww12345678910]]></ToUserName>\n"
                + "  <CreateTime>1348831860</CreateTime>\n  <MsgType><![CDATA[event]]></MsgType>\n"
                + "  <Event><![CDATA[kf_msg_or_event]]></Event>\n  <Token><![CDATA[" + SYNC_TOKEN + "]]></Token>\n"
                + "  <OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId>\n</xml>";
        CallbackEvent event = CallbackXml.event(xml);
        assertTrue(event.isKfMsgOrEvent());
        assertFalse(event.isKfAccountAuthChange());
        assertEquals("ww12345678910", event.toUserName());
        assertEquals(1348831860L, event.createTime());
        assertEquals("event", event.msgType());
        assertEquals(SYNC_TOKEN, event.syncToken());
        assertEquals("wkxxxxxxx", event.openKfId());
    }

    @Test
    void parsesOlderKfMsgOrEventWithoutOpenKfIdAsNull() throws Exception {
        CallbackEvent event = CallbackXml.event(CallbackXml.kfEventXml("ww1", 1348831860L, SYNC_TOKEN, null));
        assertTrue(event.isKfMsgOrEvent());
        assertEquals(SYNC_TOKEN, event.syncToken());
        assertNull(event.openKfId());
        assertFalse(CallbackXml.kfEventXml("ww1", 1, SYNC_TOKEN, null).contains("OpenKfId"));
    }

    @Test
    void parsesAccountAuthChangeWithRepeatedAddsAndADelete() throws Exception {
        String xml = "<xml><ToUserName><![CDATA[ww1]]></ToUserName><CreateTime>1700000000</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_account_auth_change]]></Event>"
                + "<AuthAddOpenKfId><![CDATA[wkAdd1]]></AuthAddOpenKfId>"
                + "<AuthAddOpenKfId><![CDATA[wkAdd2]]></AuthAddOpenKfId>"
                + "<AuthDelOpenKfId><![CDATA[wkDel1]]></AuthDelOpenKfId></xml>";
        CallbackEvent event = CallbackXml.event(xml);
        assertTrue(event.isKfAccountAuthChange());
        assertFalse(event.isKfMsgOrEvent());
        assertEquals(List.of("wkAdd1", "wkAdd2"), event.authAddOpenKfIds());
        assertEquals(List.of("wkDel1"), event.authDelOpenKfIds());
    }

    @Test
    void rejectsCreateTimeThatIsNotANumber() {
        assertError(PARSE_XML, () -> CallbackXml.event("<xml><CreateTime>soon</CreateTime></xml>"));
    }

    @Test
    void builtEventSurvivesEnvelopeEncryptionDecryptionAndParsing() throws Exception {
        CallbackCrypto crypto = CallbackCryptoTest.crypto(TOKEN, AES_KEY, CORP_ID);
        String awkwardToken = "ENC]]>tok<&>en令牌";
        String sent = CallbackXml.kfEventXml(CORP_ID, 1700000000L, awkwardToken, "wk]]>id");
        String encrypted = crypto.encrypt(sent);
        String envelope = CallbackXml.envelopeXml(CORP_ID, "1000002", encrypted);

        String received = CallbackXml.encryptField(envelope);
        assertEquals(encrypted, received);
        CallbackEvent event = CallbackXml.event(
                crypto.verifyAndDecrypt(crypto.signature("1700000000", "n", received), "1700000000", "n", received));

        assertTrue(event.isKfMsgOrEvent());
        assertEquals(CORP_ID, event.toUserName());
        assertEquals(1700000000L, event.createTime());
        assertEquals(awkwardToken, event.syncToken());
        assertEquals("wk]]>id", event.openKfId());
        assertEquals(sent, event.rawXml());
    }

    @Test
    void envelopeWithoutAgentIdStillYieldsEncrypt() throws Exception {
        String envelope = CallbackXml.envelopeXml(CORP_ID, null, "abc+/=");
        assertFalse(envelope.contains("AgentID"));
        assertEquals("abc+/=", CallbackXml.encryptField(envelope));
    }

    @Test
    void toStringHidesTheSyncToken() throws Exception {
        CallbackEvent event = CallbackXml.event(CallbackXml.kfEventXml("ww1", 1, SYNC_TOKEN, "wk1"));
        String text = event.toString();
        assertFalse(text.contains(SYNC_TOKEN), text);
        assertFalse(text.contains(SYNC_TOKEN.substring(0, 12)), text);
        assertTrue(text.contains("wk1"), text);
    }
}
