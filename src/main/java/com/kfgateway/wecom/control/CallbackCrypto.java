package com.kfgateway.wecom.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback crypto (WXBizMsgCrypt): SHA-1 signatures over the sorted parts and AES-256-CBC with PKCS#7 over
 * 32-byte blocks. The JDK's PKCS5Padding pads to 16 bytes and rejects WeCom's own vectors, hence NoPadding and our
 * own padding. Immutable and thread-safe.
 */
public final class CallbackCrypto {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final byte[] aesKey;
    private final String receiveId;

    /**
     * @param token          the callback Token (signing secret)
     * @param encodingAesKey the 43-character EncodingAESKey
     * @param receiveId      the corp id every decrypted message must carry
     */
    public CallbackCrypto(String token, String encodingAesKey, String receiveId) throws CallbackCryptoException {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_AES_KEY);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_AES_KEY);
        }
        if (key.length != 32) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_AES_KEY);
        }
        this.token = token == null ? "" : token;
        this.aesKey = key;
        this.receiveId = receiveId == null ? "" : receiveId;
    }

    /** {@code hex(sha1(sorted(token, timestamp, nonce, encrypted)))}, lowercase. */
    public String signature(String timestamp, String nonce, String encrypted) {
        String[] parts = {token, nullToEmpty(timestamp), nullToEmpty(nonce), nullToEmpty(encrypted)};
        Arrays.sort(parts);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (String part : parts) {
                sha1.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }

    /** Compares in constant time so the check leaks nothing about how much of a forged signature was right. */
    public void verify(String msgSignature, String timestamp, String nonce, String encrypted)
            throws CallbackCryptoException {
        byte[] expected = signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
        byte[] given = nullToEmpty(msgSignature).toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new CallbackCryptoException(CryptoError.VALIDATE_SIGNATURE);
        }
    }

    /** Verifies the signature, then decrypts; the usual path for both GET echostr and POST Encrypt. */
    public String verifyAndDecrypt(String msgSignature, String timestamp, String nonce, String encrypted)
            throws CallbackCryptoException {
        verify(msgSignature, timestamp, nonce, encrypted);
        return decrypt(encrypted);
    }

    public String decrypt(String encrypted) throws CallbackCryptoException {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(nullToEmpty(encrypted));
        } catch (IllegalArgumentException e) {
            throw new CallbackCryptoException(CryptoError.DECODE_BASE64);
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw new CallbackCryptoException(CryptoError.DECRYPT_AES);
        }
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE).doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw new CallbackCryptoException(CryptoError.DECRYPT_AES);
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_BUFFER);
        }
        int contentLength = plain.length - pad;
        if (contentLength < 20) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_BUFFER);
        }
        long msgLength = ByteBuffer.wrap(plain, 16, 4).getInt() & 0xffffffffL;
        if (20 + msgLength > contentLength) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_BUFFER);
        }
        int msgEnd = 20 + (int) msgLength;
        String fromId = new String(plain, msgEnd, contentLength - msgEnd, StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(fromId.getBytes(StandardCharsets.UTF_8),
                receiveId.getBytes(StandardCharsets.UTF_8))) {
            throw new CallbackCryptoException(CryptoError.VALIDATE_RECEIVE_ID);
        }
        return new String(plain, 20, (int) msgLength, StandardCharsets.UTF_8);
    }

    /** Encrypts with 16 fresh random bytes, as WeCom does for every callback. */
    public String encrypt(String message) throws CallbackCryptoException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(message, random);
    }

    /** Encrypts with the given 16 random bytes; deterministic, for test vectors. */
    public String encrypt(String message, byte[] random16) throws CallbackCryptoException {
        if (random16 == null || random16.length != 16) {
            throw new CallbackCryptoException(CryptoError.ENCRYPT_AES);
        }
        byte[] msg = nullToEmpty(message).getBytes(StandardCharsets.UTF_8);
        byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + msg.length + id.length;
        int pad = BLOCK - (unpadded % BLOCK);
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random16).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new CallbackCryptoException(CryptoError.ENCRYPT_AES, e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(aesKey, 0, 16));
        return cipher;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
