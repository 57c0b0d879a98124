package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** WXBizMsgCrypt against the official vectors of wecom-kf-api.md §4.3, and every way a callback can be wrong. */
class CallbackCryptoTest {

    static final String TOKEN = "QDG6eK";
    static final String CORP_ID = "wx5823bf96d3bd56c7";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String AES_KEY_HEX = "8d69989bbaabe67328014c194631ad0719b3dca035b64023df292447aab60760";

    static final String A1_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    static final String A1_TIMESTAMP = "1409659589";
    static final String A1_NONCE = "263014780";
    static final String A1_ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

    static final String A2_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
    static final String A2_TIMESTAMP = "1409659813";
    static final String A2_NONCE = "1372623149";
    static final String A2_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3"
            + "QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLx"
            + "AUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6ti"
            + "WSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVK"
            + "n28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    static final String A2_MESSAGE = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
            + "<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n"
            + "<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n"
            + "<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";
    static final String A2_SHA256 = "62f23e2db9188b2883215b599af3d8ffcaa3fae68770c8f84529cfc560683f32";

    private final CallbackCrypto crypto = crypto(TOKEN, AES_KEY, CORP_ID);

    @Test
    void decryptsTheOfficialUrlVerificationEchostr() throws Exception {
        assertEquals("1616140317555161061",
                crypto.verifyAndDecrypt(A1_SIGNATURE, A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR));
    }

    @Test
    void signsLikeTheOfficialSample() {
        assertEquals(A1_SIGNATURE, crypto.signature(A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR));
        assertEquals(A2_SIGNATURE, crypto.signature(A2_TIMESTAMP, A2_NONCE, A2_ENCRYPT));
    }

