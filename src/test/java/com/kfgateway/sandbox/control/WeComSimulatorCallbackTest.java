package com.kfgateway.sandbox.control;

import static com.kfgateway.sandbox.control.RunningSimulator.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.sandbox.entity.CallbackResult;
import com.kfgateway.wecom.control.CallbackCryptoException;
import com.kfgateway.wecom.control.CryptoError;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeComSimulatorCallbackTest {

    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>");
    private static final Pattern TOKEN = Pattern.compile("<Token><!\\[CDATA\\[(.*?)]]></Token>");

    private final RunningSimulator wecom = new RunningSimulator();
    private final CallbackReceiver product = new CallbackReceiver();

    @AfterEach
    void stop() {
        wecom.close();
        product.close();
    }

    private String decrypt(CallbackReceiver.Received callback) throws CallbackCryptoException {
        Matcher encrypt = ENCRYPT.matcher(callback.body());
        assertTrue(encrypt.find(), callback.body());
        return product.crypto().verifyAndDecrypt(callback.query().get("msg_signature"),
                callback.query().get("timestamp"), callback.query().get("nonce"), encrypt.group(1));
    }

    @Test
    void postsASignedEncryptedKfEventCarryingAUsableSyncToken() throws Exception {
        wecom.simulator.setCallbackUrl(product.url());
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");

        assertEquals(1, product.received.size());
        CallbackReceiver.Received callback = product.received.get(0);
        assertEquals("POST", callback.method());
        assertTrue(callback.body().startsWith("<xml><ToUserName><![CDATA[" + CORP_ID
                + "]]></ToUserName><AgentID><![CDATA[]]></AgentID><Encrypt>"), callback.body());
        String xml = decrypt(callback);
        assertTrue(xml.contains("<ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName>"), xml);
        assertTrue(xml.contains("<CreateTime>" + wecom.clock.instant().getEpochSecond() + "</CreateTime>"), xml);
        assertTrue(xml.contains("<MsgType><![CDATA[event]]></MsgType>"), xml);
        assertTrue(xml.contains("<Event><![CDATA[kf_msg_or_event]]></Event>"), xml);
        assertTrue(xml.contains("<OpenKfId><![CDATA[" + KF + "]]></OpenKfId>"), xml);
        Matcher token = TOKEN.matcher(xml);
        assertTrue(token.find());
        assertEquals(0, wecom.post("kf/sync_msg", wecom.kfToken(),
                body("{'token':'" + token.group(1) + "'}")).getInt("errcode"));
        assertEquals(List.of(200), wecom.simulator.callbackResults().stream().map(CallbackResult::httpStatus).toList());
    }

    @Test
    void repeatsEachCallbackAsWeComRetries() {
        wecom.simulator.setCallbackUrl(product.url());
        wecom.faults.setCallbackRepeat(3);
        wecom.simulator.enterSession(KF, CUSTOMER, "", "");
        assertEquals(3, product.received.size());
        assertEquals(1, product.received.stream().map(CallbackReceiver.Received::body).distinct().count());
    }

    @Test
    void recordsTheProductsStatus() {
        wecom.simulator.setCallbackUrl(product.url());
        product.status = 500;
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertFalse(wecom.simulator.callbackResults().get(0).acknowledged());
        assertEquals(500, wecom.simulator.callbackResults().get(0).httpStatus());
    }

    @Test
    void aDeadCallbackUrlIsRecordedNotThrown() {
        URI dead = product.url();
        product.close();
        wecom.simulator.setCallbackUrl(dead);
        String msgid = wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertTrue(msgid.startsWith("from_msgid_"));
        CallbackResult result = wecom.simulator.callbackResults().get(0);
        assertEquals(-1, result.httpStatus());
        assertTrue(result.failure() != null && !result.failure().isEmpty());
    }

    @Test
    void withCallbackTokenMismatchTheSignatureFailsForTheProduct() {
        wecom.simulator.setCallbackUrl(product.url());
        wecom.simulator.admin().callbackTokenMismatch(true);
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        CallbackCryptoException rejected = assertThrows(CallbackCryptoException.class,
                () -> decrypt(product.received.get(0)));
        assertEquals(CryptoError.VALIDATE_SIGNATURE, rejected.error());
        assertFalse(wecom.simulator.verifyCallbackUrl());
    }

    @Test
    void urlCheckPassesOnlyForTheExactPlaintext() {
        wecom.simulator.setCallbackUrl(product.url());
        assertTrue(wecom.simulator.verifyCallbackUrl());
        assertEquals("GET", product.received.get(0).method());
        product.echoSuffix = "\n";
        assertFalse(wecom.simulator.verifyCallbackUrl());
    }

    @Test
    void withoutCallbackUrlActionsStillReachSync() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        assertTrue(wecom.simulator.callbackResults().isEmpty());
        assertEquals(1, wecom.post("kf/sync_msg", wecom.kfToken(), "{}").getJsonArray("msg_list").size());
    }
}
