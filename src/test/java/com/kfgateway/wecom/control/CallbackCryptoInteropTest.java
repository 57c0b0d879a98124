package com.kfgateway.wecom.control;

import static com.kfgateway.wecom.control.CallbackCryptoTest.AES_KEY;
import static com.kfgateway.wecom.control.CallbackCryptoTest.CORP_ID;
import static com.kfgateway.wecom.control.CallbackCryptoTest.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;
import org.junit.jupiter.api.Test;

/**
 * Our WXBizMsgCrypt against WxJava's, a widely used independent implementation: each side must read what the other
 * writes, signature included. WxJava skips the receive-id check, so only our side proves that.
 */
class CallbackCryptoInteropTest {

    private final CallbackCrypto ours = CallbackCryptoTest.crypto(TOKEN, AES_KEY, CORP_ID);
    private final WxCpCryptUtil wxJava = wxJava();

    @Test
    void wxJavaDecryptsWhatWeEncryptAndAcceptsOurSignature() throws Exception {
        for (String message : messages()) {
            String encrypted = ours.encrypt(message);
            assertEquals(message, wxJava.decrypt(encrypted));
            String signature = ours.signature("1700000000", "nonce42", encrypted);
            assertEquals(message, wxJava.decryptContent(signature, "1700000000", "nonce42", encrypted));
        }
    }

    @Test
    void wxJavaReadsOurEnvelopeXml() throws Exception {
        String event = CallbackXml.kfEventXml(CORP_ID, 1700000000L, "ENCsyncToken", "wkAccount");
        String encrypted = ours.encrypt(event);
        String signature = ours.signature("1700000000", "n", encrypted);
        String envelope = CallbackXml.envelopeXml(CORP_ID, null, encrypted);
        assertEquals(event, wxJava.decryptXml(signature, "1700000000", "n", envelope));
    }

    @Test
    void weDecryptAndVerifyWhatWxJavaEncryptsAndSigns() throws Exception {
        for (String message : messages()) {
            WxCryptUtil.EncryptContext sent = wxJava.encryptContext(message);
            assertEquals(message,
                    ours.verifyAndDecrypt(sent.getSignature(), sent.getTimeStamp(), sent.getNonce(),
                            sent.getEncrypt()));
        }
    }

    @Test
    void weReadWxJavasFullReplyXmlAndSignAsItsSha1Does() throws Exception {
        String event = CallbackXml.kfEventXml(CORP_ID, 1700000000L, "ENC令牌", null);
        String replyXml = wxJava.encrypt(event);
        String encrypted = CallbackXml.encryptField(replyXml);
        assertEquals(event, ours.decrypt(encrypted));
        assertEquals(SHA1.gen(TOKEN, "1700000001", "nonce", encrypted),
                ours.signature("1700000001", "nonce", encrypted));
    }

    @Test
    void bothProduceTheSameCiphertextForTheSameRandom() throws Exception {
        String random = "0123456789abcdef";
        for (String message : messages()) {
            assertEquals(wxJava.encrypt(random, message),
                    ours.encrypt(message, random.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private static WxCpCryptUtil wxJava() {
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setToken(TOKEN);
        config.setAesKey(AES_KEY);
        config.setCorpId(CORP_ID);
        return new WxCpCryptUtil(config);
    }

    private static List<String> messages() {
        List<String> messages = new ArrayList<>(List.of("", "hello", "我是中文abcd123", "😀 emoji 🚀",
                CallbackCryptoTest.A2_MESSAGE));
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            messages.add(CallbackCryptoTest.randomText(random, random.nextInt(400)));
        }
        return messages;
    }
}