    @Test
    void decryptsTheOfficialMessagePostToTheExact284Bytes() throws Exception {
        String message = crypto.verifyAndDecrypt(A2_SIGNATURE, A2_TIMESTAMP, A2_NONCE, A2_ENCRYPT);
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        assertEquals(284, bytes.length);
        assertEquals(A2_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertEquals(A2_MESSAGE, message);
    }

    @Test
    void encryptsTheDeterministicVectorByteForByte() throws Exception {
        CallbackCrypto mp = crypto("any", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxb11529c136998cb6");
        String encrypted = mp.encrypt("我是中文abcd123", "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII));
        assertEquals("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
                encrypted);
        assertEquals("我是中文abcd123", mp.decrypt(encrypted));
    }

    @Test
    void rejectsSignatureMadeWithAnotherToken() {
        CallbackCrypto wrongToken = crypto("NotTheToken", AES_KEY, CORP_ID);
        assertError(-40001, () -> wrongToken.verifyAndDecrypt(A1_SIGNATURE, A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR));
    }

    @Test
    void rejectsSignatureOverOtherTimestampNonceOrPayload() {
        assertError(-40001, () -> crypto.verify(A2_SIGNATURE, "1409659814", A2_NONCE, A2_ENCRYPT));
        assertError(-40001, () -> crypto.verify(A2_SIGNATURE, A2_TIMESTAMP, "1372623150", A2_ENCRYPT));
        assertError(-40001, () -> crypto.verify(A2_SIGNATURE, A2_TIMESTAMP, A2_NONCE, A1_ECHOSTR));
        assertError(-40001, () -> crypto.verify(null, A2_TIMESTAMP, A2_NONCE, A2_ENCRYPT));
        assertError(-40001, () -> crypto.verify("", A2_TIMESTAMP, A2_NONCE, A2_ENCRYPT));
    }

    @Test
    void rejectsCallbackWhoseReceiveIdIsAnotherCorp() {
        CallbackCrypto otherCorp = crypto(TOKEN, AES_KEY, "ww0000000000000000");
        assertError(-40005, () -> otherCorp.verifyAndDecrypt(A2_SIGNATURE, A2_TIMESTAMP, A2_NONCE, A2_ENCRYPT));
        CallbackCrypto prefixOfCorp = crypto(TOKEN, AES_KEY, "wx5823bf96d3bd56c");
        assertError(-40005, () -> prefixOfCorp.decrypt(A1_ECHOSTR));
    }

    @Test
    void rejectsCiphertextThatIsNotWholeAesBlocks() {
        byte[] whole = Base64.getDecoder().decode(A2_ENCRYPT);
        String truncated = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(whole, whole.length - 5));
        assertError(-40007, () -> crypto.decrypt(truncated));
        assertError(-40007, () -> crypto.decrypt(Base64.getEncoder().encodeToString(new byte[15])));
        assertError(-40007, () -> crypto.decrypt(""));
        assertError(-40007, () -> crypto.decrypt(null));
    }

    @Test
    void rejectsPaddingOfZero() {
        byte[] plain = plaintext("hello", CORP_ID, 64);
        plain[plain.length - 1] = 0;
        assertError(-40008, () -> crypto.decrypt(rawEncrypt(plain)));
    }

    @Test
    void rejectsPaddingAbove32() {
        byte[] plain = plaintext("hello", CORP_ID, 64);
        plain[plain.length - 1] = 33;
        assertError(-40008, () -> crypto.decrypt(rawEncrypt(plain)));
    }

    @Test
    void rejectsMessageLengthPastTheEnd() {
        byte[] plain = plaintext("hello", CORP_ID, 64);
        ByteBuffer.wrap(plain).putInt(16, 5 + CORP_ID.length() + 1);
        assertError(-40008, () -> crypto.decrypt(rawEncrypt(plain)));
        ByteBuffer.wrap(plain).putInt(16, -1);
        assertError(-40008, () -> crypto.decrypt(rawEncrypt(plain)));
    }

    @Test
    void rejectsBufferTooShortForRandomAndLength() {
        byte[] allPadding = new byte[32];
        java.util.Arrays.fill(allPadding, (byte) 32);
        assertError(-40008, () -> crypto.decrypt(rawEncrypt(allPadding)));
    }

    @Test
    void acceptsHandBuiltPlaintextSoTheNegativeCasesDifferOnlyInTheirFlaw() throws Exception {
        assertEquals("hello", crypto.decrypt(rawEncrypt(plaintext("hello", CORP_ID, 64))));
    }

    @Test
    void rejectsBase64WithASpace() {
        String spaced = A2_ENCRYPT.substring(0, 20) + " " + A2_ENCRYPT.substring(20);
        assertError(-40010, () -> crypto.decrypt(spaced));
        assertError(-40010, () -> crypto.decrypt("not base64!"));
    }

    @Test
    void rejectsAesKeyThatIsNot43Base64Characters() {
        assertError(-40004, () -> new CallbackCrypto(TOKEN, AES_KEY.substring(1), CORP_ID));
        assertError(-40004, () -> new CallbackCrypto(TOKEN, AES_KEY + "x", CORP_ID));
        assertError(-40004, () -> new CallbackCrypto(TOKEN, "#" + AES_KEY.substring(1), CORP_ID));
        assertError(-40004, () -> new CallbackCrypto(TOKEN, null, CORP_ID));
        assertError(-40004, () -> new CallbackCrypto(TOKEN, "", CORP_ID));
    }

    @Test
    void roundTripsAnyUtf8TextIncludingCjkEmojiAndEmpty() throws Exception {
        List<String> messages = new ArrayList<>(List.of("", "a", "你好，世界", "😀👍🏽 家族👨‍👩‍👧", "mixed 中文 and 🚀 ]]>"));
        Random random = new Random(20240601);
        for (int i = 0; i < 200; i++) {
            messages.add(randomText(random, random.nextInt(600)));
        }
        for (String message : messages) {
            String encrypted = crypto.encrypt(message);
            assertEquals(message, crypto.decrypt(encrypted));
            assertEquals(message, crypto.verifyAndDecrypt(crypto.signature("1", "2", encrypted), "1", "2", encrypted));
        }
    }

    @Test
    void encryptsWithFreshRandomEachTime() throws Exception {
        assertNotEquals(crypto.encrypt("same"), crypto.encrypt("same"));
    }

    @Test
    void exceptionMessagesNeverContainKeyMaterial() {
        byte[] key = HexFormat.of().parseHex(AES_KEY_HEX);
        List<String> secrets = List.of(TOKEN, AES_KEY, AES_KEY.substring(0, 20), AES_KEY_HEX,
                AES_KEY_HEX.toUpperCase(), Base64.getEncoder().encodeToString(key),
                new String(key, StandardCharsets.ISO_8859_1));
        List<Executable> failures = List.of(
                () -> crypto.verify("0".repeat(40), A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR),
                () -> crypto(TOKEN, AES_KEY, "other").decrypt(A1_ECHOSTR),
                () -> crypto.decrypt("AAAA"),
                () -> crypto.decrypt("A A"),
                () -> crypto.encrypt("x", new byte[3]),
                () -> new CallbackCrypto(TOKEN, AES_KEY.substring(0, 42) + "#", CORP_ID),
                () -> new CallbackCrypto(TOKEN, AES_KEY + AES_KEY, CORP_ID));
        for (Executable failure : failures) {
            CallbackCryptoException e = assertThrows(CallbackCryptoException.class, failure);
            for (Throwable t = e; t != null; t = t.getCause()) {
                String text = t + " " + t.getMessage();
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), () -> "exception text reveals key material: " + text);
                }
            }
        }
    }

    static CallbackCrypto crypto(String token, String aesKey, String receiveId) {
        try {
            return new CallbackCrypto(token, aesKey, receiveId);
        } catch (CallbackCryptoException e) {
            throw new AssertionError(e);
        }
    }

    static void assertError(int code, Executable call) {
        CallbackCryptoException e = assertThrows(CallbackCryptoException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }

    /** random(16) ‖ len ‖ msg ‖ receiveId, padded with PKCS#7 bytes to {@code total}, which the test then spoils. */
    private static byte[] plaintext(String message, String receiveId, int total) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(total);
        plain.put(new byte[16]).putInt(msg.length).put(msg).put(id);
        int pad = total - plain.position();
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return plain.array();
    }

    /** AES-256-CBC with no padding at all, so the test controls every byte the decryptor will see. */
    private static String rawEncrypt(byte[] plain) throws Exception {
        byte[] key = HexFormat.of().parseHex(AES_KEY_HEX);
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
    }

    static String randomText(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.appendCodePoint(0x20 + random.nextInt(0x5f));
                case 1 -> text.appendCodePoint(0x4e00 + random.nextInt(0x5000));
                case 2 -> text.appendCodePoint(0x1f300 + random.nextInt(0x300));
                default -> text.appendCodePoint(0xa0 + random.nextInt(0x2000));
            }
        }
        return text.toString();
    }
}
