package com.kfgateway.wecom.control;

import static com.kfgateway.wecom.control.CallbackCryptoTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The unsigned POST envelope is read within bounds (depth, size) by a stream reader, never as a tree; what the DOM
 * accepted before but the bounds refuse now is listed here.
 */
class CallbackEnvelopeTest {

    private static final int PARSE_XML = -40002;

    @Test
    void readsEncryptFromAnEnvelopeFourLevelsDeep() throws Exception {
        String envelope = "<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[abc+/=]]></Encrypt>"
                + "<Extra><a><b>x</b></a></Extra></xml>";
        assertEquals("abc+/=", CallbackXml.encryptField(envelope));
    }

    @Test
    void refusesAnEnvelopeFiveLevelsDeepEvenWithAGoodEncrypt() {
        String envelope = "<xml><Encrypt>abc</Encrypt><Extra><a><b><c>x</c></b></a></Extra></xml>";
        assertError(PARSE_XML, () -> CallbackXml.encryptField(envelope));
    }

    @Test
    void refusesAThousandNestedElementsThatFitTheSizeLimit() {
        String nested = "<a>".repeat(1000) + "</a>".repeat(1000);
        String envelope = "<xml><Encrypt>abc</Encrypt>" + nested + "</xml>";
        assertError(PARSE_XML, () -> CallbackXml.encryptField(envelope));
    }

    @Test
    void acceptsAnEnvelopeOfExactlyTheLimitAndRefusesOneByteMore() throws Exception {
        String start = "<xml><Encrypt>abc</Encrypt><!--";
        String end = "--></xml>";
        String atLimit = start + "x".repeat(CallbackXml.MAX_ENVELOPE_BYTES - start.length() - end.length()) + end;
        assertEquals("abc", CallbackXml.encryptField(atLimit));
        String overLimit = start + "x".repeat(CallbackXml.MAX_ENVELOPE_BYTES - start.length() - end.length() + 1)
                + end;
        assertError(PARSE_XML, () -> CallbackXml.encryptField(overLimit));
    }

    @Test
    void countsTheLimitInUtf8BytesNotCharacters() {
        String start = "<xml><Encrypt>abc</Encrypt><!--";
        String end = "--></xml>";
        // 3 bytes each: under the limit in characters, over it in bytes.
        String chinese = start + "令".repeat(CallbackXml.MAX_ENVELOPE_BYTES / 3) + end;
        assertError(PARSE_XML, () -> CallbackXml.encryptField(chinese));
    }

    @Test
    void refusesAnEntityReferenceWithoutADoctype() {
        assertError(PARSE_XML, () -> CallbackXml.encryptField("<xml><Encrypt>&e;</Encrypt></xml>"));
    }

    @Test
    void refusesContentAfterTheRoot() {
        assertError(PARSE_XML, () -> CallbackXml.encryptField("<xml><Encrypt>abc</Encrypt></xml><xml/>"));
    }

    @Test
    void keepsTheEncryptTextExactlyAsSentAcrossCdataSections() throws Exception {
        String envelope = CallbackXml.envelopeXml("ww1", "1000002", "abc]]>def");
        assertEquals("abc]]>def", CallbackXml.encryptField(envelope));
    }
}
